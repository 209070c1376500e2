/* main_sms.c - `loker-sms`: the `loker sms` command alone, for gammu-smsd's
 * RunOnReceive, which starts one process per incoming SMS. It is the same
 * code as `loker sms`; linked with --as-needed it loads only the shared
 * libraries that code needs (SQLite, libsodium, Jansson, Snowball), not the
 * web server's, the PDF's or the spreadsheets', so each start costs a few
 * milliseconds less (bench/sms_receive.py). */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "app/settings.h"
#include "cli/commands.h"

int
main(int argc, char **argv)
{
	/* As `loker`: the database, its journal and the key file stay private. */
	umask(0077);
	app_settings_load();
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fprintf(argc < 2 ? stderr : stdout, "pakai: loker-sms receive|watch|send|dead|retry ... (sama dengan `loker sms`)\n");
		return argc < 2 ? 2 : 0;
	}
	return cmd_sms(argc, argv);
}
