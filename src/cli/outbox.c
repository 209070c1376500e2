/* outbox.c - `loker outbox`: the messages waiting for the gateway,
 * `loker outbox send --command CMD`: hand each to the Dinas' sender, and
 * `loker outbox whatsapp`: send the WhatsApp ones through the Cloud API. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "app/messages_send.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "store/alerts.h"
#include "store/outbox.h"

#define OUTBOX_SEND_TIMEOUT 30      /* seconds a sender may take per message */
#define OUTBOX_LIST_MAX 1000

/* Write all of body to fd (the child's stdin). */
static int
write_all(int fd, const char *body, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, body, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		body += w;
		len -= (size_t)w;
	}
	return 0;
}

/* Run cmd CHANNEL RECIPIENT with body on stdin, no shell; its exit status,
 * or -1 when it could not run or took longer than OUTBOX_SEND_TIMEOUT. */
static int
run_sender(const char *cmd, const struct store_outbox *m, char *why, size_t whylen)
{
	int fds[2];
	if (pipe(fds) != 0) {
		snprintf(why, whylen, "pipe: %s", strerror(errno));
		return -1;
	}
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		snprintf(why, whylen, "fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		char *argv[] = {(char *)cmd, (char *)m->channel, (char *)m->recipient, NULL};
		if (dup2(fds[0], STDIN_FILENO) < 0)
			_exit(126);
		close(fds[0]);
		close(fds[1]);
		execvp(cmd, argv);
		_exit(127);
	}
	close(fds[0]);
	/* A sender that does not read its input must not kill us with SIGPIPE. */
	signal(SIGPIPE, SIG_IGN);
	write_all(fds[1], m->body, strlen(m->body));
	close(fds[1]);
	int status = 0;
	struct timespec tick = {0, 20 * 1000 * 1000};
	for (int waited = 0;; waited += 20) {
		pid_t r = waitpid(pid, &status, WNOHANG);
		if (r == pid)
			break;
		if (r < 0 && errno != EINTR) {
			snprintf(why, whylen, "waitpid: %s", strerror(errno));
			return -1;
		}
		if (waited >= OUTBOX_SEND_TIMEOUT * 1000) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			snprintf(why, whylen, "lebih dari %d detik", OUTBOX_SEND_TIMEOUT);
			return -1;
		}
		nanosleep(&tick, NULL);
	}
	if (WIFEXITED(status)) {
		if (WEXITSTATUS(status) == 127)
			snprintf(why, whylen, "perintah tidak dapat dijalankan (kode 127)");
		else
			snprintf(why, whylen, "kode keluar %d", WEXITSTATUS(status));
		return WEXITSTATUS(status);
	}
	snprintf(why, whylen, "dihentikan sinyal %d", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	return -1;
}

static int
outbox_send(int argc, char **argv)
{
	struct arena a = {0};
	struct store_outbox *items;
	size_t n = 0, sent = 0;
	int64_t limit;
	int rc = 1;
	const char *cmd = cli_opt(argc, argv, "--command", "LOKER_SEND_COMMAND", NULL);
	if (cmd == NULL || *cmd == '\0') {
		fprintf(stderr, "pakai: loker outbox send --command PERINTAH [--db BERKAS] [--limit N]\n");
		return 2;
	}
	if (!cli_opt_int(argc, argv, "--limit", NULL, 100, 1, 100000, &limit))
		return 2;
	if (cli_open(cli_db(argc, argv)) != 0)
		return 1;
	struct store *s = store_get();
	if (s == NULL || store_outbox_pending(s, &a, limit, &items, &n) != STORE_OK) {
		fprintf(stderr, "loker outbox send: pesan tidak dapat dibaca\n");
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		char why[160] = "";
		int status = run_sender(cmd, &items[i], why, sizeof(why));
		if (status != 0) {
			/* Stop: the next message would most likely fail the same way, and
			 * this one stays waiting for the next run. */
			fprintf(stderr, "loker outbox send: pesan %lld gagal dikirim (%s); %zu terkirim, berhenti.\n",
			        (long long)items[i].id, why, sent);
			goto done;
		}
		if (store_alerts_outbox_sent(s, items[i].id, (int64_t)time(NULL)) == STORE_ERROR) {
			fprintf(stderr, "loker outbox send: pesan %lld terkirim tetapi tidak dapat ditandai\n",
			        (long long)items[i].id);
			goto done;
		}
		sent++;
	}
	printf("%zu pesan terkirim\n", sent);
	rc = 0;
done:
	arena_free(&a);
	store_release();
	return rc;
}

