# gen-text.awk: print news-like text for benchmarks, one paragraph a line.
# Variables: lang (en, ru, mixed), mb (megabytes to write), seed.
# Sentences are drawn from word lists with abbreviations, numbers, quotes
# and names, so that readers and splitters meet the usual hard spots.
BEGIN {
	if (!mb) mb = 10
	if (!seed) seed = 1
	srand(seed)
	en_n = split("the government said on Thursday that prisoners would be released after talks with officials in Minsk and Vilnius while the opposition leader urged the European Union to keep sanctions in place until democracy returns to the country", en, " ")
	ru_n = split("правительство заявило в четверг что заключённые будут освобождены после переговоров с официальными лицами в Минске и Вильнюсе тогда как лидер оппозиции призвала Евросоюз сохранить санкции до возвращения демократии в страну", ru, " ")
	de_n = split("die Regierung teilte am Donnerstag mit dass Gefangene nach Gesprächen mit Vertretern in Minsk und Vilnius freigelassen würden während die Oppositionsführerin die Europäische Union aufforderte die Sanktionen aufrechtzuerhalten", de, " ")
	fr_n = split("le gouvernement a déclaré jeudi que des prisonniers seraient libérés après des négociations avec des responsables à Minsk et à Vilnius tandis que la dirigeante de l'opposition a exhorté l'Union européenne à maintenir les sanctions", fr, " ")
	limit = mb * 1024 * 1024
	written = 0
	while (written < limit) {
		l = lang
		if (l == "mixed") {
			r = int(rand() * 4)
			l = r == 0 ? "en" : r == 1 ? "ru" : r == 2 ? "de" : "fr"
		}
		para = ""
		ns = 1 + int(rand() * 4)
		for (s = 0; s < ns; s++)
			para = para (s ? " " : "") sentence(l)
		print para
		written += length(para) + 1
	}
}
function word(l,   i) {
	if (l == "ru") { i = 1 + int(rand() * ru_n); return ru[i] }
	if (l == "de") { i = 1 + int(rand() * de_n); return de[i] }
	if (l == "fr") { i = 1 + int(rand() * fr_n); return fr[i] }
	i = 1 + int(rand() * en_n); return en[i]
}
function sentence(l,   n, k, s, w, r) {
	n = 8 + int(rand() * 20)
	s = ""
	for (k = 0; k < n; k++) {
		w = word(l)
		r = rand()
		if (k == 0) w = toupper(substr(w, 1, 1)) substr(w, 2)
		else if (r < 0.03) w = int(rand() * 2000) ",300"
		else if (r < 0.05) w = (l == "ru" ? "г." : "U.S.")
		else if (r < 0.07) w = (l == "ru" ? "Лукашенко" : "Lukashenko")
		else if (r < 0.08) w = int(rand() * 100) "%"
		s = s (k ? " " : "") w
	}
	r = rand()
	if (r < 0.1) return "\"" s ",\" he said."
	if (r < 0.15) return s "?"
	return s "."
}
