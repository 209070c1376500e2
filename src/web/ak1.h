/* ak1.h - the AK/1 card on the web: the seeker asks for it and reports every
 * 6 months (/pencari/ak1), Dinas staff legalise it after seeing the KTP and
 * print it (/dinas/ak1), and anyone holding the card can check it through
 * its QR code (/ak1/{token}), which shows only validity and initials. */
#ifndef LOKER_WEB_AK1_H
#define LOKER_WEB_AK1_H

#include <stddef.h>

#include "http/http.h"

/* GET,POST /pencari/ak1: the card's status, the request (optional photo). */
void ak1_seeker_page(struct http_request *req, struct http_response *res);
void ak1_seeker_request(struct http_request *req, struct http_response *res);
/* POST /pencari/ak1/lapor (box): "masih mencari kerja" for one report box. */
void ak1_seeker_report(struct http_request *req, struct http_response *res);
/* GET /pencari/ak1/kartu.pdf: the seeker's own legalised card, NIK masked. */
void ak1_seeker_pdf(struct http_request *req, struct http_response *res);
/* GET /dinas/ak1 (?q=name, ?status=requested|legalised|rejected|semua). */
void ak1_staff_list(struct http_request *req, struct http_response *res);
/* GET /dinas/ak1/{id}; POST /dinas/ak1/{id}/legalisasi (decision, reason, ktp_seen). */
void ak1_staff_card(struct http_request *req, struct http_response *res);
void ak1_staff_decide(struct http_request *req, struct http_response *res);
/* POST /dinas/ak1/{id}/lapor (box): a report made at the counter. */
void ak1_staff_report(struct http_request *req, struct http_response *res);
/* GET /dinas/ak1/{id}/kartu.pdf (the full NIK, audited, when
 * LOKER_AK1_NIK_MASK=full) and GET /dinas/ak1/{id}/foto. */
void ak1_staff_pdf(struct http_request *req, struct http_response *res);
void ak1_staff_photo(struct http_request *req, struct http_response *res);
/* GET /ak1/{token}: the public check behind the QR code. */
void ak1_public_check(struct http_request *req, struct http_response *res);

#endif
