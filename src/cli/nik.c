/* nik.c - `loker nik [NIK ...]`: the NIK rules for operators and scripts.
 * One JSON object a line, keys in a fixed order (DESIGN.md, Contracts). */
#include "cli/nik.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "core/nik.h"
#include "core/wilayah.h"

/* A line longer than this is not a NIK, whatever its separators. */
#define NIK_CLI_LINE_MAX 256

static void
nik_cli_usage(FILE *f)
{
	fprintf(f, "Pemakaian: loker nik [NIK ...]\n"
	    "Tanpa argumen: satu NIK per baris dari masukan standar.\n"
	    "Mencetak satu objek JSON per baris; keluar 0 bila semua NIK memenuhi syarat.\n");
}

/* The input as a JSON string. Input that is not UTF-8 keeps its ASCII and
 * shows every other byte as '?', so one bad line never stops the output. */
static json_t *
nik_cli_raw_string(const char *raw, size_t len)
{
	char safe[NIK_CLI_LINE_MAX + 1];
	json_t *s;

	if (len > NIK_CLI_LINE_MAX)
		len = NIK_CLI_LINE_MAX;
	s = json_stringn(raw, len);
	if (s != NULL)
		return s;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)raw[i];
		safe[i] = (c >= 0x80 || c == 0) ? '?' : (char)c;
	}
	safe[len] = '\0';
	return json_stringn(safe, len);
}

/* Print one result line; returns 0, or -1 when it could not be written. */
static int
nik_cli_print(const char *raw, size_t rawlen, const struct nik_info *info)
{
	json_t *o = json_object();
	char date[11], sex[2] = { info->sex, '\0' };
	char *line = NULL;
	int rc = -1;
	bool region = info->district_code[0] != '\0';

	if (o == NULL)
		goto fail;
	if (info->reason == NIK_FORMAT)
		json_object_set_new(o, "nik", nik_cli_raw_string(raw, rawlen));
	else
		json_object_set_new(o, "nik", json_string(info->digits));
	json_object_set_new(o, "valid", json_boolean(info->valid));
	json_object_set_new(o, "eligible", json_boolean(info->eligible));
	json_object_set_new(o, "reason", json_string(nik_reason_code(info->reason)));
	/* Codes are known once the region checked out, even when the date did not. */
	json_object_set_new(o, "regency_code", region ? json_string(info->regency_code) : json_null());
	json_object_set_new(o, "district_code", region ? json_string(info->district_code) : json_null());
	json_object_set_new(o, "district",
	    region && info->district ? json_string(info->district) : json_null());
	date_format(info->birth, date);
	json_object_set_new(o, "birth_date", info->valid ? json_string(date) : json_null());
	json_object_set_new(o, "sex", info->valid ? json_string(sex) : json_null());
	json_object_set_new(o, "serial", info->valid ? json_integer(info->serial) : json_null());
	if (json_object_size(o) != 10)
		goto fail;
	line = json_dumps(o, JSON_PRESERVE_ORDER | JSON_COMPACT);
	if (line == NULL)
		goto fail;
	if (fputs(line, stdout) == EOF || fputc('\n', stdout) == EOF)
		goto fail;
	rc = 0;

fail:
	free(line);
	json_decref(o);
	return rc;
}

/* Check one input and print its line; *all_eligible drops to false on any
 * input that is not eligible. Returns -1 on a write error. */
static int
nik_cli_one(const char *raw, size_t rawlen, bool force_format, struct date today,
    bool *all_eligible)
{
	struct nik_info info;

	if (force_format) {
		memset(&info, 0, sizeof(info));
		info.reason = NIK_FORMAT;
	} else {
		nik_check(raw, today, &info);
	}
	if (!info.eligible)
		*all_eligible = false;
	return nik_cli_print(raw, rawlen, &info);
}

/* Read standard input a line at a time, each line at most NIK_CLI_LINE_MAX
 * bytes kept; longer lines and lines holding a NUL byte are format errors.
 * Blank lines at the very end (a trailing newline) are not inputs. */
static int
nik_cli_stdin(struct date today, bool *all_eligible)
{
	char line[NIK_CLI_LINE_MAX + 1];
	size_t len = 0, pending_blank = 0;
	bool too_long = false, has_nul = false, any = false;
	int c;

	for (;;) {
		c = getchar();
		if (c != EOF && c != '\n') {
			any = true;
			if (c == '\0')
				has_nul = true;
			if (len < NIK_CLI_LINE_MAX)
				line[len++] = (char)c;
			else
				too_long = true;
			continue;
		}
		if (c == EOF && !any)
			break;
		/* A line ends: drop a Windows \r and surrounding blanks/tabs. */
		size_t start = 0;
		while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == ' ' ||
		    line[len - 1] == '\t'))
			len--;
		while (start < len && (line[start] == ' ' || line[start] == '\t'))
			start++;
		line[len] = '\0';
		if (len == start && !too_long && !has_nul) {
			pending_blank++;
		} else {
			/* Blank lines between inputs are inputs too (format errors). */
			for (; pending_blank > 0; pending_blank--)
				if (nik_cli_one("", 0, true, today, all_eligible) != 0)
					return -1;
			if (nik_cli_one(line + start, len - start, too_long || has_nul, today,
			    all_eligible) != 0)
				return -1;
		}
		len = 0;
		too_long = has_nul = any = false;
		if (c == EOF)
			break;
	}
	if (ferror(stdin)) {
		fprintf(stderr, "loker nik: gagal membaca masukan standar\n");
		return -1;
	}
	return 0;
}

int
cmd_nik(int argc, char **argv)
{
	struct date today;
	bool all_eligible = true;
	int rc = 1;

	if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		nik_cli_usage(stdout);
		return 0;
	}
	if (wilayah_init() != 0) {
		fprintf(stderr, "loker nik: data wilayah rusak\n");
		return 1;
	}
	today = date_from_unix_wib((int64_t)time(NULL));
	if (argc > 1) {
		for (int i = 1; i < argc; i++) {
			size_t len = strlen(argv[i]);
			if (nik_cli_one(argv[i], len, len > NIK_CLI_LINE_MAX, today,
			    &all_eligible) != 0)
				goto fail;
		}
	} else if (nik_cli_stdin(today, &all_eligible) != 0) {
		goto fail;
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		goto fail;
	rc = all_eligible ? 0 : 1;

fail:
	return rc;
}
