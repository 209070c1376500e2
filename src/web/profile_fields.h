/* profile_fields.h - what the profile's files share (not for other
 * modules): the field reader behind the form and the API, and loading a
 * seeker's profile with their age. */
#ifndef LOKER_WEB_PROFILE_FIELDS_H
#define LOKER_WEB_PROFILE_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "base/arena.h"
#include "core/date.h"
#include "http/http.h"
#include "store/profiles.h"
#include "store/seekers.h"
#include "app/form.h"

#define PROFILE_LIST_MAX 48             /* items read from one list field */
#define PROFILE_SKILLS_MAX MATCH_MAX_SKILLS
#define PROFILE_CERTS_MAX 20
#define PROFILE_LANGS_MAX 10
#define PROFILE_STILL_LOOKING_S (183 * 86400)   /* ask again after about 6 months */
#define PROFILE_ADULT_AGE 18
#define PROFILE_SIM_COUNT 4

/* Where fields come from: the HTML form or a JSON object. get gives a
 * scalar (NULL or "" when absent); values gives the items of a list field
 * (repeated form fields or a JSON array, each also split at commas). */
struct profile_source {
	const char *(*get)(void *ctx, struct arena *a, const char *name);
	size_t (*values)(void *ctx, struct arena *a, const char *name, const char **out, size_t max);
	void *ctx;
	const char *bad_type;           /* a JSON field of the wrong type */
};

/* A JSON object as a source (ctx of profile_json_get/values). */
struct profile_json_source {
	json_t *obj;
	struct profile_source *src;
};

/* The SIM classes offered as checkboxes: A, B1, B2, C. */
extern const char *const profile_sim_codes[PROFILE_SIM_COUNT];

/* Append the trimmed, non-empty comma/semicolon/newline separated items of
 * text to out[*n] (up to max; *n may then equal max + 1 to say "too many"). */
void profile_split_items(struct arena *a, const char *text, const char **out, size_t *n, size_t max);
/* A text that holds something besides spaces. */
bool profile_filled(const char *s);

/* Field getters of the form and of a JSON object (struct profile_json_source). */
const char *profile_form_get(void *ctx, struct arena *a, const char *name);
size_t profile_form_values(void *ctx, struct arena *a, const char *name, const char **out, size_t max);
const char *profile_json_get(void *ctx, struct arena *a, const char *name);
size_t profile_json_values(void *ctx, struct arena *a, const char *name, const char **out, size_t max);

/* Read and check every profile field into p (user_id and has_cv untouched). */
void profile_read(struct arena *a, struct profile_source *src, bool minor, struct date today, struct store_profile *p,
                  struct form_errors *e);

/* Under 18 today (the birth date decides; the stored flag when it cannot). */
bool profile_seeker_minor(const struct store_seeker *k, struct date today);
/* The profile and whether its owner is under 18; false (after a 500 page or
 * JSON error) when they cannot be read. */
bool profile_load(struct http_request *req, struct http_response *res, int64_t user_id, bool api,
                  struct store_profile *p, bool *minor);

#endif
