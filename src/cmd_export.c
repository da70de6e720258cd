/*
 * newstm export: write the memory as TMX 1.4b, TSV or JSON Lines.
 *
 * A FILE is never left half-written: the export goes to a temporary file
 * in FILE's folder, which replaces FILE (keeping its permissions, and a
 * symbolic link pointing at it) only once everything was written, synced
 * and closed; on any failure the temporary file is removed and FILE is as
 * it was.  A FILE that is not a regular file (a device such as /dev/full,
 * a pipe) is written in place.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "cmds.h"
#include "export.h"
#include "lang.h"
#include "store.h"
#include "xalloc.h"
#include "banned.h"

#ifndef NEWSTM_VERSION
#define NEWSTM_VERSION "0.0.0"
#endif

/* Where the export goes. */
struct output {
	FILE *f;
	char *tmp;    /* the temporary file, renamed to target at the end */
	char *target; /* the file replaced (path, or what its link names) */
};

/*
 * The file path names once symbolic links are followed (at most 40 of
 * them, as the kernel does): path itself when it is not a link.  The
 * caller frees the result.
 */
static char *link_target(const char *path)
{
	char *cur = xstrdup(path);
	struct stat sb;
	int hops;

	for (hops = 0; hops < 40; hops++) {
		struct buf next;
		const char *slash;
		char *to;
		ssize_t n;

		if (lstat(cur, &sb) < 0 || !S_ISLNK(sb.st_mode))
			break;
		to = xmalloc(PATH_MAX);
		n = readlink(cur, to, PATH_MAX - 1);
		if (n <= 0) {
			free(to);
			break;
		}
		to[n] = '\0';
		buf_init(&next);
		/* a relative link is relative to the link's folder */
		slash = strrchr(cur, '/');
		if (to[0] != '/' && slash)
			buf_add(&next, cur, (size_t)(slash - cur + 1));
		buf_adds(&next, to);
		free(to);
		free(cur);
		cur = buf_detach(&next, NULL);
	}
	return cur;
}

/*
 * Open the output for path (NULL: standard output, through a stream of
 * our own so that a failed write is reported once, here, and not again
 * at exit).  Returns 0, or -1 with e filled.
 */
static int output_open(struct output *o, const char *path, struct err *e)
{
	struct stat sb;
	struct buf tmp;
	const char *slash;
	mode_t mask;
	int fd;

	memset(o, 0, sizeof(*o));
	if (!path) {
		if ((fd = dup(STDOUT_FILENO)) >= 0 && !(o->f = fdopen(fd, "w")))
			close(fd);
		if (!o->f)
			return err_set(e, ERR_IO,
			               "cannot write standard "
			               "output: %s",
			               strerror(errno));
		return 0;
	}
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		if (!(o->f = fopen(path, "w")))
			return err_set(e, ERR_IO, "cannot write '%s': %s", path,
			               strerror(errno));
		return 0;
	}
	/* a link stays a link: its target is replaced */
	o->target = link_target(path);
	buf_init(&tmp);
	slash = strrchr(o->target, '/');
	if (slash)
		buf_add(&tmp, o->target, (size_t)(slash - o->target + 1));
	buf_addf(&tmp, ".%s.XXXXXX", slash ? slash + 1 : o->target);
	o->tmp = buf_detach(&tmp, NULL);
	if ((fd = mkstemp(o->tmp)) < 0) {
		int rc = err_set(e, ERR_IO,
		                 "cannot write '%s': cannot create a temporary "
		                 "file next to it: %s",
		                 path, strerror(errno));

		free(o->tmp);
		free(o->target);
		o->tmp = o->target = NULL;
		return rc;
	}
	/* the permissions FILE has, or would get from fopen */
	if (stat(o->target, &sb) == 0) {
		mask = (mode_t)(sb.st_mode & 07777);
	} else {
		mask = umask(0);
		umask(mask);
		mask = (mode_t)(0666 & ~mask);
	}
	if (fchmod(fd, mask) < 0 || !(o->f = fdopen(fd, "w"))) {
		int rc = err_set(e, ERR_IO, "cannot write '%s': %s", o->tmp,
		                 strerror(errno));

		close(fd);
		unlink(o->tmp);
		free(o->tmp);
		free(o->target);
		o->tmp = o->target = NULL;
		return rc;
	}
	return 0;
}

/*
 * Close the output.  ok: everything was written; then the temporary file
 * is synced, closed and renamed over the target.  Otherwise (or when one
 * of these fails) it is removed.  Returns 0, or -1 with e filled (when ok).
 */
static int output_close(struct output *o, const char *name, int ok,
                        struct err *e)
{
	int rc = 0;

