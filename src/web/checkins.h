/* checkins.h - the worker's check-in pages (issue 12): one and three
 * months after a placement, three questions; a "tidak" on pay or BPJS
 * shows the Dinas' mediation contact. */
#ifndef LOKER_WEB_CHECKINS_H
#define LOKER_WEB_CHECKINS_H

#include "http/http.h"
#include "view/tpl.h"
#include "web/routes.h"

web_handler checkin_page, checkin_post;

/* The unanswered check-ins of the logged-in seeker as "checkins" in c, for
 * the card on /pencari. */
void checkins_home(struct http_request *req, struct tpl_ctx *c);

#endif
