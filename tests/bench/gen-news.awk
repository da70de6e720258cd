# gen-news.awk: print news-like text for the segmentation benchmark, one
# paragraph a line, with the spots a splitter has to think about: titles
# and initials, abbreviations inside and at the end of sentences, numbers,
# dates and times, quotes of the language, brackets, ellipses, questions,
# headlines without a full stop and datelines.
# Variables: lang (en or ru), mb (megabytes to write), seed.
BEGIN {
	if (!mb) mb = 10
	if (!seed) seed = 1
	srand(seed)
	if (lang == "ru") {
		nw = split("правительство заявило что заключённые будут освобождены после переговоров с официальными лицами в Минске и Вильнюсе тогда как лидер оппозиции призвала Евросоюз сохранить санкции до возвращения демократии в страну однако власти отрицают наличие политических заключённых", w, " ")
		ns = split("Однако Он Она Они Это В По При После Тем Власти Президент Лидер Посольство Правительство", st, " ")
		na = split("г. Минске|т. е.|ул. Ленина|А. И. Семенов|В. Путин|им. Купалы|млн руб.|1998 г.|т.е.|проф. Иванов|2-й пол. XX в.", ab, "|")
		ne = split("и т. д.|в 1998 г.|и т.п.|и др.", ae, "|")
		oq = "«"; cq = "»"
		dl = "МИНСК, 11 сен (Рейтер) - "
		said = "— сказал он"
	} else {
		nw = split("the government said on Thursday that prisoners would be released after talks with officials in Minsk and Vilnius while the opposition leader urged the European Union to keep sanctions in place until democracy returns to the country although officials deny holding any political prisoners", w, " ")
		ns = split("The However He She They It In After Officials Lukashenko Belarus Police This", st, " ")
		na = split("U.S.|Mr. Coale|Dr. Novak|e.g.|Jan. 5|No. 5|Sen. Ortiz|J. F. Kennedy|a.m.|Co. Ltd|St. Petersburg", ab, "|")
		ne = split("in the U.S.|and co.|Inc.|at 9 p.m.|etc.", ae, "|")
		oq = "“"; cq = "”"
		dl = "MINSK, Sept 11 (Reuters) - "
		said = "he said"
	}
	limit = mb * 1024 * 1024
	written = 0
	while (written < limit) {
		r = rand()
		if (r < 0.06)
			para = words(6 + int(rand() * 6))
		else {
			para = r < 0.12 ? dl : ""
			k = 1 + int(rand() * 5)
			for (s = 0; s < k; s++)
				para = para (s ? " " : "") sentence()
		}
		print para
		written += length(para) + 1
	}
}
function words(n,   s, i) {
	s = st[1 + int(rand() * ns)]
	for (i = 1; i < n; i++)
		s = s " " w[1 + int(rand() * nw)]
	return s
}
function sentence(   n, k, s, r, t) {
	n = 8 + int(rand() * 20)
	s = st[1 + int(rand() * ns)]
	for (k = 1; k < n; k++) {
		r = rand()
		if (r < 0.04) t = ab[1 + int(rand() * na)]
		else if (r < 0.06) t = int(rand() * 2000) "," int(100 + rand() * 900)
		else if (r < 0.07) t = int(rand() * 90) "." int(rand() * 9)
		else if (r < 0.08) t = int(10 + rand() * 13) ":" int(10 + rand() * 49)
		else if (r < 0.09) t = int(10 + rand() * 18) ".0" int(1 + rand() * 8) ".2025"
		else if (r < 0.10) t = "(" w[1 + int(rand() * nw)] " " w[1 + int(rand() * nw)] ")"
		else if (r < 0.11) t = w[1 + int(rand() * nw)] "..."
		else t = w[1 + int(rand() * nw)]
		s = s " " t
	}
	r = rand()
	if (r < 0.08) return oq s "," cq " " said "."
	if (r < 0.12) return oq s "." cq
	if (r < 0.17) return s "?"
	if (r < 0.20) return s "!"
	if (r < 0.26) return s " " ae[1 + int(rand() * ne)]
	return s "."
}
