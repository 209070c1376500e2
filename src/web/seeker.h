/* seeker.h - the job seeker's own pages: dashboard, data export, deletion. */
#ifndef LOKER_WEB_SEEKER_H
#define LOKER_WEB_SEEKER_H

#include "http/http.h"
#include "web/routes.h"

/* "Senin, 7 Desember 2026 pukul 09.00" for an interview time as stored
 * ("YYYY-MM-DD HH:MM"); the text unchanged when it is not that. */
const char *seeker_interview_words(struct http_request *req, const char *at);

/* The handlers of seeker.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler seeker_home, seeker_export, seeker_delete_form, seeker_delete_post;

#endif
