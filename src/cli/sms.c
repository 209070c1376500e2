/* sms.c - `loker sms`: SMS through gammu-smsd's files backend.
 *
 *   loker sms receive [--inbox DIR] [FILE...]   gammu-smsd's RunOnReceive: answer each message once
 *   loker sms watch --inbox DIR                 instead of RunOnReceive: one process answers every
 *                                               new file in gammu's inbox folder as it appears
 *   loker sms send --spool DIR [--cap N]        hand the SMS outbox to gammu-smsd, exactly once
 *   loker sms dead | loker sms retry ID         the dead-letter list, and putting one back
 *
 * Exactly once: a message is marked 'handing' (committed) before its file is
 * written into gammu's outbox under a name carrying its id, and 'handed'
 * after. A run that finds a message 'handing' (the last one crashed between
 * the two) looks for that name in the outbox, sent and error folders and
 * writes it only when it is in none of them. gammu moves a sent file to
 * sent/ (the message becomes 'sent') or to error/ (retried with backoff,
 * then 'dead' for the staff). */
#include <dirent.h>
#include <signal.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/messages.h"
#include "app/messages_gsm.h"
#include "app/messages_send.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "store/messages.h"

#define SMS_BATCH 1000
#define SMS_MAX_ATTEMPTS 5
#define SMS_RETRY_BASE 60       /* seconds; doubled on every failed attempt */
#define SMS_BODY_MAX 4096

static int
handle_one(struct store *s, const char *number, const char *text, const char *ref, int64_t now)
{
	struct arena a = {0};
	const char *reply = NULL;
	int report = messages_send_sms_report(s, &a, now, number, text, ref);
	if (report != 0) {
		arena_free(&a);
		return report < 0 ? -1 : 0;
	}
	enum messages_outcome o = messages_receive(s, &a, now, "sms", number, text, ref, &reply);
	int rc = o == MESSAGES_FAILED ? -1 : 0;
	if (o == MESSAGES_REFUSED)
		fprintf(stderr, "loker sms receive: nomor pengirim %s tidak dikenali\n", number);
	arena_free(&a);
	return rc;
}

/* The sender of a gammu inbox file name IN<date>_<time>_<serial>_<sender>_<seq>.txt. */
static bool
sender_of(const char *name, char *out, size_t outlen)
{
	const char *p = name;
	for (int i = 0; i < 3; i++) {
		p = strchr(p, '_');
		if (p == NULL)
			return false;
		p++;
	}
	const char *e = strchr(p, '_');
	if (e == NULL || (size_t)(e - p) >= outlen)
		return false;
	memcpy(out, p, (size_t)(e - p));
	out[e - p] = '\0';
	return true;
}

static int
read_file(const char *path, char *out, size_t outlen)
{
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return -1;
	size_t n = fread(out, 1, outlen - 1, f);
	out[n] = '\0';
	fclose(f);
	return 0;
}

/* One file of gammu's inbox folder (its name, or a path ending in it). */
static int
handle_file(struct store *s, const char *inbox, const char *file, int64_t now)
{
	char path[4096], text[SMS_BODY_MAX], number[64], ref[512];
	const char *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
	snprintf(path, sizeof(path), "%s/%s", inbox ? inbox : ".", base);
	snprintf(ref, sizeof(ref), "gammu:%s", base);
	if (!sender_of(base, number, sizeof(number)) || read_file(path, text, sizeof(text)) != 0 ||
	    handle_one(s, number, text, ref, now) != 0) {
		fprintf(stderr, "loker sms: %s tidak dapat diproses\n", base);
		return -1;
	}
	return 0;
}

