/* moderation.h - what staff decisions on vacancies mean, shared by the pages and the API. */
#ifndef LOKER_WEB_MODERATION_H
#define LOKER_WEB_MODERATION_H

/* "approve" -> "published", "reject" -> "rejected", "changes" ->
 * "changes_requested"; NULL for anything else. */
const char *moderation_status(const char *decision);

#endif
