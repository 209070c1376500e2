/* main.c - `loker COMMAND ...`: command dispatch only. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "app/settings.h"
#include "cli/commands.h"
#include "cli/nik.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *help;
	bool own_help;      /* prints a fuller help itself for `loker CMD --help` */
};

static const struct command commands[] = {
	{"serve", cmd_serve, "serve [--db FILE] [--port N] [--listen ADDR] [--log FILE] [--max-connections N] [--header-timeout DETIK] [--body-timeout DETIK]  jalankan server web", false},
	{"nik", cmd_nik, "nik [NIK ...]                                   periksa NIK (JSON per baris)", true},
	{"migrate", cmd_migrate, "migrate [--db FILE]                             buat/perbarui skema basis data", false},
	{"demo", cmd_demo, "demo [--db FILE] [--seekers N --employers N --vacancies N --applications N]  data demo", false},
	{"admin", cmd_admin, "admin add --name N --phone P [--password-file F]  buat akun admin Dinas", false},
	{"import", cmd_import, "import vacancies BERKAS.csv [--employer ID]       impor lowongan (semua atau tidak sama sekali)", false},
	{"outbox", cmd_outbox, "outbox [--db FILE] [send --command CMD|whatsapp|email] pesan yang menunggu; kirim lewat gateway/WhatsApp API", false},
	{"sms", cmd_sms, "sms receive|watch --inbox DIR|send --spool DIR|dead|retry ID  SMS lewat gammu-smsd (balasan, kirim sekali saja)", false},
	{"notify", cmd_notify, "notify [--db FILE]                              jalankan tugas terjadwal (kedaluwarsa, pengingat, ringkasan harian)", false},
	{"export", cmd_export, "export ipk --month YYYY-MM --format xlsx|csv --out BERKAS  laporan IPK III/1 (juga: export perpres --from --to)", false},
	{"routes", cmd_routes, "routes                                          semua rute web: peran, CSRF, batas", true},
	{"key", cmd_key, "key rotate --new-key-file BERKAS [--db FILE]     ganti kunci: semua NIK dienkripsi ulang", true},
	{"restore", cmd_restore, "restore --from SALINAN [--db FILE]              pulihkan salinan (server harus berhenti)", false},
	{"backup", cmd_backup, "backup [--db FILE] --to SALINAN                 salin basis data selagi berjalan", false},
};

/* Whether -h or --help is among the arguments after the command. */
static bool
wants_help(int argc, char **argv)
{
	for (int i = 2; i < argc; i++)
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
			return true;
	return false;
}

/* `loker CMD ... --help`: the command's line and the shared settings, and
 * nothing else is done (no database opened, no key made, no data written). */
static int
command_help(const struct command *c)
{
	if (c->own_help) {
		char *args[] = { (char *)c->name, (char *)"--help", NULL };
		return c->run(2, args);
	}
	printf("pakai: loker %s\n\n"
	       "Basis data: --db atau LOKER_DB (bawaan var/loker.db); kunci: LOKER_KEY_FILE (bawaan DB.key).\n"
	       "Semua perintah: loker help\n", c->help);
	return 0;
}

static int
usage(FILE *out)
{
	fprintf(out, "loker - platform kerja Kabupaten Purbalingga\n\npakai: loker PERINTAH ...\n\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  loker %s\n", commands[i].help);
	fprintf(out, "\nBasis data: --db atau LOKER_DB (bawaan var/loker.db); kunci: LOKER_KEY_FILE (bawaan DB.key).\n");
	return out == stdout ? 0 : 2;
}

int
main(int argc, char **argv)
{
	/* The database, its journal and the key file hold personal data: nobody
	 * but the service's own user reads them. */
	umask(0077);
	app_settings_load();
	if (argc < 2)
		return usage(stderr);
	if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return usage(stdout);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return wants_help(argc, argv) ? command_help(&commands[i])
			                               : commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "loker: perintah tidak dikenal: %s\n\n", argv[1]);
	return usage(stderr);
}
