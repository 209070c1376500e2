/* ak1.h - the AK/1 card on the web: the seeker asks for it and reports every
 * 6 months (/pencari/ak1), Dinas staff legalise it after seeing the KTP and
 * print it (/dinas/ak1), and anyone holding the card can check it through
 * its QR code (/ak1/{token}), which shows only validity and initials. */
#ifndef LOKER_WEB_AK1_H
#define LOKER_WEB_AK1_H

#include <stddef.h>

#include "http/http.h"
#include "web/routes.h"

/* GET,POST /pencari/ak1: the card's status, the request (optional photo). */
web_handler ak1_seeker_page, ak1_seeker_request;
/* POST /pencari/ak1/lapor (box): "masih mencari kerja" for one report box. */
web_handler ak1_seeker_report;
/* GET /pencari/ak1/kartu.pdf: the seeker's own legalised card, NIK masked. */
web_handler ak1_seeker_pdf;
/* GET /dinas/ak1 (?q=name, ?status=requested|legalised|rejected|semua). */
web_handler ak1_staff_list;
/* GET /dinas/ak1/{id}; POST /dinas/ak1/{id}/legalisasi (decision, reason, ktp_seen). */
web_handler ak1_staff_card, ak1_staff_decide;
/* POST /dinas/ak1/{id}/lapor (box): a report made at the counter. */
web_handler ak1_staff_report;
/* GET /dinas/ak1/{id}/kartu.pdf (the full NIK, audited, when
 * LOKER_AK1_NIK_MASK=full) and GET /dinas/ak1/{id}/foto. */
web_handler ak1_staff_pdf, ak1_staff_photo;
/* GET /ak1/{token}: the public check behind the QR code. */
web_handler ak1_public_check;

#endif
