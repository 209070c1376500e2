/* profile.h - the job seeker's profile pages (/pencari/profil), the CV upload
 * and download, the 6-monthly "masih mencari kerja?" answer, and the profile
 * in the API (/api/v1/me/profile). */
#ifndef LOKER_WEB_PROFILE_H
#define LOKER_WEB_PROFILE_H

#include <stddef.h>

#include <jansson.h>

#include "app/form.h"
#include "http/http.h"
#include "store/profiles.h"
#include "view/tpl.h"
#include "web/routes.h"

#define PROFILE_MISSING_MAX 16          /* completeness items that can be missing */

/* How complete p is, 0..100; the names of what is missing (Bahasa Indonesia,
 * e.g. "keahlian") go into missing (up to max_missing; *nmissing says how
 * many were stored). Disability and the open profile never count. */
int profile_completeness(const struct store_profile *p, const char **missing, size_t max_missing,
                         size_t *nmissing);

/* For the seeker's dashboard: fills the child "profile" of c (percent,
 * missing, ask_still_looking) used by the seeker_home_profile partial. */
void profile_home(struct http_request *req, struct tpl_ctx *c);

/* The seeker's profile as the API shows it (a new reference; NULL when it
 * cannot be read), for the data export /pencari/data. */
json_t *profile_export_json(struct http_request *req, int64_t user_id);

/* GET,POST /pencari/profil */
web_handler profile_form, profile_post;
/* POST /pencari/profil/cv (multipart field cv), POST /pencari/profil/cv/hapus, GET /pencari/profil/cv */
web_handler profile_cv_upload, profile_cv_delete, profile_cv_download;
/* POST /pencari/masih-mencari (answer ya|tidak) */
web_handler profile_still_looking;

/* The profile form's fields (education, skills, wishes) from p into c, as
 * profile.html's partials read them; after errors e, the text as sent. The
 * operator's form for a resident (web/operator.c) uses it. */
void profile_fill_fields(struct http_request *req, struct tpl_ctx *c, const struct store_profile *p, bool minor,
                         const struct form_errors *e);

#endif
