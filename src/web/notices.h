/* notices.h - printed notices: the weekly board of open vacancies for the
 * balai desa (staff and village operators print it per desa or kecamatan)
 * and the poster of one vacancy (its employer or staff print it). */
#ifndef LOKER_WEB_NOTICES_H
#define LOKER_WEB_NOTICES_H

#include "http/http.h"

/* GET /dinas/papan and /operator/papan: choose the desa or kecamatan. */
void notices_board_form(struct http_request *req, struct http_response *res);
/* GET /dinas/papan.pdf and /operator/papan.pdf?kecamatan=..&desa=..: the
 * board as an A4 PDF (an operator's default is their own desa). */
void notices_board_pdf(struct http_request *req, struct http_response *res);
/* GET /pemberi/lowongan/{id}/poster.pdf (the employer's own vacancy) and
 * /dinas/lowongan/{id}/poster.pdf: the poster of an open vacancy. */
void notices_poster_pdf(struct http_request *req, struct http_response *res);

#endif
