/* import.c - `loker import vacancies FILE.csv`: the 2025 job fair brought
 * 8,947 vacancies; nobody types those in. All or nothing, with the same
 * checks and publishing rule as the forms (app/posting.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/posting.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "store/store.h"

#define IMPORT_MAX_FILE (64u << 20)

static void
import_progress(size_t done, size_t total)
{
	cli_progress("lowongan", (int64_t)done, (int64_t)total);
}

/* The whole file into memory, bounded. */
static char *
read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0) {
		long size = ftell(f);
		if (size >= 0 && (unsigned long)size <= IMPORT_MAX_FILE && fseek(f, 0, SEEK_SET) == 0 &&
		    (data = malloc((size_t)size + 1)) != NULL) {
			*len = fread(data, 1, (size_t)size, f);
			data[*len] = '\0';
		}
	}
	fclose(f);
	return data;
}

int
cmd_import(int argc, char **argv)
{
	int64_t employer;
	struct arena a = {0};
	struct import_report rep = {.progress = import_progress};
	size_t len = 0;
	int rc = 1;

	if (argc < 3 || strcmp(argv[1], "vacancies") != 0) {
		fprintf(stderr, "pakai: loker import vacancies BERKAS.csv [--db FILE] [--employer ID]\n"
		                "       tanpa --employer, setiap baris perlu kolom pemberi_kerja\n");
		return 2;
	}
	if (!cli_opt_int(argc, argv, "--employer", NULL, 0, 0, INT64_MAX, &employer))
		return 2;
	char *data = read_file(argv[2], &len);
	if (data == NULL) {
		fprintf(stderr, "loker: %s tidak dapat dibaca (atau lebih dari 64 MiB)\n", argv[2]);
		return 1;
	}
	if (cli_open(cli_db(argc, argv)) != 0)
		goto done;
	struct store *s = store_get();
	if (s == NULL)
		goto done;
	if (posting_import(s, &a, data, len, employer, time(NULL), &rep) == 0) {
		printf("%zu lowongan diimpor: %zu langsung tayang, %zu menunggu moderasi\n", rep.imported, rep.published,
		       rep.review);
		rc = 0;
	} else {
		fprintf(stderr, "\nTidak ada yang diimpor (%zu baris dibaca):\n", rep.rows);
		for (size_t i = 0; i < rep.message_count; i++)
			fprintf(stderr, "  %s\n", rep.messages[i]);
		if (rep.more_messages)
			fprintf(stderr, "  ... dan %zu kesalahan lain\n", rep.more_messages);
	}
done:
	free(data);
	arena_free(&a);
	store_release();
	return rc;
}
