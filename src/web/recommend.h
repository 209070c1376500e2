/* recommend.h - two-way matching pages: "Rekomendasi untuk saya" for
 * seekers, "Kandidat yang cocok" for employers (open profiles only) and for
 * Dinas staff (every active seeker), and the same in the API. Ranking runs
 * over the in-memory indexes (search/vacancy_match.h, search/people.h);
 * reasons are made only for the rows shown. */
#ifndef LOKER_WEB_RECOMMEND_H
#define LOKER_WEB_RECOMMEND_H

#include <stddef.h>

#include "http/http.h"

#define RECOMMEND_TOP 20
#define RECOMMEND_CANDIDATES 30

/* Handlers; web/routes_*.c route them with their roles and CSRF rules. */
/* GET /pemberi/kandidat/{id}/cv */
void recommend_candidate_cv(struct http_request *req, struct http_response *res);
/* GET /pencari/rekomendasi */
void recommend_page(struct http_request *req, struct http_response *res);
/* GET /api/v1/me/recommendations */
void api_recommendations(struct http_request *req, struct http_response *res);
/* GET /pemberi/lowongan/{id}/kandidat */
void recommend_candidates_employer(struct http_request *req, struct http_response *res);
/* POST /pemberi/lowongan/{id}/kandidat/{seeker_id}/undang */
void recommend_invite(struct http_request *req, struct http_response *res);
/* GET /dinas/lowongan/{id}/kandidat */
void recommend_candidates_staff(struct http_request *req, struct http_response *res);
/* GET /api/v1/vacancies/{id}/candidates */
void api_candidates(struct http_request *req, struct http_response *res);

#endif
