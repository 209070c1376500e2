/* applications.h - the seeker's side of applying: the "Lamar" form, their
 * applications with the timeline of every change, withdrawing, "Saya sudah
 * bekerja", the API for the same, and the hooks the rest of the site calls
 * when a vacancy closes or an application waits too long. */
#ifndef LOKER_WEB_APPLICATIONS_H
#define LOKER_WEB_APPLICATIONS_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "http/http.h"
#include "store/store.h"
#include "web/app.h"

/* The vacancy closed: tell every applicant still open (inbox, outbox and an
 * event "Lowongan ditutup" on their timeline). Call after the close committed. */
void applications_vacancy_closed(struct web_request *w, struct arena *a, int64_t vacancy_id);

/* Remind employers of applications left 'baru' for 14 days (inbox and
 * outbox, once per application). Returns how many were reminded, -1 on error. */
int applications_remind_untouched(struct store *s, struct arena *a, int64_t now);

/* "Baru", "Diseleksi", "Wawancara", "Diterima", "Ditolak", "Ditarik". */
const char *applications_status_label(const char *status);

#endif
