# gen-align.awk: a synthetic article and its "translation", one sentence a
# line, a blank line between paragraphs, for the alignment benchmark.
# Variables: n (source sentences), seed, src and tgt (output files).
# The source is English-like, the target Russian-like: word counts vary,
# names are written in each script (Lukashenko / Лукашенко), numbers in each
# language's notation (1,300 / 1 300); about 3% of the source sentences are
# left out of the target and 3% of neighbours are merged, as abridged news
# translations do.
BEGIN {
	if (!n) n = 1000
	if (!seed) seed = 11
	srand(seed)
	en_n = split("the government said on Thursday that prisoners would be released after talks with officials while the opposition leader urged the union to keep sanctions in place until democracy returns to the country", en, " ")
	ru_n = split("правительство заявило в четверг что заключённые будут освобождены после переговоров с официальными лицами тогда как лидер оппозиции призвала союз сохранить санкции до возвращения демократии в страну", ru, " ")
	nm_n = split("Lukashenko:Лукашенко Minsk:Минск Vilnius:Вильнюс Trump:Трамп Tsikhanouskaya:Тихановская Belarus:Беларусь Poland:Польша Lithuania:Литва Bialiatski:Беляцкий Coale:Коул Reuters:Рейтер Kremlin:Кремль", names, " ")
	para = 0
	pending = ""
	for (i = 0; i < n; i++) {
		make_sentence()
		print s_en >src
		r = rand()
		if (r < 0.03) {
			# left out of the translation
		} else if (r < 0.06 && pending == "") {
			pending = s_ru
		} else {
			print (pending == "" ? "" : pending " ") s_ru >tgt
			pending = ""
		}
		if (i % 4 == 3 && i + 1 < n) {
			print "" >src
			if (pending == "")
				print "" >tgt
		}
	}
	if (pending != "")
		print pending >tgt
}
function make_sentence(   k, len, w, r, p, num) {
	len = 8 + int(rand() * 20)
	s_en = ""
	s_ru = ""
	for (k = 0; k < len; k++) {
		r = rand()
		if (r < 0.06) {
			p = 1 + int(rand() * nm_n)
			split(names[p], pair, ":")
			s_en = s_en (k ? " " : "") pair[1]
			s_ru = s_ru (k ? " " : "") pair[2]
		} else if (r < 0.12) {
			num = int(rand() * 5000)
			s_en = s_en (k ? " " : "") (num >= 1000 ? int(num / 1000) "," sprintf("%03d", num % 1000) : num)
			s_ru = s_ru (k ? " " : "") (num >= 1000 ? int(num / 1000) " " sprintf("%03d", num % 1000) : num)
		} else {
			s_en = s_en (k ? " " : "") en[1 + int(rand() * en_n)]
			if (rand() < 0.9)
				s_ru = s_ru (k ? " " : "") ru[1 + int(rand() * ru_n)]
			if (rand() < 0.15)
				s_ru = s_ru " " ru[1 + int(rand() * ru_n)]
		}
	}
	s_en = toupper(substr(s_en, 1, 1)) substr(s_en, 2) "."
	s_ru = s_ru "."
}
