/* money_reports.h - "Saya dimintai uang" pages (issue 12): the seeker's
 * report form on an application or a placement and the list of their
 * reports with the state staff set; the Dinas queue and case page with the
 * employer's record, the actions and the photo. No employer page or API
 * reads anything of this. */
#ifndef LOKER_WEB_MONEY_REPORTS_H
#define LOKER_WEB_MONEY_REPORTS_H

#include <stdint.h>

#include "http/http.h"
#include "view/tpl.h"
#include "web/routes.h"

web_handler money_report_application_form, money_report_application_post, money_report_placement_form,
            money_report_placement_post, money_report_mine, money_reports_queue, money_reports_case,
            money_reports_act, money_reports_clear, money_reports_photo;

/* The seeker's reports on application_id as "money_reports" in c (state
 * labels, dates), for the application page. */
void money_reports_on_application(struct http_request *req, struct tpl_ctx *c, int64_t application_id);

/* The employer's fair-hiring record as "fair" in c (money reports with
 * their state, hold, check-in answers), for the staff's employer page. */
void money_reports_employer_record(struct http_request *req, struct tpl_ctx *c, int64_t employer_id);

#endif
