/*
 * banned: functions we do not use, turned into compile errors.  Include it
 * last, after every system header.  Use struct buf and snprintf instead.
 */
#ifndef NEWSTM_BANNED_H
#define NEWSTM_BANNED_H

#define BANNED(func) sorry_##func##_is_banned_use_buf_or_snprintf

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef strtok
#define strtok(x, y) BANNED(strtok)

#endif
