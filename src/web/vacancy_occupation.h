/* vacancy_occupation.h - the employer corrects the occupation search and
 * matching read in their vacancy (issue 9): "Jenis pekerjaan: Penjahit",
 * chosen from the occupation list (data/occupations.csv). */
#ifndef LOKER_WEB_VACANCY_OCCUPATION_H
#define LOKER_WEB_VACANCY_OCCUPATION_H

#include "http/http.h"
#include "web/routes.h"

/* GET and POST /pemberi/lowongan/{id}/jenis-pekerjaan: the form, and the
 * choice saved (an empty choice goes back to reading the text). */
web_handler vacancy_occupation_form, vacancy_occupation_post;

/* The name of the occupation vacancy o is for ("Penjahit"): the employer's
 * choice, else the job its title names, else NULL. */
struct store_vacancy;
const char *vacancy_occupation_name(const struct store_vacancy *o);

#endif
