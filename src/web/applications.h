/* applications.h - the seeker's side of applying: the "Lamar" form, their
 * applications with the timeline of every change, withdrawing, "Saya sudah
 * bekerja", and the API for the same. The rules of applying and the hooks
 * for closed vacancies and waiting applications are in app/apply.h. */
#ifndef LOKER_WEB_APPLICATIONS_H
#define LOKER_WEB_APPLICATIONS_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "http/http.h"
#include "store/store.h"
#include "web/app.h"
#include "web/routes.h"

/* "Baru", "Diseleksi", "Wawancara", "Diterima", "Ditolak", "Ditarik". */
const char *applications_status_label(const char *status);

/* The handlers of applications.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler applications_apply, applications_list_page, placement_form, placement_post,
            applications_page, applications_withdraw, placement_end, api_my_applications,
            api_placement, api_placement_get, api_apply;

#endif
