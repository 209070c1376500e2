/* dashboard.h - the Dinas dashboard's figures: the store's rows
 * (store/dashboard.h) counted by report/dashboard.h. */
#ifndef LOKER_APP_DASHBOARD_H
#define LOKER_APP_DASHBOARD_H

#include <stdint.h>

#include "base/arena.h"
#include "report/dashboard.h"
#include "store/store.h"

/* Compute everything for filter f as of now; umk is the UMK in rupiah to
 * compare wages with. Tables live in arena a. STORE_OK or STORE_ERROR. */
enum store_result app_dashboard(struct store *s, struct arena *a, const struct dash_filter *f, int64_t now,
                                int64_t umk, struct dashboard *out);

#endif
