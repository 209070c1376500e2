/* vacancy_query.h - the query string of /lowongan, /lowongan.atom and
 * /api/v1/vacancies: read into the search service's parameters
 * (app/vacancy_search.h), and written back for filter links and pages. */
#ifndef LOKER_WEB_VACANCY_QUERY_H
#define LOKER_WEB_VACANCY_QUERY_H

#include "app/vacancy_search.h"
#include "http/http.h"

/* The request's query parameters into p (invalid values ignored). */
void vacancy_query_read(struct http_request *req, struct vacancy_search_params *p);
/* The query string that reproduces p with one parameter changed or removed
 * (value NULL), for filter links and pagination. Always starts with '?'. */
const char *vacancy_query_string(struct arena *a, const struct vacancy_search_params *p, const char *name,
                                 const char *value);

/* How far a vacancy is from the desa a seeker searches near ("dekat"):
 * "Di desa Anda", "Di kecamatan Anda", "Kecamatan tetangga (Bobotsari)". */
const char *vacancy_query_near_label(struct arena *a, const char *village_code, const struct vacancy *v);

#endif
