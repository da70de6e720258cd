/*
 * err: error codes and the error detail that core code fills in.
 *
 * Core functions return 0 or a negative ERR_* code and describe the problem
 * in a struct err the caller passes down.  Only the CLI prints it, once,
 * prefixed by the program name.  Messages are lowercase, without a final
 * full stop, and name the subject (file, line, byte) and what is wrong.
 */
#ifndef NEWSTM_ERR_H
#define NEWSTM_ERR_H

enum {
	ERR_OK = 0,
	ERR_IO = -1,       /* reading or writing a file failed */
	ERR_ENCODING = -2, /* bytes invalid in the (detected) encoding */
	ERR_FORMAT = -3,   /* input is not in the expected format */
	ERR_DB = -4,       /* the memory (SQLite) failed */
	ERR_USAGE = -5,    /* the caller asked for something impossible */
	ERR_LIMIT = -6,    /* input exceeds a documented limit */
	ERR_EMPTY = -7,    /* input holds no text */
	ERR_NOTFOUND = -8, /* a named thing does not exist */
};

struct err {
	int code;
	char msg[1024];
};

/* Clear e: no error. */
void err_clear(struct err *e);
/*
 * Record an error: code and a printf-formatted message.  Returns code so
 * that core code can write `return err_set(e, ERR_IO, ...)`.  e may be NULL.
 */
int err_set(struct err *e, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/*
 * Put "prefix: " in front of the message already in e (used to add a file
 * name when the lower layer did not know it).
 */
void err_prefix(struct err *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
