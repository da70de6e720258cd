#include "out.h"

#include <stdio.h>

#include "norm.h"
#include "banned.h"

void out_json_str(struct buf *b, const char *s, size_t n)
{
	size_t i, run = 0;

	buf_addch(b, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char tmp[8];

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		switch (c) {
		case '"':
			esc = "\\\"";
			break;
		case '\\':
			esc = "\\\\";
			break;
		case '\n':
			esc = "\\n";
			break;
		case '\t':
			esc = "\\t";
			break;
		case '\r':
			esc = "\\r";
			break;
		default:
			snprintf(tmp, sizeof(tmp), "\\u%04x", c);
			esc = tmp;
			break;
		}
		buf_add(b, s + run, i - run);
		buf_adds(b, esc);
		run = i + 1;
	}
	buf_add(b, s + run, n - run);
	buf_addch(b, '"');
}

size_t out_xml_text(struct buf *b, const char *s, size_t n, int attr)
{
	size_t i = 0, run = 0, replaced = 0;

	while (i < n) {
		size_t start = i;
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		int32_t cp;

		if (c >= 0x80) {
			cp = norm_next(s, n, &i);
			if (cp != 0xFFFE && cp != 0xFFFF)
				continue;
			esc = "\xEF\xBF\xBD";
			replaced++;
		} else {
			i++;
			if (c == '&')
				esc = "&amp;";
			else if (c == '<')
				esc = "&lt;";
			else if (c == '>')
				esc = "&gt;";
			else if (c == '"' && attr)
				esc = "&quot;";
			else if (attr && (c == '\n' || c == '\t' || c == '\r'))
				esc = c == '\n'   ? "&#10;"
				      : c == '\t' ? "&#9;"
				                  : "&#13;";
			else if (c == '\r')
				esc = "&#13;";
			else if (c < 0x20 && c != '\n' && c != '\t') {
				esc = "\xEF\xBF\xBD";
				replaced++;
			}
			if (!esc)
				continue;
		}
		buf_add(b, s + run, start - run);
		buf_adds(b, esc);
		run = i;
	}
	buf_add(b, s + run, n - run);
	return replaced;
}

void out_tsv_field(struct buf *b, const char *s, size_t n)
{
	size_t i, run = 0;

	for (i = 0; i < n; i++) {
		const char *esc;

		switch (s[i]) {
		case '\t':
			esc = "\\t";
			break;
		case '\n':
			esc = "\\n";
			break;
		case '\r':
			esc = "\\r";
			break;
		case '\\':
			esc = "\\\\";
			break;
		default:
			continue;
		}
		buf_add(b, s + run, i - run);
		buf_adds(b, esc);
		run = i + 1;
	}
	buf_add(b, s + run, n - run);
}

void out_tsv_unescape(struct buf *b, const char *s, size_t n)
{
	size_t i, run = 0;

	for (i = 0; i + 1 < n; i++) {
		char c;

		if (s[i] != '\\')
			continue;
		switch (s[i + 1]) {
		case 't':
			c = '\t';
			break;
		case 'n':
			c = '\n';
			break;
		case 'r':
			c = '\r';
			break;
		case '\\':
			c = '\\';
			break;
		default:
			continue;
		}
		buf_add(b, s + run, i - run);
		buf_addch(b, c);
		i++;
		run = i + 1;
	}
	buf_add(b, s + run, n - run);
}

void out_human_date(char out[32], int64_t t)
{
	struct tm tm;
	time_t tt = (time_t)t;

	if (!t || !gmtime_r(&tt, &tm) ||
	    !strftime(out, 32, "%Y-%m-%d %H:%M:%S UTC", &tm))
		snprintf(out, 32, "-");
}

void out_utc_date(char out[17], time_t t)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	if (!strftime(out, 17, "%Y%m%dT%H%M%SZ", &tm))
		out[0] = '\0';
}
