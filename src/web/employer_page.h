/* employer_page.h - honest employer pages (issue 12): each verified
 * employer's public page with its open vacancies, verification date, answer
 * rate and median time to a first answer (above a minimum count), and the
 * staff list of the slowest employers. */
#ifndef LOKER_WEB_EMPLOYER_PAGE_H
#define LOKER_WEB_EMPLOYER_PAGE_H

#include <stdint.h>

#include "http/http.h"
#include "web/routes.h"

/* "Membalas 80% lamaran, biasanya dalam 3 hari" for employer_id, or NULL
 * below the minimum count (or on a store error); remembered per request. */
const char *employer_page_answer_summary(struct http_request *req, int64_t employer_id);

/* The handlers; web/route_table.c routes them. */
web_handler employer_public_page;  /* GET /pemberi-kerja/{id} */
web_handler employer_slowest_page; /* GET /dinas/pemberi-lambat */

#endif
