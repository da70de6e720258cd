/*
 * The given-name equivalence sets (see names_given.h).  Spellings that the
 * forms of translit.c already bring together (kh/ch, w/v, -iy/-ij/-y ...)
 * need not all be listed; cognates that are not transliterations of each
 * other (Uladzimir, Vladimir, Volodymyr, Włodzimierz) must be.  Male and
 * female forms are different names (Aleksandr, Aleksandra).
 */
#include "names_given.h"

#include "banned.h"

const struct names_given names_given_sets[] = {
    /* East and South Slavic, male */
    {'m', "Александр Аляксандр Алесь Олександр Александър Александар "
          "Aleksandr Aliaksandr Alyaksandr Alaksandr Aleksandar "
          "Oleksandr Olexandr Alexander Aleksander Alexandr Alexandre "
          "Alessandro Alejandro Alexandros Ales Aleś Alex Sasha Саша Олесь "
          "Oles"},
    {'m', "Алексей Аляксей Олексій Алексий Aleksei Aleksey Alexei "
          "Alexey Aleksej Alexej Aliaksei Aliaksiej Alaksiej Oleksiy Aleksiej "
          "Oleksii Oleksij Aleksy Alexis Alex"},
    {'m', "Анатолий Анатоль Анатолій Anatoly Anatoliy Anatolii Anatolij "
          "Anatol Anatole Anatolij"},
    {'m', "Андрей Андрэй Андрій Андрий Andrei Andrey Andrej Andrzej "
          "Andriy Andrii Andrij Andrew Andreas André Andrés Andrija Ondřej "
          "Андрю"},
    {'m', "Антон Антоний Антоній Anton Antoni Antonín Antonio Anthony "
          "Antoine Antonij Tony Тони"},
    {'m', "Аркадий Аркадзь Аркадій Arkady Arkadiy Arkadii Arkadz "
          "Arkadiusz Arkadij"},
    {'m', "Арсений Арсень Арсеній Arseny Arseniy Arsenii Arsen Арсен"},
    {'m', "Артём Артем Арцём Artyom Artem Artsiom Artiom Artsem "
          "Артемий Artemiy"},
    {'m', "Богдан Багдан Bogdan Bohdan Bahdan"},
    {'m', "Борис Барыс Borys Boris Barys Borys"},
    {'m', "Вадим Вадзім Vadim Vadzim Vadym Wadim"},
    {'m', "Валентин Валянцін Valentin Valiantsin Valentyn Walenty "
          "Valentine Valentino"},
    {'m', "Валерий Валерый Валерій Валери Valery Valeriy Valerii Valeri "
          "Valer Walery Valerio Walerij Waleri"},
    {'m', "Василий Васіль Василь Васил Vasily Vasiliy Vasilii Vasili "
          "Vasil Vasyl Wasyl Wassili Wasil Vassili Basil Vasile Vasilije "
          "Wasilij Wassilij"},
    {'m', "Виктор Віктар Віктор Viktor Viktar Victor Wiktor Vittorio"},
    {'m', "Виталий Віталь Віталій Vitaly Vitaliy Vitalii Vitali Vital "
          "Witalij Vitalie Witalij Witali"},
    {'m', "Владимир Уладзімір Володимир Владимер Vladimir Uladzimir "
          "Uladzimier Volodymyr Volodimir Wolodymyr Wladimir Władimir "
          "Włodzimierz Vladimír Vladimer Volodya Володя Vlad Влад"},
    {'m', "Владислав Уладзіслаў Владислав Vladislav Uladzislau "
          "Vladyslav Władysław Ladislav Ladislao László Vlad Влад"},
    {'m', "Вячеслав Вячаслаў В'ячеслав Vyacheslav Viachaslau "
          "Viacheslav Wjatscheslaw Wiaczesław Vjačeslav Viatcheslav "
          "Veaceslav Slava Слава Wiaczesław"},
    {'m', "Вацлав Вацлаў Венцислав Václav Wacław Ventsislav Ventseslav "
          "Wenceslas Wenzel Vencislav"},
    {'m', "Всеволод Усевалад Vsevolod Usevalad Wsiewołod"},
    {'m',
     "Геннадий Генадзь Геннадій Gennady Gennadiy Gennadii Gennadi "
     "Henadz Hienadz Hennadiy Hennadii Genadiy Henadzi Giennadij Guennadi"},
    {'m',
     "Георгий Георги Георгій Ђорђе Ежи Georgy Georgiy Georgii Georgi "
     "Heorhiy Heorhii Heorhi Giorgi George Джордж Georg Georges Jiří Jerzy "
     "Đorđe Djordje Giorgos Georgios Jorge Giorgio Jürgen"},
    {'m',
     "Юрий Юры Юрій Yuri Yury Yuriy Yurii Jurij Juri Iouri Jurek Jurij Iouri"},
    {'m', "Глеб Гліб Gleb Hleb Hlib"},
    {'m', "Григорий Рыгор Григорій Григор Grigory Grigoriy Grigorii "
          "Ryhor Hryhoriy Hryhorii Grzegorz Gregory Grégoire Gregor "
          "Grigor Greg Grigorij Grigori"},
    {'m', "Даниил Данііл Данило Данила Даниел Даниэль Daniil Danila "
          "Danylo Daniel Daniele Danijel Dan Danny"},
    {'m', "Денис Дзяніс Denis Dzianis Denys Dennis"},
    {'m', "Дмитрий Дзмітрый Зміцер Дмитро Димитър Димитрий Димитрије "
          "Dmitry Dmitriy Dmitrii Dmitri Dzmitry Dzmitryj Zmitser Zmicier "
          "Dmytro Dimitar Dimitri Dimitrij Dimitrios Dymitr Dmitar "
          "Dimitrije Dima Дима Dmitrij Dmitrij"},
    {'m', "Евгений Яўген Євген Евгени Yevgeny Yevgeniy Evgeny Evgeniy "
          "Evgenii Evgeni Jewgeni Jewgienij Jauhien Yauhen Yauheni "
          "Yevhen Yevhenii Ievgen Ievgenii Eugene Eugen Eugeniusz "
          "Evgenios Yevgen Eugenio Eugène Evgueni Ievgueni"},
    {'m', "Егор Ягор Єгор Yegor Egor Yahor Jahor Jegor Yehor"},
    {'m', "Игорь Ігар Ігор Igor Ihar Ihor Ihor"},
    {'m', "Иван Іван Ivan Iwan Ivo Иво"},
    {'m', "Ян Янка Jan Janek Janka Yanka Janez"},
    {'m', "Илья Ілья Ілля Илия Ilya Ilia Illia Ilja Ilija Iliya Eliasz "
          "Elijah Elias"},
    {'m', "Иосиф Язэп Йосип Йосиф Юзаф Юзеф Осип Josif Iosif Yosyp "
          "Joseph Józef Josef José Giuseppe Osip Josip Jozef Juzef Joe"},
    {'m', "Кирилл Кірыл Кирило Кирил Kirill Kiril Kiryl Kyrylo Cyril "
          "Cyryl Kirilo"},
    {'m', "Константин Канстанцін Костянтин Konstantin Kanstantsin "
          "Kostiantyn Kostyantyn Konstanty Constantin Constantine "
          "Konstantinos Konstantyn Costantino Kostya Костя Кастусь Kastus "
          "Kastuś Konstanty"},
    {'m', "Леонид Леанід Леонід Leonid Leanid Léonide Leonid"},
    {'m', "Лев Леў Lev Leu Lew"},
    {'m', "Максим Максім Maksim Maxim Maksym Maxime"},
    {'m', "Михаил Міхаіл Міхась Михайло Михаило Mikhail Michail Michael "
          "Michał Mykhailo Mykhaylo Mikhas Mihail Michel Mikheil Miguel "
          "Michele Mihajlo Mihailo Mihai Mike Misha Миша Michaił"},
    {'m', "Николай Мікалай Микола Никола Nikolai Nikolay Nikolaj Nicolai "
          "Mikalai Mikalay Mykola Mikołaj Nicholas Nicolas Nikola "
          "Nikolaos Niccolò Nick Nicolae Kolya Коля Nikołaj"},
    {'m', "Олег Алег Oleg Aleh Oleh Olieg"},
    {'m', "Павел Павал Павло Павле Pavel Paval Pavlo Paweł Paul Paolo "
          "Pablo Pavol Pavao Pavle Pasha Паша Pawieł Pawel"},
    {'m', "Пётр Петр Пятро Петро Петър Петар Pyotr Petr Piotr Pietro "
          "Pierre Peter Pedro Petro Piatro Petar Pieter Pjotr Pete Petya "
          "Петя"},
    {'m', "Роман Раман Roman Raman Romain Romano"},
    {'m', "Ростислав Расціслаў Rostislav Rastsislau Rostyslav Rościsław "
          "Rastislav"},
    {'m', "Руслан Ruslan"},
    {'m', "Святослав Святаслаў Світослав Светослав Sviatoslav "
          "Svyatoslav Sviataslau Światosław Svetoslav"},
    {'m', "Семён Семен Сямён Симеон Semyon Semen Semion Siamion Symon "
          "Simon Szymon Šimon Simeon Simone"},
    {'m', "Сергей Сяргей Сергій Сергеј Sergei Sergey Sergej Sergiy "
          "Sergii Siarhei Siarhiej Sierhiej Serhiy Serhii Serhij "
          "Sergiusz Sergio Serge Sergiu Serghei Serhei Seryozha Серёжа "
          "Siergiej Sergueï"},
    {'m', "Станислав Станіслаў Станіслав Stanislav Stanislau Stanisław "
          "Stanislas Stanislao"},
    {'m', "Степан Сцяпан Стефан Stepan Stsiapan Štěpán Szczepan Stefan "
          "Stephen Steven Steve Stéphane Stefano Esteban Štefan Stjepan "
          "Stephan Stevan"},
    {'m', "Тарас Taras"},
    {'m', "Тимофей Цімафей Тимофій Timofei Timofey Tsimafei Tymofiy "
          "Tymofii Tymoteusz Timothy Timothée Tim"},
    {'m', "Фёдор Федор Фёдар Хведар Федір Тодор Теодор Fyodor Fedor "
          "Fiodar Fedir Feodor Fiodor Fjodor Todor Teodor Theodor "
          "Theodore Teodoro Fedya Федя Fiodor Fjodor"},
    {'m', "Эдуард Едуард Эдвард Eduard Edward Édouard Edoardo Eduardo "
          "Edvard Ed Eddie"},
    {'m', "Юлиан Юльян Юліан Yulian Julian Julián Juliano"},
    {'m', "Яков Якаў Яків Якуб Yakov Yakau Yakiv Jakub Jacob Jakob "
          "Jacques Jakov Iacob Giacomo Jacobo"},
    {'m', "Ярослав Яраслаў Yaroslav Yaraslau Jarosław Jaroslav "
          "Iaroslav"},
    {'m', "Захар Zakhar Zachar Zachariasz Zachary"},
    {'m', "Вениамин Веніямін Веніамін Veniamin Benjamin Beniamin "
          "Benjamín Ben"},
    {'m', "Матвей Мацвей Матвій Matvei Matvey Matsvei Matviy Mateusz "
          "Matthew Matteo Mathieu Matthias Matěj Matej Matt"},
    {'m', "Марк Марек Mark Marek Marc Marco Marcus Markus Marko"},
    {'m', "Мирослав Міраслаў Miroslav Miraslau Mirosław Myroslav"},
    {'m', "Никита Мікіта Микита Nikita Mikita Mykyta"},
    {'m', "Ефим Яфім Юхим Yefim Efim Yafim Yukhym"},
    {'m', "Эмиль Emil Emile Emilio Emilian"},
    {'m', "Феликс Фелікс Felix Feliks Félix"},
    {'m', "Герман Herman German Hermann Gherman"},
    {'m', "Казимир Казімір Казимеж Kazimir Kazimierz Kazimír Casimir "
          "Kazimieras"},
    {'m', "Лука Лукаш Luka Lukas Łukasz Lukáš Luke Luca Lucas"},
    {'m', "Томаш Томас Tomasz Tomáš Thomas Tomas Tommaso Tomaž Tom Tommy"},
    {'m', "Кшиштоф Крыштаф Кристоф Krzysztof Kryštof Christoph "
          "Christopher Christophe Cristoforo Kristof Chris"},
    {'m', "Войцех Wojciech Vojtěch Vojtech"},
    {'m', "Збигнев Zbigniew Zbyněk"},
    {'m', "Мечислав Mieczysław Mečislav"},
    {'m', "Чеслав Чэслаў Czesław Česlav"},
    {'m', "Болеслав Bolesław Boleslav"},
    {'m', "Богуслав Bogusław Bohuslav"},
    {'m', "Бронислав Bronisław Bronislav"},
    {'m', "Радослав Радаслаў Radosław Radoslav"},
    {'m', "Здзислав Zdzisław Zdislav"},
    {'m', "Славомир Sławomir Slavomír"},
    {'m', "Витольд Witold Vitold"},
    {'m', "Вальдемар Waldemar Valdemar Woldemar"},
    {'m', "Лех Lech"},
    {'m', "Лешек Leszek"},
    {'m', "Яцек Jacek"},
    {'m', "Рышард Рихард Ричард Ryszard Richard Riccardo Ricardo Rick "
          "Dick Richárd"},
    {'m', "Христо Hristo Khristo Christo Christos Hrysto"},
    {'m', "Живко Zhivko Živko"},
    {'m', "Стоян Stoyan Stojan"},
    {'m', "Пламен Plamen"},
    {'m', "Румен Rumen"},
    {'m', "Красимир Krasimir"},
    {'m', "Любомир Lyubomir Ljubomir Lubomír Lubomir Lubomyr"},
    {'m', "Цветан Tsvetan Cvetan"},
    {'m', "Бойко Boyko Bojko"},
    {'m', "Росен Rosen"},
    {'m', "Веселин Veselin"},
    {'m', "Ивайло Ivaylo Ivajlo"},
    {'m', "Слободан Slobodan"},
    {'m', "Милорад Milorad"},
    {'m', "Драган Dragan"},
    {'m', "Горан Goran"},
    {'m', "Зоран Zoran"},
    {'m', "Милан Milan"},
    {'m', "Војислав Vojislav"},
    {'m', "Душан Dušan"},
    {'m', "Бранко Branko"},
    {'m', "Ненад Nenad"},
    {'m', "Младен Mladen"},
    {'m', "Жељко Željko"},
    {'m', "Франц Франтишек Францішак Франсуа Франческо Franz František "
          "Franciszek Francis François Francesco Francisco Franjo Frank"},
    {'m', "Вильгельм Уильям Вільям Вилли Wilhelm William Willem "
          "Guillaume Guglielmo Bill Will Willy Billy"},
    {'m', "Роберт Robert Roberto Bob Rob Bobby Robbie"},
    {'m', "Джеймс Джим James Jim Jimmy Jamie"},
    {'m', "Джон John Johnny Jack"},
    {'m', "Иоганн Йоханнес Johann Johannes Hans Ханс"},
    {'m', "Жан Jean"},
    {'m', "Хуан Juan"},
    {'m', "Карл Кароль Карел Чарльз Karl Carl Karol Karel Carlos Carlo "
          "Charles Charlie"},
    {'m', "Генрих Генрик Генри Henry Henri Heinrich Henryk Jindřich "
          "Enrique Enrico Harry"},
    {'m', "Фридрих Фредерик Friedrich Fryderyk Frederick Frédéric "
          "Federico Fred"},
    {'m', "Дональд Donald Don"},
    {'m', "Рональд Ronald Ron"},
    {'m', "Давид Давыд Dawid David Dávid Davide Dave"},
    {'m', "Дуглас Douglas Doug"},
    {'m', "Джеффри Jeffrey Geoffrey Jeff"},
    {'m', "Джошуа Joshua Josh"},
    {'m', "Кеннет Kenneth Ken"},
    {'m', "Лаврентий Лоуренс Lavrentiy Lawrence Laurence Lorenzo Laurent "
          "Wawrzyniec Larry"},
    {'m', "Патрик Patrick Patryk Pat"},
    {'m', "Филипп Філіп Филип Піліп Philip Phillip Filip Philippe "
          "Filippo Felipe Pilip Phil"},
    {'m', "Раймонд Raymond Rajmund Ray"},
    {'m', "Самуил Samuel Samuil Sam"},
    {'m', "Вальтер Уолтер Walter Walt"},
    {'m', "Бернард Bernard Bernhard Bernardo Bernie"},
    {'m', "Рудольф Rudolf Rudolph Rudy Rudi Rodolfo"},
    {'m', "Джеральд Gerald Gerry Jerry"},
    {'m', "Иеремия Jeremy Jeremiah Jérémie"},
    {'m', "Авраам Абрахам Abraham Abe"},
    {'m', "Винсент Vincent Vincenzo Wincenty Vincenc Vince"},
    {'m', "Альберт Albert Alberto"},
    {'m', "Альфред Alfred Alfredo"},
    {'m', "Арнольд Arnold Arnie"},
    {'m', "Отто Otto"},
    {'m', "Вольфганг Wolfgang"},
    {'m', "Гельмут Хельмут Helmut Helmuth"},
    {'m', "Клаус Klaus Claus"},
    {'m', "Эрик Erik Eric Erich"},
    {'m', "Мартин Martin Marcin Martín Martino"},
    {'m', "Марио Марюс Mario Marius Mariusz"},
    {'m', "Асен Asen"},
    {'m', "Ангел Angel Anguel"},
    {'m', "Атанас Atanas"},
    {'m', "Благой Blagoy"},
    {'m', "Божидар Božidar Bozhidar"},
    {'m', "Борислав Borislav Borysław"},
    {'m', "Делян Delyan"},
    {'m', "Добромир Dobromir"},
    {'m', "Здравко Zdravko"},
    {'m', "Илиян Iliyan"},
    {'m', "Йордан Jordan Yordan"},
    {'m', "Калин Kalin"},
    {'m', "Методи Metodi"},
    {'m', "Милен Milen"},
    {'m', "Огнян Ognyan Ognjen Огњен"},
    {'m', "Петко Petko"},
    {'m', "Славчо Slavcho"},
    {'m', "Станимир Stanimir"},
    {'m', "Тихомир Tihomir Tikhomir"},
    {'m', "Томислав Tomislav"},
    {'m', "Трайчо Traycho"},
    {'m', "Явор Yavor"},
    {'m', "Ясен Yasen"},
    {'m', "Венелин Venelin"},
    {'m', "Волен Volen"},
    {'m', "Ивелин Ivelin"},
    {'m', "Лъчезар Lachezar"},
    {'m', "Момчил Momchil"},
    {'m', "Чавдар Chavdar"},
    {'m', "Ante Анте"},
    {'m', "Božo Божо"},
    {'m', "Branimir Бранимир"},
    {'m', "Davor Давор"},
    {'m', "Dejan Деян Дејан"},
    {'m', "Dragoljub Драгољуб"},
    {'m', "Dubravko Дубравко"},
    {'m', "Hrvoje Хрвоје"},
    {'m', "Ivica Ивица"},
    {'m', "Krešimir Крешимир"},
    {'m', "Milo Мило"},
    {'m', "Miloš Милош"},
    {'m', "Milutin Милутин"},
    {'m', "Miodrag Миодраг"},
    {'m', "Mirko Мирко"},
    {'m', "Nebojša Небојша"},
    {'m', "Predrag Предраг"},
    {'m', "Radovan Радован"},
    {'m', "Ratko Ратко"},
    {'m', "Siniša Синиша"},
    {'m', "Srđan Срђан"},
    {'m', "Stipe Стипе"},
    {'m', "Zlatko Златко"},
    {'m', "Adam Адам"},
    {'m', "Bartłomiej Bartholomew Варфоломей"},
    {'m', "Cezary Cezar Cesare Цезарий"},
    {'m', "Dariusz Darius Дариуш"},
    {'m', "Henryk Генрик"},
    {'m', "Hubert Хуберт"},
    {'m', "Ireneusz Иренеуш"},
    {'m', "Janusz Януш"},
    {'m', "Kamil Камиль"},
    {'m', "Konrad Конрад"},
    {'m', "Maciej Мацей"},
    {'m', "Przemysław Przemysl Přemysl Пшемыслав"},
    {'m', "Rafał Rafael Raphael Рафал Рафаэль"},
    {'m', "Sebastian Sebastián Себастьян"},
    {'m', "Tadeusz Tadeáš Тадеуш"},
    {'m', "Zygmunt Sigmund Зигмунд"},
    {'m', "Bohumil Богумил"},
    {'m', "Radek Радек"},
    {'m', "Vít Вит"},
    {'m', "Zdeněk Зденек"},
    {'m', "Ostap Остап"},
    {'m', "Nazar Назар"},
    {'m', "Yarema Ярема"},
    {'m', "Myron Miron Мирон"},
    {'m', "Orest Орест"},
    {'m', "Зянон Зенон Zianon Zenon"},
    {'m', "Вінцук Vintsuk"},
    {'m', "Платон Platon"},
    {'m', "Прохор Prokhor"},
    {'m', "Савелий Savely Savelii"},
    {'m', "Тимур Timur"},
    {'m', "Марат Marat"},
    {'m', "Ринат Rinat"},
    {'m', "Никифор Nikifor"},
    {'m', "Aleš Алеш"},
    {'m', "Borut Борут"},
    {'m', "Marjan Марьян"},
    {'m', "Anže Анже"},
    {'m', "Janko Янко"},
    {'m', "Ljubiša Љубиша"},
    {'m', "Gojko Гојко"},

    /* female */
    {'f', "Александра Аляксандра Олександра Alexandra Aleksandra "
          "Aliaksandra Alaksandra Oleksandra Alessandra Alejandra"},
    {'f', "Алла Ала Alla Ala"},
    {'f', "Анастасия Анастасія Настасся Anastasia Anastasiya Anastasija "
          "Nastassia Nastassja Anastazja Anastasiia Nastya Настя"},
    {'f', "Анна Ганна Ханна Гана Anna Hanna Ganna Ania Anne Ann Anja Ana Hana "
          "Hannah Anya Аня"},
    {'f', "Антонина Антаніна Антоніна Antonina"},
    {'f', "Валентина Валянціна Valentina Valiantsina Valentyna "
          "Walentyna"},
    {'f', "Валерия Валерыя Валерія Valeria Valeriya Valeryia Waleria "
          "Valérie Valerie"},
    {'f', "Вера Віра Vera Vira Viera Wiera Věra Wera Véra"},
    {'f', "Вероника Вераніка Вероніка Veronika Veranika "
          "Weronika Véronique Veronica"},
    {'f', "Виктория Вікторыя Вікторія Viktoria Viktoriya Viktoryia "
          "Victoria Wiktoria Viktorie Vicky"},
    {'f', "Галина Галіна Galina Halina Halyna Galyna"},
    {'f', "Дарья Дар'я Дар’я Darya Daria Darja Daryia Dariya Daryna"},
    {'f', "Диана Дзіяна Diana Dziana Diane"},
    {'f', "Евгения Яўгенія Євгенія Yevgenia Yevgeniya Evgenia Evgeniya "
          "Jauhienija Yauheniya Yevheniia Eugenia Eugénie Jewgenija"},
    {'f', "Екатерина Кацярына Катерина Катя Yekaterina Ekaterina "
          "Katerina Katsiaryna Katsyaryna Kateryna Katarzyna Catherine "
          "Katherine Kathryn Caterina Katharina Kateřina Katarina Katya "
          "Kate Kathy"},
    {'f', "Елена Алена Олена Алёна Elena Yelena Jelena Alena Olena "
          "Helena Hélène Helen Alyona Ellen"},
    {'f', "Елизавета Лізавета Єлизавета Elizaveta Yelizaveta Lizaveta "
          "Yelyzaveta Elżbieta Elizabeth Élisabeth Elisabeth Alžběta "
          "Elisabetta Liz Beth Betty"},
    {'f', "Жанна Zhanna Żanna Jeanne Janna Žana"},
    {'f', "Зоя Zoya Zoja Zoe Zoé"},
    {'f', "Зинаида Зінаіда Зінаїда Zinaida Zinaïda"},
    {'f', "Инна Inna"},
    {'f', "Ирина Ірына Ірина Ирена Irina Iryna Irena Irène Irene"},
    {'f', "Кристина Крысціна Христина Kristina Krystsina Khrystyna "
          "Krystyna Christina Kristýna Christine Cristina Kristine "
          "Christiane"},
    {'f', "Ксения Ксенія Ksenia Kseniya Ksenija Kseniia Xenia"},
    {'f', "Лариса Ларыса Larisa Larysa Larissa"},
    {'f', "Лидия Лідзія Лідія Lidia Lidiya Lidziya Lydia Lidija"},
    {'f', "Любовь Любоў Любов Lyubov Liubov Liubou Lubow Ljubov"},
    {'f', "Людмила Людміла Lyudmila Liudmila Ludmila Lyudmyla Liudmyla "
          "Ludmiła Ljudmila Ludmilla"},
    {'f', "Маргарита Маргарыта Margarita Marharyta Margaryta Małgorzata "
          "Margaret Marguerite Margherita Markéta Margareta Margarete "
          "Maggie Peggy"},
    {'f', "Марина Марына Marina Maryna"},
    {'f', "Мария Марыя Марія Марија Мэри Мари Maria Mariya Maryia "
          "Marija Maryja Marie Mary María Mariia Masha Маша"},
    {'f', "Надежда Надзея Надія Nadezhda Nadzeya Nadzieja Nadiya Nadiia "
          "Nadežda Nadejda Nadeschda Nadia Nadya Надя"},
    {'f', "Наталья Наталля Наталія Наталия Natalya Natalia Nataliya "
          "Natallia Natalja Natalie Nathalie Natália Natalija Natasha "
          "Наташа"},
    {'f', "Нина Ніна Nina"},
    {'f', "Оксана Аксана Oksana Aksana Oxana"},
    {'f', "Ольга Вольга Olga Volha Olha Olya Оля"},
    {'f', "Полина Паліна Поліна Polina Palina Paulina Pauline"},
    {'f', "Раиса Раіса Раїса Raisa Raïssa"},
    {'f', "Светлана Святлана Світлана Svetlana Sviatlana Svyatlana "
          "Svitlana Swietłana Swetlana Světlana Sveta Света"},
    {'f', "София Софія Софья Sofia Sofiya Sophia Sofija Zofia Sophie "
          "Žofie Sofie Sofya"},
    {'f', "Тамара Tamara"},
    {'f', "Татьяна Таццяна Тетяна Tatiana Tatyana Tatsiana Tatsyana "
          "Tetiana Tetyana Tacciana Tatjana Tanya Таня"},
    {'f', "Юлия Юлія Yulia Yuliya Yuliia Julia Julija Julie Giulia "
          "Iuliia Ioulia Yulya"},
    {'f', "Яна Jana Yana Iana"},
    {'f', "Ева Єва Эва Eva Ewa Yeva Eve Ève"},
    {'f', "Эльвира Elvira"},
    {'f', "Агнешка Agnieszka Agnes Anežka Agnès"},
    {'f', "Варвара Барбара Barbara Varvara Barbora"},
    {'f', "Беата Beata"},
    {'f', "Божена Bożena Božena"},
    {'f', "Гражина Grażyna"},
    {'f', "Данута Danuta"},
    {'f', "Дорота Dorota Dorothy Dorothea"},
    {'f', "Иоанна Йоанна Joanna Johanna Ioanna"},
    {'f', "Ядвига Jadwiga Hedwig"},
    {'f', "Каролина Karolina Caroline Carolina"},
    {'f', "Магдалена Magdalena Madeleine Magdalene"},
    {'f', "Моника Monika Monique Monica"},
    {'f', "Тереза Teresa Tereza Thérèse Theresa"},
    {'f', "Изабела Izabela Isabella Isabel Isabelle"},
    {'f', "Юстына Justyna Justina"},
    {'f', "Рената Renata"},
    {'f', "Урсула Urszula Uršula Ursula"},
    {'f', "Ванда Wanda Vanda"},
    {'f', "Сусанна Zuzanna Zuzana Susanna Susan Suzanne Sue"},
    {'f', "Мирослава Mirosława Miroslava"},
    {'f', "Ярослава Jarosława Jaroslava"},
    {'f', "Станислава Stanisława Stanislava"},
    {'f', "Весела Vesela"},
    {'f', "Цветелина Tsvetelina"},
    {'f', "Цвета Tsveta Cveta"},
    {'f', "Снежана Snezhana Snježana Śnieżana"},
    {'f', "Милена Milena"},
    {'f', "Йорданка Yordanka Jordanka"},
    {'f', "Румяна Rumyana"},
    {'f', "Десислава Desislava"},
    {'f', "Даниела Daniela"},
    {'f', "Дженнифер Jennifer Jen Jenny"},
    {'f', "Дебора Deborah Debbie"},
    {'f', "Патриция Patricia Patty Pat"},
    {'f', "Ребекка Rebecca Becky"},
    {'f', "Жаклин Jacqueline Jackie"},
    {'f', "Кимберли Kimberly"},
    {'f', "Эмма Emma"},
    {'f', "Лаура Laura"},
    {'f', "Сара Sarah Sara"},
    {'f', "Майя Maya Maja Maia"},
    {'f', "Роза Róża Rosa Roza"},
    {'f', "Иванна Іванна Ivana Ivanna"},
    {'f', "Антония Antonia"},
    {'f', "Павла Паула Pavla Paula Paola"},
    {'f', "Петра Petra"},
    {'f', "Богдана Bohdana Bogdana"},
    {'f', "Владислава Vladislava Władysława"},
    {'f', "Мартина Martina"},
    {'f', "Михаэла Michaela Michalina"},
    {'f', "Симона Simona Simone"},
    {'f', "Романа Romana"},
    {'f', "Анелия Aneliya"},
    {'f', "Биляна Biljana Bilyana Биљана"},
    {'f', "Бистра Bistra"},
    {'f', "Боряна Boryana"},
    {'f', "Ваня Vanya"},
    {'f', "Венета Veneta"},
    {'f', "Виолета Violeta Wioletta Violetta"},
    {'f', "Гергана Gergana"},
    {'f', "Елица Elitsa"},
    {'f', "Емилия Emilia Emilija Emília Эмилия"},
    {'f', "Зорница Zornitsa"},
    {'f', "Калина Kalina"},
    {'f', "Камелия Kamelia Kameliya"},
    {'f', "Лиляна Lilyana Ljiljana Љиљана"},
    {'f', "Мариана Mariana Marianna"},
    {'f', "Мира Mira"},
    {'f', "Нели Neli Nelly"},
    {'f', "Петя Petya"},
    {'f', "Пламена Plamena"},
    {'f', "Радост Radost"},
    {'f', "Ралица Ralitsa"},
    {'f', "Росица Rositsa"},
    {'f', "Светла Svetla"},
    {'f', "Силвия Silvia Sylwia Silvie Sylvia"},
    {'f', "Стела Stela Stella"},
    {'f', "Теодора Teodora Theodora"},
    {'f', "Борислава Borislava"},
    {'f', "Красимира Krasimira"},
    {'f', "Ивелина Ivelina"},
    {'f', "Стояна Stoyana"},
    {'f', "Тодорка Todorka"},
    {'f', "Цветана Tsvetana"},
    {'f', "Николета Nikoleta"},
    {'f', "Dragana Драгана"},
    {'f', "Gordana Гордана"},
    {'f', "Jadranka Јадранка"},
    {'f', "Jasmina Јасмина Yasmina"},
    {'f', "Kolinda Колинда"},
    {'f', "Milica Милица"},
    {'f', "Mirjana Мирјана"},
    {'f', "Nataša Наташа"},
    {'f', "Vesna Весна"},
    {'f', "Zorana Зорана"},
    {'f', "Agata Агата Agáta Agatha"},
    {'f', "Alicja Alice Alicia Алиция"},
    {'f', "Edyta Edita Edith Эдита"},
    {'f', "Iwona Ivona Yvonne Ивона"},
    {'f', "Jolanta Jolana Иоланта"},
    {'f', "Kinga Кинга"},
    {'f', "Marta Martha Марта"},
    {'f', "Kamila Камила"},
    {'f', "Żaneta Žaneta Жанета"},
    {'f', "Jitka Йитка"},
    {'f', "Lenka Ленка"},
    {'f', "Lucie Lucia Lucy Łucja Луция"},
    {'f', "Radka Радка"},
    {'f', "Dagmar Дагмар"},
    {'f', "Pavlína Pavlina Павлина"},
    {'f', "Soňa Sonja Sonia Соня"},
    {'f', "Šárka Шарка"},
    {'f', "Vladimíra Vladimira"},
    {'f', "Zdeňka Zdenka"},
    {'f', "Jarmila Ярмила"},
    {'f', "Леся Lesya Lesia"},
    {'f', "Соломія Solomiya Solomia"},
    {'f', "Уляна Uliana Ulyana Juliana Ульяна"},
    {'f', "Зоряна Zoryana"},
    {'f', "Марічка Marichka"},
    {'f', "Эльмира Elmira"},
    {'f', "Эльза Elza Elsa"},
    {'f', "Лилия Lilia Liliya Lilija"},
};

const size_t names_given_count =
    sizeof(names_given_sets) / sizeof(names_given_sets[0]);
