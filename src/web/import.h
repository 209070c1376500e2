/* import.h - the CSV upload page for vacancies, for employers (their own)
 * and Dinas admins (a pemberi_kerja column names the employer). */
#ifndef LOKER_WEB_IMPORT_H
#define LOKER_WEB_IMPORT_H

#include "http/http.h"
#include "store/employers.h"
#include "app/posting.h"

/* The upload form at action, with a report when there is one. */
void import_render(struct http_request *req, struct http_response *res, const char *action,
                   const struct import_report *rep, int status);
/* Read the uploaded `file` and import it for employer (NULL: admin import). */
void import_run(struct http_request *req, struct http_response *res, const char *action,
                const struct store_employer *employer);

#endif