static int
sms_receive(int argc, char **argv)
{
	int rc = 1, failed = 0;
	int64_t now = (int64_t)time(NULL);
	const char *inbox = cli_opt(argc, argv, "--inbox", "LOKER_SMS_INBOX", NULL);
	const char *count = getenv("SMS_MESSAGES");
	/* One process per message under gammu-smsd: no checkpoint at exit. */
	store_defer_checkpoints();
	if (cli_open(cli_db(argc, argv)) != 0)
		return 1;
	struct store *s = store_get();
	if (s == NULL)
		goto done;
	if (count != NULL && *count != '\0' && inbox == NULL) {
		/* Run by gammu-smsd: the parts of one message in SMS_n_TEXT, its
		 * inbox file names as arguments (the first is its reference). */
		char text[SMS_BODY_MAX] = "", ref[512];
		const char *number = getenv("SMS_1_NUMBER");
		long parts = strtol(count, NULL, 10);
		size_t o = 0;
		for (long i = 1; i <= parts && i < 100; i++) {
			char name[32];
			snprintf(name, sizeof(name), "SMS_%ld_TEXT", i);
			const char *t = getenv(name);
			if (t != NULL && o < sizeof(text))
				o += (size_t)snprintf(text + o, sizeof(text) - o, "%s", t);
		}
		const char *first = NULL;
		for (int i = 1; i < argc; i++)
			if (argv[i][0] != '-' && (i == 1 || argv[i - 1][0] != '-')) {
				first = argv[i];
				break;
			}
		if (first != NULL)
			snprintf(ref, sizeof(ref), "gammu:%s", first);
		else
			snprintf(ref, sizeof(ref), "gammu:%s:%lld", number ? number : "", (long long)now);
		if (number == NULL || handle_one(s, number, text, ref, now) != 0)
			failed++;
	} else {
		/* Inbox files named on the command line (a batch, or a run that
		 * missed some): read each from the inbox folder. */
		for (int i = 1; i < argc; i++) {
			if (argv[i][0] == '-') {
				i++;
				continue;
			}
			if (handle_file(s, inbox, argv[i], now) != 0)
				failed++;
		}
	}
	rc = failed > 0 ? 1 : 0;
done:
	store_release();
	return rc;
}

/* The inbox file names a watch already handled (open addressing). */
struct seen {
	char **names;
	size_t cap, n;
};

static size_t
seen_hash(const char *name)
{
	size_t h = 5381;
	for (const unsigned char *p = (const unsigned char *)name; *p != '\0'; p++)
		h = h * 33 + *p;
	return h;
}

/* True when name was not in the set (it is now). */
static bool
seen_add(struct seen *set, const char *name)
{
	if (set->n * 2 >= set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 1024;
		char **names = calloc(cap, sizeof(*names));
		if (names == NULL)
			return true;    /* out of memory: the database still answers once */
		for (size_t i = 0; i < set->cap; i++) {
			if (set->names[i] == NULL)
				continue;
			size_t j = seen_hash(set->names[i]) & (cap - 1);
			while (names[j] != NULL)
				j = (j + 1) & (cap - 1);
			names[j] = set->names[i];
		}
		free(set->names);
		set->names = names;
		set->cap = cap;
	}
	size_t j = seen_hash(name) & (set->cap - 1);
	for (; set->names[j] != NULL; j = (j + 1) & (set->cap - 1))
		if (strcmp(set->names[j], name) == 0)
			return false;
	set->names[j] = strdup(name);
	set->n += set->names[j] != NULL;
	return true;
}

static volatile sig_atomic_t watch_stop;

static void
watch_signal(int sig)
{
	(void)sig;
	watch_stop = 1;
}

/* Answer every new file of the inbox folder as it appears, until SIGTERM
 * or SIGINT: one process for any number of messages, where RunOnReceive
 * starts one per message (docs/messaging.md, Speed). */
static int
sms_watch(int argc, char **argv)
{
	struct seen set = {0};
	int64_t interval;
	int rc = 1;
	const char *inbox = cli_opt(argc, argv, "--inbox", "LOKER_SMS_INBOX", NULL);
	if (inbox == NULL || *inbox == '\0') {
		fprintf(stderr, "pakai: loker sms watch --inbox FOLDER_INBOX_GAMMU [--interval-ms N] [--db BERKAS]\n");
		return 2;
	}
	if (!cli_opt_int(argc, argv, "--interval-ms", NULL, 500, 10, 60000, &interval))
		return 2;
	if (cli_open(cli_db(argc, argv)) != 0)
		return 1;
	struct store *s = store_get();
	if (s == NULL)
		goto done;
	signal(SIGTERM, watch_signal);
	signal(SIGINT, watch_signal);
	while (!watch_stop) {
		DIR *d = opendir(inbox);
		int handled = 0, fresh = 0;
		if (d == NULL) {
			fprintf(stderr, "loker sms watch: %s tidak dapat dibaca: %s\n", inbox, strerror(errno));
			goto done;
		}
		for (struct dirent *e; !watch_stop && (e = readdir(d)) != NULL;) {
			size_t len = strlen(e->d_name);
			struct stat st;
			char path[4096];
			struct timespec now;
			if (strncmp(e->d_name, "IN", 2) != 0 || len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0)
				continue;
			/* gammu may still be writing a file that changed in the last half second. */
			snprintf(path, sizeof(path), "%s/%s", inbox, e->d_name);
			clock_gettime(CLOCK_REALTIME, &now);
			if (stat(path, &st) != 0 ||
			    (now.tv_sec - st.st_mtim.tv_sec) * 1000 + (now.tv_nsec - st.st_mtim.tv_nsec) / 1000000 < 500) {
				fresh++;
				continue;
			}
			if (!seen_add(&set, e->d_name))
				continue;
			handle_file(s, inbox, e->d_name, (int64_t)time(NULL));
			handled++;
		}
		closedir(d);
		if (handled == 0) {
			struct timespec t = {fresh > 0 ? 0 : interval / 1000,
			                     fresh > 0 ? 100000000 : (interval % 1000) * 1000000};
			nanosleep(&t, NULL);
		}
	}
	rc = 0;
done:
	for (size_t i = 0; i < set.cap; i++)
		free(set.names[i]);
	free(set.names);
	store_release();
	return rc;
}

