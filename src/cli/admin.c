/* admin.c - `loker admin add`: the first Dinas admin, made on the command
 * line because no web page may create an admin before one exists. There is
 * never a default password: it is read from a file or the terminal. */
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "core/account_rules.h"
#include "core/phone.h"
#include "crypto/password.h"
#include "store/users.h"

#define PASSWORD_LINE 256

/* One line into out without its newline; no echo when reading a terminal. */
static int
read_password(FILE *f, bool prompt, char out[PASSWORD_LINE])
{
	struct termios old, quiet;
	bool tty = prompt && isatty(fileno(f));
	if (tty) {
		fprintf(stderr, "Kata sandi admin: ");
		tcgetattr(fileno(f), &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(fileno(f), TCSANOW, &quiet);
	}
	char *got = fgets(out, PASSWORD_LINE, f);
	if (tty) {
		tcsetattr(fileno(f), TCSANOW, &old);
		fprintf(stderr, "\n");
	}
	if (got == NULL)
		return -1;
	out[strcspn(out, "\r\n")] = '\0';
	return 0;
}

static int
admin_add(int argc, char **argv)
{
	const char *name = cli_opt(argc, argv, "--name", NULL, NULL);
	const char *phone_in = cli_opt(argc, argv, "--phone", NULL, NULL);
	const char *email = cli_opt(argc, argv, "--email", NULL, NULL);
	const char *role = cli_opt(argc, argv, "--role", NULL, "admin");
	const char *pwfile = cli_opt(argc, argv, "--password-file", NULL, NULL);
	char phone[PHONE_MAX], pw[PASSWORD_LINE], hash[PASSWORD_HASH_LEN];
	const char *why;
	int rc = 1;

	if (name == NULL || phone_in == NULL) {
		fprintf(stderr, "pakai: loker admin add --db FILE --name NAMA --phone 08... [--email E] "
		                "[--role admin|staff] [--password-file BERKAS]\n");
		return 2;
	}
	if ((why = rules_name(name)) != NULL || (email && (why = rules_email(email)) != NULL)) {
		fprintf(stderr, "loker: %s\n", why);
		return 2;
	}
	if (!phone_normalize(phone_in, phone)) {
		fprintf(stderr, "loker: nomor HP tidak valid\n");
		return 2;
	}
	char email_norm[256];
	if (email != NULL) {
		rules_email_normalize(email, email_norm, sizeof(email_norm));
		email = email_norm;
	}
	if (strcmp(role, "admin") != 0 && strcmp(role, "staff") != 0) {
		fprintf(stderr, "loker: --role harus admin atau staff\n");
		return 2;
	}
	FILE *f = pwfile ? fopen(pwfile, "r") : stdin;
	if (f == NULL) {
		perror(pwfile);
		return 1;
	}
	int got = read_password(f, pwfile == NULL, pw);
	if (f != stdin)
		fclose(f);
	if (got != 0 || (why = rules_password(pw, phone)) != NULL) {
		fprintf(stderr, "loker: %s\n", got != 0 ? "kata sandi tidak terbaca" : why);
		goto done;
	}
	if (cli_open(cli_db(argc, argv)) != 0 || password_hash(pw, hash) != 0)
		goto done;
	struct store *s = store_get();
	struct store_staff_new n = {.role = role, .name = name, .phone = phone, .email = email, .password_hash = hash};
	int64_t id;
	const char *conflict = NULL;
	enum store_result r = s ? store_staff_create(s, &n, 0, time(NULL), &id, &conflict) : STORE_ERROR;
	if (r == STORE_CONFLICT)
		fprintf(stderr, "loker: %s sudah dipakai akun lain\n", strcmp(conflict, "phone") == 0 ? "nomor HP" : "email");
	else if (r == STORE_OK)
		printf("akun %s #%lld dibuat untuk %s; masuk dengan %s\n", role, (long long)id, name, phone_in);
	rc = r == STORE_OK ? 0 : 1;
done:
	sodium_memzero(pw, sizeof(pw));
	sodium_memzero(hash, sizeof(hash));
	store_release();
	return rc;
}

int
cmd_admin(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "add") == 0)
		return admin_add(argc - 1, argv + 1);
	fprintf(stderr, "pakai: loker admin add --db FILE --name NAMA --phone 08... [--password-file BERKAS]\n");
	return 2;
}
