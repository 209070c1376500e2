/* commands.h - the operator commands of `loker`, one file each in src/cli/.
 * Each takes the arguments after the command name and returns the exit code. */
#ifndef LOKER_CLI_COMMANDS_H
#define LOKER_CLI_COMMANDS_H

int cmd_serve(int argc, char **argv);
int cmd_migrate(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_restore(int argc, char **argv);
int cmd_admin(int argc, char **argv);
int cmd_outbox(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_import(int argc, char **argv);
/* notify.c: the due jobs (expiry, reminders, digests, "masih mencari kerja?") */
int cmd_notify(int argc, char **argv);
/* export.c: the IPK III/1 and Perpres 57/2023 reports as files */
int cmd_export(int argc, char **argv);
/* routes.c: every web route with its roles, CSRF rule and rate-limit class */
int cmd_routes(int argc, char **argv);
/* key.c: key rotation (re-seal every NIK under a new key file) */
int cmd_key(int argc, char **argv);
/* sms.c: gammu-smsd's RunOnReceive, the hand-over to its outbox, the dead letters */
int cmd_sms(int argc, char **argv);

#endif
