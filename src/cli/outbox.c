/* outbox.c - `loker outbox`: the messages waiting for the gateway. */
#include <stdio.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "store/outbox.h"

int
cmd_outbox(int argc, char **argv)
{
	struct arena a = {0};
	struct store_outbox *items;
	size_t n = 0;
	int rc = 1;
	if (cli_open(cli_db(argc, argv)) != 0)
		return 1;
	struct store *s = store_get();
	if (s == NULL || store_outbox_pending(s, &a, 1000, &items, &n) != STORE_OK)
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
