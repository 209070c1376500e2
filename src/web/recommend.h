/* recommend.h - two-way matching pages: "Rekomendasi untuk saya" for
 * seekers, "Kandidat yang cocok" for employers (open profiles only) and for
 * Dinas staff (every active seeker), and the same in the API. Ranking runs
 * over the in-memory indexes (search/vacancy_match.h, search/people.h);
 * reasons are made only for the rows shown. */
#ifndef LOKER_WEB_RECOMMEND_H
#define LOKER_WEB_RECOMMEND_H

#include <stddef.h>

#include "http/http.h"
#include "web/routes.h"

#define RECOMMEND_TOP 20           /* a page of recommendations */
#define RECOMMEND_ALMOST 5          /* "hampir cocok" shown on the first page */
#define RECOMMEND_ALMOST_MIN 60     /* their score once the gap is closed */
#define RECOMMEND_FEW 3         /* fewer recommendations than this: say so, and what helps */
#define RECOMMEND_CANDIDATES 30

/* The handlers of recommend.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler recommend_candidate_cv, recommend_page, api_recommendations,
            recommend_candidates_employer, recommend_invite, recommend_candidates_staff,
            api_candidates;

#endif
