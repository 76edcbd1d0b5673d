package stories

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// precision says how exactly a date expression names a day.
type precision uint8

const (
	precDay   precision = iota // "on Friday", "Nov. 7", "yesterday"
	precWeek                   // "last week", "earlier this week"
	precMonth                  // "earlier this month", "last month"
	precBound                  // "until Saturday": a day, but the end of something
)

// mention is one resolved temporal expression.
type mention struct {
	start, end int
	day        time.Time // midnight in the resolution zone
	prec       precision
	// said: the day is the report's own ("said on Wednesday it would
	// respect the decision"), the only one it names besides those of
	// what it follows: no act's.
	said bool
	// ahead: the day is after the day after publication, a plan's
	// ("set 26 October for second strike day"), the only day the text
	// names, or the next day as a plan's first ("cuts from August
	// 15"): no act's day yet.
	ahead bool
	// plan: a plan's day ahead that the text names and day passed over.
	plan time.Time
	// utc: the day the text gives in UTC ("at 01:10 UTC on November
	// 18") a day off day, the same act's in local time ("at 10:10 p.m.
	// local time on November 17"), when day is of a zone that keeps
	// UTC's time: day is what other reports in local time name, utc the
	// day in the desk's zone.
	utc time.Time
	// clock is the time of day the text gives its act ("capsized at
	// around 3:30 AM today", "at 12:40 a.m."), in minutes after
	// midnight plus one; 0: none. foreignClock: the time is of another
	// zone than the outlet's ("1 a.m. local time"); night: the act is
	// put in the small hours ("early on Wednesday", "overnight", a time
	// before dawn). deskDay reads them.
	clock        int
	foreignClock bool
	night        bool
	// nightAside: night rests only on a night phrase away from the day
	// in its sentence ("the uncollateralized overnight call rate",
	// "after the record overnight"), which may be another thing's.
	nightAside bool
	// daylight: the text names with the day a part of it after the
	// small hours ("on Sunday morning"), where it puts the act.
	daylight bool
	// late is the hour of the day from which the text puts the act late
	// in it ("on Sunday evening" 18, "late on Monday", "Monday night",
	// "last night" 20); 0: it does not. deskDay reads it.
	late int
	// future: a modal or "will" governs the day ("can travel on
	// Thursday"), which names no past act.
	future bool
}

// Month-day candidates must fall within [published-pastSpan, published+futureSpan].
const (
	pastSpan   = 300 * 24 * time.Hour
	futureSpan = 60 * 24 * time.Hour
)

var (
	months = map[string]time.Month{
		"jan": time.January, "january": time.January,
		"feb": time.February, "february": time.February,
		"mar": time.March, "march": time.March,
		"apr": time.April, "april": time.April,
		"may": time.May,
		"jun": time.June, "june": time.June,
		"jul": time.July, "july": time.July,
		"aug": time.August, "august": time.August,
		"sep": time.September, "sept": time.September, "september": time.September,
		"oct": time.October, "october": time.October,
		"nov": time.November, "november": time.November,
		"dec": time.December, "december": time.December,
	}
	weekdays = map[string]time.Weekday{
		"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
		"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday,
		"saturday": time.Saturday,
	}
	smallNumbers = map[string]int{
		"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
		"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3,
	}
)