/* gammu's outbox file name of message m: the id travels in it. */
static void
file_name(const struct store_message *m, char *out, size_t outlen)
{
	time_t t = (time_t)m->created_at;
	struct tm tm;
	gmtime_r(&t, &tm);
	snprintf(out, outlen, "OUTB%04d%02d%02d_%02d%02d%02d_00_+%s_loker%lld.txt", tm.tm_year + 1900, tm.tm_mon + 1,
	         tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, m->recipient, (long long)m->id);
}

static bool
exists_in(const char *spool, const char *dir, const char *name)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s/%s", spool, dir, name);
	return access(path, F_OK) == 0;
}

/* Write the file beside the outbox, fsync it, then rename it in: gammu never
 * sees half a message. */
static int
hand_over(const char *spool, const char *name, const char *text)
{
	char tmp[4096], path[4096], body[MESSAGES_GSM_MAX + 1];
	/* One SMS, GSM-7 only: whatever wrote the text. */
	messages_gsm_fit(text, body);
	snprintf(tmp, sizeof(tmp), "%s/.%s.tmp", spool, name);
	snprintf(path, sizeof(path), "%s/outbox/%s", spool, name);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0640);
	if (fd < 0)
		return -1;
	size_t len = strlen(body);
	int rc = (size_t)write(fd, body, len) == len && fsync(fd) == 0 ? 0 : -1;
	close(fd);
	if (rc == 0)
		rc = rename(tmp, path);
	if (rc != 0)
		unlink(tmp);
	return rc;
}

/* Follow the messages already handed over: sent/, error/, or (after a crash
 * between marking and writing) not there yet. */
static int
reconcile(struct store *s, const char *spool, int64_t now, int *sent, int *failed)
{
	struct arena a = {0};
	struct store_message *m;
	size_t n = 0;
	int rc = -1;
	if (store_messages_in_flight(s, &a, "sms", SMS_BATCH * 10, &m, &n) != STORE_OK)
		goto done;
	for (size_t i = 0; i < n; i++) {
		char name[512];
		file_name(&m[i], name, sizeof(name));
		if (exists_in(spool, "sent", name)) {
			if (store_messages_move(s, m[i].id, m[i].state, "sent", now) == STORE_ERROR)
				goto done;
			(*sent)++;
		} else if (exists_in(spool, "error", name)) {
			/* Keep gammu's copy under another name, so the retry may use the name again. */
			char from[4096], to[4096];
			snprintf(from, sizeof(from), "%s/error/%s", spool, name);
			snprintf(to, sizeof(to), "%s/error/%s.%lld", spool, name, (long long)m[i].attempts + 1);
			if (rename(from, to) != 0 ||
			    store_messages_fail(s, m[i].id, "gateway gagal mengirim (folder error gammu)", now, SMS_RETRY_BASE,
			                        SMS_MAX_ATTEMPTS) == STORE_ERROR)
				goto done;
			(*failed)++;
		} else if (strcmp(m[i].state, "handing") == 0) {
			if (!exists_in(spool, "outbox", name) && hand_over(spool, name, m[i].body) != 0)
				goto done;
			if (store_messages_move(s, m[i].id, "handing", "handed", now) == STORE_ERROR)
				goto done;
		}
	}
	rc = 0;
done:
	arena_free(&a);
	return rc;
}

