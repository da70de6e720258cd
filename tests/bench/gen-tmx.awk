# gen-tmx.awk: write a TMX 1.4b file of news-like English-Russian units,
# about 450 bytes a unit, for the store benchmark and the crash tests.
#   awk -v units=100000 -v seed=7 -f tests/bench/gen-tmx.awk > big.tmx
# Every unit is different (a running number in it), so none merge.
function word(list, n) { return list[int(rand() * n) + 1] }
function sentence(list, n, len,    s, i) {
	s = word(list, n)
	s = toupper(substr(s, 1, 1)) substr(s, 2)
	for (i = 1; i < len; i++)
		s = s " " word(list, n)
	return s
}
BEGIN {
	if (!units) units = 1000
	srand(seed ? seed : 7)
	ne = split("the court said on Monday that opposition leader was " \
		"sentenced to years in prison for calling sanctions against " \
		"government officials police detained protesters in Minsk " \
		"after election results were announced by the commission " \
		"president met envoy from Washington to discuss release of " \
		"political prisoners who were taken across border into " \
		"Lithuania where their relatives waited", en, " ")
	nr = split("суд заявил в понедельник что лидер оппозиции был " \
		"приговорён к годам заключения за призывы к санкциям против " \
		"чиновников правительства милиция задержала протестующих в " \
		"Минске после объявления результатов выборов комиссией " \
		"президент встретился с посланником из Вашингтона чтобы " \
		"обсудить освобождение политзаключённых которых вывезли " \
		"через границу в Литву где их ждали родственники", ru, " ")
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	print "<tmx version=\"1.4\">"
	print "<header creationtool=\"gen-tmx.awk\" creationtoolversion=\"1\" " \
	      "segtype=\"sentence\" o-tmf=\"none\" adminlang=\"en\" " \
	      "srclang=\"en\" datatype=\"plaintext\"/>"
	print "<body>"
	for (u = 1; u <= units; u++) {
		printf "<tu creationdate=\"20250101T%02d%02d%02dZ\" " \
		       "creationid=\"desk\">\n", u % 24, u % 60, (u * 7) % 60
		printf "<prop type=\"x-Client\">wire</prop>\n"
		printf "<tuv xml:lang=\"en\"><seg>%s, report %d.</seg></tuv>\n",
		       sentence(en, ne, 13 + int(rand() * 6)), u
		printf "<tuv xml:lang=\"ru\"><seg>%s, сообщение %d.</seg></tuv>\n",
		       sentence(ru, nr, 9 + int(rand() * 5)), u
		print "</tu>"
	}
	print "</body>"
	print "</tmx>"
}