// dayLanguages name days in languages other than English, as data: each
// word or phrase maps to the English one it means, and the date readers
// read it as that ("jeudi" as "thursday", "hier" as "yesterday", "le 5
// mars" as "5 march", "lundi dernier" as "last monday"). A text is read
// in one of them only when its function words (marks) are mostly that
// language's (textLanguage): an English text is read in English alone,
// so a word that is also an English word or name ("Mars", "Domingo")
// never fires in it, nor a word of one language that means something
// else in another (French "hier" is German "here"). Weekdays and months
// of the Romance languages are written in lower case: a capitalised one
// past a sentence's start is a name ("Santo Domingo", "Plácido
// Domingo"). Accents are listed with and without: outlets drop them.
// A function word languages share ("de", "za") is a mark of each that
// uses it, so it tells none of them from another (a Romanian text is no
// Hungarian one for its "a"; a Dutch one no Spanish one for its "de").
var dayLanguages = []dayLanguage{
	{
		name:  "French",
		marks: `le la les de des du et est une dans pour au aux selon qui ont été sur par cette ses`,
		weekdays: `lundi: monday; mardi: tuesday; mercredi: wednesday; jeudi: thursday;
			vendredi: friday; samedi: saturday; dimanche: sunday`,
		months: `janvier: january; février: february; fevrier: february; mars: march; avril: april;
			mai: may; juin: june; juillet: july; août: august; aout: august; septembre: september;
			octobre: october; novembre: november; décembre: december; decembre: december`,
		relDays: `aujourd'hui: today; aujourd’hui: today; hier: yesterday; avant-hier: the day before yesterday;
			ce matin: this morning; cet après-midi: this afternoon; ce soir: tonight`,
		mods:  `dernier: last; passé: last; prochain: next; jusqu'à: until; jusqu’à: until; jusqu'au: until; jusqu’au: until`,
		clock: `vers; à; dès`,
		pm:    `du soir; de l'après-midi; de l'apres-midi`,
		am:    `du matin`,
		lower: true,
	},
	{
		name:  "Spanish",
		marks: `el la los las de del y que por una con según este esta fue al su sus para se en`,
		weekdays: `lunes: monday; martes: tuesday; miércoles: wednesday; miercoles: wednesday;
			jueves: thursday; viernes: friday; sábado: saturday; sabado: saturday; domingo: sunday`,
		months: `enero: january; febrero: february; marzo: march; abril: april; mayo: may;
			junio: june; julio: july; agosto: august; septiembre: september; setiembre: september;
			octubre: october; noviembre: november; diciembre: december`,
		relDays: `hoy: today; ayer: yesterday; anteayer: the day before yesterday; antier: the day before yesterday;
			anoche: last night; esta mañana: this morning; esta tarde: this afternoon; esta noche: tonight`,
		mods:  `pasado: last; próximo: next; proximo: next; hasta el: until`,
		clock: `a las; las; hacia las; sobre las`,
		pm:    `p. m.; p.m.; pm; de la tarde; de la noche`,
		am:    `a. m.; a.m.; am; de la mañana; de la manana; de la madrugada`,
		lower: true,
	},
	{
		name:  "Portuguese",
		marks: `o os de do da dos das e na nas em um com foi não uma ao pela pelo nesta neste`,
		weekdays: `segunda-feira: monday; terça-feira: tuesday; terca-feira: tuesday; quarta-feira: wednesday;
			quinta-feira: thursday; sexta-feira: friday; sábado: saturday; sabado: saturday; domingo: sunday`,
		months: `janeiro: january; fevereiro: february; março: march; marco: march; abril: april; maio: may;
			junho: june; julho: july; agosto: august; setembro: september; outubro: october;
			novembro: november; dezembro: december`,
		relDays: `hoje: today; ontem: yesterday; anteontem: the day before yesterday;
			nesta manhã: this morning; esta manhã: this morning; nesta tarde: this afternoon; esta noite: tonight`,
		mods:  `passado: last; passada: last; próximo: next; próxima: next; proximo: next; proxima: next; até: until`,
		clock: `às; à; por volta das; por volta da; cerca das; cerca da`,
		pm:    `da tarde; da noite`,
		am:    `da manhã; da manha; da madrugada`,
		lower: true,
	},
	{
		name:  "German",
		marks: `der die das und ist nicht mit von den dem ein eine einen im am auf sich hat wurde nach bei zum`,
		weekdays: `montag: monday; dienstag: tuesday; mittwoch: wednesday; donnerstag: thursday;
			freitag: friday; samstag: saturday; sonnabend: saturday; sonntag: sunday`,
		months: `januar: january; jänner: january; februar: february; märz: march; maerz: march; april: april;
			mai: may; juni: june; juli: july; august: august; september: september; oktober: october;
			november: november; dezember: december`,
		relDays: `heute: today; gestern: yesterday; vorgestern: the day before yesterday;
			heute morgen: this morning; heute früh: this morning; heute abend: tonight;
			heutige: today; heutigen: today; heutiger: today; heutigem: today; heutiges: today;
			gestrige: yesterday; gestrigen: yesterday; gestriger: yesterday; gestrigem: yesterday; gestriges: yesterday`,
		mods:  `vergangenen: last; letzten: last; vorigen: last; nächsten: next; kommenden: next; bis: until`,
		clock: `um; gegen`,
	},
	{
		name:  "Italian",
		marks: `il lo la gli della delle dei di da che per nel nella sono ha è stato stata alla dalla`,
		weekdays: `lunedì: monday; lunedi: monday; martedì: tuesday; martedi: tuesday; mercoledì: wednesday;
			mercoledi: wednesday; giovedì: thursday; giovedi: thursday; venerdì: friday; venerdi: friday;
			sabato: saturday; domenica: sunday`,
		months: `gennaio: january; febbraio: february; marzo: march; aprile: april; maggio: may;
			giugno: june; luglio: july; agosto: august; settembre: september; ottobre: october;
			novembre: november; dicembre: december`,
		relDays: `oggi: today; ieri: yesterday; l'altro ieri: the day before yesterday; altroieri: the day before yesterday;
			stamattina: this morning; stamani: this morning; stasera: tonight`,
		mods:  `scorso: last; scorsa: last; prossimo: next; prossima: next; fino a: until`,
		clock: `alle; verso le; intorno alle; all'; verso l'`,
		pm:    `di sera; del pomeriggio; di notte`,
		am:    `di mattina; del mattino`,
		lower: true,
	},
	{
		name:  "Dutch",
		marks: `de het een en van op dat met voor zijn niet werd door bij naar heeft`,
		weekdays: `maandag: monday; dinsdag: tuesday; woensdag: wednesday; donderdag: thursday;
			vrijdag: friday; zaterdag: saturday; zondag: sunday`,
		months: `januari: january; februari: february; maart: march; april: april; mei: may; juni: june;
			juli: july; augustus: august; september: september; oktober: october; november: november;
			december: december`,
		relDays: `vandaag: today; gisteren: yesterday; eergisteren: the day before yesterday;
			vanochtend: this morning; vanmorgen: this morning; vanmiddag: this afternoon; vanavond: tonight`,
		mods:  `afgelopen: last; vorige: last; komende: next; volgende: next; tot: until`,
		clock: `om; rond`,
		lower: true,
	},
	{
		name:  "Swedish",
		marks: `och att det som ett på är av för med har till inte om var vid efter enligt`,
		weekdays: `måndag: monday; tisdag: tuesday; onsdag: wednesday; torsdag: thursday; fredag: friday;
			lördag: saturday; söndag: sunday; i måndags: monday; i tisdags: tuesday; i onsdags: wednesday;
			i torsdags: thursday; i fredags: friday; i lördags: saturday; i söndags: sunday`,
		months: `januari: january; februari: february; mars: march; april: april; maj: may; juni: june;
			juli: july; augusti: august; september: september; oktober: october; november: november;
			december: december`,
		relDays: `i dag: today; idag: today; i går: yesterday; igår: yesterday; i förrgår: the day before yesterday;
			i morse: this morning; i kväll: tonight; ikväll: tonight`,
		mods:  `förra: last; nästa: next`,
		clock: `vid; klockan; kl.`,
		lower: true,
	},
	{
		// Turkish: "pazar" is also a market and "cuma" the Friday
		// prayer, so those two are read only with "günü" (day).
		// Capitals past ASCII (Ç, Ş) are listed: asciiLower keeps them.
		name:  "Turkish",
		marks: `ve bir bu için ile olarak olan gibi daha yaptı etti dedi üzere sonra oldu kadar göre tarafından ise ki yüzde çok ancak da de`,
		weekdays: `pazartesi: monday; salı: tuesday; çarşamba: wednesday; Çarşamba: wednesday; perşembe: thursday;
			cuma günü: friday; cumartesi: saturday; pazar günü: sunday`,
		months: `ocak: january; şubat: february; Şubat: february; mart: march; nisan: april; mayıs: may;
			haziran: june; temmuz: july; ağustos: august; eylül: september; ekim: october; kasım: november;
			aralık: december`,
		relDays: `bugün: today; dün: yesterday; evvelsi gün: the day before yesterday; bu sabah: this morning;
			bu akşam: tonight`,
		mods:  `geçen: last; gelecek: next; önümüzdeki: next`,
		clock: `saat`,
	},
	{
		// Russian: weekdays after "в"/"во" take the accusative
		// ("в среду"), listed with the nominative; capitals past ASCII
		// are listed for a sentence's first word (asciiLower keeps them).
		name:  "Russian",
		marks: `и в во на не что по с из для от был была были было это как его к о`,
		weekdays: `понедельник: monday; вторник: tuesday; среда: wednesday; среду: wednesday; четверг: thursday;
			пятница: friday; пятницу: friday; суббота: saturday; субботу: saturday; воскресенье: sunday`,
		months: `января: january; февраля: february; марта: march; апреля: april; мая: may; июня: june;
			июля: july; августа: august; сентября: september; октября: october; ноября: november;
			декабря: december`,
		relDays: `сегодня: today; Сегодня: today; вчера: yesterday; Вчера: yesterday; позавчера: the day before yesterday;
			Позавчера: the day before yesterday; сегодня утром: this morning; сегодня вечером: tonight`,
		mods:  `прошлый: last; прошлую: last; прошлое: last; следующий: next; следующую: next; до: until`,
		clock: `в; около`,
		lower: true,
	},
	{
		// Haitian Creole: weekdays in lower case, with or without their
		// accents.
		name:  "Haitian Creole",
		marks: `yo nan ak pou li te ki epi yon dapre anpil plizyè moun lè`,
		weekdays: `lendi: monday; madi: tuesday; mèkredi: wednesday; mekredi: wednesday; jedi: thursday;
			vandredi: friday; samdi: saturday; dimanch: sunday`,
		months: `janvye: january; fevriye: february; mas: march; avril: april; me: may; jen: june;
			jiyè: july; jiye: july; out: august; septanm: september; oktòb: october; oktob: october;
			novanm: november; desanm: december`,
		relDays: `jodi a: today; yè: yesterday; ye: yesterday; avantyè: the day before yesterday;
			maten an: this morning; aswè a: tonight`,
		mods:  `pase: last; pwochen: next`,
		clock: `vè`,
		lower: true,
	},
	{
		// Filipino: weekdays are capitalised ("Linggo" is Sunday, "linggo"
		// a week).
		name:  "Filipino",
		marks: `ang ng mga sa na si ay nang ni kay ayon noong ngayong nitong matapos`,
		weekdays: `lunes: monday; martes: tuesday; miyerkules: wednesday; huwebes: thursday;
			biyernes: friday; sabado: saturday; linggo: sunday`,
		months: `enero: january; pebrero: february; marso: march; abril: april; mayo: may; hunyo: june;
			hulyo: july; agosto: august; setyembre: september; oktubre: october; nobyembre: november;
			disyembre: december`,
		relDays: `kahapon: yesterday; ngayong araw: today; kamakalawa: the day before yesterday;
			kaninang umaga: this morning; mamayang gabi: tonight`,
		mods:  `nakaraang: last; susunod na: next`,
		clock: `alas`,
		pm:    `ng hapon; ng gabi`,
		am:    `ng umaga; ng madaling-araw`,
		upper: true,
	},
	{
		name:  "Afrikaans",
		marks: `die nie vir wat tydens nadat sowat gister ook`,
		weekdays: `maandag: monday; dinsdag: tuesday; woensdag: wednesday; donderdag: thursday;
			vrydag: friday; saterdag: saturday; sondag: sunday`,
		months: `januarie: january; februarie: february; maart: march; april: april; mei: may; junie: june;
			julie: july; augustus: august; september: september; oktober: october; november: november;
			desember: december`,
		relDays: `vandag: today; gister: yesterday; eergister: the day before yesterday;
			vanoggend: this morning; vanmiddag: this afternoon; vanaand: tonight`,
		mods:  `verlede: last; volgende: next; aanstaande: next`,
		clock: `om; teen`,
	},
	{
		// Greek: weekdays and months are capitalised, as written
		// (asciiLower keeps them): a lower-case "τρίτη" is "third".
		name:  "Greek",
		marks: `και το τη την του της των στο στη στην με από για ότι που οι η ο τα`,
		weekdays: `Δευτέρα: monday; Τρίτη: tuesday; Τετάρτη: wednesday; Πέμπτη: thursday;
			Παρασκευή: friday; Σάββατο: saturday; Κυριακή: sunday`,
		months: `Ιανουαρίου: january; Φεβρουαρίου: february; Μαρτίου: march; Απριλίου: april; Μαΐου: may;
			Ιουνίου: june; Ιουλίου: july; Αυγούστου: august; Σεπτεμβρίου: september; Οκτωβρίου: october;
			Νοεμβρίου: november; Δεκεμβρίου: december`,
		relDays: `σήμερα: today; Σήμερα: today; χθες: yesterday; Χθες: yesterday; χτες: yesterday;
			προχθές: the day before yesterday; σήμερα το πρωί: this morning; απόψε: tonight`,
		mods:  `περασμένη: last; περασμένο: last; επόμενη: next; επόμενο: next`,
		clock: `στις; γύρω στις`,
	},
	{
		// Indonesian and Malay: weekdays are capitalised ("Minggu" is
		// Sunday, "minggu" a week); "lalu" and "depan" follow the day.
		name:  "Indonesian and Malay",
		marks: `yang dan di ke dari untuk dengan pada ini itu oleh akan telah dalam tersebut kata menurut sejak`,
		weekdays: `senin: monday; isnin: monday; selasa: tuesday; rabu: wednesday; kamis: thursday;
			khamis: thursday; jumat: friday; jum'at: friday; jumaat: friday; sabtu: saturday;
			minggu: sunday; ahad: sunday`,
		months: `januari: january; februari: february; maret: march; mac: march; april: april; mei: may;
			juni: june; jun: june; juli: july; julai: july; agustus: august; ogos: august;
			september: september; oktober: october; november: november; desember: december;
			disember: december`,
		relDays: `hari ini: today; kemarin: yesterday; kemarin lusa: the day before yesterday;
			semalam: yesterday; pagi ini: this morning; pagi tadi: this morning; malam ini: tonight`,
		mods:  `lalu: last; depan: next; hingga: until; sampai: until`,
		clock: `pukul; sekitar pukul; jam`,
		upper: true,
	},
	{
		// Swahili: no clock, as Swahili time counts the hours from dawn
		// ("saa saba usiku" is 1 a.m.).
		name:  "Swahili",
		marks: `na ya wa kwa za katika kuwa ni hiyo huo cha vya baada hii kwamba alisema`,
		weekdays: `jumatatu: monday; jumanne: tuesday; jumatano: wednesday; alhamisi: thursday;
			ijumaa: friday; jumamosi: saturday; jumapili: sunday`,
		months: `januari: january; februari: february; machi: march; aprili: april; mei: may; juni: june;
			julai: july; agosti: august; septemba: september; oktoba: october; novemba: november;
			desemba: december`,
		relDays: `leo: today; jana: yesterday; juzi: the day before yesterday; usiku wa kuamkia leo: last night`,
		mods:    `iliyopita: last; ijayo: next`,
	},
	{
		// Polish: weekdays after "w" take the accusative ("w środę"),
		// after "z" or "od" the genitive ("w nocy z czwartku na
		// piątek"), listed with the nominative; months in the genitive
		// ("5 maja"); a time follows "godz." ("około godz. 0.40").
		name:  "Polish",
		marks: `i w we z ze o za się nie do że to jest od po przez dla jak został została zostali był była było oraz`,
		weekdays: `poniedziałek: monday; poniedziałku: monday; wtorek: tuesday; wtorku: tuesday; środa: wednesday;
			środę: wednesday; środy: wednesday; czwartek: thursday; czwartku: thursday; piątek: friday;
			piątku: friday; sobota: saturday; sobotę: saturday; soboty: saturday; niedziela: sunday;
			niedzielę: sunday; niedzieli: sunday`,
		months: `stycznia: january; lutego: february; marca: march; kwietnia: april; maja: may; czerwca: june;
			lipca: july; sierpnia: august; września: september; października: october; listopada: november;
			grudnia: december`,
		relDays: `dziś: today; dzisiaj: today; wczoraj: yesterday; przedwczoraj: the day before yesterday;
			dziś rano: this morning; dziś wieczorem: tonight`,
		mods: `zeszły: last; zeszłą: last; ubiegły: last; ubiegłą: last; ostatni: last; ostatnią: last;
			przyszły: next; przyszłą: next; najbliższy: next; najbliższą: next; do: until`,
		clock: `o; około; godz.; godziny`,
		lower: true,
	},
	{
		// Ukrainian: as Russian, weekdays after "в"/"у" in the
		// accusative, months in the genitive; capitals past ASCII listed
		// for a sentence's first word.
		name:  "Ukrainian",
		marks: `і й та у що з із від за як це його було була були також після які який яка якого внаслідок унаслідок під щодо року повідомили`,
		weekdays: `понеділок: monday; вівторок: tuesday; середа: wednesday; середу: wednesday; четвер: thursday;
			п'ятниця: friday; п'ятницю: friday; п’ятниця: friday; п’ятницю: friday; субота: saturday;
			суботу: saturday; неділя: sunday; неділю: sunday`,
		months: `січня: january; лютого: february; березня: march; квітня: april; травня: may; червня: june;
			липня: july; серпня: august; вересня: september; жовтня: october; листопада: november;
			грудня: december`,
		relDays: `сьогодні: today; Сьогодні: today; вчора: yesterday; Вчора: yesterday; учора: yesterday;
			Учора: yesterday; позавчора: the day before yesterday; сьогодні вранці: this morning;
			сьогодні ввечері: tonight`,
		mods:  `минулого: last; минулої: last; минулий: last; наступного: next; наступної: next; до: until`,
		clock: `о; близько`,
		lower: true,
	},
	{
		// Romanian: weekdays and months in lower case, with or without
		// their diacritics (ș and ț written with a comma or a cedilla);
		// "luni" is also "months", which a count stands before ("trei
		// luni"): counts; a time follows "ora" ("în jurul orei 01:30").
		name:  "Romanian",
		marks: `și şi de în din că cu pe care este sunt au fost pentru după să nu se unui unei fiind potrivit`,
		weekdays: `luni: monday; marți: tuesday; marţi: tuesday; marti: tuesday; miercuri: wednesday; joi: thursday;
			vineri: friday; sâmbătă: saturday; sâmbăta: saturday; sambata: saturday; duminică: sunday;
			duminica: sunday`,
		months: `ianuarie: january; februarie: february; martie: march; aprilie: april; mai: may; iunie: june;
			iulie: july; august: august; septembrie: september; octombrie: october; noiembrie: november;
			decembrie: december`,
		relDays: `azi: today; astăzi: today; astazi: today; ieri: yesterday; alaltăieri: the day before yesterday;
			alaltaieri: the day before yesterday; aseară: last night; aseara: last night; azi-noapte: last night;
			în această dimineață: this morning; diseară: tonight`,
		mods:  `trecută: last; trecuta: last; trecut: last; viitoare: next; viitor: next; până: until; pana: until`,
		clock: `ora; orei; orele`,
		counts: `două doua trei patru cinci șase şase sase șapte şapte sapte opt nouă noua zece câteva cateva
			multe ultimele ultimii primele`,
		lower: true,
	},
	{
		// Czech: weekdays after "v"/"ve" take the accusative ("ve
		// středu"), listed with the nominative; months in the genitive
		// ("5. března").
		name:  "Czech",
		marks: `se že je v ve o z ze s k do po od za pro jako který která které byl byla bylo byly podle také při jsou než však již jeho`,
		weekdays: `pondělí: monday; úterý: tuesday; středa: wednesday; středu: wednesday; čtvrtek: thursday;
			pátek: friday; sobota: saturday; sobotu: saturday; neděle: sunday; neděli: sunday`,
		months: `ledna: january; února: february; března: march; dubna: april; května: may; června: june;
			července: july; srpna: august; září: september; října: october; listopadu: november;
			prosince: december`,
		relDays: `dnes: today; dneska: today; včera: yesterday; předevčírem: the day before yesterday;
			dnes ráno: this morning; dnes večer: tonight; včera večer: last night`,
		mods:  `minulý: last; minulou: last; minulé: last; příští: next`,
		clock: `v; ve; kolem; okolo`,
		lower: true,
	},
	{
		// Slovak: as Czech, weekdays after "v"/"vo" in the accusative,
		// months in the genitive.
		name:  "Slovak",
		marks: `sa že je v vo o z zo s k do po od za pre ako ktorý ktorá ktoré bol bola bolo boli podľa tiež pri sú aj už ich jeho`,
		weekdays: `pondelok: monday; utorok: tuesday; streda: wednesday; stredu: wednesday; štvrtok: thursday;
			piatok: friday; sobota: saturday; sobotu: saturday; nedeľa: sunday; nedeľu: sunday`,
		months: `januára: january; februára: february; marca: march; apríla: april; mája: may; júna: june;
			júla: july; augusta: august; septembra: september; októbra: october; novembra: november;
			decembra: december`,
		relDays: `dnes: today; včera: yesterday; predvčerom: the day before yesterday;
			dnes ráno: this morning; dnes večer: tonight; včera večer: last night`,
		mods:  `minulý: last; minulú: last; minulé: last; budúci: next; budúcu: next; budúce: next`,
		clock: `o; okolo`,
		lower: true,
	},
	{
		// Hungarian: a weekday takes a case ending for "on" ("kedden",
		// "csütörtökön") and "-i" for "the day's" ("a szombati
		// tüntetés", Saturday's protest); dates put the month first
		// ("március 5-én"), which the day-month pattern does not read.
		// No clock: hours are told with a case ending ("0.40-kor").
		name:  "Hungarian",
		marks: `az és hogy nem egy meg már csak volt szerint után miatt között ezt azt pedig amely aki valamint`,
		weekdays: `hétfő: monday; hétfőn: monday; hétfői: monday; kedd: tuesday; kedden: tuesday; keddi: tuesday;
			szerda: wednesday; szerdán: wednesday; szerdai: wednesday; csütörtök: thursday; csütörtökön: thursday;
			csütörtöki: thursday; péntek: friday; pénteken: friday; pénteki: friday; szombat: saturday;
			szombaton: saturday; szombati: saturday; vasárnap: sunday; vasárnapi: sunday`,
		months: `január: january; február: february; március: march; április: april; május: may; június: june;
			július: july; augusztus: august; szeptember: september; október: october; november: november;
			december: december`,
		relDays: `ma: today; tegnap: yesterday; tegnapelőtt: the day before yesterday; ma reggel: this morning;
			ma délután: this afternoon; ma este: tonight; tegnap este: last night`,
		mods:  `múlt: last; jövő: next`,
		lower: true,
	},
	{
		// Norwegian and Danish share their weekdays; Danish "i
		// mandags" is last Monday, as Swedish "i måndags".
		name:  "Norwegian and Danish",
		marks: `og er ikke til fra også ble blev etter mot mod sier siger af har hadde havde skal vil efter på det som med om`,
		weekdays: `mandag: monday; tirsdag: tuesday; onsdag: wednesday; torsdag: thursday; fredag: friday;
			lørdag: saturday; søndag: sunday; i mandags: monday; i tirsdags: tuesday; i onsdags: wednesday;
			i torsdags: thursday; i fredags: friday; i lørdags: saturday; i søndags: sunday`,
		months: `januar: january; februar: february; mars: march; marts: march; april: april; mai: may; maj: may;
			juni: june; juli: july; august: august; september: september; oktober: october; november: november;
			desember: december; december: december`,
		relDays: `i dag: today; idag: today; i går: yesterday; igår: yesterday; i forgårs: the day before yesterday;
			i morges: this morning; i kveld: tonight; i aften: tonight`,
		mods:  `forrige: last; sidste: last; neste: next; næste: next; kommende: next`,
		clock: `kl.; klokken; klokka`,
		lower: true,
	},
	{
		// Bengali: the script has no capitals; "আগামীকাল" (tomorrow)
		// before a weekday makes it the next one ("আগামীকাল বুধবার").
		name:  "Bengali",
		marks: `ও এবং করে হয়েছে থেকে এই জন্য সঙ্গে করা হয় তিনি একটি না বলে জানান কাছে পর তারা এক`,
		weekdays: `সোমবার: monday; মঙ্গলবার: tuesday; বুধবার: wednesday; বৃহস্পতিবার: thursday; শুক্রবার: friday;
			শনিবার: saturday; রবিবার: sunday; রোববার: sunday`,
		months: `জানুয়ারি: january; ফেব্রুয়ারি: february; মার্চ: march; এপ্রিল: april; জুন: june; জুলাই: july;
			আগস্ট: august; সেপ্টেম্বর: september; অক্টোবর: october; নভেম্বর: november; ডিসেম্বর: december`,
		relDays: `আজ: today; গতকাল: yesterday; গত রাতে: last night`,
		mods:    `গত: last; আগামী: next; আগামীকাল: next`,
	},
	{
		// Persian: weekdays are written with a zero-width non-joiner,
		// a space or neither ("سه‌شنبه", "سه شنبه"); the press dates by
		// the solar calendar, whose months are not read.
		name:  "Persian",
		marks: `در به از که این را با است برای آن یک شد کرد شده می‌شود نیز هم`,
		weekdays: `شنبه: saturday; یکشنبه: sunday; یک‌شنبه: sunday; یک شنبه: sunday; دوشنبه: monday; دو‌شنبه: monday;
			دو شنبه: monday; سه‌شنبه: tuesday; سه شنبه: tuesday; چهارشنبه: wednesday; چهار‌شنبه: wednesday;
			چهار شنبه: wednesday; پنجشنبه: thursday; پنج‌شنبه: thursday; پنج شنبه: thursday; جمعه: friday`,
		months: `ژانویه: january; فوریه: february; مارس: march; آوریل: april; ژوئن: june; ژوئیه: july; اوت: august;
			سپتامبر: september; اکتبر: october; نوامبر: november; دسامبر: december`,
		relDays: `امروز: today; دیروز: yesterday; پریروز: the day before yesterday; امشب: tonight; دیشب: last night`,
		mods:    `گذشته: last; آینده: next`,
	},
	{
		// Arabic: weekdays and months with their article and without
		// its hamza as outlets write them; the Levant's month names
		// beside Egypt's.
		name:  "Arabic",
		marks: `في من على إلى أن التي الذي عن مع هذا بعد قال كان خلال بين منذ`,
		weekdays: `الاثنين: monday; الإثنين: monday; الثلاثاء: tuesday; الأربعاء: wednesday; الاربعاء: wednesday;
			الخميس: thursday; الجمعة: friday; السبت: saturday; الأحد: sunday; الاحد: sunday`,
		months: `يناير: january; كانون الثاني: january; فبراير: february; شباط: february; مارس: march; آذار: march;
			أبريل: april; إبريل: april; نيسان: april; مايو: may; أيار: may; يونيو: june; حزيران: june;
			يوليو: july; تموز: july; أغسطس: august; آب: august; سبتمبر: september; أيلول: september;
			أكتوبر: october; تشرين الأول: october; نوفمبر: november; تشرين الثاني: november;
			ديسمبر: december; كانون الأول: december`,
		relDays: `اليوم: today; أمس: yesterday; أمس الأول: the day before yesterday; الليلة: tonight;
			الليلة الماضية: last night`,
		mods: `الماضي: last; الماضية: last; المقبل: next; المقبلة: next`,
	},
}

// dayLanguage is one language's day words (dayLanguages), each list
// "word: english; ..." (mods stand before or after a weekday); lower:
// its weekdays are written in lower case; upper: capitalised;
// clock: the words ("; " apart) that lead the time of an act ("vers
// 22h30", "a las 22:30"); pm and am: the words after an hour that put it
// on a 12-hour clock, in the day's second half ("a las 11:40 p. m.", "às
// 10:30 da noite") or its first ("a las 12:15 a. m.").
type dayLanguage struct {
	name, marks                     string
	weekdays, months, relDays, mods string
	clock, pm, am                   string
	counts                          string
	lower, upper                    bool
}

// dayReader is a dayLanguage compiled: its lists as maps to English and
// the patterns that find them. The patterns have no \b (ASCII only, it
// would not end "lunedì"): wordAt checks the edges.
type dayReader struct {
	lower, upper                  bool
	counts                        map[string]bool
	english                       map[string]string
	weekday, dayMonth, rel, clock *regexp.Regexp
	pm, am                        *regexp.Regexp // a 12-hour clock's half of the day right after a time (dayLanguage.pm, am)
}

// capitalWeekdays and capitalMonths are, lower-cased, the weekdays and
// months of the day languages that write them with a capital (German,
// Turkish, Filipino, Greek, Indonesian and Malay, Swahili...): "Senin",
// "Rabu", "Montag" name a day as "Monday" does, no event (dayWord). A
// lower-case language's weekday written with a capital is a name
// ("Santo Domingo").
var capitalWeekdays, capitalMonths = capitalDayWords(dayLanguages)

func capitalDayWords(langs []dayLanguage) (weekdays, months map[string]bool) {
	weekdays, months = map[string]bool{}, map[string]bool{}
	for _, l := range langs {
		if l.lower {
			continue
		}
		for _, w := range translations(l.weekdays, map[string]string{}) {
			if !strings.Contains(w, " ") {
				weekdays[strings.ToLower(w)] = true
			}
		}
		for _, w := range translations(l.months, map[string]string{}) {
			if !strings.Contains(w, " ") {
				months[strings.ToLower(w)] = true
			}
		}
	}
	return weekdays, months
}

var (
	dayReaders  = compileDayLanguages(dayLanguages)
	languageOf  = languageMarks(dayLanguages)
	englishMark = toSet(`the of and to in on was were is are has have had said with by for from that at it its`)
)

