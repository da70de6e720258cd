/*
 * newstm: a translation memory for news.  main only sets the locale and
 * hands argv to the command line (cli.c).
 */
#include <locale.h>

#include "cli.h"
#include "banned.h"

int main(int argc, char **argv)
{
	/* LC_CTYPE only: numbers in our output never follow the locale */
	setlocale(LC_CTYPE, "");
	return cli_main(argc, argv);
}
