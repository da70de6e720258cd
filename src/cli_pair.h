/*
 * cli_pair: the command-line side of reading an article and its
 * translation, which `newstm align` and `newstm add` share: the options
 * that fill a struct bitext_opts, the check of the SRC TGT arguments and
 * the warnings about what reading the two sides found.  Like cli.c it
 * prints; reading, splitting and aligning are bitext.c's.
 */
#ifndef NEWSTM_CLI_PAIR_H
#define NEWSTM_CLI_PAIR_H

#include "bitext.h"
#include "cli.h"

/*
 * The options' rows, for a command's getopt_long table: --src-lang,
 * --tgt-lang, --presegmented, --encoding, --src-encoding, --tgt-encoding
 * and --lossy.  Their vals (s t p e E T L, also their short options) are
 * not for the command's own options.
 */
/* clang-format off */
#define CLI_PAIR_OPTIONS \
	{"src-lang", required_argument, NULL, 's'}, \
	{"tgt-lang", required_argument, NULL, 't'}, \
	{"presegmented", no_argument, NULL, 'p'}, \
	{"encoding", required_argument, NULL, 'e'}, \
	{"src-encoding", required_argument, NULL, 'E'}, \
	{"tgt-encoding", required_argument, NULL, 'T'}, \
	{"lossy", no_argument, NULL, 'L'}
/* clang-format on */

/*
 * Take c, a value cli_getopt returned, into o if it is one of
 * CLI_PAIR_OPTIONS; arg is its argument (optarg), borrowed by o.  Returns
 * 1 if c was one, 0 if it is not, and -1 after printing a usage error for
 * the command cmd (a language tag that is not one).
 */
int cli_pair_option(struct bitext_opts *o, int c, const char *arg,
                    const char *cmd);

/*
 * Check that the n arguments args are SRC and TGT, at most one of them
 * stdin ("-").  Returns CLI_OK, or CLI_USAGE after printing a usage error
 * for the command cmd.
 */
int cli_pair_paths(int n, char *const *args, const char *cmd);

/*
 * Warn about what reading each side of bt found: invalid bytes replaced
 * (with --lossy), sentences cut at SEG_MAX_CHARS.
 */
void cli_pair_warn(const struct bitext *bt);

#endif