func compileDayLanguages(langs []dayLanguage) []dayReader {
	out := make([]dayReader, len(langs))
	for i, l := range langs {
		r := dayReader{lower: l.lower, upper: l.upper, counts: toSet(l.counts), english: map[string]string{}}
		alt := func(list string) string {
			words := translations(list, r.english)
			sort.Slice(words, func(a, b int) bool { return len(words[a]) > len(words[b]) }) // longest first: "avant-hier" before "hier"
			for k, w := range words {
				words[k] = strings.ReplaceAll(regexp.QuoteMeta(w), " ", `\s+`)
			}
			return "(" + strings.Join(words, "|") + ")"
		}
		names, mods := alt(l.weekdays), alt(l.mods)
		r.weekday = regexp.MustCompile(`(?:` + mods + `\s+)?` + names + `(?:\s+` + mods + `)?`)
		r.dayMonth = regexp.MustCompile(`(\d{1,2})(?:er|\.|º|°)?\s+(?:de\s+)?` + alt(l.months) + `(?:,?\s+(?:de\s+)?(\d{4}))?`)
		r.rel = regexp.MustCompile(alt(l.relDays))
		if l.clock != "" {
			r.clock = regexp.MustCompile(`(?:^|\s)(?:` + phrases(l.clock) + `)\s*(\d{1,2})` + clock24)
		}
		if l.pm != "" {
			r.pm = regexp.MustCompile(`^\s*(?:` + phrases(l.pm) + `)`)
			r.am = regexp.MustCompile(`^\s*(?:` + phrases(l.am) + `)`)
		}
		out[i] = r
	}
	return out
}

// phrases is a list of phrases ("; " apart) as a pattern's alternatives,
// each matched as written, with any run of spaces where it has one.
func phrases(list string) string {
	ws := strings.Split(list, ";")
	for k, w := range ws {
		ws[k] = strings.ReplaceAll(regexp.QuoteMeta(strings.TrimSpace(w)), " ", `\s+`)
	}
	return strings.Join(ws, "|")
}

// translations adds the pairs of a list ("lundi: monday; mardi:
// tuesday") to english and returns the words.
func translations(list string, english map[string]string) []string {
	var words []string
	for _, pair := range strings.Split(list, ";") {
		w, e, ok := strings.Cut(pair, ":")
		if !ok {
			continue
		}
		w = strings.Join(strings.Fields(w), " ")
		english[w] = strings.TrimSpace(e)
		words = append(words, w)
	}
	return words
}

// languageMarks maps each mark to the languages (bits, in dayLanguages'
// order) it marks.
func languageMarks(langs []dayLanguage) map[string]uint32 {
	m := map[string]uint32{}
	for i, l := range langs {
		for _, w := range strings.Fields(l.marks) {
			m[w] |= 1 << i
		}
	}
	return m
}

// textLanguage is the dayReader of the language low (ASCII-lowered) is
// written in, nil for English or none: the language whose marks its
// first words use most, at least twice and more than English's
// and every other's.
func textLanguage(low string) *dayReader {
	var counts [32]int
	english := 0
	for from, n := 0, 0; from < len(low) && n < 80; n++ {
		for from < len(low) && !wordByte(low[from]) {
			from++
		}
		to := from
		for to < len(low) && wordByte(low[to]) {
			to++
		}
		w := low[from:to]
		from = to
		if englishMark[w] {
			english++
		}
		for bits, i := languageOf[w], 0; bits != 0; bits, i = bits>>1, i+1 {
			if bits&1 != 0 {
				counts[i]++
			}
		}
	}
	best, second := -1, english
	for i := range dayReaders {
		switch {
		case best < 0 || counts[i] > counts[best]:
			if best >= 0 {
				second = max(second, counts[best])
			}
			best = i
		default:
			second = max(second, counts[i])
		}
	}
	if best < 0 || counts[best] < 2 || counts[best] <= second {
		return nil
	}
	return &dayReaders[best]
}

// wordByte tells whether a byte of UTF-8 text is part of a word: a
// letter, a digit or any byte of a multi-byte character.
func wordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}

// wordAt tells whether low[start:end] is whole words: no letter right
// before or after it.
func wordAt(low string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(low[:start])
	after, _ := utf8.DecodeRuneInString(low[end:])
	return !unicode.IsLetter(before) && !unicode.IsLetter(after)
}

const monthAlt = `(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)`

