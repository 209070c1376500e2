/* domicile.h - deciding a domicile request (a seeker whose NIK is from
 * elsewhere but who lives in Purbalingga): the same form for Dinas staff and
 * the village operator; callers check who may decide. */
#ifndef LOKER_WEB_DOMICILE_H
#define LOKER_WEB_DOMICILE_H

#include <stdint.h>

#include "http/http.h"

/* Read decision (approve/reject) and reason from the form, store them with the
 * audit entry, then 303 to back_url; on bad input 422 with a message. */
void domicile_decide(struct http_request *req, struct http_response *res, int64_t seeker_id, const char *back_url);

#endif
