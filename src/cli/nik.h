/* nik.h - the `loker nik` command: check NIKs given as arguments or one a line
 * on standard input, printing one JSON object a line. */
#ifndef LOKER_CLI_NIK_H
#define LOKER_CLI_NIK_H

/* Run `loker nik [NIK ...]` (argv[0] is "nik"). Returns the exit status:
 * 0 when every input is eligible, else 1. */
int cmd_nik(int argc, char **argv);

#endif