// Every pattern is RE2 (linear time), so hostile text cannot make them slow.
var (
	reNumeric  = regexp.MustCompile(`\b(\d{4})[-./](\d{1,2})[-./](\d{1,2})\b`)
	reMonthDay = regexp.MustCompile(`\b` + monthAlt + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`)
	reDayMonth = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthAlt + `\b\.?(?:,?\s+(\d{4})\b)?`)
	reKorean   = regexp.MustCompile(`(?:(\d{4})\s*년\s*)?(\d{1,2})\s*월\s*(\d{1,2})\s*일`)
	reHoliday  = regexp.MustCompile(`\b(new year(?:'|’)s day|new year(?:'|’)s eve|christmas day|christmas eve|christmas)\b`)
	reKoRel    = regexp.MustCompile(`그저께|그제|어제|오늘`)
	// Japanese and Chinese write a date as Korean does, 年 月 日 for
	// 년 월 일 ("2036年3月13日"), and news of the month names the day
	// alone ("13日"): the day of that number in the month of
	// publication, or of the month before when it is later still.
	reCJKDate  = regexp.MustCompile(`(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	reCJKDay   = regexp.MustCompile(`(\d{1,2})\s*日`)
	reCJKRel   = regexp.MustCompile(`一昨日|昨日|本日|今日|前天|昨天|今天`)
	reWeekday  = regexp.MustCompile(`\b(?:(last|this past|past|this|next|early|late|earlier|later|until|till|through|by)\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b`)
	reDateline = regexp.MustCompile(`^\s*(?:[A-Z][A-Za-z.'-]*\s*){1,3},\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?\s*\([A-Za-z /&-]+\)\s*((?:--|—|–|-)\s*)?`)
	rePrevDay  = regexp.MustCompile(`\bthe (?:previous (?:day|night)|(?:day|night) before)\b(?: yesterday| last)?`)
	reRelDay   = regexp.MustCompile(`\b(the day before yesterday|earlier today|later today|yesterday|today|tonight|last night|this morning|this afternoon|this evening)\b`)
	reAgo      = regexp.MustCompile(`\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|\d{1,3})\s+(day|week|month)s?\s+(?:ago|earlier)\b`)
	reDaysOn   = regexp.MustCompile(`\b(a|one|two|three|four|five|six|seven)\s+days?\s+after\b`)
	rePeriod   = regexp.MustCompile(`\b(last|this|earlier this|early this|late last|early last|earlier|past|the past|previous|the previous)\s+(week|month)\b`)
)

// ResolveDates returns the day of every temporal expression in text, in the
// order they appear, resolved against published in loc (nil means UTC). Each
// day is midnight in loc. Expressions that need the publication time are
// skipped when published is zero.
func ResolveDates(text string, published time.Time, loc *time.Location) []time.Time {
	ms := findMentions(text, published, loc)
	days := make([]time.Time, 0, len(ms))
	for _, m := range ms {
		days = append(days, m.day)
	}
	return days
}

// EventDate returns the most likely day of the event text reports: the first
// expression that names a day, else the first vaguer one ("last week"),
// ignoring days outside [published-366d, published+60d] (anniversaries,
// historical dates). ok is false when text names no usable day.
func EventDate(text string, published time.Time, loc *time.Location) (time.Time, bool) {
	m, ok := eventMention(text, published, loc)
	return m.day, ok
}

// skipDateline blanks a leading dateline ("Pyongyang, November 7 (KCNA) --",
// "SEOUL, Nov. 7 (Yonhap/AFP) --"): it is the filing date, not the
// event's. Some agencies write no dash ("New Delhi, Mar 14 (PTI) The NIA
// said ..."): then a capital must open the text after it. Offsets stay as
// they were.
//
// A dateline whose agency stands between slashes after a full stop
// ("MOSCOW, November 17. /TASS/.") is blanked only when the text names a
// day of its own ("confirmed on Friday that it had conducted a test on
// November 16"): a report whose only day is its dateline's ("The cargo
// ship docked with the station") is of that day, not of none, which
// would let it join the launch two days before.
func skipDateline(text string) string {
	m := reDateline.FindStringSubmatchIndex(text)
	if m == nil || m[2] < 0 && !startsUpper(text[m[1]:]) {
		if m = reSlashDateline.FindStringIndex(text); m == nil || !namesDay(text[m[1]:]) {
			return text
		}
	}
	return strings.Repeat(" ", m[1]) + text[m[1]:]
}

// reSlashDateline is a dateline with its agency between slashes after a
// full stop: "MOSCOW, November 17. /TASS/.".
var reSlashDateline = regexp.MustCompile(`^\s*(?:[A-Z][A-Za-z.'-]*\s*){1,3},\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\.\s*/[A-Za-z]+/\.?\s*`)

// namesDay tells whether text names a day: a weekday, a date, or a day
// relative to the report's ("yesterday").
func namesDay(text string) bool {
	low := strings.ToLower(text)
	return reWeekday.MatchString(low) || reMonthDay.MatchString(low) || reDayMonth.MatchString(low) || reRelDay.MatchString(low)
}

// eventMention picks the day of the event a text reports: the first
// expression that names a day, skipping the day of the report itself
// ("state media reported Tuesday that ... on Monday", "the JCS said on
// Monday") when another names one, and days named in an "N days after"
// clause, which are an earlier act's; else the report's day; else a day
// counted on from one named for the earlier act ("will appeal, a day after
// the court sentenced him on Monday" is Tuesday); else the first vaguer
// expression ("last week", "earlier this month"), which thus never
// overrides a precise day.
func eventMention(text string, published time.Time, loc *time.Location) (mention, bool) {
	return eventMentionOf(text, published, loc, reading{})
}

// reading is what a report's own act tells eventMentionOf about its days.
type reading struct {
	// words: the report's act is its words (a statement, "KCNA said in
	// a commentary on Tuesday"): the day of the report is its event's.
	words bool
	// otherAct tells whether the words after a possessive day name
	// something other than the report's act ("wins 112 seats in
	// Sunday's legislative election", results on Thursday): that day
	// yields to a later one the text names for an act, if any. Nil:
	// nothing does.
	otherAct func(rest string) bool
	// earlierAct tells whether words name an act of another kind than
	// the report's ("had declared force majeure", in a report of its
	// lifting): a day they date in the past perfect or a participle is
	// that earlier act's. Nil: nothing does.
	earlierAct func(words string) bool
	// answers tells whether a word is a verb of the report's own words
	// when the report answers another's act (a reaction: "condemned",
	// "welcomed", "urged"); a day next to one is the report's own, like
	// a day a reporting verb governs. Nil: the report answers nothing.
	answers func(word string) bool
	// leavesFollowed tells whether a day the text names as that of what
	// the report's act followed ("follows Monday's cut") is no day of
	// that act, and passes it over. Nil: none is passed over.
	leavesFollowed func(day time.Time) bool
}

// datedText is a text as the day readers read it: its dateline blanked,
// its ASCII-lowered copy (asciiLower: the same offsets), its date
// expressions and its "N days after" clauses, found once for both
// eventMentionIn and sinceDayIn.
type datedText struct {
	text     string
	low      string
	mentions []mention
	clauses  []daysAfterClause
}

func readDates(text string, published time.Time, loc *time.Location) datedText {
	text = skipDateline(text)
	low := asciiLower(text)
	return datedText{text: text, low: low, mentions: findMentionsIn(text, low, published, loc), clauses: daysAfterClauses(text, low)}
}

// eventMentionOf is eventMention for a report whose act reads as r says.
func eventMentionOf(text string, published time.Time, loc *time.Location, r reading) (mention, bool) {
	return eventMentionIn(readDates(text, published, loc), published, loc, r)
}

// eventMentionIn is eventMentionOf for a text whose dates are read.
func eventMentionIn(d datedText, published time.Time, loc *time.Location, r reading) (mention, bool) {
	text, low, ms := d.text, d.low, d.mentions
	var vague, report, earlier, ahead, possessed, planned, spanned, answeredAt, related *mention
	followedEnd := -1  // end of the last day passed over as what the report's act followed
	answered := false  // report is the day of a reaction's own words
	disclosed := false // report is a day before a reporting verb ("on Tuesday announced")
	utc := utcMention(text, ms, published)
	// done gives a result with the plan's day it passed over, if any,
	// and the day the text gives in UTC a day off it, if any.
	done := func(m mention) (mention, bool) {
		if utc != nil && m.prec == precDay && dayOff(m.day, utc.day) {
			m.utc = utc.day
		}
		if ahead != nil && !m.ahead {
			m.plan = ahead.day
		}
		var clockStart, clockEnd int
		m.clock, m.foreignClock, clockStart, clockEnd = actClock(low)
		if d := clockOn(low, ms, clockEnd); m.clock > 0 && d != nil && !d.day.Equal(m.day) {
			m.clock, m.foreignClock = 0, false // "signed today, to take effect at 00:00 on Sunday"
		}
		m.daylight = daylightNamed(low, m.end)
		night := nightAct(text, low, m)
		if !night && reNearMidnight.MatchString(low[clockStart:clockEnd]) {
			// "Friday's bombing ...; the siege ended shortly after
			// midnight": the small hours after the day's act.
			m.clock, m.foreignClock = 0, false
		}
		if m.clock > 0 && m.clock <= dawn && nightOfTwoDays(low, ms, m) {
			m.day = m.day.AddDate(0, 0, 1) // "in the night of Saturday to Sunday at around 00:50": Sunday's small hours
		}
		m.late = lateHour(low, m)
		m.night = night || m.clock > 0 && m.clock <= dawn
		m.nightAside = night && m.clock == 0 && !nightBeside(text, low, m)
		m.future = plannedBy(text, m.start, true) || modalAfter(text, m.end)
		return m, true
	}
	earlierOffset := 0
	after := longAfter(text, published, loc)
	clauses := d.clauses
	headEnd := strings.IndexByte(text, '\n') // the headline's end: its "to" is the future
	// A day after the day after publication has not happened yet: what
	// is set for it is a plan. (The day after may be the event's day in
	// another zone.)
	var laterDay time.Time
	if !published.IsZero() {
		if loc == nil {
			loc = time.UTC
		}
		p := published.In(loc)
		laterDay = time.Date(p.Year(), p.Month(), p.Day()+1, 0, 0, 0, 0, loc)
	}
	for i := range ms {
		m := &ms[i]
		if !published.IsZero() && !plausibleEventDay(m.day, published) {
			continue
		}
		if m.day.Before(after) {
			continue // "detained weeks after EU listing": the listing's day is background
		}
		if referenceDay(text, m.end) {
			continue // "a 38% premium to Tuesday's closing price": a price's day, no act's
		}
		if n, ok := inDaysAfter(clauses, m.start); ok {
			// "said on Tuesday it would appeal, a day after the court
			// sentenced him on Monday": Monday is the earlier act's.
			if earlier == nil && m.prec == precDay {
				earlier, earlierOffset = m, n
			}
			continue
		}
		if m.prec == precDay && report != nil && m.day.Before(report.day) && wordBefore(text, m.start) == "since" {
			// "tested positive, the department said Thursday ...
			// tightened biosecurity since Monday's case": an earlier
			// event's day opens a span up to the report's, whose day
			// stays the act's ("from Monday's cabinet session" is
			// where a walkout was from, no span).
			continue
		}
		if m.prec == precDay && r.otherAct != nil && (answeredDay(text, m.start) || r.earlierAct != nil && earlierActDay(text, m.start, r.earlierAct)) {
			// "declared a diplomat persona non grata, the ministry said
			// on Tuesday. The move came in response to the expulsion of
			// its own diplomat last Friday": Friday is the act answered,
			// which yields to any day the text names for the report's.
			if answeredAt == nil {
				answeredAt = m
			}
			continue
		}
		if m.prec == precDay && appositiveDay(text, m.start, m.end) {
			// "The AAE-1 cable, one of three cut in the Red Sea on
			// March 2, has been repaired": the day of what the subject
			// was, not of the act.
			continue
		}
		if m.prec == precDay && r.leavesFollowed != nil && followedDay(text, m.start, m.end, followedEnd) && r.leavesFollowed(m.day) {
			// "The pause follows Monday's US cut", "opened a probe,
			// following Tuesday's licence halt": the day of what the
			// report's act came after, no day of that act; so is the
			// next of a list ("... and Sunday's Geneva conference").
			followedEnd = m.end
			continue
		}
		if m.prec == precDay && r.otherAct != nil && (possessive(text, m.end) || afterDay(text, m.start, m.end)) && r.otherAct(text[m.end:]) {
			// "won 112 seats in Sunday's legislative election, results
			// showed on Thursday", "launches satellite after Wednesday
			// abort": the vote's, the abort's day yields to a day named
			// for the report's own act, if any.
			if possessed == nil {
				possessed = m
			}
			continue
		}
		switch {
		case plannedDay(text, m.start) || !laterDay.IsZero() && !m.day.Before(laterDay.AddDate(0, 0, -1)) && (plannedBy(text, m.start, true) || modalAfter(text, m.end) && !pastRightBefore(text, m.start)) || dayFor(text, m.start, m.end) || m.start < headEnd && headlineFuture(text, m.start) ||
			planned != nil && listedAfter(text[planned.end:m.start]):
			// "restart expected Saturday", "strike for Tuesday", "Subway
			// to shut on Tuesday" are no event yet, nor is the next day of
			// a list ("would have shut the Tube on Thursday and Friday").
			planned = m
			continue
		case !published.IsZero() && (m.day.After(laterDay) || unbegun(m.day, published) && !startDay(text, m.start)):
			// "Unions announce new national strike on 26 October",
			// three weeks ahead: a plan's day, unless the text names
			// no other. So is a next day that had begun nowhere when
			// the report was published ("invites the union to talks
			// on Thursday", from Nairobi on Wednesday morning), unless
			// it is the plan's first ("drills from Thursday", below).
			if ahead == nil {
				ahead = m
			}
			continue
		case m.prec == precDay && !r.words && (reportDay(text, m.start, m.end) || answerDay(text, m.start, m.end, r.answers)) && !possessive(text, m.end):
			if report == nil {
				report = m
				answered = r.answers != nil && !reportDay(text, m.start, m.end)
			}
		case m.prec == precDay && !r.words && report == nil && disclosureDay(text, m.start, m.end) && !possessive(text, m.end):
			report, disclosed = m, true
		case m.prec == precDay && answered && (m.day.After(report.day) || !possessive(text, m.end) && !pastAct(text, m.start, r.answers)):
			// "urged nurses on Monday to call off their strike on
			// Thursday": what a reaction answers came before it, and
			// the text says it happened.
			continue
		case m.prec == precDay && disclosed && (!m.day.Before(report.day) || spanStart(text, m.start) || !possessive(text, m.end) && !perfectAct(text, m.start) && !(sentenceBreak.MatchString(text[report.end:m.start]) && disclosedAct(text, m.start))):
			// "Authorities on Friday confirmed an outbreak, with
			// patients admitted since Tuesday": the confirmation may be
			// the act; only an act the text puts before it ("was
			// picked up on Monday") is what it disclosed.
			continue
		case m.prec == precDay && report != nil && m.day.Before(report.day.AddDate(0, 0, -1)) && subjectsDay(text, m.start, m.end):
			// "said on Monday that two satellites launched last
			// Thursday had failed": Thursday is the launch's, which the
			// satellites' failure, undated and told days later,
			// followed. ("said on Thursday that the rocket launched on
			// Wednesday had put the satellite in orbit" tells the
			// launch's outcome the next day: Wednesday is the act's.)
			continue
		case m.prec == precDay && i+1 < len(ms) && ms[i+1].prec == precDay && subjectsDay(text, m.start, m.end) && sameClause(text, m.end, ms[i+1].start, 5):
			// "Two missionaries abducted eight days ago were freed on
			// Thursday": the subject's participle dates what befell it
			// before; the verb's own day is the act's.
			continue
		case m.prec == precDay && report != nil && !answered && r.earlierAct != nil && m.day.Before(report.day) && sentenceBreak.MatchString(text[report.end-1:m.start]) && r.earlierAct(strings.Join(clauseBefore(text, m.start), " ")):
			// "has declared force majeure on its exports, a spokesperson
			// said on Monday. The pipeline was shut after an explosion
			// early on Sunday": a report that dates only its source's
			// words leaves its act on their day; an earlier day a later
			// sentence gives an act of another kind is that act's, which
			// the report's followed.
			continue
		case m.prec == precDay && spanned == nil && wordBefore(text, m.start) == "since" && !possessive(text, m.end):
			// "Gatumba has been overwhelmed since Tuesday. On Wednesday,
			// families slept in a school": a later day the text names
			// for an act is what it tells of the span; a later day of
			// its words only when it counts what the span brought
			// ("9,000 have crossed since Tuesday, the agency said on
			// Wednesday": that day's tally). Else the span's start is
			// the act's ("schools have been closed since Monday, the
			// governor said on Thursday").
			spanned = m
			continue
		case m.prec == precDay && spanned != nil && !m.day.After(spanned.day):
			continue // "since Tuesday morning, after clashes that began on Monday evening"
		case m.prec == precDay && relativeIn(clauseBefore(text, m.start)) && laterInSentence(text, ms[i+1:], m.end):
			// "Ana Ruiz, who was detained on Monday at a rally, died in
			// custody on Wednesday": a relative clause tells who or what
			// the subject is, and the day its sentence goes on to name
			// is the act's. Alone, the relative clause's day stays the
			// one the text gives.
			if related == nil {
				related = m
			}
			continue
		case m.prec == precDay:
			// "Power cuts from August 15", published the day before:
			// the first day of a plan. It stays the report's day (the
			// next day may be the act's in another zone, "drills from
			// Thursday" those drills'), but names no act's.
			day := *m
			day.ahead = !published.IsZero() && day.day.Equal(laterDay) && startDay(text, m.start)
			return done(day)
		case vague == nil:
			vague = m
		}
	}
	if related != nil {
		return done(*related)
	}
	if possessed != nil {
		return done(*possessed)
	}
	if spanned != nil && report == nil && spanTally(text, spanned.start) && !published.IsZero() {
		// "5,400 refugees have arrived since Friday, UNHCR reports",
		// published on Monday: the tally is of the day it was told.
		m := *spanned
		if day := dayAt(published, loc); day.After(m.day) {
			m.day, m.said = day, true
			return done(m)
		}
	}
	if spanned != nil && (report == nil || !report.day.After(spanned.day) || !spanTally(text, spanned.start)) {
		return done(*spanned)
	}
	if report != nil {
		// "said on Wednesday it had struck the tanker the previous day":
		// the act is the day before the report's.
		if previousDay(text[report.end:]) {
			m := *report
			m.day = m.day.AddDate(0, 0, -1)
			return done(m)
		}
		m := *report
		m.said = !answered && !disclosed
		return done(m)
	}
	if earlier != nil {
		// "He will appeal, a day after the court sentenced him on
		// Monday": the report's act is the offset after the earlier one.
		m := *earlier
		m.day = m.day.AddDate(0, 0, earlierOffset)
		return done(m)
	}
	if answeredAt != nil {
		return done(*answeredAt)
	}
	if vague != nil {
		return done(*vague)
	}
	if ahead != nil {
		m := *ahead
		m.ahead = true
		return m, true
	}
	// No day, but perhaps the time of the act ("hit a building at 12:40
	// a.m."), for deskDay.
	var none mention
	var at int
	none.clock, none.foreignClock, at, _ = actClock(low)
	none.future = none.clock > 0 && plannedBy(text, at, true)
	return none, false
}

// reClock is a time of day: "3:30 AM", "1.30 a.m.", "12:40 a.m.", "at
// 01:15", "2am", and "2 a.m" at the end of a lead, which drops a
// sentence's last full stop; what follows it may say its zone ("local
// time", "UTC").
var reClock = regexp.MustCompile(`\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.m\.?|p\.m\.?|am\b|pm\b)?`)

// reNight puts an act in the small hours: "early on Wednesday", "in the
// early hours of", "overnight", "before dawn", "after midnight".
var reNight = regexp.MustCompile(`\b(early hours|overnight|before dawn|at dawn|after midnight|shortly after midnight)\b`)

// dawn is the latest time of day, in minutes plus one, that is still the
// small hours.
const dawn = 6*60 + 1

// actClock is the first time of day text gives after "at", "around" or
// "about" ("capsized at around 3:30 AM today", "At 6:40 AM today",
// "around 1:40 a.m.") or minutes from it ("shortly after 1 a.m.", just
// before it: nearClock), in minutes after midnight plus one, 0 when it
// gives none; foreign tells whether the time is said to be another
// zone's ("1 a.m. local time", "01:10 UTC"). A time needs a.m./p.m. or
// minutes after a colon ("at 01:15"): "at 4.5 percent" is none. low is
// the text ASCII-lowered (asciiLower); start and end are where the time
// stands in it. "Shortly after midnight" is a time too, the day's first
// minutes (reNearMidnight): an outlet an hour or more ahead of UTC
// writes it of an act of the day before there, where the small hours it
// counted as alone straddle the desk's midnight and told nothing; of the
// act of a day the text names only where it puts that day's act in the
// small hours (nightAct).
func actClock(low string) (clock int, foreign bool, start, end int) {
	midnight := reNearMidnight.FindStringIndex(low)
	for _, ix := range reClock.FindAllStringSubmatchIndex(low, -1) {
		if midnight != nil && midnight[0] < ix[0] {
			break
		}
		words := strings.Fields(low[max(0, ix[0]-16):ix[0]])
		before, near := nearClock(words)
		if len(words) == 0 || !clockLeads[words[len(words)-1]] && !near {
			continue
		}
		h, mins, suffix := atoi(low[ix[2]:ix[3]]), 0, ""
		if ix[4] >= 0 {
			mins = atoi(low[ix[4]:ix[5]])
		}
		if ix[6] >= 0 {
			suffix = low[ix[6]:ix[7]]
		}
		colon := ix[4] >= 0 && low[ix[4]-1] == ':'
		if suffix == "" && !colon || h > 23 || mins > 59 || suffix != "" && (h == 0 || h > 12) {
			continue
		}
		if rest := low[ix[1]:]; len(rest) > 0 && (unicode.IsDigit(rune(rest[0])) || rest[0] == '%') {
			continue
		}
		switch {
		case strings.HasPrefix(suffix, "a") && h == 12:
			h = 0
		case strings.HasPrefix(suffix, "p") && h < 12:
			h += 12
		}
		after := strings.Fields(low[ix[1]:min(len(low), ix[1]+16)])
		foreign = len(after) > 0 && (utcWords[dateWord(after[0])] || dateWord(after[0]) == "local")
		clock = h*60 + mins + 1
		if before && clock > 1 {
			clock-- // "just before 1 a.m.": 00:59, the day before where 1 a.m. is midnight
		}
		return clock, foreign, ix[0], ix[1]
	}
	if midnight != nil {
		after := strings.Fields(low[midnight[1]:min(len(low), midnight[1]+16)])
		foreign = len(after) > 0 && (utcWords[dateWord(after[0])] || dateWord(after[0]) == "local")
		return 1, foreign, midnight[0], midnight[1]
	}
	if r := textLanguage(low); r != nil {
		return r.clockAt(low)
	}
	return 0, false, 0, 0
}

// reNearMidnight is the day's first minutes, as nearClock puts an act
// minutes after a time: "shortly after midnight", "just after midnight".
var reNearMidnight = regexp.MustCompile(`\b(?:shortly|just|soon) after midnight\b`)

// clock24 is the rest of a time of day on a 24-hour clock after its
// hour: "22h30", "3 h 20", "22:30 horas", "22.30 Uhr", "22h", "1 heure",
// "22 Uhr".
const clock24 = `(?:\s*h\s*(\d{2})|[:.](\d{2})(?:\s*(?:h|horas|hrs|uhr))?|\s*h\b|\s+(?:heures?|uhr))`

// clockAt is actClock for a text in r's language: the first time of day
// on a 24-hour clock after a word that leads one ("vers 22h30", "pasadas
// las 22:30 horas"), in the outlet's zone. A 12-hour clock's half of the
// day after it counts (halfOfDay): "a las 11:40 p. m." is 23:40, which
// read alone as 11:40 would put a Tuesday night's vote in Panama on
// Tuesday in UTC, where it was Wednesday.
func (r *dayReader) clockAt(low string) (clock int, foreign bool, start, end int) {
	if r.clock == nil {
		return 0, false, 0, 0 // a language whose hours we do not read (Swahili's count from dawn)
	}
	for _, ix := range r.clock.FindAllStringSubmatchIndex(low, -1) {
		h, mins := atoi(low[ix[2]:ix[3]]), 0
		for _, k := range []int{4, 6} {
			if ix[k] >= 0 {
				mins = atoi(low[ix[k]:ix[k+1]])
			}
		}
		if rest := low[ix[1]:]; h > 23 || mins > 59 || len(rest) > 0 && (unicode.IsDigit(rune(rest[0])) || rest[0] == '%') {
			continue // "à 15.000 personnes"
		}
		return r.halfOfDay(low[ix[1]:], h)*60 + mins + 1, false, ix[2], ix[1]
	}
	return 0, false, 0, 0
}

// halfOfDay is hour h on a 24-hour clock where rest, the text right
// after the time, may say its half of a 12-hour clock's day: "8:35 p. m."
// and "10:10 de la noche" are 20 and 22, "12:15 a. m." 0. A word that
// runs on from the marker ("pmr") is none.
func (r *dayReader) halfOfDay(rest string, h int) int {
	marked := func(re *regexp.Regexp) bool {
		ix := re.FindStringIndex(rest)
		return ix != nil && (ix[1] == len(rest) || !wordByte(rest[ix[1]]) || !wordByte(rest[ix[1]-1]))
	}
	switch {
	case r.pm == nil || h == 0 || h > 12:
	case h < 12 && marked(r.pm):
		return h + 12
	case h == 12 && marked(r.am):
		return 0
	}
	return h
}

// clockOn is the date expression of ms that a time of day ending at end
// is the time of, written right after it ("to take effect at 00:00 on
// Sunday 16 September", "at 1 a.m. local time on Thursday"); nil when
// none is. A time of another day than the act's is no time of the act.
func clockOn(low string, ms []mention, end int) *mention {
	if end == 0 {
		return nil
	}
	for i := range ms {
		if ms[i].start < end {
			continue
		}
		for _, w := range strings.Fields(low[end:ms[i].start]) {
			w = dateWord(w)
			if _, weekday := weekdays[w]; !clockToDay[w] && !utcWords[w] && !weekday && w != "" {
				return nil
			}
		}
		return &ms[i]
	}
	return nil
}

// clockToDay stand between a time of day and its day: "at 01:10 UTC on
// November 18", "at 1 a.m. local time on Thursday" (and a weekday before
// its date, "on Sunday 16 September"), as utcWords do.
var clockToDay = toSet(`on of local time hours hrs`)

// clockLeads stand before the time of an act: "at 01:15", "around 1:40
// a.m.", "at about 1:30".
var clockLeads = toSet(`at around about approximately`)

// nearClock tells whether words, those right before a time of day, end
// in a phrase that puts the act minutes from it: "shortly after 1
// a.m.", "just before 1 a.m.", "soon after 2:30 a.m." (alone, "after 9
// p.m." may be hours after, "expected after 9pm" a plan's time); before
// tells that the act came just before the time.
func nearClock(words []string) (before, near bool) {
	k := len(words) - 1
	if k < 1 || !nearTime[words[k-1]] {
		return false, false
	}
	switch words[k] {
	case "after":
		return false, true
	case "before":
		return true, true
	}
	return false, false
}

// nearTime put what follows within minutes: "shortly after", "just
// before", "soon after".
var nearTime = toSet(`shortly just soon`)

// nightAct tells whether text puts the act of the day m in the small
// hours: "early" right before the day ("early on Wednesday", "early
// Sunday"), or a night phrase in its sentence ("in the early hours of
// Saturday", "overnight"), unless a part of the day after the small
// hours is named with the day ("on Sunday morning after overnight rain":
// the night is the rain's). low is text ASCII-lowered (asciiLower).
func nightAct(text, low string, m mention) bool {
	words := strings.Fields(low[max(0, m.start-12):m.start])
	if k := len(words) - 1; k >= 0 && (words[k] == "early" || k > 0 && words[k] == "on" && words[k-1] == "early") {
		return true
	}
	if m.daylight {
		return false // "on Sunday morning after torrential overnight rain": the act's own part of the day outranks the rain's night
	}
	from, to := sentenceAround(text, m.start)
	return reNight.MatchString(low[from:to])
}

// nightOfTwoDays tells whether the day m opens a night named by the
// two days it runs across: "the night of Saturday to Sunday", "in de
// nacht van zaterdag op zondag", "dans la nuit de samedi à dimanche",
// "the night of August 9 to 10". News in many languages names a night
// so; a time in its small hours is of its second day. low is the text
// ASCII-lowered (asciiLower); ms are its mentions.
func nightOfTwoDays(low string, ms []mention, m mention) bool {
	before := strings.Fields(low[max(0, m.start-24):m.start])
	named := false
	for k := len(before) - 1; k >= 0 && k >= len(before)-3; k-- {
		named = named || nightWords[dateWord(before[k])]
	}
	if !named {
		return false
	}
	next := m.day.AddDate(0, 0, 1)
	rest := strings.FieldsFunc(low[m.end:min(len(low), m.end+40)], func(r rune) bool { return r == ' ' || r == '-' || r == '–' })
	k := 0
	if k < len(rest) && atoi(rest[k]) == m.day.Day() {
		k++ // "zaterdag 10 op zondag 11 november"
	}
	if k+1 >= len(rest) || !nightJoins[rest[k]] {
		return false
	}
	if atoi(strings.Trim(rest[k+1], ",.;")) == next.Day() {
		return true // "the night of August 9 to 10"
	}
	for _, n := range ms {
		if n.start > m.end && n.prec == precDay {
			return n.day.Equal(next) && !strings.ContainsAny(low[m.end:n.start], ",.;")
		}
	}
	return false
}

// nightWords name a night; nightJoins join its first day to its second
// ("van zaterdag op zondag", "de samedi à dimanche", "del sábado al
// domingo", "tra sabato e domenica", "von Samstag auf Sonntag", "w nocy
// z czwartku na piątek", "în noaptea de miercuri spre joi").
var (
	nightWords = toSet(`night nacht nuit noite noche notte nocy noaptea`)
	nightJoins = toSet(`to into op à au a auf zu para al e y and na spre`)
)

// nightBeside tells whether text puts the act of the day m in the small
// hours right by the day: "early" right before it, or a night phrase
// joined to it ("shortly after midnight on Friday", "overnight on March
// 11", "in the early hours of Saturday", "Sunday overnight"). low is text
// ASCII-lowered (asciiLower).
func nightBeside(text, low string, m mention) bool {
	words := strings.Fields(low[max(0, m.start-12):m.start])
	if k := len(words) - 1; k >= 0 && (words[k] == "early" || k > 0 && words[k] == "on" && words[k-1] == "early") {
		return true
	}
	from, to := sentenceAround(text, m.start)
	for _, ix := range reNight.FindAllStringIndex(low[from:to], -1) {
		start, end := from+ix[0], from+ix[1]
		if end <= m.start && onlyWords(low[end:m.start], nightLinks) || start >= m.end && onlyWords(low[m.end:start], nightLinks) {
			return true
		}
	}
	return false
}

// nightLinks join a night phrase to its day: "after midnight on Friday",
// "in the early hours of Saturday", "overnight into Sunday", "Sunday
// overnight local time".
var nightLinks = toSet(`on of into to the local time`)

// onlyWords tells whether every word of s is in set (none is).
func onlyWords(s string, set map[string]bool) bool {
	for _, w := range strings.Fields(s) {
		if !set[dateWord(w)] {
			return false
		}
	}
	return true
}

// sentenceAround is the sentence of text that holds offset i, as offsets:
// a night phrase elsewhere ("the overnight rate" in the next paragraph)
// says nothing of this day's act.
func sentenceAround(text string, i int) (from, to int) {
	for k := i - 1; k > 0; k-- {
		if text[k] == '\n' || text[k-1] == '.' && text[k] == ' ' && sentenceEnd(text[k:]) {
			from = k + 1
			break
		}
	}
	to = len(text)
	for k := i; k < len(text); k++ {
		if text[k] == '\n' || text[k] == '.' && sentenceEnd(text[k+1:]) {
			to = k
			break
		}
	}
	return from, to
}

// deskDay is the day of a report's act in the desk's zone (desk), where
// its story's date is read, when the report tells it apart from the day
// it names in its outlet's zone (m.day): a day's "today" or a date is
// the outlet's, and an act past midnight there may be the day before at
// the desk. ok is false when it tells nothing more.
//
//   - A time of day in the outlet's zone makes the act's moment ("capsized
//     at around 3:30 AM today" in Manila is 19:30 UTC the day before),
//     when that moment is before publication.
//
//   - A past act of the outlet's own day, published while the desk is
//     still on the day before, happened between the outlet's midnight and
//     publication: when both are on one day at the desk, that day
//     ("Hoshino Pharma today announced", from Tokyo at 06:30, 21:30 UTC).
//
//   - A past act in the small hours of the day after the desk's day of
//     publication ("early on Wednesday", "on August 10, at 01:15"),
//     published before that day at the desk, happened where the day had
//     begun, ahead of the desk: the desk's day of publication.
//
//   - A past act in the small hours of its day, without a time, told in
//     a zone at least nightEnd hours ahead of the desk ("early on
//     Wednesday" in Apia), happened on the desk's day before.
//
//   - A report that names no day but the time of its act ("hit a building
//     at 12:40 a.m.") tells of the last such time before publication, in
//     the outlet's zone (loc), when it is at most half a day before.
//
// A day or time a modal or "will" governs is no past act, and is left
// alone.
func deskDay(m mention, published time.Time, loc, desk *time.Location) (time.Time, bool) {
	d, ok, _ := deskDayBy(m, published, loc, desk)
	return d, ok
}

// deskDayBy is deskDay; byNight tells that the day rests on the act's
// small hours alone (m.night), with no time of day.
func deskDayBy(m mention, published time.Time, loc, desk *time.Location) (day time.Time, ok, byNight bool) {
	if desk == nil || published.IsZero() || m.future || m.ahead {
		return time.Time{}, false, false
	}
	if m.day.IsZero() {
		day, ok = clockDay(m, published, loc, desk)
		return day, ok, false
	}
	if m.prec != precDay {
		return time.Time{}, false, false
	}
	loc = m.day.Location()
	y, mo, d := m.day.Date()
	pubDesk := dayAt(published, desk)
	if m.clock > 0 && !m.foreignClock {
		at := time.Date(y, mo, d, 0, m.clock-1, 0, 0, loc)
		if !at.After(published) {
			return dayAt(at, desk), true, false
		}
	}
	named := time.Date(y, mo, d, 0, 0, 0, 0, desk) // the named day as a civil day at the desk
	if m.late > 0 && m.clock == 0 {
		// From the hour the text puts the act late in its day to that
		// day's end, or publication if that came first: where the
		// outlet's day runs behind the desk's, its evening or night may
		// all be of the desk's day after ("announced on Sunday evening"
		// in Mexico City is Monday in UTC); where it straddles the
		// desk's midnight, nothing is told.
		from := time.Date(y, mo, d, m.late, 0, 0, 0, loc)
		to := time.Date(y, mo, d+1, 0, 0, 0, 0, loc).Add(-time.Minute)
		if to.After(published) {
			to = published
		}
		if day := dayAt(from, desk); from.Before(to) && !day.Equal(named) && day.Equal(dayAt(to, desk)) {
			return day, true, false
		}
	}
	p := published.In(loc)
	if y == p.Year() && mo == p.Month() && d == p.Day() {
		if dayAt(time.Date(y, mo, d, 0, 0, 0, 0, loc), desk).Equal(pubDesk) {
			return pubDesk, true, false
		}
	}
	if m.night && named.Equal(pubDesk.AddDate(0, 0, 1)) {
		return pubDesk, true, m.clock == 0
	}
	if m.night && m.clock == 0 {
		// The small hours' last minute, or publication if that came
		// first: where the outlet's day runs nightEnd hours or more
		// ahead of the desk's, the small hours are all of the desk's
		// day before ("early on Wednesday" in a zone thirteen hours
		// ahead of UTC is Tuesday afternoon there); where they
		// straddle the desk's midnight, nothing is told. (A time of
		// another zone, "1 a.m. local time", may be of a zone behind
		// the outlet's.)
		at := time.Date(y, mo, d, nightEnd, 0, 0, 0, loc).Add(-time.Minute)
		if at.After(published) {
			at = published
		}
		if day := dayAt(at, desk); !day.Equal(named) {
			return day, true, true
		}
	}
	return time.Time{}, false, false
}

// daylightParts are the parts of a day after the small hours an act may
// be put in with its day ("on Tuesday morning"). "Night" is left out:
// "Friday night" may run into Saturday's small hours.
var daylightParts = toSet(`morning afternoon evening`)

// daylightNamed tells whether a part of the day after the small hours is
// named right after a day that ends at end in low ("Sunday morning",
// "Thursday afternoon's").
func daylightNamed(low string, end int) bool {
	return daylightParts[partAfter(low, end)]
}

// partAfter is the word right after a day that ends at end in low,
// without its "'s" ("Sunday evening's" gives "evening"); "" when none
// follows.
func partAfter(low string, end int) string {
	words := strings.Fields(low[end:min(len(low), end+16)])
	if len(words) == 0 || !strings.HasPrefix(low[end:], " ") {
		return ""
	}
	return unpossessed(dateWord(words[0]))
}

// unpossessed is w without a final "'s" or "’s".
func unpossessed(w string) string {
	return strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
}

// eveningStart and nightStart are the hours from which a report puts its
// act in its day's evening ("on Sunday evening") or night, or late in it
// ("late on Monday", "Monday night", "last night"), when it gives no time
// of its own.
const (
	eveningStart = 18
	nightStart   = 20
)

// lateHour is the hour from which text puts the act of the day m late in
// that day: a part of the day right after it ("Sunday evening", "Monday
// night's vote"), "late" right before it ("late on Monday", "late
// Monday"), "the evening of" or "the night of" before it, or the day
// itself ("tonight", "last night", "this evening"); 0 when it does not.
// low is the text ASCII-lowered (asciiLower).
func lateHour(low string, m mention) int {
	switch low[m.start:m.end] {
	case "tonight", "last night":
		return nightStart
	case "this evening":
		return eveningStart
	}
	partHour := func(w string) int {
		switch unpossessed(w) {
		case "evening":
			return eveningStart
		case "night":
			return nightStart
		}
		return 0
	}
	if h := partHour(partAfter(low, m.end)); h > 0 {
		return h
	}
	before := strings.Fields(low[max(0, m.start-24):m.start])
	k := len(before) - 1
	if k >= 0 && before[k] == "on" {
		k--
	}
	switch {
	case k < 0 || clauseEnd(before[k]):
		return 0
	case before[k] == "late":
		return nightStart
	case before[k] == "of" && k > 0:
		return partHour(before[k-1])
	}
	return 0
}

// nightEnd is the hour by which the small hours are over, when a report
// puts its act in them ("early on Wednesday", "before dawn") and gives no
// time of its own.
const nightEnd = 6

// clockDay is deskDay for a report that names no day: the last time of
// day m.clock in loc at or before published, within half a day, as a day
// at the desk.
func clockDay(m mention, published time.Time, loc, desk *time.Location) (time.Time, bool) {
	if m.clock == 0 || m.foreignClock {
		return time.Time{}, false
	}
	if loc == nil {
		loc = time.UTC
	}
	p := published.In(loc)
	at := time.Date(p.Year(), p.Month(), p.Day(), 0, m.clock-1, 0, 0, loc)
	if at.After(published) {
		at = time.Date(p.Year(), p.Month(), p.Day()-1, 0, m.clock-1, 0, 0, loc)
	}
	if published.Sub(at) > 12*time.Hour {
		return time.Time{}, false
	}
	return dayAt(at, desk), true
}

// dayAt is the civil day of t in zone, at its midnight.
func dayAt(t time.Time, zone *time.Location) time.Time {
	t = t.In(zone)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, zone)
}

// firstZone is the zone where a civil day begins first (UTC+14).
var firstZone = time.FixedZone("UTC+14", 14*3600)

// unbegun tells whether day, a civil day, had begun in no zone at
// published: no act can have happened on it yet.
func unbegun(day, published time.Time) bool {
	y, mo, d := day.Date()
	return published.Before(time.Date(y, mo, d, 0, 0, 0, 0, firstZone))
}

// utcMention is the first day of ms that text gives in UTC or GMT ("01:10
// UTC on November 18", "on 18 November UTC") when the days of ms are of a
// zone that keeps UTC's time that day; nil when there is none.
func utcMention(text string, ms []mention, published time.Time) *mention {
	if !strings.Contains(text, "UTC") && !strings.Contains(text, "GMT") {
		return nil
	}
	for i := range ms {
		m := &ms[i]
		if _, off := m.day.Zone(); off != 0 || m.prec != precDay || !published.IsZero() && !plausibleEventDay(m.day, published) {
			continue
		}
		after := strings.Fields(text[m.end:min(len(text), m.end+8)])
		before := strings.Fields(text[max(0, m.start-16):m.start])
		if k := len(before) - 1; k > 0 && dayLeads[dateWord(before[k])] {
			before = before[:k]
		}
		if len(after) > 0 && utcWords[dateWord(after[0])] || len(before) > 0 && utcWords[dateWord(before[len(before)-1])] {
			return m
		}
	}
	return nil
}

var utcWords = toSet(`utc gmt`)

// dayOff tells whether day is the one before or after utc: the same
// moment's day in a zone other than UTC.
func dayOff(day, utc time.Time) bool {
	return day.Equal(utc.AddDate(0, 0, 1)) || day.Equal(utc.AddDate(0, 0, -1))
}

// utcOffDay is the day text gives in UTC (utcMention) a day off day,
// the day a report's act resolved to in its outlet's zone.
func utcOffDay(text string, day, published time.Time, loc *time.Location) (time.Time, bool) {
	if !strings.Contains(text, "UTC") && !strings.Contains(text, "GMT") {
		return time.Time{}, false // what utcMention asks first, before the dates are read
	}
	d := readDates(text, published, loc)
	if utc := utcMention(d.text, d.mentions, published); utc != nil && dayOff(day, utc.day) {
		return utc.day, true
	}
	return time.Time{}, false
}

// daysAfterClause is the span of a clause that puts the report's act a
// number of days after an earlier one ("a day after the court sentenced
// him on Monday"): a day named in it is the earlier act's.
type daysAfterClause struct {
	start, end int
	days       int
}

// daysAfterClauses finds every "N days after" clause of text. A clause
// runs to the next comma, semicolon, line end or sentence end, so the
// report's own day after it ("..., the company said on Saturday") stays
// outside; a month's abbreviation ("Nov. 16") ends no sentence. low is
// text ASCII-lowered (asciiLower).
func daysAfterClauses(text, low string) []daysAfterClause {
	if !strings.Contains(low, "after") {
		return nil
	}
	var out []daysAfterClause
	for _, ix := range reDaysOn.FindAllStringSubmatchIndex(low, -1) {
		if rate(low, ix[0]) {
			continue // "losing 150,000 barrels a day after the declaration": a rate
		}
		end := ix[1]
		for end < len(text) {
			c := text[end]
			if c == ',' || c == ';' || c == '\n' || c == '.' && sentenceEnd(text[end+1:]) {
				break
			}
			end++
		}
		out = append(out, daysAfterClause{start: ix[0], end: end, days: smallNumbers[low[ix[2]:ix[3]]]})
	}
	return out
}

// rate tells whether "a day" at start closes a quantity per day, a
// number at most four words before it in its clause ("150,000 barrels of
// crude a day", "$2 million a day"), and puts no act a day after another
// ("killed 19 people, a day after the vote" is set off by a comma).
func rate(low string, start int) bool {
	if !strings.HasPrefix(low[start:], "a ") {
		return false
	}
	words := strings.Fields(low[max(0, start-60):start])
	for k := len(words) - 1; k >= 0 && k >= len(words)-4 && !clauseEnd(words[k]); k-- {
		if strings.ContainsAny(words[k], "0123456789") {
			return true
		}
	}
	return false
}

// pastForm tells whether a lower-case word looks like a past tense or a
// participle ("fired", "announced"): longer than three letters, ending
// in "ed" ("red", "bed" are not).
func pastForm(w string) bool { return len(w) > 3 && strings.HasSuffix(w, "ed") }

// sentenceEnd tells whether a full stop followed by rest ends a sentence:
// rest is empty or a space and a capital follow ("Nov. 16" goes on).
func sentenceEnd(rest string) bool {
	trimmed := strings.TrimLeft(rest, " ")
	return trimmed == "" || len(trimmed) < len(rest) && startsUpper(trimmed)
}

// inDaysAfter tells whether offset start lies in one of clauses, and the
// number of days that clause counts.
func inDaysAfter(clauses []daysAfterClause, start int) (int, bool) {
	for _, c := range clauses {
		if c.start <= start && start < c.end {
			return c.days, true
		}
	}
	return 0, false
}

// sinceDay is the day before the event day (day) that a text names as the
// day of an earlier event it follows: "troops sent on Friday to towns
// flooded on Thursday", "an appeal on Sunday for the cyclone that struck on
// Saturday", "declared an emergency on Thursday, a day after the quake".
// A day named in an "N days after" clause counts first ("a day after the
// court sentenced him on Monday"), then the latest such day, then one
// counted back from day; ok is false when the text names none.
func sinceDay(text string, day, published time.Time, loc *time.Location) (time.Time, bool) {
	return sinceDayIn(readDates(text, published, loc), day, published)
}

// sinceDayIn is sinceDay for a text whose dates are read.
func sinceDayIn(d datedText, day, published time.Time) (time.Time, bool) {
	text, clauses := d.text, d.clauses
	var since time.Time
	for _, m := range d.mentions {
		if m.prec != precDay || !m.day.Before(day) || !plausibleEventDay(m.day, published) || plannedDay(text, m.start) || dayFor(text, m.start, m.end) || referenceDay(text, m.end) {
			continue
		}
		if _, ok := inDaysAfter(clauses, m.start); ok {
			// The day the text names for the earlier act wins over
			// one counted back from the report's.
			return m.day, true
		}
		if m.day.After(since) {
			since = m.day
		}
	}
	if since.IsZero() && len(clauses) > 0 {
		since = day.AddDate(0, 0, -clauses[0].days)
	}
	return since, !since.IsZero()
}

// previousDay tells whether the sentence that follows a report's day puts
// its act on "the previous day" or "the day before", or on the night
// before it ("the previous night's rally", "the night before": a night
// told of the next day is the day before's), not "the day before
// yesterday" (findMentions reads it) nor "the night before last".
func previousDay(rest string) bool {
	if i := strings.Index(rest, ". "); i >= 0 {
		rest = rest[:i]
	}
	low := strings.ToLower(rest)
	for _, ix := range rePrevDay.FindAllStringIndex(low, -1) {
		if strings.HasSuffix(low[:ix[1]], "yesterday") || strings.HasSuffix(low[:ix[1]], " last") {
			continue
		}
		// "announced on Thursday the suspension of its convoys after the
		// attack on one of them the day before": the previous day is
		// what the act followed, not the act's.
		if followsBefore(low[:ix[0]]) {
			continue
		}
		return true
	}
	return false
}

// followsBefore tells whether text has a word that puts what comes after
// it before the act: "after", "following".
func followsBefore(text string) bool {
	for _, w := range strings.Fields(text) {
		if w = dateWord(w); w == "after" || w == "following" {
			return true
		}
	}
	return false
}

// reportVerbs say when something was made known, not when it happened;
// criticism says when a response to it came ("the JCS faced criticism
// Monday for ... crossed the border on Jan. 15").
var reportVerbs = toSet(`said say says reported reports announced announces disclosed discloses revealed reveals
confirmed confirms told stated added noted published publishes released acknowledged admitted
notified notifies informed informs criticism criticised criticized comment comments commented`)

// tellVerbs take who was told before the day of the telling; audienceWords
// are who, when no name: "told reporters on Tuesday".
var (
	tellVerbs     = toSet(`told tells informed informs briefed briefs`)
	audienceWords = toSet(`reporters journalists lawmakers parliament`)
)

// futureWords mark a day something is planned or expected for.
var futureWords = toSet(`expected expects expect due scheduled planned will would slated`)

// plannedDay tells whether the date expression at start is the day of a
// plan or an expectation: "restart expected Saturday", "will hold talks on
// Friday", "capacity to return on 20 February", "will hold an early
// general election on Jan. 19". It reads the seven words before the
// expression, within its sentence, beyond the fourth only up to a past
// participle, a word that opens another clause or a reporting verb ("will
// appeal, his lawyer said on Tuesday" is Tuesday's report).
func plannedDay(text string, start int) bool {
	return plannedBy(text, start, false)
}

// plannedBy is plannedDay; with modals, a modal of what is yet to happen
// marks a plan as well ("Londoners can travel as normal on Thursday"),
// which only a day not yet past can be ("should investigate a September
// 25 drone strike" names the strike's).
func plannedBy(text string, start int, modals bool) bool {
	words := strings.Fields(text[max(0, start-60):start])
	otherAct := false
	for k := len(words) - 1; k >= 0 && k >= len(words)-7; k-- {
		raw := words[k]
		if k < len(words)-1 && strings.ContainsAny(raw[len(raw)-1:], ".;:!?") {
			return false
		}
		w := dateWord(raw)
		if futureWords[w] || modals && modal(words, k) || (w == "return" || w == "resume" || w == "reopen" || w == "restart") && k > 0 && strings.EqualFold(words[k-1], "to") {
			// "will appeal against the ruling issued on Monday": Monday
			// is the ruling's.
			return k >= len(words)-4 || !otherAct
		}
		// A clause of time under a future is in the future too: "should
		// check before they travel on Thursday".
		otherAct = otherAct || pastForm(w) || clauseWords[w] && !timeClauses[w] || reportVerbs[w]
	}
	return false
}

// listedAfter tells whether between, the text from one day to the next,
// only lists them ("Thursday and Friday", "Monday, Tuesday or
// Wednesday", "1 to 3 November"): what is said of the first is said of
// the next.
func listedAfter(between string) bool {
	ws := strings.FieldsFunc(between, func(r rune) bool { return r == ' ' || r == ',' || r == '-' || r == '–' })
	if len(ws) > 2 || len(ws) == 0 && strings.TrimSpace(between) == "" {
		return false
	}
	for _, w := range ws {
		if !listWords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

var listWords = toSet(`and or to through until on`)

// clauseWords open a clause about another act: a future before them is
// not the future of a day after them, unless they open a clause of time
// (timeClauses) and no past participle follows.
var (
	clauseWords = toSet(`after since following before when which that who`)
	timeClauses = toSet(`before when`)
)

// modals say what can or should happen: "Londoners can travel as normal on
// Thursday", "trains on Thursday may be affected". Before "have" they say
// what may have happened ("should have been paid on Monday").
var modals = toSet(`can may might must should shall`)

// modal tells whether words[k] is a modal of what is yet to happen.
func modal(words []string, k int) bool {
	return modals[dateWord(words[k])] && (k+1 >= len(words) || dateWord(words[k+1]) != "have") && !monthBesideNumber(words, k)
}

// monthBesideNumber tells whether words[k], a capitalised month's name
// that is also a word ("May"), is written as a date: a number right after
// it ("since May 4", "May 2025") or a day's right before it ("since 4
// May"). A modal governs a verb, never a number ("another 20 may be
// hurt" is lower case).
func monthBesideNumber(words []string, k int) bool {
	w := strings.Trim(words[k], "\"'“”‘’(")
	if !startsUpper(w) || strings.ContainsAny(w, ",.;:!?)") {
		return false
	}
	if _, ok := months[strings.ToLower(w)]; !ok {
		return false
	}
	if k+1 < len(words) {
		if next := strings.TrimLeft(words[k+1], "("); next != "" && unicode.IsDigit(rune(next[0])) {
			return true
		}
	}
	if k > 0 {
		d := atoi(words[k-1])
		return d >= 1 && d <= 31
	}
	return false
}

// modalAfter tells whether a modal of what is yet to happen, or "will",
// follows the date expression ending at end, a part of the day between at
// most: "early trains on Thursday may be affected".
func modalAfter(text string, end int) bool {
	if clauseEnd(text[max(0, end-1):end]) || strings.HasPrefix(text[end:], ",") {
		return false
	}
	after := strings.Fields(text[end:min(len(text), end+40)])
	if len(after) > 0 && dayParts[dateWord(after[0])] && !clauseEnd(after[0]) {
		after = after[1:]
	}
	return len(after) > 0 && (modal(after, 0) || dateWord(after[0]) == "will")
}

// pastRightBefore tells whether a past tense or participle stands right
// before the date expression at start, or before its "on": the day is
// that done act's, whatever the clause says next will happen ("the order
// the president signed Tuesday will hit Arizona hardest"); a plan's
// participle ("scheduled", "expected") is no done act.
func pastRightBefore(text string, start int) bool {
	w := wordBeforeDay(text, start)
	return pastForm(w) && !futureWords[w]
}

// wordBeforeDay is the word right before the date expression at start, or
// before its "on" ("signed on Tuesday", "starting on 1 March"), as
// dateWord reads it; "" when that word ends a clause ("said, on
// Tuesday") or there is none.
func wordBeforeDay(text string, start int) string {
	words := strings.Fields(text[max(0, start-40):start])
	k := len(words) - 1
	if k > 0 && strings.EqualFold(words[k], "on") {
		k--
	}
	if k < 0 || clauseEnd(words[k]) {
		return ""
	}
	return dateWord(words[k])
}

// startWords open the first day of something: "outages from August 15",
// "starting Tuesday", "effective Monday".
var startWords = toSet(`from starting beginning effective`)

// startDay tells whether the date expression at start is the first day of
// something, a start word right before it or before its "on": "from
// Saturday", "starting on 1 March".
func startDay(text string, start int) bool {
	return startWords[wordBeforeDay(text, start)]
}

// headlinePlans is the set of weekdays (bit d for time.Weekday d) of the
// days a headline names as the day of a plan: "nurses call strike for
// Thursday", "ambulance crews to walk off job on Saturday" (a headline's
// "to" is its future), "restart expected Monday". Two calls of one day for
// strikes on different days are two events.
func headlinePlans(title string, published time.Time, loc *time.Location) uint8 {
	var days uint8
	for _, m := range findMentions(title, published, loc) {
		if m.prec == precDay && (plannedDay(title, m.start) || dayFor(title, m.start, m.end) || headlineFuture(title, m.start)) {
			days |= 1 << m.day.Weekday()
		}
	}
	return days
}

// headlineFuture tells whether a headline puts the day at start in the
// future with "to" and a verb: "Glasgow Subway to shut on Tuesday"
// ("diverted to Bordeaux on Monday" names a place after "to").
func headlineFuture(title string, start int) bool {
	words := strings.Fields(title[max(0, start-60):start])
	for k := len(words) - 1; k >= 0 && k >= len(words)-5; k-- {
		if k < len(words)-1 && strings.ContainsAny(words[k][len(words[k])-1:], ".;:!?,") {
			return false
		}
		if strings.EqualFold(words[k], "to") && k+1 < len(words) && !startsUpper(words[k+1]) && !unicode.IsDigit(rune(words[k+1][0])) {
			return true
		}
	}
	return false
}

// reLongAfter is a headline that puts its act weeks or months after an
// earlier one: "Volna Spirit detained by Estonia weeks after EU listing".
var reLongAfter = regexp.MustCompile(`(?i)\b(weeks|months)\s+after\b`)

// longAfter is the earliest day the event of a text may be when its first
// line (the headline) puts its act weeks or months after an earlier one:
// a week, or four, before the day of publication; zero when it does not.
func longAfter(text string, published time.Time, loc *time.Location) time.Time {
	head, _, _ := strings.Cut(text, "\n")
	m := reLongAfter.FindStringSubmatch(head)
	if m == nil || published.IsZero() {
		return time.Time{}
	}
	if loc == nil {
		loc = time.UTC
	}
	day := dayAt(published, loc)
	if strings.EqualFold(m[1], "weeks") {
		return day.AddDate(0, 0, -6)
	}
	return day.AddDate(0, 0, -27)
}

// dayFor tells whether the date expression at start..end is the day
// something is set for: "call a strike for Tuesday", "talks set for
// Friday" ("mourning for Friday's victims" names an event).
func dayFor(text string, start, end int) bool {
	words := strings.Fields(text[max(0, start-12):start])
	return len(words) > 0 && strings.EqualFold(words[len(words)-1], "for") && !possessive(text, end)
}

// referenceDay tells whether a date expression ending at end names the
// day of a market's reference price, no act: "a 38% premium to Tuesday's
// closing price", "31% above Friday's close" ("Friday's closing ceremony"
// is an event).
func referenceDay(text string, end int) bool {
	if !possessive(text, end) {
		return false
	}
	words := strings.Fields(asciiLower(text[end:min(len(text), end+40)]))
	if len(words) < 2 {
		return false
	}
	first := strings.Trim(words[1], ",.;:\"'()")
	second := ""
	if len(words) > 2 {
		second = strings.Trim(words[2], ",.;:\"'()")
	}
	return first == "close" || first == "settle" || referenceNouns[first] && referencePrices[second]
}

// referenceNouns and referencePrices make a market's reference price
// after a possessive day: "closing price", "settlement price".
var (
	referenceNouns  = toSet(`closing settlement`)
	referencePrices = toSet(`price prices level levels value`)
)

// possessive tells whether a date expression ending at end is followed by
// "'s", or by a part of the day and "'s": "Friday's attack", "Monday
// night's airstrikes" name an event, not when it was told.
func possessive(text string, end int) bool {
	rest := text[end:]
	if part, ok := strings.CutPrefix(rest, " "); ok {
		word, _, _ := strings.Cut(part, " ")
		word = unpossessed(word)
		return len(word) < len(part) && dayParts[word] && !strings.HasPrefix(part[len(word):], " ")
	}
	return strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s")
}

// followWords, right before a possessive day, name what a report's act
// came after: "follows Monday's cut", "following Tuesday's halt".
var followWords = toSet(`follow follows followed following`)

// followedDay tells whether the date expression at start..end is a
// possessive day that a followWords word governs: the day of what the
// report's act followed ("The pause follows Monday's US cut"), or the
// next of a list such a day opens, a few words on in its clause
// (prevEnd, that day's end; -1 none): "... and Sunday's conference".
func followedDay(text string, start, end, prevEnd int) bool {
	if !possessive(text, end) {
		return false
	}
	before := strings.ToLower(wordBefore(text, start))
	return followWords[before] || citesDay(text, start) || prevEnd >= 0 && (before == "and" || before == "or") && sameClause(text, prevEnd, start, listedWords)
}

// citeWords, right before a possessive day, cite what came before as
// the report's words' ground: "citing Sunday's raid", "pointing to
// Sunday's raid as proof", "referring to Monday's vote".
var citeWords = toSet(`citing cited`)

// citesDay tells whether a citeWords word, or "pointing to" or
// "referring to", stands right before the day at start.
func citesDay(text string, start int) bool {
	words := strings.Fields(text[max(0, start-24):start])
	n := len(words)
	if n == 0 {
		return false
	}
	last := strings.ToLower(words[n-1])
	if citeWords[last] {
		return true
	}
	if last != "to" || n < 2 {
		return false
	}
	verb := strings.ToLower(words[n-2])
	return verb == "pointing" || verb == "pointed" || verb == "referring" || verb == "referred"
}

// listedWords is how many words a list of what a report's act followed
// may give between two days: "Monday's US cut and Sunday's ...".
const listedWords = 6

// afterDay tells whether the date expression at start..end is the day of
// what an "after" names, written before it: "after Wednesday abort" (the
// possessive, "after Monday's quake", is possessive's).
func afterDay(text string, start, end int) bool {
	words := strings.Fields(text[max(0, start-8):start])
	if len(words) == 0 || !strings.EqualFold(words[len(words)-1], "after") {
		return false
	}
	rest, ok := strings.CutPrefix(text[end:], " ")
	return ok && rest != "" && unicode.IsLetter(rune(rest[0]))
}

// reportDay tells whether the date expression at start..end names the day
// of a report: a reporting verb right before it ("said Monday", "reported
// on Tuesday"), before it with where or how the report was made between
// them ("said in a press release on Wednesday"), or first in a clause
// that a sentence opens with its day ("On 11 August, the focal point
// notified WHO of ..."). A day before the verb ("the ministry today
// reported", "authorities on Wednesday confirmed an outbreak") is left
// alone: the confirmation may be the act, and passing over the day would
// take the next one named, often background ("symptoms began on Aug 5");
// disclosureDay reads it, passed over only for a day the text puts an act
// before it on ("was picked up on Monday").
func reportDay(text string, start, end int) bool {
	words := strings.Fields(text[max(0, start-60):start])
	k := len(words) - 1
	if k >= 0 && dayLeads[dateWord(words[k])] {
		k--
	}
	if k >= 0 && reportVerbs[dateWord(words[k])] {
		return true
	}
	// Who was told, between the verb and its day: "a local official told
	// AFP on Tuesday", "told reporters on Tuesday".
	for j := k; j >= 0 && j >= k-2 && (startsUpper(words[j]) || audienceWords[dateWord(words[j])]) && !clauseEnd(words[j]); j-- {
		if j > 0 && tellVerbs[dateWord(words[j-1])] {
			return true
		}
	}
	// A phrase opened by a preposition, of up to five words, none of
	// which ends a clause.
	for j := k; j >= 0 && j >= k-4; j-- {
		if clauseEnd(words[j]) {
			break
		}
		w := dateWord(words[j])
		if mannerWords[w] && j > 0 && !clauseEnd(words[j-1]) && reportVerbs[dateWord(words[j-1])] {
			return true
		}
		if clauseWords[w] || reportVerbs[w] {
			break
		}
	}
	return openingReport(text, start, end)
}

// answerDay tells whether the date expression at start..end is the day of
// a reaction's own words: next to one of its verbs, after it ("welcomed
// on Sunday the ceasefire agreed on Saturday") or before it (verbAfter:
// "The IEA on Tuesday strongly condemned Monday night's airstrikes").
func answerDay(text string, start, end int, answers func(string) bool) bool {
	if answers == nil {
		return false
	}
	before := strings.Fields(text[max(0, start-40):start])
	k := len(before) - 1
	if k >= 0 && dayLeads[dateWord(before[k])] {
		k--
	}
	if k >= 0 && !clauseEnd(before[k]) && answers(dateWord(before[k])) {
		return true
	}
	return verbAfter(text, start, end, answers)
}

// disclosureDay tells whether the date expression at start..end stands
// right before a reporting verb (verbAfter): "The NIA on Tuesday announced
// the arrest", "the spokesman on Thursday confirmed".
func disclosureDay(text string, start, end int) bool {
	return verbAfter(text, start, end, isReportVerb)
}

// verbAfter tells whether the date expression at start..end stands right
// before a verb that is accepts, in its clause, an adverb or a part of the
// day between at most: "on Tuesday announced", "on Tuesday morning strongly
// condemned" ("on Tuesday, officials said" is no verb of the day's).
func verbAfter(text string, start, end int, is func(string) bool) bool {
	if clauseEnd(text[start:end]) || strings.HasPrefix(text[end:], ",") {
		return false
	}
	after := strings.Fields(text[end:min(len(text), end+60)])
	for i := 0; i < len(after) && i < 2; i++ {
		w := dateWord(after[i])
		if is(w) {
			return true
		}
		if i > 0 || clauseEnd(after[i]) || !strings.HasSuffix(w, "ly") && !dayParts[w] {
			return false
		}
	}
	return false
}

// pastAct tells whether a past participle or a past tense other than a
// reaction's own verb stands before the day at start, in its clause
// (clauseBefore): "welcomed the ceasefire agreed with Pakistan in Doha on
// Saturday", "rejected the sanctions imposed on four firms on Wednesday"
// (not "urged nurses to call off their strike on Thursday").
func pastAct(text string, start int, answers func(string) bool) bool {
	return pastIn(clauseBefore(text, start), answers)
}

// pastIn tells whether words hold a past tense or participle that is
// not one of except's.
func pastIn(words []string, except func(string) bool) bool {
	for _, w := range words {
		w = dateWord(w)
		if pastForm(w) && !except(w) {
			return true
		}
	}
	return false
}

// relativeWords open a relative clause: "..., where an epidemic was
// declared on Monday" dates another act.
var relativeWords = toSet(`where which who whose`)

// relativeIn tells whether words hold a word that opens a relative
// clause.
func relativeIn(words []string) bool {
	for _, w := range words {
		if relativeWords[dateWord(w)] {
			return true
		}
	}
	return false
}

// asideDay tells whether the day at start is named aside from what its
// sentence tells of: in a relative clause ("has signed the law, which
// parliament passed on 7 March", "whose capture the ministry announced
// on March 4"), in a participle clause after a comma ("have withdrawn
// ..., confirming a loss Moscow had claimed on Saturday") or as the
// start of a span ("a strike that had halted the mine since Friday").
// It dates what the sentence's act follows, answers or ends, not that
// act.
func asideDay(text string, start int) bool {
	words := clauseBefore(text, start)
	return relativeIn(words) || participleOpens(text, start, words) || wordBefore(text, start) == "since"
}

// participleOpens tells whether words, the clause of the day at start
// (clauseBefore), follow a comma and open with a present participle:
// ", confirming a loss ...", ", ending a strike ...". (A past participle
// there tells what the subject was: "The report, circulated on April 5,
// is ...".)
func participleOpens(text string, start int, words []string) bool {
	all := strings.Fields(text[max(0, start-10*clauseSpan):start])
	if len(words) == 0 || len(words) >= len(all) || !strings.HasSuffix(all[len(all)-len(words)-1], ",") {
		return false
	}
	w := dateWord(words[0])
	return len(w) > 4 && strings.HasSuffix(w, "ing") && w != "during" && !dayParts[w]
}

// subjectsDay tells whether the day at start..end dates what a past
// participle says of the subject of the verb after it, not that verb's
// act: "satellites launched last Thursday had malfunctioned", "the
// tanker seized on Monday was released". The participle stands in the
// day's clause (clauseBefore) right after a word that is no auxiliary
// ("had launched" is a verb of its own), pronoun or clause word, and an
// auxiliary follows the day; that word may be a capitalised noun ("the
// two Canadians detained since October 4 were released"). The place of
// what befell it may stand between the day and the auxiliary, and the
// participle and auxiliary may be Spanish or Portuguese: "los jóvenes
// privados de la libertad el pasado lunes en Fresnillo fueron
// localizados".
func subjectsDay(text string, start, end int) bool {
	after := strings.Fields(text[end:min(len(text), end+40)])
	if len(after) > 2 && dayPlaceWords[dateWord(after[0])] && startsUpper(after[1]) && !clauseEnd(after[0]) && !clauseEnd(after[1]) {
		after = after[2:] // "on Monday in Fresnillo were found"
	}
	if clauseEnd(text[start:end]) || len(after) == 0 || !auxiliaries[dateWord(after[0])] || clauseEnd(after[0]) {
		return false
	}
	words := clauseBefore(text, start)
	for k := len(words) - 1; k > 0; k-- {
		w := dateWord(words[k])
		if pastForm(w) || romanceParticiple(w) {
			prev := dateWord(words[k-1])
			return !auxiliaries[prev] && !pronouns[prev] && !clauseWords[prev]
		}
	}
	return false
}

// sameClause tells whether text from offset from to offset to is at most
// n words and ends no clause: "were freed on" between two days.
func sameClause(text string, from, to, n int) bool {
	words := strings.Fields(text[from:to])
	if len(words) > n || strings.HasPrefix(text[from:], ",") {
		return false
	}
	for _, w := range words {
		if clauseEnd(w) {
			return false
		}
	}
	return true
}

// appositiveDay tells whether the day at start..end closes a phrase set
// off by commas after a subject, which tells what the subject was by a
// participle, with the main verb's auxiliary right after it: "The AAE-1
// cable, one of three cut in the Red Sea on March 2, has been repaired".
// A day set off alone ("The company, on Monday, has ...") is the act's.
func appositiveDay(text string, start, end int) bool {
	after := strings.Fields(text[end:min(len(text), end+24)])
	if !strings.HasPrefix(text[end:], ",") || len(after) < 2 || !auxiliaries[dateWord(after[1])] {
		return false
	}
	words := clauseBefore(text, start)
	before := strings.Fields(text[max(0, start-10*clauseSpan):start])
	if len(words) < 3 || len(words) >= len(before) || !strings.HasSuffix(before[len(before)-len(words)-1], ",") {
		return false // no phrase a comma opens, or one of its day alone
	}
	for _, w := range words {
		if w := dateWord(w); pastForm(w) || participles[w] {
			return true
		}
	}
	return false
}

// participles are irregular past participles that say what befell a
// thing: "one of three cut in the Red Sea".
var participles = toSet(`cut hit struck shut sunk sold laid built broken stolen seized taken shot held set sent`)

// romanceParticiple tells whether w is a Spanish or Portuguese past
// participle of a regular verb: "privados", "detenida", "sequestrados".
func romanceParticiple(w string) bool {
	for _, end := range []string{"ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"} {
		if len(w) > len(end)+3 && strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// dayPlaceWords open the place of an act after its day: "on Monday in
// Fresnillo".
var dayPlaceWords = toSet(`in en em near off`)

// auxiliaries open a verb phrase, in English or in Spanish and
// Portuguese ("fueron", "foram"); pronouns are subjects a past tense
// follows ("they launched").
var (
	auxiliaries = toSet(`had has have was were is are been be being would will could can did does do fue fueron ha han había habían foi foram`)
	pronouns    = toSet(`i we you he she it they`)
)

// perfectAct tells whether the day at start is that of an act the text
// puts before another in its own words: "had", "was" or "were" (a
// pluperfect or a passive) in its clause (clauseBefore) and no relative
// clause there: "said he was picked up on Monday", "confirmed Pakistan
// had struck hideouts on Monday".
func perfectAct(text string, start int) bool {
	words := clauseBefore(text, start)
	if relativeIn(words) {
		return false
	}
	for _, w := range words {
		switch dateWord(w) {
		case "had", "was", "were":
			return true
		}
	}
	return false
}

// disclosedAct tells whether the day at start, in a sentence after the
// one that discloses an act on a later day, is that act's: a past tense
// other than a reporting verb in its clause (clauseBefore) and no
// relative clause there: "The regulator issued the letter on April 10",
// after "The company on Wednesday said it has received a warning
// letter." (In the disclosure's own sentence a participle is as often
// background: "on Wednesday added the flaws fixed in Patch Tuesday".)
func disclosedAct(text string, start int) bool {
	words := clauseBefore(text, start)
	return !relativeIn(words) && pastIn(words, isReportVerb)
}

func isReportVerb(w string) bool { return reportVerbs[w] }

// sentenceBreak is the end of a sentence and the start of the next (not
// an initial's point: "U.S. Food").
var sentenceBreak = regexp.MustCompile(`[\p{Ll}\d][.!?]["”’)]?\s+\p{Lu}`)

// spanStart tells whether the day at start opens a span ("from April 4
// to April 12", "since Tuesday"): what a text discloses ends it, or goes
// on.
func spanStart(text string, start int) bool {
	w := wordBefore(text, start)
	return w == "from" || w == "since"
}

// wordBefore is the word right before offset start, as dateWord reads
// it; "" when there is none.
func wordBefore(text string, start int) string {
	words := strings.Fields(text[max(0, start-12):start])
	if len(words) == 0 {
		return ""
	}
	return dateWord(words[len(words)-1])
}

// spanTally tells whether the sentence of the day at offset start counts
// what the span brought before it ("More than 9,000 refugees have crossed
// since Tuesday"): a number stands before the day.
func spanTally(text string, start int) bool {
	from, _ := sentenceAround(text, start)
	return strings.ContainsAny(text[from:start], "0123456789")
}

// clauseSpan is how many words before a day clauseBefore reads: a
// pluperfect's "had" may stand a dozen words back ("had struck hideouts in
// the Kessel and Varda provinces on Monday").
const clauseSpan = 12

// clauseBefore is the words before offset start in its clause,
// clauseSpan at most: back to the last word that ends a clause, not
// counting the word right before start.
func clauseBefore(text string, start int) []string {
	words := strings.Fields(text[max(0, start-10*clauseSpan):start])
	if len(words) == 0 {
		return nil
	}
	k := len(words) - 1
	for k > 0 && k > len(words)-clauseSpan && !clauseEnd(words[k-1]) {
		k--
	}
	return words[k:]
}

// answerNouns, followed by "to" or "for", say that what follows is
// what a report's act answers: "in response to", "in retaliation for",
// "responding to". ("Moscow responded on Tuesday" dates the answer.)
var answerNouns = toSet(`response retaliation reprisal responding retaliating`)

// answerDaySpan is how many words may stand between an answer noun and
// the day of what it answers ("in response to Norway's expulsion of a
// Russian consular employee from Kirkenes last Friday").
const answerDaySpan = 16

// answeredDay tells whether the day at start dates what a report's act
// answers: an answer noun and "to" or "for" stand before it in its
// clause.
func answeredDay(text string, start int) bool {
	words := strings.Fields(text[max(0, start-12*answerDaySpan):start])
	for k := len(words) - 1; k >= 0 && k >= len(words)-answerDaySpan; k-- {
		if clauseEnd(words[k]) {
			return false
		}
		if k+1 < len(words) && answerNouns[dateWord(words[k])] {
			if next := dateWord(words[k+1]); next == "to" || next == "for" {
				return true
			}
		}
	}
	return false
}

// earlierActDay tells whether the day at start dates, in its clause, an
// act of another kind than the report's (earlier) told in the past
// perfect ("It had declared force majeure on Monday") or as a
// participle after its object ("ending a force majeure declared five
// days ago"; "the crew, kidnapped on 9 March, were freed"): that act
// came before the report's.
func earlierActDay(text string, start int, earlier func(string) bool) bool {
	words := clauseBefore(text, start)
	for i, w := range words {
		if dateWord(w) == "had" && i+1 < len(words) {
			return earlier(strings.Join(words[i+1:], " "))
		}
	}
	k := len(words) - 1
	if k >= 0 && dayLeads[dateWord(words[k])] {
		k--
	}
	if k < 0 || !strings.HasSuffix(dateWord(words[k]), "ed") || k > 0 && passiveAux[dateWord(words[k-1])] {
		return false
	}
	return earlier(strings.Join(words[:k+1], " "))
}

// passiveAux make a participle after them the clause's own verb: "was
// seized on Monday".
var passiveAux = toSet(`was were been be is are has have`)

// dayParts stand between a day and a verb after it: "on Tuesday morning
// condemned".
var dayParts = toSet(`morning afternoon evening night`)

// openingReport tells whether a sentence opens with the day at start..end
// ("On 11 August, ...") and the first verb of its clause reports: a past
// participle other than a reporting verb ends the search, as does the
// clause's end.
func openingReport(text string, start, end int) bool {
	rest := strings.Fields(text[end:min(len(text), end+200)])
	head := strings.TrimRight(text[:start], " ")
	if !strings.HasPrefix(text[end:], ",") || !strings.HasSuffix(head, "On") {
		return false
	}
	if head = strings.TrimRight(head[:len(head)-2], " "); head != "" && !strings.ContainsAny(head[len(head)-1:], ".!?\n") {
		return false
	}
	for i, w := range rest {
		if i > 14 {
			break
		}
		l := dateWord(w)
		if i > 0 && reportVerbs[l] {
			return true
		}
		if i > 0 && (clauseEnd(w) || !startsUpper(w) && pastForm(l)) {
			return false
		}
	}
	return false
}

// clauseEnd tells whether a word, as strings.Fields cut it, ends a clause
// or a sentence ("release,", "Monday.").
func clauseEnd(w string) bool {
	return strings.ContainsAny(w[len(w)-1:], ",.;:!?")
}

// dayLeads stand between a day and the verb before it: "said on Monday",
// "said late Friday". mannerWords open a phrase that says where or how a
// report was made: "said in a statement", "told a briefing at ...".
var (
	dayLeads    = toSet(`on late early`)
	mannerWords = toSet(`in at during via through`)
)

func plausibleEventDay(day, published time.Time) bool {
	return !day.Before(published.Add(-366*24*time.Hour)) && !day.After(published.Add(futureSpan))
}

// findMentions finds, resolves and orders every expression; where two
// overlap, the one that starts first (then the longer) wins.
func findMentions(text string, published time.Time, loc *time.Location) []mention {
	return findMentionsIn(text, asciiLower(text), published, loc)
}

// findMentionsIn is findMentions with text's ASCII-lowered copy (low).
func findMentionsIn(text, low string, published time.Time, loc *time.Location) []mention {
	if loc == nil {
		loc = time.UTC
	}
	var pubDay time.Time
	if !published.IsZero() {
		pubDay = dayAt(published, loc)
	}
	var ms []mention
	add := func(start, end int, day time.Time, prec precision) {
		ms = append(ms, mention{start: start, end: end, day: day, prec: prec})
	}
	// The patterns are lower case and run on an ASCII-lowered copy with the
	// same byte offsets; cheap substring tests skip patterns that cannot
	// match, which keeps resolution in microseconds.
	hasDigit := strings.ContainsAny(text, "0123456789")
	hasDay := strings.Contains(low, "day")

	for _, ix := range findAll(reNumeric, low, hasDigit) {
		y, mo, d := atoi(low[ix[2]:ix[3]]), atoi(low[ix[4]:ix[5]]), atoi(low[ix[6]:ix[7]])
		if day, ok := civilDay(y, mo, d, loc); ok {
			add(ix[0], ix[1], day, precDay)
		}
	}
	for _, ix := range findAll(reKorean, text, hasDigit && strings.Contains(text, "월")) {
		year := 0
		if ix[2] >= 0 {
			year = atoi(low[ix[2]:ix[3]])
		}
		if day, ok := monthDay(year, atoi(low[ix[4]:ix[5]]), atoi(low[ix[6]:ix[7]]), pubDay, loc); ok {
			add(ix[0], ix[1], day, precDay)
		}
	}
	if hasDigit && strings.Contains(text, "日") { // both patterns end in 日
		for _, ix := range reCJKDate.FindAllStringSubmatchIndex(text, -1) {
			year := 0
			if ix[2] >= 0 {
				year = atoi(text[ix[2]:ix[3]])
			}
			if day, ok := monthDay(year, atoi(text[ix[4]:ix[5]]), atoi(text[ix[6]:ix[7]]), pubDay, loc); ok {
				add(ix[0], ix[1], day, precDay)
			}
		}
		for _, ix := range reCJKDay.FindAllStringSubmatchIndex(text, -1) {
			if day, ok := cjkDayOf(text, ix, pubDay); ok {
				add(ix[0], ix[1], day, precDay)
			}
		}
	}
	for _, ix := range findNear(reMonthDay, low, monthAnchors, 2, 24, hasDigit) {
		if !startsUpper(text[ix[2]:]) { // "may 7" is a verb; news capitalises months
			continue
		}
		if ix[6] < 0 && dateInName(text, ix[0], ix[1]) {
			continue
		}
		year := 0
		if ix[6] >= 0 {
			year = atoi(low[ix[6]:ix[7]])
		}
		mo := months[low[ix[2]:ix[3]]]
		if year == 0 {
			year = rangeYear(low, ix[1], mo)
		}
		if day, ok := monthDay(year, int(mo), atoi(low[ix[4]:ix[5]]), pubDay, loc); ok {
			add(ix[0], ix[1], day, periodEnd(low, ix[0]))
		}
	}
	for _, ix := range findNear(reDayMonth, low, monthAnchors, 12, 24, hasDigit) {
		if !startsUpper(text[ix[4]:]) {
			continue
		}
		if ix[6] < 0 && dateInName(text, ix[0], ix[1]) {
			continue
		}
		year := 0
		if ix[6] >= 0 {
			year = atoi(low[ix[6]:ix[7]])
		}
		mo := months[low[ix[4]:ix[5]]]
		if year == 0 {
			year = rangeYear(low, ix[1], mo)
		}
		if day, ok := monthDay(year, int(mo), atoi(low[ix[2]:ix[3]]), pubDay, loc); ok {
			add(ix[0], ix[1], day, periodEnd(low, ix[0]))
		}
	}
	lang := textLanguage(low)
	if lang != nil && hasDigit {
		for _, ix := range lang.dayMonth.FindAllStringSubmatchIndex(low, -1) {
			if !wordAt(low, ix[0], ix[1]) {
				continue
			}
			year := 0
			if ix[6] >= 0 {
				year = atoi(low[ix[6]:ix[7]])
			}
			mo := months[lang.english[strings.Join(strings.Fields(low[ix[4]:ix[5]]), " ")]]
			if day, ok := monthDay(year, int(mo), atoi(low[ix[2]:ix[3]]), pubDay, loc); ok {
				add(ix[0], ix[1], day, periodEnd(low, ix[0]))
			}
		}
	}
	for _, ix := range findAll(reHoliday, low, strings.Contains(low, "new year") || strings.Contains(low, "christmas")) {
		mo, d := 12, 25
		switch name := low[ix[2]:ix[3]]; {
		case strings.HasPrefix(name, "new year") && strings.HasSuffix(name, "day"):
			mo, d = 1, 1
		case strings.HasPrefix(name, "new year"):
			mo, d = 12, 31
		case name == "christmas eve":
			mo, d = 12, 24
		}
		if day, ok := monthDay(0, mo, d, pubDay, loc); ok {
			add(ix[0], ix[1], day, precDay)
		}
	}
	if pubDay.IsZero() {
		return ordered(ms)
	}
	for _, ix := range findAll(reKoRel, text, len(low) > 0 && hasNonASCII(text)) {
		back := map[string]int{"오늘": 0, "어제": 1, "그제": 2, "그저께": 2}[text[ix[0]:ix[1]]]
		add(ix[0], ix[1], pubDay.AddDate(0, 0, -back), precDay)
	}
	for _, ix := range findAll(reCJKRel, text, len(low) > 0 && hasNonASCII(text)) {
		back := map[string]int{"本日": 0, "今日": 0, "今天": 0, "昨日": 1, "昨天": 1, "一昨日": 2, "前天": 2}[text[ix[0]:ix[1]]]
		add(ix[0], ix[1], pubDay.AddDate(0, 0, -back), precDay)
	}
	// A weekday written before the date it falls on ("on Sunday 2
	// November", "Thursday, Oct. 12") is that date's, not a weekday of
	// its own: read alone it would be the last such day.
	dated := map[int]bool{}
	for _, m := range ms {
		dated[m.start] = true
	}
	for _, ix := range findNear(reWeekday, low, weekdayAnchors, 12, 10, hasDay) {
		mod := ""
		if ix[2] >= 0 {
			mod = low[ix[2]:ix[3]]
		}
		if dated[nextWord(low, ix[1])] {
			continue
		}
		wd := weekdays[low[ix[4]:ix[5]]]
		if (mod == "by" || mod == "through") && possessive(low, ix[1]) {
			mod = "" // "killed by Thursday's landslide" names the landslide's day, no deadline
		}
		start := ix[0]
		if mod == "early" || mod == "late" || mod == "earlier" || mod == "later" {
			start = ix[4] // "late Friday" is Friday; keep the modifier out of the overlap test
		}
		add(start, ix[1], weekdayDay(mod, wd, pubDay), weekdayPrec(mod))
	}
	if lang != nil {
		for _, ix := range lang.weekday.FindAllStringSubmatchIndex(low, -1) {
			start, end, mod, name, ok := lang.weekdayAt(text, low, ix)
			if ok && !dated[nextWord(low, end)] {
				add(start, end, weekdayDay(mod, weekdays[name], pubDay), weekdayPrec(mod))
			}
		}
	}
	for _, ix := range findNear(reRelDay, low, relDayAnchors, 16, 12, true) {
		add(ix[0], ix[1], pubDay.AddDate(0, 0, -relDayBack(low[ix[2]:ix[3]])), precDay)
	}
	if lang != nil {
		for _, ix := range lang.rel.FindAllStringIndex(low, -1) {
			if wordAt(low, ix[0], ix[1]) {
				back := relDayBack(lang.english[strings.Join(strings.Fields(low[ix[0]:ix[1]]), " ")])
				add(ix[0], ix[1], pubDay.AddDate(0, 0, -back), precDay)
			}
		}
	}
	for _, ix := range findAll(reAgo, low, strings.Contains(low, "ago") || strings.Contains(low, "earlier")) {
		n, ok := smallNumbers[low[ix[2]:ix[3]]]
		if !ok {
			n = atoi(low[ix[2]:ix[3]])
		}
		switch low[ix[4]:ix[5]] {
		case "day":
			add(ix[0], ix[1], pubDay.AddDate(0, 0, -n), precDay)
		case "week":
			add(ix[0], ix[1], pubDay.AddDate(0, 0, -7*n), precWeek)
		case "month":
			add(ix[0], ix[1], pubDay.AddDate(0, -n, 0), precMonth)
		}
	}
	for _, ix := range findAll(rePeriod, low, strings.Contains(low, "week") || strings.Contains(low, "month")) {
		mod := low[ix[2]:ix[3]]
		unit := low[ix[4]:ix[5]]
		day, prec := periodDay(mod, unit, pubDay)
		add(ix[0], ix[1], day, prec)
	}
	return ordered(ms)
}

// nextWord is where the first word after end starts, past spaces and a
// comma: a weekday right before a date ("Sunday, 2 November") is its.
func nextWord(low string, end int) int {
	return end + len(low[end:]) - len(strings.TrimLeft(low[end:], " ,"))
}

// weekdayPrec is the precision of a weekday after mod: "until Friday"
// bounds something, else it names a day.
func weekdayPrec(mod string) precision {
	switch mod {
	case "until", "till", "through", "by":
		return precBound
	}
	return precDay
}

// relDayBack is how many days before the report's a relative day is:
// "yesterday" one.
func relDayBack(rel string) int {
	switch rel {
	case "yesterday", "last night":
		return 1
	case "the day before yesterday":
		return 2
	}
	return 0
}

// weekdayAt reads a match of r.weekday in low (ASCII-lowered text): its
// edges, its modifier and its weekday in English. A modifier not
// standing as a word is left out; a weekday of a language written in
// lower case that is capitalised past a sentence's start is a name
// ("Santo Domingo"): ok false.
func (r *dayReader) weekdayAt(text, low string, ix []int) (start, end int, mod, name string, ok bool) {
	start, end = ix[0], ix[1]
	if ix[2] >= 0 && wordAt(low, ix[2], ix[3]) {
		mod = r.english[strings.Join(strings.Fields(low[ix[2]:ix[3]]), " ")]
	} else {
		start = ix[4]
	}
	if ix[6] >= 0 && wordAt(low, ix[6], ix[7]) {
		mod = r.english[strings.Join(strings.Fields(low[ix[6]:ix[7]]), " ")]
	} else {
		end = ix[5]
	}
	if !wordAt(low, ix[4], ix[5]) || r.lower && startsUpper(text[ix[4]:]) && !sentenceStart(text, ix[4]) || r.upper && !startsUpper(text[ix[4]:]) {
		return 0, 0, "", "", false
	}
	if r.counted(low, ix[4]) {
		return 0, 0, "", "", false // "trei luni": three months, no Monday
	}
	return start, end, mod, r.english[low[ix[4]:ix[5]]], true
}

// counted tells whether a number or a count of r's language (counts,
// listed by a language with a weekday that is also a plural noun)
// stands right before offset i of low: that weekday is the noun after
// one (Romanian "trei luni", three months).
func (r *dayReader) counted(low string, i int) bool {
	words := strings.Fields(low[max(0, i-24):i])
	if len(r.counts) == 0 || len(words) == 0 {
		return false
	}
	w := dateWord(words[len(words)-1])
	return r.counts[w] || atoi(w) > 0
}

// sentenceStart tells whether text opens a sentence at i: only quotes
// and spaces stand between it and the text's start or a full stop.
func sentenceStart(text string, i int) bool {
	head := strings.TrimRight(text[:i], " \t\"'«“‘")
	return head == "" || strings.ContainsAny(head[len(head)-1:], ".!?\n")
}

// dateInName tells whether the date at text[start:end], which gives no
// year, is the first word of a group's name: "the March 23 Movement",
// "Alliance/March 23 Movement", "the 6 April Youth Movement" name a group
// after a day long past, no day of the report. What follows the date is
// capitalised, and a word of a group's name (dateNamedGroups) ends it
// within three words; "The June 9 World Agricultural Supply and Demand
// Estimates report" is that day's report.
func dateInName(text string, start, end int) bool {
	rest := text[end:]
	if !strings.HasPrefix(rest, " ") {
		return false
	}
	next := strings.Fields(rest)
	for _, w := range next[:min(len(next), 3)] {
		if !startsUpper(w) {
			return false
		}
		if dateNamedGroups[dateWord(w)] {
			return true
		}
		if strings.ContainsAny(w, ",.;:") { // the name ended
			return false
		}
	}
	return false
}

// dateNamedGroups are the nouns that end a group's name made of a day:
// "March 23 Movement", "the 14 March Alliance".
var dateNamedGroups = toSet(`movement movements alliance coalition front brigade brigades`)

// periodEnd is the precision of a date at start of low: the end of a
// period ("in the week to Aug. 14", "the week ended Oct. 7", "cases as of
// 3 May") bounds something, else it names a day.
func periodEnd(low string, start int) precision {
	words := strings.Fields(low[max(0, start-12):start])
	if n := len(words); n > 0 && (periodEnds[words[n-1]] || n > 1 && words[n-2] == "as" && words[n-1] == "of") {
		return precBound
	}
	return precDay
}

var periodEnds = toSet(`to until till through ending ended`)

func findAll(re *regexp.Regexp, s string, may bool) [][]int {
	if !may {
		return nil
	}
	return re.FindAllStringSubmatchIndex(s, -1)
}

var (
	monthAnchors   = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
	weekdayAnchors = []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	relDayAnchors  = []string{"today", "yesterday", "tonight", "night", "this "}
)

// findNear runs re only on short windows around each anchor (a word every
// match must contain), widened to whole words; a full scan with a large
// alternation costs tens of microseconds per sentence. Matches found twice
// by overlapping windows are dropped later by ordered.
func findNear(re *regexp.Regexp, low string, anchors []string, before, after int, may bool) [][]int {
	if !may {
		return nil
	}
	var out [][]int
	for _, a := range anchors {
		for from := 0; ; {
			i := strings.Index(low[from:], a)
			if i < 0 {
				break
			}
			i += from
			from = i + len(a)
			start, end := max(0, i-before), min(len(low), i+len(a)+after)
			for start > 0 && low[start-1] != ' ' && low[start-1] != '\n' {
				start--
			}
			for end < len(low) && low[end] != ' ' && low[end] != '\n' {
				end++
			}
			for _, ix := range re.FindAllStringSubmatchIndex(low[start:end], -1) {
				for k := range ix {
					if ix[k] >= 0 {
						ix[k] += start
					}
				}
				out = append(out, ix)
			}
		}
	}
	return out
}

// asciiLower lowers A-Z only, so byte offsets into the result are offsets
// into s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}

// ordered sorts mentions by position and drops those overlapping an earlier one.
func ordered(ms []mention) []mention {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].start != ms[j].start {
			return ms[i].start < ms[j].start
		}
		return ms[i].end > ms[j].end
	})
	out := ms[:0]
	lastEnd := -1
	for _, m := range ms {
		if m.start < lastEnd {
			continue
		}
		out = append(out, m)
		lastEnd = m.end
	}
	return out
}

// weekdayDay resolves a weekday preferring the past: a bare weekday is the
// most recent such day on or before the publication day, except the day
// after it, which is taken as tomorrow (a desk behind the event's zone, such
// as UTC writing on Thursday evening about Friday morning in Seoul, or an
// announcement). "last"/"past" is strictly before the publication day;
// "next" is strictly after it; "until"/"through"/"by" is on or after it.
func weekdayDay(mod string, wd time.Weekday, pubDay time.Time) time.Time {
	back := (int(pubDay.Weekday()) - int(wd) + 7) % 7
	fwd := (7 - back) % 7
	switch mod {
	case "last", "past", "this past":
		if back == 0 {
			back = 7
		}
	case "next":
		if fwd == 0 {
			fwd = 7
		}
		return pubDay.AddDate(0, 0, fwd)
	case "until", "till", "through", "by":
		return pubDay.AddDate(0, 0, fwd)
	default:
		if fwd == 1 {
			return pubDay.AddDate(0, 0, 1)
		}
	}
	return pubDay.AddDate(0, 0, -back)
}

// periodDay resolves "last week", "earlier this month" and the like to the
// day the period starts (a week before for "last week").
func periodDay(mod, unit string, pubDay time.Time) (time.Time, precision) {
	last := strings.Contains(mod, "last") || strings.Contains(mod, "past") || strings.Contains(mod, "previous")
	if unit == "week" {
		if last {
			return pubDay.AddDate(0, 0, -7), precWeek
		}
		sinceMonday := (int(pubDay.Weekday()) + 6) % 7
		return pubDay.AddDate(0, 0, -sinceMonday), precWeek
	}
	first := time.Date(pubDay.Year(), pubDay.Month(), 1, 0, 0, 0, 0, pubDay.Location())
	if last {
		return first.AddDate(0, -1, 0), precMonth
	}
	return first, precMonth
}

// reRangeEnd is the end of a span of dates whose year is written once,
// after its last date: "to 31 August 2036", "through Aug. 31, 2036", "and
// 31 August 2036". Group 1 or 2 is its month, 3 its year.
var reRangeEnd = regexp.MustCompile(`^\s*(?:to|until|till|through|and|-|–|—)\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthAlt + `|` + monthAlt + `\.?\s+\d{1,2}(?:st|nd|rd|th)?)\b\.?,?\s+(\d{4})\b`)

// rangeYear is the year of a date of month mo without one that ends at end
// in low and opens a span whose last date has it ("from 1 July to 31
// August 2036": 1 July 2036; "from 15 December to 15 January 2037": 15
// December 2036, the year before); 0 when no such span follows.
func rangeYear(low string, end int, mo time.Month) int {
	ix := reRangeEnd.FindStringSubmatchIndex(low[end:])
	if ix == nil {
		return 0
	}
	last := ix[2]
	if last < 0 {
		last = ix[4]
	}
	name := low[end+last : end+last+strings.IndexFunc(low[end+last:]+" ", func(r rune) bool { return r < 'a' || r > 'z' })]
	year := atoi(low[end+ix[6] : end+ix[7]])
	if months[name] < mo {
		year-- // the span runs into the next year
	}
	return year
}

// monthDay resolves a month and day; without a year it takes the year that
// puts the day within [pubDay-300d, pubDay+60d], else the nearest one.
func monthDay(year, mo, d int, pubDay time.Time, loc *time.Location) (time.Time, bool) {
	if year != 0 {
		return civilDay(year, mo, d, loc)
	}
	if pubDay.IsZero() {
		return time.Time{}, false
	}
	var best time.Time
	bestDist := time.Duration(1<<63 - 1)
	for y := pubDay.Year() - 1; y <= pubDay.Year()+1; y++ {
		day, ok := civilDay(y, mo, d, loc)
		if !ok {
			continue
		}
		if !day.Before(pubDay.Add(-pastSpan)) && !day.After(pubDay.Add(futureSpan)) {
			return day, true
		}
		dist := day.Sub(pubDay)
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = day, dist
		}
	}
	return best, !best.IsZero()
}

// civilDay validates a calendar date (no Feb 30) and returns its midnight.
func civilDay(y, mo, d int, loc *time.Location) (time.Time, bool) {
	if y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	day := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, loc)
	if day.Day() != d {
		return time.Time{}, false
	}
	return day, true
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}

// dateWord is a word of a date's context as the date rules compare it:
// lower case, without the punctuation and quotes around it.
func dateWord(w string) string {
	return strings.ToLower(strings.Trim(w, ",.;:\"'“”‘’()"))
}

// laterInSentence tells whether a day of ms (the mentions after end)
// stands in the sentence that goes on at end, in no relative clause.
func laterInSentence(text string, ms []mention, end int) bool {
	for i := range ms {
		// From the day's last letter: a sentence ends on a letter and a stop.
		if sentenceBreak.MatchString(text[max(0, end-1):ms[i].start]) {
			return false
		}
		if ms[i].prec == precDay && !relativeIn(clauseBefore(text, ms[i].start)) {
			return true
		}
	}
	return false
}

// cjkDayAfter are what, right after "N日", make the number a count of
// days or another word, no date: "3日間" (for three days), "10日後"
// and "10日后" (ten days later), "5日前" (five days ago), "7日目" (the
// seventh day), "3日以内", "17日まで" (a deadline), "日本" (Japan),
// "日元" (yen), "日経" (the Nikkei).
var cjkDayAfter = []string{"間", "后", "後", "前", "以", "目", "ぶり", "まで", "連続", "本", "元", "経"}

// cjkDayOf reads "13日" at text[ix[0]:ix[1]] (reCJKDay) as
// the day of that number on or before the day after publication: in the
// month of publication, else the month before. A number that a digit,
// a point, "第" or a month ("3月13日": reCJKDate reads it) comes
// right before, or that cjkDayAfter follows, is no date.
func cjkDayOf(text string, ix []int, pubDay time.Time) (time.Time, bool) {
	if pubDay.IsZero() {
		return time.Time{}, false
	}
	before, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text[:ix[0]], " "))
	if unicode.IsDigit(before) || strings.ContainsRune(".,:/-第月年", before) {
		return time.Time{}, false
	}
	rest := strings.TrimLeft(text[ix[1]:], " ")
	for _, w := range cjkDayAfter {
		if strings.HasPrefix(rest, w) {
			return time.Time{}, false
		}
	}
	d := atoi(text[ix[2]:ix[3]])
	y, m, _ := pubDay.Date()
	for back := 0; back < 2; back++ {
		day := time.Date(y, m-time.Month(back), d, 0, 0, 0, 0, pubDay.Location())
		if day.Day() == d && !day.After(pubDay.AddDate(0, 0, 1)) {
			return day, true
		}
	}
	return time.Time{}, false
}
