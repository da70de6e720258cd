#include "bitext.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "seg.h"
#include "xalloc.h"
#include "banned.h"

void bitext_init(struct bitext *b)
{
	memset(b, 0, sizeof(*b));
	doc_init(&b->src.d);
	doc_init(&b->tgt.d);
	align_result_init(&b->r);
}

static void side_release(struct bitext_side *s)
{
	doc_release(&s->d);
	free(s->sent);
	memset(s, 0, sizeof(*s));
	doc_init(&s->d);
}

void bitext_release(struct bitext *b)
{
	side_release(&b->src);
	side_release(&b->tgt);
	align_result_release(&b->r);
}

static void add_sent(struct bitext_side *s, size_t start, size_t end,
                     size_t para)
{
	while (start < end && s->d.text[start] == ' ')
		start++;
	while (end > start && s->d.text[end - 1] == ' ')
		end--;
	if (start == end)
		return;
	XGROW(s->sent, s->cap, s->n + 1);
	s->sent[s->n].text = s->d.text + start;
	s->sent[s->n].len = end - start;
	s->sent[s->n].para = para;
	s->n++;
}

/*
 * Presegmented input: the document was read with DOC_LINES, so each
 * paragraph is one source line, a sentence; a gap in the line numbers is a
 * blank line, which starts a new paragraph.
 */
static void take_lines(struct bitext_side *s)
{
	size_t k, para = 0;

	for (k = 0; k < s->d.npara; k++) {
		if (k > 0 && s->d.paras[k].line > s->d.paras[k - 1].line + 1)
			para++;
		add_sent(s, s->d.paras[k].start, s->d.paras[k].end, para);
	}
}

static void split_sentences(struct bitext_side *s)
{
	struct seg_list l;
	size_t k;

	seg_list_init(&l);
	seg_split_doc(&l, &s->d, s->lang[0] ? s->lang : "auto");
	for (k = 0; k < l.len; k++)
		add_sent(s, l.items[k].start, l.items[k].end, l.items[k].para);
	s->cut = l.cut;
	seg_list_release(&l);
}

static int load_side(struct bitext_side *s, const char *path,
                     const struct text_opts *to, const char *lang,
                     int presegmented, struct err *e)
{
	const char *guess;
	int rc;

	s->path = path;
	s->name = !path || !strcmp(path, "-") ? "stdin" : path;
	if (lang && lang_normalize(s->tag, lang) < 0)
		return err_set(e, ERR_USAGE, "'%s' is not a language tag",
		               lang);
	rc = doc_load(&s->d, &s->info, path, s->name, to,
	              presegmented ? DOC_LINES : 0, e);
	if (rc < 0)
		return rc;
	if (!lang) {
		guess = lang_guess(s->d.text, s->d.len);
		snprintf(s->tag, sizeof(s->tag), "%s",
		         strcmp(guess, "und") ? guess : "");
	}
	lang_primary(s->lang, s->tag);
	if (presegmented)
		take_lines(s);
	else
		split_sentences(s);
	return 0;
}

int bitext_load(struct bitext *b, const char *src_path, const char *tgt_path,
                const struct bitext_opts *o, struct err *e)
{
	struct align_opts ao;
	int rc;

	rc = load_side(&b->src, src_path, &o->src_to, o->src_lang,
	               o->presegmented, e);
	if (rc < 0)
		return rc;
	rc = load_side(&b->tgt, tgt_path, &o->tgt_to, o->tgt_lang,
	               o->presegmented, e);
	if (rc < 0)
		return rc;
	ao.src_lang = b->src.lang;
	ao.tgt_lang = b->tgt.lang;
	ao.flags = o->align_flags;
	return align_run(&b->r, b->src.sent, b->src.n, b->tgt.sent, b->tgt.n,
	                 &ao, e);
}

void bitext_join(struct buf *out, const struct bitext_side *s, size_t from,
                 size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		if (k)
			buf_addch(out, ' ');
		buf_add(out, s->sent[from + k].text, s->sent[from + k].len);
	}
}