/* The WhatsApp messages through the Cloud API (app/messages_send.c). */
static int
outbox_whatsapp(int argc, char **argv)
{
	struct messages_whatsapp_config c;
	struct messages_send_count n;
	int64_t limit;
	int rc = 1;
	if (!messages_whatsapp_config_load(&c)) {
		fprintf(stderr, "loker outbox whatsapp: atur LOKER_WHATSAPP_TOKEN dan LOKER_WHATSAPP_PHONE_ID "
		                "(docs/messaging.md)\n");
		return 2;
	}
	if (!cli_opt_int(argc, argv, "--limit", NULL, 1000, 1, 100000, &limit) ||
	    !cli_opt_int(argc, argv, "--cap", "LOKER_WHATSAPP_DAILY_CAP", c.cap, 0, 1000000, &c.cap))
		return 2;
	if (cli_open(cli_db(argc, argv)) != 0)
		return 1;
	struct store *s = store_get();
	if (s == NULL || messages_whatsapp_send(s, (int64_t)time(NULL), &c, (size_t)limit, &n) != 0) {
		fprintf(stderr, "loker outbox whatsapp: pesan tidak dapat dibaca atau ditandai\n");
		goto done;
	}
	printf("%d diterima WhatsApp, %d gagal (dicoba lagi), %d tidak dikirim, %d tidak pasti (lihat daftar gagal)\n",
	       n.handed, n.failed, n.dropped, n.uncertain);
	if (n.capped)
		printf("batas harian WhatsApp (%lld) tercapai\n", (long long)c.cap);
	if (n.stopped[0] != '\0') {
		fprintf(stderr, "loker outbox whatsapp: berhenti: %s\n", n.stopped);
		goto done;
	}
	rc = 0;
done:
	store_release();
	return rc;
}

/* The e-mails over SMTP (app/messages_send.c). */
static int
outbox_email(int argc, char **argv)
{
	struct messages_email_config c;
	struct messages_send_count n;
	int64_t limit;
	int rc = 1;
	if (!messages_email_config_load(&c)) {
		fprintf(stderr, "loker outbox email: atur LOKER_SMTP_URL dan LOKER_MAIL_FROM (docs/messaging.md)\n");
		return 2;
	}
	if (!cli_opt_int(argc, argv, "--limit", NULL, 1000, 1, 100000, &limit) ||
	    !cli_opt_int(argc, argv, "--cap", "LOKER_EMAIL_DAILY_CAP", c.cap, 0, 1000000, &c.cap))
		return 2;
	if (cli_open(cli_db(argc, argv)) != 0)
		return 1;
	struct store *s = store_get();
	if (s == NULL || messages_email_send(s, (int64_t)time(NULL), &c, (size_t)limit, &n) != 0) {
		fprintf(stderr, "loker outbox email: pesan tidak dapat dibaca atau ditandai\n");
		goto done;
	}
	printf("%d surel terkirim, %d gagal (dicoba lagi), %d tidak dikirim, %d tidak pasti (lihat daftar gagal)\n",
	       n.handed, n.failed, n.dropped, n.uncertain);
	if (n.capped)
		printf("batas harian surel (%lld) tercapai\n", (long long)c.cap);
	if (n.stopped[0] != '\0') {
		fprintf(stderr, "loker outbox email: berhenti: %s\n", n.stopped);
		goto done;
	}
	rc = 0;
done:
	store_release();
	return rc;
}

int
cmd_outbox(int argc, char **argv)
{
	struct arena a = {0};
	struct store_outbox *items;
	size_t n = 0;
	int rc = 1;
	if (argc > 1 && strcmp(argv[1], "send") == 0)
		return outbox_send(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "whatsapp") == 0)
		return outbox_whatsapp(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "email") == 0)
		return outbox_email(argc - 1, argv + 1);
	if (cli_open(cli_db(argc, argv)) != 0)
		return 1;
	struct store *s = store_get();
	if (s == NULL || store_outbox_pending(s, &a, OUTBOX_LIST_MAX, &items, &n) != STORE_OK)
		goto done;
	/* One message a line: id, channel, recipient, body (tabs and newlines in
	 * the body would break the format, and ours contain none). */
	for (size_t i = 0; i < n; i++)
		printf("%lld\t%s\t%s\t%s\n", (long long)items[i].id, items[i].channel, items[i].recipient, items[i].body);
	rc = 0;
done:
	arena_free(&a);
	store_release();
	return rc;
}