static int
sms_send(int argc, char **argv)
{
	struct arena a = {0};
	struct store_message *m;
	size_t n = 0;
	int64_t cap, crash_after;
	int rc = 1, sent = 0, failed = 0, handed = 0, dropped = 0;
	int64_t now = (int64_t)time(NULL);
	const char *spool = cli_opt(argc, argv, "--spool", "LOKER_SMS_SPOOL", NULL);
	if (spool == NULL || *spool == '\0') {
		fprintf(stderr, "pakai: loker sms send --spool FOLDER_GAMMU [--cap N] [--db BERKAS]\n");
		return 2;
	}
	if (!cli_opt_int(argc, argv, "--cap", "LOKER_SMS_DAILY_CAP", 500, 0, 1000000, &cap) ||
	    !cli_opt_int(argc, argv, "--crash-after", "LOKER_TEST_SMS_CRASH_AFTER", 0, 0, 1000000, &crash_after))
		return 2;
	if (cli_open(cli_db(argc, argv)) != 0)
		return 1;
	struct store *s = store_get();
	if (s == NULL || reconcile(s, spool, now, &sent, &failed) != 0) {
		fprintf(stderr, "loker sms send: pesan yang sudah diserahkan tidak dapat diperiksa\n");
		goto done;
	}
	/* The day in WIB (UTC+7) for the cap. */
	int64_t day_start = now - (now + 7 * 3600) % 86400;
	int64_t room = cap - store_messages_handed_since(s, "sms", day_start);
	if (room > 0 && store_messages_due(s, &a, "sms", now, (size_t)(room < SMS_BATCH ? room : SMS_BATCH), &m, &n) != STORE_OK) {
		fprintf(stderr, "loker sms send: pesan tidak dapat dibaca\n");
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		char name[512];
		/* Replies always go (STOP's own answer too); other messages only to
		 * numbers that confirmed themselves and did not stop. */
		const char *why = messages_send_blocked(s, &m[i]);
		if (why != NULL) {
			if (store_messages_drop(s, m[i].id, why, now) == STORE_ERROR)
				goto done;
			dropped++;
			continue;
		}
		file_name(&m[i], name, sizeof(name));
		if (store_messages_move(s, m[i].id, "queued", "handing", now) != STORE_OK)
			goto done;
		if (hand_over(spool, name, m[i].body) != 0) {
			fprintf(stderr, "loker sms send: %s/outbox tidak dapat ditulis: %s\n", spool, strerror(errno));
			goto done;
		}
		if (crash_after > 0 && handed + 1 >= crash_after)
			_exit(9); /* the test's crash between hand-over and marking */
		if (store_messages_move(s, m[i].id, "handing", "handed", now) == STORE_ERROR)
			goto done;
		handed++;
	}
	printf("%d diserahkan ke gammu, %d terkirim, %d gagal (dicoba lagi), %d tidak dikirim\n", handed, sent, failed,
	       dropped);
	if (room <= 0)
		printf("batas harian SMS (%lld) tercapai\n", (long long)cap);
	rc = 0;
done:
	arena_free(&a);
	store_release();
	return rc;
}

static int
sms_dead(int argc, char **argv)
{
	struct arena a = {0};
	struct store_message *m;
	size_t n = 0;
	int rc = 1;
	if (cli_open(cli_db(argc, argv)) != 0)
		return 1;
	struct store *s = store_get();
	if (s == NULL || store_messages_dead(s, &a, 1000, &m, &n) != STORE_OK)
		goto done;
	for (size_t i = 0; i < n; i++)
		printf("%lld\t%s\t%s\t%lld\t%s\n", (long long)m[i].id, m[i].channel, m[i].recipient, (long long)m[i].attempts,
		       m[i].last_error ? m[i].last_error : "");
	rc = 0;
done:
	arena_free(&a);
	store_release();
	return rc;
}

static int
sms_retry(int argc, char **argv)
{
	int rc = 1;
	char *end = NULL;
	long long id = argc > 1 ? strtoll(argv[1], &end, 10) : 0;
	if (id <= 0 || end == NULL || *end != '\0') {
		fprintf(stderr, "pakai: loker sms retry ID\n");
		return 2;
	}
	if (cli_open(cli_db(argc, argv)) != 0)
		return 1;
	struct store *s = store_get();
	enum store_result r = s ? store_messages_retry(s, id, 0, (int64_t)time(NULL)) : STORE_ERROR;
	if (r == STORE_OK)
		rc = 0;
	else
		fprintf(stderr, "loker sms retry: pesan %lld tidak ada di daftar gagal\n", id);
	store_release();
	return rc;
}

int
cmd_sms(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "receive") == 0)
		return sms_receive(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "send") == 0)
		return sms_send(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "watch") == 0)
		return sms_watch(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "dead") == 0)
		return sms_dead(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "retry") == 0)
		return sms_retry(argc - 1, argv + 1);
	fprintf(stderr, "pakai: loker sms receive|watch|send|dead|retry ...\n");
	return 2;
}