	if (ok && o->tmp && (fflush(o->f) != 0 || fsync(fileno(o->f)) < 0))
		rc = err_set(e, ERR_IO, "write error on %s: %s", name,
		             strerror(errno));
	if (fclose(o->f) != 0 && ok && !rc)
		rc = err_set(e, ERR_IO, "write error on %s: %s", name,
		             strerror(errno));
	if (o->tmp) {
		if (ok && !rc && rename(o->tmp, o->target) < 0)
			rc = err_set(e, ERR_IO, "cannot replace '%s': %s",
			             o->target, strerror(errno));
		if (!ok || rc)
			unlink(o->tmp);
	}
	free(o->tmp);
	free(o->target);
	return rc;
}

static int run(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"src-lang", required_argument, NULL, 's'},
	    {"tgt-lang", required_argument, NULL, 't'},
	    {"document", required_argument, NULL, 'd'},
	    {NULL, 0, NULL, 0},
	};
	char src[LANG_TAG_MAX], tgt[LANG_TAG_MAX];
	struct export_opts o;
	struct export_report r;
	struct store *st = NULL;
	struct output out;
	const char *path = NULL, *name;
	struct err e;
	int c, rc;

	memset(&o, 0, sizeof(o));
	o.format = EXPORT_TMX;
	o.version = NEWSTM_VERSION;
	while ((c = cli_getopt(argc, argv, opts, "export")) != -1) {
		switch (c) {
		case 'f':
			if (export_format_parse(optarg, &o.format) < 0)
				return cli_usage_error("export",
				                       "--format wants tmx, "
				                       "tsv or jsonl, not '%s'",
				                       optarg);
			break;
		case 's':
			if (cli_parse_lang(src, optarg, "export",
			                   "--src-lang") < 0)
				return CLI_USAGE;
			o.src_lang = src;
			break;
		case 't':
			if (cli_parse_lang(tgt, optarg, "export",
			                   "--tgt-lang") < 0)
				return CLI_USAGE;
			o.tgt_lang = tgt;
			break;
		case 'd':
			o.document = optarg;
			break;
		case CLI_OPT_HELP:
			return CLI_OK;
		default:
			return CLI_USAGE;
		}
	}
	if (cli_file_arg(&path, argc, argv, "export") < 0)
		return CLI_USAGE;
	if (path && !strcmp(path, "-"))
		path = NULL; /* standard output */

	err_clear(&e);
	if (store_open(&st, ctx->tm_path, 0, &e) < 0)
		return cli_fail(&e);
	if (output_open(&out, path, &e) < 0) {
		store_free(st);
		return cli_fail(&e);
	}
	name = path ? path : "standard output";
	rc = export_write(st, out.f, name, &o, &r, &e);
	store_free(st);
	if (output_close(&out, name, rc == 0, &e) < 0 && rc == 0)
		rc = ERR_IO;
	if (rc < 0)
		return cli_fail(&e);
	if (r.replaced)
		cli_warn("%lld character%s not allowed in XML 1.0 written as "
		         "U+FFFD",
		         r.replaced, r.replaced == 1 ? "" : "s");
	return CLI_OK;
}

const struct cli_cmd cmd_export = {
    "export",
    run,
    "write the memory as TMX 1.4b, TSV or JSON Lines",
    "export [--format tmx|tsv|jsonl] [--src-lang L] [--tgt-lang L] "
    "[--document NAME] [FILE|-]",
    "Writes the units of the memory (or those of one language pair or one\n"
    "document) to FILE or standard output, streaming.  FILE is replaced\n"
    "only once the export is complete: a failed export leaves it as it\n"
    "was.  An unknown --document is an error (exit status 1).\n"
    "\n"
    "formats:\n"
    "  tmx    TMX 1.4b in UTF-8 (default), valid against the TMX 1.4 DTD:\n"
    "         srclang in the header, xml:lang, the source first, UTC\n"
    "         dates; props, notes and inline codes as they were imported;\n"
    "         newstm's confidence, confirmation and origins as x-newstm-*\n"
    "         props, which `newstm import` reads back\n"
    "  tsv    source TAB target, one translation a line, \\t \\n \\\\ "
    "escapes\n"
    "  jsonl  one object a line: source, target, src_lang, tgt_lang,\n"
    "         confidence, confirmed, document, position\n"
    "\n"
    "options:\n"
    "  --src-lang L     only units whose source is in L (\"en\": en-US "
    "too)\n"
    "  --tgt-lang L     only units whose target is in L\n"
    "  --document NAME  only units seen in document NAME\n"
    "\n"
    "example:\n"
    "  newstm export --src-lang en --tgt-lang ru desk.tmx\n",
};
