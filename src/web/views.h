/* views.h - how records are shown to people: one place that turns a store
 * record into template fields (labels, masked NIK, region names), so every
 * page shows a seeker or an employer the same way. */
#ifndef LOKER_WEB_VIEWS_H
#define LOKER_WEB_VIEWS_H

#include "http/http.h"
#include "store/employers.h"
#include "store/seekers.h"
#include "store/vacancies.h"
#include "view/tpl.h"

void views_seeker(struct http_request *req, struct tpl_ctx *c, const struct store_seeker *k);
void views_employer(struct http_request *req, struct tpl_ctx *c, const struct store_employer *e);
/* A vacancy: the summary a result list shows, or (full) everything. */
void views_vacancy(struct http_request *req, struct tpl_ctx *c, const struct store_vacancy *o, bool full);
/* "Tayang", "Menunggu moderasi", "Ditutup (terisi)" ... */
const char *views_vacancy_status_label(const struct store_vacancy *o);

/* "Menunggu verifikasi domisili" and friends. */
const char *views_domicile_label(const char *status);
const char *views_employer_status_label(const char *status);

/* Sectors and occupations in everyday words for seekers and UMKM ("Toko,
 * dagang, bengkel"), never the KBLI letter/code or the official name:
 * statistics for the Dinas keep the official names (rules_kbli_title). */
const char *views_kbli_label(char letter);
const char *views_kbji_label(int major);
/* True for the sectors most people here work in, offered first in forms. */
bool views_kbli_common(char letter);

#endif
