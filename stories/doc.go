// Package stories groups items that report one event into a story, resolves
// the date of the reported event from the text, and builds timelines.
//
// Grouping is online: each new item is compared with the stories of a sliding
// window (Grouper) and joins the best match or starts a new story. Evidence is
// tried cheapest first: the same canonical link or normalized title; a
// syndicated copy (SimHash of the text), which no veto keeps from the
// report it copies (its days, read from the same words, differ only by
// when it was reposted); then a reworded report of the same
// event, scored against every item of a candidate story (the best link
// counts): IDF-weighted overlap of title and lead terms, where terms from
// the lead's later sentences count only when both reports share them (state
// media put rhetoric there), as do a first sentence's words from
// "coincide" on ("timed to coincide with a joint sail by ...", another
// event), and a lead's clause that places another event on the report's
// day ("The announcement came on the same day rebels took Bhamo", "...
// resignation the same morning") gives none; names and words a lead
// gives only in a clause of what the report's act follows ("The
// proposal follows the killing of two men in ...", "Quelques heures
// après la révocation de ...", "comes after", "tras", "após", "nach
// dem") tie a report of an act of its own (no reaction, analysis or
// opinion, and not of the followed act's kind, its headline giving no
// word of the clause) to no report of an act of another kind: they are
// the followed event's; shared names and numbers,
// and the same resolved
// event date. A report of a dated act that names the day it was
// published needs less of that overlap with a report of the story of
// that kind of act and day, within a news cycle, when their headlines
// share a name and one of them names nothing the other report never
// gives: outlets word one event in few common words ("Starlink outage
// briefly hits Ukrainian front-line units", "Starlink users report
// global outage"). So does one that names no other day, against a story
// of that day whose report of its kind, within a news cycle, shares two
// words of what happened with its headline, when neither headline names
// a name few stories use that the other report lacks: outlets name who
// and where in words of their own ("Army orders night curfew across
// Dunmere", "Kessian port placed under night curfew"); nor when each
// headline names a place of its own, read through a title-cased
// headline's lead and the desk's phrases too ("Torkham Crossing Closed,
// Hundreds of Trucks Stranded", "Kerem Shalom crossing closed after
// rocket fire"), or when its headline gives a figure no report of the
// story gives ("China adds 6 U.S. firms to unreliable entity list", a
// day after the US listed 14 Chinese firms). Chinese, Japanese, Korean
// and Thai, written without spaces between words, are read as
// overlapping pairs of characters, and a name or number written in them
// as a word ("央行PBOC宣布降准0.5个百分点": "央行", "PBOC", "宣布", "布降",
// ..., "0.5"), so two reports in one such script share terms; against a
// report in another script their pairs count for little, and the
// vocabulary's words, names and numbers for what both can give; so do
// the words of a script written with spaces that English outlets do not
// write (Arabic, Persian, Greek, Devanagari, Bengali, Tamil, Sinhala),
// and digits of any script are read as ASCII ones ("५.९" is "5.9",
// "۱۴" is "14"). Terms are
// normalised so outlets' house styles meet: "N.K.",
// "DPRK" and "North Korea"; "Sea of Japan" and "East Sea"; "SRBM" and
// "short-range ballistic missile"; KCNA's stock titles and epithets are
// dropped; news English's synonyms and British and American spellings
// meet ("jobless" and "unemployment", "legislative" and "parliamentary"
// elections, "defence" and "defense"); a name meets its spelling
// without accents ("Södertälje" and "Sodertalje", "Raphaël" and
// "Raphael") or with a German umlaut spelled out ("Osnabrueck"); French
// "arrêté" after a determiner or before what qualifies an order ("un
// arrêté", "Arrêté instaurant un couvre-feu") is a decree, no arrest; and a
// word written with a capital mid-sentence that the vocabulary does not
// list is read without its accents too; a word written in Cyrillic is
// read in the Latin letters English outlets write it in, without its
// case ending, and a name in Latin letters without a Slavic surname's
// or place adjective's ending ("в Рязани", "Рязанский НПЗ" and "Ryazan
// refinery"; "Корсакову" and "Korsakova"); a name of three words is
// also read without its middle one ("Rafael Ernesto Quintana", "Rafael
// Quintana"), and one of three words or more without a prefix the
// vocabulary lists ("BRP Teresa Magbanua", "Teresa Magbanua"; "UK Supreme
// Court" keeps its "UK").
//
// What a desk's news calls things is data, not code: a Vocabulary holds the
// aliases, the facts that must agree (weapon class, sea), named operations
// and the kinds of act. General news English (vocabulary/news.toml) is
// always in force; the shipped desk vocabulary (vocabulary/korea.toml, a
// Korea security desk) is the default, and a config's [stories.vocabulary]
// extends or replaces it (NewVocabulary); a word the desk names as the
// verb of one of its acts keeps that sense over news English's statement
// verbs (on a protests desk "Serbia's biggest protest ..." is a protest,
// not a reaction), and a fact's value word that the words fold into an
// act's verb (a DOJ value "indict", folded with "charge") names the value
// only as written: the verb names the act, whoever does it, so "SEC
// charges ..." names no DOJ. The names below (launch, drill,
// weapon class, sea) are the shipped desk's; another desk's kinds and facts
// work the same way.
//
// Each headline is classified by the act its main clause names (the clause
// before "after", "amid", "as"...): one of the vocabulary's acts (a launch,
// a drill, the leader's inspection, talks), a statement, a reaction, an
// analysis, an editorial, or other. An undated act's noun that a
// preposition governs is where or what about, not the act ("surge in
// first session", "freezes assets at Abuja summit", "pushes back on hike
// talk"), unless something is said at it ("calls for ... at party
// meeting" is the meeting's); nor is an act's noun the headline seeks or
// heads toward ("seeking release of 14 fishermen", "first step toward
// early election", "clears way for referendum"), nor a verb an aim's
// "to" governs ("agrees to hear bid to dissolve party", "petition to
// ban"): what is sought is not done; an act named after
// "over", "against" or "about" is what the headline's act answers
// ("summons envoy over ramming"), no second act of the report, as is
// one whose noun heads what an "on" after an act of another kind in its
// clause governs ("cuts profit forecast on Kumamoto quake"; not "go on
// strike", nor the loan of "sign agreement on loan repayment
// arrangement"): it joins no story of that act as the headline's second
// act; nor is
// the verb, of another kind of act, of a subject that names an act: it
// says what that act did ("Roadside bomb kills four soldiers"), as a
// source's account after a pause gives its toll (", Taliban say
// civilians killed"). An act's noun followed by a participle of the
// verb of another act that needs it tells that act, done to the first
// ("Curfew lifted in ...", "strike called off", "Streik abgesagt", as
// "lifts curfew" does): an answer to the event, it joins no story of
// the first act. A
// statement is a hard verb
// ("denounces", "warns") or a speech verb ("says") whose subject is one of
// the desk's voices (Pyongyang, KCNA), or a statement or commentary with
// such a voice: an event of its own, unless the voice condemns a dated
// act its headline names ("Chairperson condemns attack on base": the
// formal answer to another's violence, a reaction). The same verbs from anyone else
// ("Seoul condemns the launch", "US, UK urge Iran to release...", "Rebels
// deny role in bombing", also after a label that names the act: "Orlu
// attack: IPOB denies killing policemen"; but
// "calls" only as "calls for" or "calls on": "nurses call strike" is the
// call; an appeal at or for a meeting is the meeting's) are a reaction,
// and an "Analysis:" a follow-up, as is a headline that explains an
// event ("what we know", "what it means for", "what owners should
// know"), which follows the act its headline names: both join the event they name
// through the evidence they share with it (a day earlier than the event's
// never; and a reaction whose first sentence tells of a resolution of its
// own, "approved a resolution demanding ...", is that act of its day, no
// follow-up of what it names). Allies who "vow" or "agree" have met, unless they agree to an
// act ("agree to raise output") or vow one ("unions vow further
// strike"); one party's pledge of no act ("Denmark agrees air defence
// boost", "Moscow vows response", "agrees to buy BlackSky") met no one:
// it answers the news it follows, a reaction. Parties are names a comma
// or "and" joins, or a group's plural ("ministers", "allies", "council").
// An act's noun after "anti-" or "counter-" ("counter-drone
// capabilities") is a defence against the act, no act. To "receive" is
// to meet only a person by office ("receives foreign minister"); what
// else is received is a thing, no meeting ("receives permit", "receives
// bodies of soldiers"). A "press
// conference" is no meeting but a briefing that
// answers the day's events. Some facts must agree for two reports to be one event and
// veto a match when they differ: the vocabulary's facts
// (weapon class, sea, country; not a name a hyphen joins to "backed" or
// "led", "the Rwanda-backed movement": who backs the actor is no place;
// nor what a headline's subject says after a pause, ", says FDLR threat
// must be addressed";
// and in news English the direction a market went, so
// "close higher" and "plunge" never merge, but not a word a future or an
// infinitive governs: "the Fed will lower rates", nor a toll's rise:
// "shipwreck toll rises to 31" is of the boat that "sinks"; but a report that names
// the story's value too, in its headline or lead, while a report of the
// story names its own, tells of the event's other party: "Israeli strike
// kills seven in Khan Younis" and a story of a strike in Gaza whose lead
// says an Israeli strike; nor a report that places its news where a
// dated act of the story took place, as that act's report does ("in",
// "into", "from", "off", "across", "inside" a name, not "at" a meeting):
// "Uganda says 7 soldiers killed as al-Shabab attacks base in Somalia" is
// told from Uganda of an attack in Somalia), named operations (but not two forms of one
// name: "the Finland-Germany cable" of a story of a cable between
// Finland and Germany, "Iron Wolf" and "Wolf"), numbers of
// missiles (all read from the main clause, so "two days after a ballistic
// salvo" is background; the numbers only from the headline, and never a
// bound or tally such as "at least two" or "toll rises to nine", which
// outlets revise all day, nor a name's number, a share, a year or a sum;
// and only numbers of one of the vocabulary's counted nouns, or people
// for a number alone ("rescues 62 from sinking rubber boat"): "eight
// police officers" killed and "three suspects" arrested are one ambush;
// a round figure agrees with those it rounds, and a later toll with an
// earlier one it may revise: the dead counted up, the missing down), the days headlines name as a plan's ("call
// strike for Friday", "Subway to shut on Tuesday": two calls of one day
// for strikes on different days are two events), the kind of act (acts of different kinds are
// different events unless the vocabulary says one may be the other: an
// attack and the fire it caused; or unless two reports of one day each
// name the other's act in the headline or first sentence, one event told
// by either of its acts: a strike called off, a deal reached), and (for dated acts: launches, drills,
// attacks) resolved event dates more than a day apart, or a day apart in
// reports more than 12 hours apart (a report whose only day is before
// it was published, within a week, and background to its act, named in
// a relative clause, as a span's start or only in a later sentence,
// "has signed the law, which parliament passed on 7 March", is compared
// by the day it was published too, against the story's own day; not an
// analysis or a column, which look back;
// two zones name two days for one event
// only in reports of the same hours, and not when one, of another kind,
// names the day before it was published, a late report of that day: "said
// on Tuesday that Monday's launch ..." is no sign that Tuesday's launch
// elsewhere is Monday's; a follow-up's day that is only that of its words,
// "said on Tuesday", is no day of the act, and a story whose reports
// give only such days has no act's day to differ from; a report the next day that names that
// day is a second wave, a repeat outage; but a report whose headline names
// no act and no repeat ("again", "another"; "for second day" counts the
// days of one act) and calls its news the first in no span ("first
// U.S. human case in months" is a new case), shares a name with the
// event's headline (or, when its headline names the event's act as what
// it follows, a name few stories use with the event's first sentence:
// "Culiacán stays home after the capture of 'El Gato'", whom the event's
// headline calls a security chief) and names the event's day as that of
// what it follows is a follow-up: "UN appeals for aid as Tamsin leaves 120,000 in need"
// on Sunday, for "the cyclone that struck Beira on Saturday", or "a day
// after" it; and so is one of the next day, within a news cycle, whose
// headline names the event's act as what it follows and a name few
// stories use that the event's headline gives, though its lead names
// only its own day: "Tsukimori shares jump at open after record
// profit"; and a report of the same kind of act of the next day, within
// a news cycle, that marks no repeat, names the event's day as that of
// what it follows and gives in its headline a name few stories use that
// the event's report gives, or the count its headline gives ("claims
// attack that killed 31"), tells how that act went on ("Kishtwar
// gunfight ends", the day after the encounter), unless its headline puts
// its act after the event's: "agree to uphold ceasefire after firing");
// a claim of the act (of another kind, its headline naming the act) may
// give that name, no country, in its first sentence instead, where a
// report of the story gives it in its own ("Islamic State claims deadly
// Philippine market bombing", "... a market in the town of Jolo");
// and so is a follow-up of the next two days whose lead names the event's
// day as that of what it follows and whose headline gives, with no
// repeat and no number of its own, a name few stories use or a count
// that a headline of the story gives ("State seeks federal aid for 900
// evacuees", the day after the fire that forced 900 from their homes),
// or a report of the event's act of the next two days whose headline
// says its toll rose and whose lead names the event's day as that act's
// ("Death toll from attack on army compound rises to 11", "killed in
// Monday's assault"), or names no earlier day, only the count's, while
// its headline gives a name few stories use that a headline of the
// event gives ("Death toll from Dravik market bombing rises to 14", "rose
// to 14 on Thursday"; the toll's own day vouches for no other report),
// or a report of the event's act whose headline counts the days of that
// act going on ("strike enters third day", "crossing remains closed for
// second day", "Strike enters day two"), whose day or publication's day
// is that count's day from the event's (it needs only the overlap of a
// report of the act of its day, as sameActOfDay's does),
// or one of the next day, within a news cycle, whose headline gives the
// rare name of a headline of the event's day and no word of what
// happened ("Karrowen mayor says evacuees safe in shelters");
// for a report that names no act,
// a day other than its story's own (the day most of its reports name),
// with the same allowance for two zones, but only against reports that
// name no act either (a Thursday air strike in Asia is not the New York
// meeting of Wednesday evening): one company or city has an
// event every day, and a story must not creep from day to day one report
// at a time (but a report whose headline is what someone says, whose only
// day is that of those words and which names the story's day as that of
// what it follows, with a name few stories use that the story's report
// gives, reports no act of its day: "Justice ministry says Poland will
// comply with Strasbourg ruling", "said on Saturday, a day after Friday's
// judgment"; unless its headline gives a number no report of the story
// gives, "says it will cut 800 jobs", news of its own); and for talks no
// report of the story names, a day more than a day from the story's (a
// summit three days after a drill; but talks reported within a day of
// a report of those talks are theirs, whatever dated act their story
// also holds: "Cairo talks end second day"). "X stays silent on ..." and
// "X welcomes ..." are reactions, and so is a headline that calls
// another's act something in quotes ("calls border closure
// 'disproportionate'") or voices a quoted judgment ("voice 'serious
// concern' over ..."). A report whose headline names no act
// but the meeting where its news was made ("Uganda backs monitoring force
// at Dar summit") is not of a story of dated acts whose reports never
// name that meeting (a boat capsized that day). A report whose headline
// names no act the vocabulary knows but tells a body's decision
// ("announces", "imposes", "summons", "orders", "deploys", "launches",
// before the first pause of its main clause, or after a label that names
// the act: "Heatwave: Delhi govt orders all schools to begin summer
// vacation" tells the order, no heat), of a later day than a
// story of dated acts (one that names no day but puts its act days
// after another's, "has launched an investigation ..., a day after
// Canberra sanctioned a Russian hacker", is of the day it was
// published), is that body's new act and
// joins no such story, though it answers its event: "Libya announces
// ceasefire in Tripoli after deadly clashes" the day after the clashes,
// "Dhaka summons Indian envoy over border killing", "police launch
// coastal crackdown after officer's killing". A report that names no day and looks back
// to none (no earlier day, no "three days after"), whose headline names
// nothing it follows, published two days or more after a story of dated
// acts began, is news of its own day: "Board rejects takeover approach"
// is not the bid three days before. A statement and the other event it
// reacts to are kept apart by a score gap, and an editorial
// ("[Editorial]", "Opinion:", or a link into an outlet's opinion section:
// ".../opinion/...", ".../commentary/...") is always its own story.
// Beyond words, a name
// few stories of the window use, given by one headline ("Talara Star"; not
// the target of "anti-" or "pro-": "anti-Pyongyang leaflets"), and
// facts that agree count on the same day; the same day counts in full for
// reports of one kind of act, or when a headline that names no act names
// the other's act as what it follows ("Rescuers dig for 11 after Java
// mudslide", or its lead's first sentence does: "... during a protest
// against cheap imports"; and so does a reaction's), and half otherwise, or when one report names
// no day and was published on the day the other names; a follow-up whose
// headline names the other's act as what it follows and whose lead names
// that act's day as the day of what it follows is of that day ("Oil
// rises after attack on Saudi pipeline station", "the first session
// after a drone attack ... on Saturday"); but the day of
// one act counts nothing for a report whose headline names something no
// report of the story has, while two of the story's headlines agree on a
// name it does not give ("French farmers block motorways around Lyon" and
// a story whose headlines say "Brussels": the desk's actors count as
// names here). A report of the story's kind of act whose headline and
// first sentence both name a place few stories use that no report of
// the story names, while two of the story's headlines agree on a name
// the report never gives, and that shares no name or number with their
// headlines and first sentences, is that act elsewhere and joins no
// such story: "Freight train derails near Ashcombe Junction" is not
// the derailment near Glenbrae that day. Nor does a report of a dated
// act whose headline places it (after "in", "off", "near", "at", "à",
// "en", "em", "im", or in an opening label before a colon; a
// possessive's name holds the place, no country counts) at a name few
// stories use that no report of a story of its kind has, while each
// report of the story of its kind places its own at such a name the
// report lacks, and that shares with them no such name, figure or
// count: "Fishing boat capsizes off Jeju" is not the capsize off
// Hokkaido that afternoon. When neither headline names an act the vocabulary knows, names, numbers and the day count only if the
// headlines share a word that is no name or number (what happened, not
// only where or who: a headline's opening label set apart by a colon or
// a spaced dash, "Haïti: ...", "Bannu - ...", is where), and never for more than the shared words: one city
// or company has many events a day; and two such reports that name
// different days (other than one event's two days in two zones) score
// less: Friday's profit warning is not Thursday's strike it blames. Nor
// do names and the day count between reports of different kinds, one a
// follow-up or of no act, where neither names the other's act, whose
// headlines share no word of what happened and whose headlines and first
// sentences share no name but the desk's categories (a country, in any
// word the desk reads as it: "Zambian"), and which name no one day (a
// report that names none, the day it was published): "IMF reaches deal
// with Zambia" is no report of the landslide in Zambia the day before.
// For reports of no act a word both headlines use in compounds of their own, with
// neither modifier in the other report ("engine warning" and "profit
// warning", "power cut" and "pay cut"), is not shared and adds nothing;
// a modifier that reads as an adjective or a verb ("hypersonic missile",
// "sends trash") makes no compound; and where both headlines' subjects
// can be read (two to four words before the first that reads as a verb),
// words shared only there are who, not what was done: "Birmingham
// hospital declares critical incident" and "Birmingham hospital trust
// fined over waits" add nothing for names and the day, unless what
// follows the subjects shares a word or a name ("... arrives in
// Pyongyang", "... lands in Pyongyang"); nor when both headlines put
// their act after or ahead of something and those clauses share no
// word ("... returns to Paris after bird strike", "... cancel Paris
// flights ahead of strike"). One outlet's two reports of one day
// and kind are two events when the later drops a name or number the
// earlier's headline gave and names one of its own in its headline or
// first sentence (sources, "Japan says", ", the airline said", are no
// names of the event): an outlet's update keeps what its first headline
// named; reactions and analyses are not held to it. What a headline
// names only in a "despite" clause (or after "unfazed by", "shrugs
// off") is another event's ("Seoul shares close higher despite N. Korean
// missile launch", "minister offers talks despite missile tests"): its
// words are no terms of the report. Terms
// are weighed as if the window held idfPrior more stories, so a quiet
// window does not make every word rare. Candidates come from an inverted index over the terms of the
// stories in the window, read rarest first within a fixed budget, so a new
// item never scans every story. A story stays open for the window after its
// newest report, so a long-running event keeps its reports together, and
// as long again (Retention) for a report that names its event day in its
// headline or first sentence (a later sentence recalls what came before):
// an analysis or a disclosure days later ("the missile fired last
// Wednesday"); a report of a dated act only when the story holds that
// kind of act ("lifts the force majeure it declared on Monday" is an
// act of its own). With
// Merges, a report that fits two stories well (linkScore) by its headline
// and first sentence alone (a report from one city whose later sentence
// tells of another city's protest that day links nothing; nor does a
// reaction, or a headline whose main clause fits one story and its "as"
// clause the other: "Kim boards destroyer as US carrier drills nearby",
// unless the main clause names nothing and the "as" clause names the
// story by its own name: "Dozens arrested as Serbian protest turns
// violent", and not when the main clause names a place or party no
// headline of that story gives while the "as" clause names the story's:
// "Three navies sail off Palawan as China counters with its own
// patrol"; nor a headline that names a company no report of one story
// names while that story's headlines agree on another), when both
// stories name one event day and the report names it or was published on
// it, and their reports agree (no veto either way), makes them one
// (TakeMerges tells the caller).
//
// Dates: ResolveDates reads news English, the weekdays, months and days
// ("hier", "včera", "tegnap", German "heutigen", today's) of another
// language a text is written in (told by its function words: a Czech,
// Hungarian, Romanian, Bengali or Arabic report, ...), Korean dates, and Japanese and Chinese ones ("3月
// 13日", and "13日" alone: that day of the month of publication, or of
// the month before when it is later), and resolves
// each temporal expression against the publication time in the outlet's zone,
// preferring the past: a bare weekday is the most recent such day on or before
// the publication day (wire style names today's weekday instead of writing
// "today"), "last <weekday>" is strictly before it, a month-day takes the year
// that puts it within [published-300d, published+60d], unless it opens a
// span whose last date gives the year ("from 1 July to 31 August 2036":
// 2036, the year before where the span runs into the next). Resolved dates are
// midnight in the given zone. A report's event day is the first day its
// title or lead names, passing over the day of the report itself ("state
// media reported Tuesday that ... on Monday", "the JCS said Monday", "the
// ministry said in a press release on Wednesday", "an official told AFP
// on Tuesday", a sentence that opens
// "On 11 August, the focal point notified WHO ...", or of criticism of
// it, "faced criticism Monday for ... on Jan. 15"; "said on Wednesday it
// had struck the tanker the previous day" is Tuesday, though not after
// "after": "announced on Thursday the suspension after the attack the
// day before" is Thursday; but a statement's
// words are its act, and their day its day) and days of plans ("a restart is expected Saturday", "call a
// strike for Tuesday", or any day more than a day after publication:
// "unions announce new national strike on 26 October") when it names
// another (a report whose only day is such a plan's agrees, for the day
// veto, with reports that name it as their plan), and, when the headline puts
// its act weeks or months after another ("detained weeks after EU
// listing"), days more than a week (a month) before the report; a day
// that "follows" or "following" gives as a possessive ("The pause
// follows Monday's US cut and Sunday's conference"), or that the words
// cite ("citing", "pointing to Sunday's raid as proof"), is that of what
// the report's act followed, no day of that act, unless the headline too puts
// its news after an act and the report is of the next two days (a
// follow-up of that act: "reaffirms commitment after AU-led meeting"); a day
// named in an "N days after" clause is the earlier act's, so "said on
// Tuesday it would appeal, a day after the court sentenced him on Monday"
// is Tuesday's report following Monday's act (and "will appeal, a day
// after ... on Monday" is Tuesday too); in a report of a dated act, a day
// named for what the act answers ("in response to Norway's expulsion
// of a diplomat last Friday") is the answered act's and yields to the
// day of the report's words, as does a day that dates an act of another
// kind in the past perfect or as a participle after its object ("It
// had declared force majeure on Monday", "ending a force majeure
// declared five days ago", in a report of its lifting; "the crew,
// kidnapped on 9 March, were freed on Friday"); in a report of an act, a day
// whose possessive names something else ("won 112 seats in Sunday's
// legislative election, results showed on Thursday") yields to a later
// day named for an act; in a report's words, a day days before them that
// dates what a participle says of a later verb's subject ("said on Monday
// that two satellites launched last Thursday had failed") is the
// subject's background, not the act's, and so is a day that closes a
// phrase set off by commas that says by a participle what the subject
// was ("The AAE-1 cable, one of three cut on March 2, has been
// repaired"), as is a day of a participle of the subject when the verb
// right after it gives its own ("missionaries abducted eight days ago
// were freed on Thursday"; the place of what befell the subject may stand
// between, and the participle and verb may be Spanish or Portuguese:
// "secuestrados el pasado lunes en Valdoria fueron liberados este
// jueves"); in a report of a dated act that dates only
// its source's words ("has declared force majeure, a spokesperson said
// on Monday"), an earlier day a later sentence gives an act of another
// kind ("after an explosion early on Sunday") is that act's, and the
// act stays on the words' day; "a day" after a quantity ("150,000
// barrels of crude a day after ...") is a rate and opens no "N days
// after" clause; a next day that had begun in no
// zone when the report was published ("talks on Thursday", from Nairobi
// on Wednesday morning) is a plan's; a day after "since", before the
// report's own day ("said Thursday ... since Monday's case"), opens a
// span from an earlier event and is no act's; a vague period ("earlier this
// month") or a period's end ("cases in the week to Aug. 14") never stands
// for a day another expression names, "by Thursday's landslide" is
// Thursday, no deadline, and a group named for a day ("the March 23
// Movement") names no day; a day after "since" that a later day follows
// yields to a later act's day, and to the day of the report's words when
// it counts what the span brought ("9,000 have crossed since Tuesday, the
// agency said on Wednesday": that day's tally; told with no day, the
// tally is of the day it was published). A story's
// EventDate is the day most of its reports name, read in the desk's zone
// (Grouper.DeskZone) where a report tells its act's moment apart from the
// day it names in its outlet's zone ("capsized at around 3:30 AM today" in
// Manila is the day before in UTC, as is "shortly after 1 a.m." or "just
// before 1 a.m." on a day there, or Portuguese "por volta da 01h30 de
// hoje"; a time in the small hours of a night named by the two days it
// runs across, "the night of Saturday to Sunday", "in de nacht van
// zaterdag op zondag", is of its second day; "resigned on Monday evening" in Mexico
// City is Tuesday in UTC, when all that evening is; a day a wire gives
// in UTC in any of its lead's three sentences, however long they run, is
// the act's day there: "at around 1:40 a.m. (2340 GMT on Monday)"; the moment one
// report tells counts for the story's reports that name the same day,
// unless its headline tells two events, a second act after a semicolon:
// "Rebels attack posts; villagers cross river" dates the attack at dawn,
// and the crossing went on all day), stored as its civil date
// at 12:00 UTC, so it reads as the same day in every zone from UTC-11 to
// UTC+11 even after a store drops the zone; when no item gives a date it is
// the story's FirstSeen.
//
// Rules: this package imports only wirewatch/model and wirewatch/config of the
// project. It does no I/O (the shipped vocabularies are embedded). A Grouper is safe for concurrent use.
package stories
