# gen-names.awk: synthetic persons for the names benchmark (made up from
# syllables, deterministic).
#   awk -v mode=tsv -v n=10000 -f gen-names.awk      a names.tsv of n persons
#                                                     (English and Russian
#                                                     house forms, an alias)
#   awk -v mode=article -v n=10000 -v sentences=1000 -f gen-names.awk
#                                                     an English article that
#                                                     mentions them: house
#                                                     forms, other spellings
#                                                     (German conventions),
#                                                     surnames alone,
#                                                     possessives
#   mode=truth, same n and sentences: the words of that article that are
#   not in the house form, as "found -> house" lines, in order
BEGIN {
	split("ka ko va lo ma ne ro sha che zu bo dy le mi pa to ra gu so vi ha li ry be do", L, " ")
	split("ка ко ва ло ма не ро ша че зу бо ды ле ми па то ра гу со ви ха ли ры бе до", C, " ")
	split("novich nko vets shyn chuk sky", EL, " ")
	split("нович нко вец шин чук ский", EC, " ")
	split("Aliaksandr Siarhei Ivan Dzmitry Mikhail Pavel Andrei Yury Viktar Mikalai Uladzimir Ihar Aleh Raman Maksim", GL, " ")
	split("Александр Сергей Иван Дмитрий Михаил Павел Андрей Юрий Виктор Николай Владимир Игорь Олег Роман Максим", GC, " ")
	ng = 15
	split("The minister said on Thursday that talks would go on in Minsk while Reuters reported new arrests and the European Union weighed sanctions against officials close to the government", F, " ")
	nf = 0
	for (k in F)
		nf++
	srand(11)
	if (mode == "tsv") {
		print "# newstm names: the house style for persons' names."
		print "# entity TAB lang TAB spelling TAB kind (house, alias or not)"
		for (i = 0; i < n; i++) {
			person(i)
			print latin "\ten\t" latin "\thouse"
			print latin "\tru\t" cyr "\thouse"
			print latin "\tde\t" gerg " " german(sur) "\talias"
		}
		exit
	}
	for (s = 0; s < sentences; s++) {
		line = ""
		words = 12 + int(rand() * 12)
		at = int(rand() * words)
		for (w = 0; w < words; w++) {
			if (w == at) {
				person(int(rand() * n))
				r = rand()
				g = german(sur)
				if (r < 0.3)
					word = latin
				else if (r < 0.5)
					word = g
				else if (r < 0.7)
					word = sur
				else if (r < 0.85)
					word = g "'s"
				else
					word = giv " " g
				if (mode == "truth" && r >= 0.3 && (r < 0.5 || r >= 0.7) && g != sur)
					print g (r >= 0.7 && r < 0.85 ? "'s" : "") " -> " sur (r >= 0.7 && r < 0.85 ? "'s" : "")
			} else {
				word = F[1 + int(rand() * nf)]
			}
			line = line (w ? " " : "") word
		}
		if (mode == "article")
			printf "%s.%s", line, (s % 5 == 4 ? "\n" : " ")
	}
	if (mode == "article")
		print ""
}

# person i: giv, sur (Latin), latin (full), cyr (Cyrillic full), gerg
function person(i,    k, a, b, c, e) {
	a = i % 25
	b = int(i / 25) % 25
	c = int(i / 625) % 25
	e = (i * 7 + c) % 6
	k = i % ng
	giv = GL[k + 1]
	gerg = giv
	sur = toupper(substr(L[a + 1], 1, 1)) substr(L[a + 1], 2) L[b + 1] L[c + 1] EL[e + 1]
	latin = giv " " sur
	# Cyrillic capital: the first letter upper-cased by table
	cyr = GC[k + 1] " " cap(C[a + 1]) C[b + 1] C[c + 1] EC[e + 1]
}

function cap(s,    i, f) {
	split("к в о л м н р ч з б д п т г с х", LO, " ")
	split("К В О Л М Н Р Ч З Б Д П Т Г С Х", UP, " ")
	f = substr(s, 1, 2)
	for (i = 1; i <= 16; i++)
		if (LO[i] == f)
			return UP[i] substr(s, 3)
	return s
}

# the German convention of a surname: sh sch, ch tsch, v w, y j
function german(s) {
	gsub(/sh/, "sch", s)
	gsub(/ch/, "tsch", s)
	gsub(/v/, "w", s)
	gsub(/y/, "j", s)
	return s
}
