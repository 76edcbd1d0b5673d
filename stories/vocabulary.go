package stories

import (
	_ "embed"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"wirewatch/config"
)

// The shipped vocabularies: general news English, always in force, and the
// Korea security desk's words, which a config extends or replaces.
var (
	//go:embed vocabulary/news.toml
	newsVocabulary []byte
	//go:embed vocabulary/korea.toml
	koreaVocabulary []byte
)

// Built-in kinds of act; a vocabulary's [[acts]] kinds follow them.
// (config.BuiltinKinds names them in this order.)
const (
	kindOther     kind = iota
	kindStatement      // a statement of one of the desk's voices: an event of its own
	kindOpinion        // editorials, columns: about many events, never one story
	kindReaction       // anyone else condemning, welcoming, urging: a follow-up
	kindAnalysis       // an analysis of one event: a follow-up
	firstActKind
)

// Bounds of a compiled vocabulary, so features stay fixed-size.
const (
	maxKinds = 64 // kinds of act, built-in ones included
	maxActs  = 64 // [[acts]] entries
	maxFacts = config.MaxFacts
)

// Vocabulary is a compiled set of desk words for grouping: aliases that make
// outlets' house styles meet, facts that must agree, named operations and
// kinds of act. It is immutable once built and shared by Groupers.
type Vocabulary struct {
	phrases   map[string]string // phrase (words joined by spaces) → canonical terms, as written
	maxPhrase int
	words     map[string]string // word → canonical term, as written, before suffix stripping
	// caseWords are the Cyrillic words of words read as a report's
	// Cyrillic word is (cyrillicTerm) → their canonical term, so a
	// desk's "взрыв" names the explosion of "при взрыве" too; a reading
	// two words of different terms share gives "" (none).
	caseWords map[string]string
	// readings are the words of the canonical terms, as written and as
	// termOf reads them: a name the desk gives so keeps its form
	// (latinSlavic).
	readings  map[string]bool
	terms     map[string]string // canonical terms of phrases and words, as written → the terms they give (termOf)
	stop      map[string]bool
	common    map[string]bool
	commonIDs map[uint32]bool
	factNames map[uint32]bool // a fact's value as a name ("e:niger"): a desk's category, no name of one event
	factTerms map[uint32]bool // a fact's value as a term ("niger"), for the same
	// categoryNames are factNames and the names of words read as a
	// fact's value ("e:zambian", "e:lusaka" where the desk reads them as
	// Zambia): a desk's category, no name of one event.
	categoryNames map[uint32]bool
	// commonWords are the common lists' words as written: a report's
	// word among them names no act, whatever verb its stem is
	// (kindOf: "union" is no "unionize").
	commonWords map[string]bool
	actors      map[string]bool
	counted     []string

	facts        []fact
	objects      map[string]bool // what acts are done with (weapons): never a name
	nameHeads    map[string]bool
	namePrefixes map[string]bool // "brp": "BRP Teresa Magbanua" is also "Teresa Magbanua"
	knownNames   map[string]string

	// phraseHeads are the first words of phrases of more words, joined
	// by spaces ("strait", "strait of" for "strait of hormuz"):
	// matchPhrase reads no further than a run no phrase goes on from.
	phraseHeads map[string]bool

	kindNames []string   // by kind
	dated     []bool     // by kind: reports of it more than a day apart are different events
	compat    [][]string // by kind: the kinds its reports may be one event with, as written
	also      []uint64   // by kind: bit k, reports of it and of kind k may be one event
	acts      []act

	statementVerbs, statementGenres, speechVerbs, pledgeVerbs, appeals, decisions, voices map[string]bool
	pledgeKind                                                                            kind

	off mechanism // recall mechanisms switched off, to measure what each buys (tests only)
}

// mechanism is a set of the grouper's recall mechanisms, each a way a
// report joins a story that plain likeness and the vetoes would keep apart,
// and of its precision mechanisms, each a way two reports are kept apart.
// Two words hold 128 switches; a struct, not an integer, so that no
// switch is combined with | or & by mistake (with, has).
type mechanism struct{ lo, hi uint64 }

// mechanismBit is the set of the one mechanism numbered i.
func mechanismBit(i uint) mechanism {
	if i < 64 {
		return mechanism{lo: 1 << i}
	}
	return mechanism{hi: 1 << (i - 64)}
}

// has tells whether m holds any mechanism of o.
func (m mechanism) has(o mechanism) bool { return m.lo&o.lo != 0 || m.hi&o.hi != 0 }

// with is m and o together.
func (m mechanism) with(o ...mechanism) mechanism {
	for _, x := range o {
		m.lo, m.hi = m.lo|x.lo, m.hi|x.hi
	}
	return m
}

var (
	// twoActs: a headline that names a second dated act ("drill, two
	// missiles fired") may join a story of that act; an act a verb's
	// hedge governs ("investigates suspected ...") is not named, nor one
	// its verb names as what its subject's act did ("Roadside bomb kills
	// four") or a source's account gives after a pause (", Taliban say
	// civilians killed"): that act's toll (resultsOf).
	twoActs = mechanismBit(0)
	// lateReports: past the window, a report that names a story's event
	// day still finds it, unless it reports an undated act (talks) or a
	// dated act of a kind the story holds none of, or names that day
	// only aside, in a relative or participle clause or as a span's
	// start ("signs the law, which parliament passed on Monday"), or
	// only in a later sentence than its first, which recalls what came
	// before.
	lateReports = mechanismBit(1)
	// followUps: a reaction or an analysis naming its own later day is
	// not kept from the event it follows by the dated kinds' day veto;
	// one whose headline names the event only by its kind of act ("after
	// acid spill") only within followDays of it.
	followUps = mechanismBit(2)
	// sameOutlet (precision): one outlet's report of a day that drops
	// what its earlier report's headline named and names other specifics
	// is another event.
	sameOutlet = mechanismBit(3)
	// compounds (precision): a word two headlines that name no act use
	// in compounds of their own ("engine warning", "profit warning") is
	// not shared.
	compounds = mechanismBit(4)
	// undatedFollowUps: a later day's report whose lead names the day of
	// a story of reports that name no act, as that of what it follows,
	// is not kept from it by that day veto.
	undatedFollowUps = mechanismBit(5)
	// despiteClause (precision): what a headline names only in a
	// "despite" clause is another event's, and not shared with it; a
	// report whose headline shares words with a story's headlines only
	// there does not join it (despiteOnly).
	despiteClause = mechanismBit(6)
	// saidFollowUps: a later day's report whose only day is that of its
	// own words ("said on Saturday it would comply"), and whose lead
	// names a story's day as that of what it follows ("a day after
	// Friday's judgment"), is not kept from that story by the day veto
	// of reports that name no act.
	saidFollowUps = mechanismBit(7)
	// planDays (precision): the days two headlines name as a plan's
	// ("call strike for Friday") must agree.
	planDays = mechanismBit(8)
	// subjects (precision): two headlines that name no act, whose
	// subjects are both read, must share a word after them, not only
	// their subjects ("Birmingham hospital declares ..." and "Birmingham
	// hospital trust fined ..."), for names and the day to count.
	subjects = mechanismBit(9)
	// backgrounds (precision): two headlines that name no act and whose
	// background clauses share nothing ("... after bird strike", "...
	// ahead of strike") follow different events.
	backgrounds = mechanismBit(10)
	// coreLinks (precision): a report makes one story of two only when
	// its headline and first sentence fit both; what its later sentences
	// tell (tear gas in the capital, in a report from another city's
	// protest of the day) links nothing; nor does a report whose headline
	// shares no word with a headline of one of the stories.
	coreLinks = mechanismBit(11)
	// headNames (precision): a report whose headline names something
	// no report of a story has, while two of the story's headlines agree
	// on a name it lacks ("around Lyon", "Brussels"), gets nothing for
	// the day of the act they share.
	headNames = mechanismBit(12)
	// nextDayActs: a next day's report of the story's kind of act that
	// names the story's day as that of what it follows, with a name few
	// stories use that the story's report gives ("Kishtwar gunfight
	// ends"), is not kept from it by the dated kinds' day veto.
	nextDayActs = mechanismBit(13)
	// sinceDays (precision): in a story of a dated act, the day of a
	// report that names the story's day as that of what it follows (the
	// next day's thanks for a hostage's release) vouches for no new act
	// of its own day, unless the new report's headline gives a name few
	// stories use, no fact's value, that the report's headline gives.
	sinceDays = mechanismBit(14)
	// firstActs: a report whose first sentence's main clause names
	// another dated act and not its headline's ("Danish banks targeted in
	// new wave of cyberattacks": "... disrupted Monday in a fresh wave of
	// denial-of-service attacks") may join a story of that act, as
	// twoActs lets a headline that names both; in a story whose reports
	// name that act in their headlines, it links no later report of the
	// act to the story (score).
	firstActs = mechanismBit(15)
	// twoParties: a report whose headline names another value of a fact
	// than a story's (Israel, where the story's reports name Gaza) is not
	// kept from it when it names the story's value in its headline or
	// lead, a report of the story names its own, and its headline shares
	// a word with a headline of the story: the two parties of one event
	// ("Israeli strike kills seven in Khan Younis"). A headline that
	// shares none is linked by its lead alone, whose parties are the
	// background of its own news.
	twoParties = mechanismBit(16)
	// talksDays: a report of an undated act (talks) within a day of a
	// report of that act in a story is not kept from it by the day veto
	// of the story's dated acts (a ceasefire the talks discuss).
	talksDays = mechanismBit(17)
	// apartLinks (precision): a report whose headline names something
	// apart from a story's (namesApart), or that reports no act of the
	// story's kind and names in its headline something few stories use
	// that the story never names while the story's headline names such
	// a thing the report never names (namesApartFrom), links no other
	// story to it.
	apartLinks = mechanismBit(18)
	// leadFacts: a report whose headline names no act and no value of a
	// fact, whose first sentence names another value than a story's, is
	// not kept from it when its headline or lead names the story's value
	// too: the first sentence told who else the event touched
	// ("commuters crowded onto buses as the train drivers' strike ...").
	leadFacts = mechanismBit(19)
	// aheadDays: a report whose only day is a plan's, days ahead, is
	// compared by its publication day in the dated kinds' day veto: it
	// tells of what was made known that day.
	aheadDays = mechanismBit(20)
	// commonVerbs: a report's word the vocabulary lists as common, which
	// the stemmer makes the term of an act's verb written otherwise
	// ("union" and "unionize"), names no act.
	commonVerbs = mechanismBit(21)
	// coreJoins (precision): a report whose headline names no act and
	// shares no word with a story's headlines does not join it when its
	// headline names something apart from the story's by what its
	// headline and first sentence give (namesApart): "Thousands gather on
	// Rustaveli Avenue", whose second sentence names the leader detained
	// that morning, is not his arrest.
	coreJoins = mechanismBit(22)
	// firstFacts (precision): a report whose headline names only some of
	// the values of a fact a story's reports agree on, whose first
	// sentence names another value no report of the story names, and
	// whose text never names the values it leaves out, is another event.
	firstFacts = mechanismBit(23)
	// goals: an act's noun a headline seeks or heads toward ("seeking
	// release of 14 fishermen", "first step toward early election",
	// "clears way for referendum") is no act of the headline.
	goals = mechanismBit(24)
	// sinceFollows: in the score, a follow-up whose headline names a
	// report's act as what it follows and whose lead names that act's
	// day as the day of what it follows counts as of that day.
	sinceFollows = mechanismBit(25)
	// reactionDays: a reaction whose headline or first sentence names a
	// report's act counts the day they share in full, as a report that
	// names no act does (follows); against a report that names something
	// apart from its story, it counts the day as a report of another kind
	// does (reactionOnly).
	reactionDays = mechanismBit(26)
	// placesApart (precision): a report of a story's kind of act that
	// names in its headline and again in its first sentence a name few
	// stories use and the story never gives, while two of the story's
	// headlines agree on a name the report never gives, and that shares
	// no name or number with the story's headlines and first sentences,
	// is that kind's act elsewhere (placedApart). So is a report of a
	// dated act kept from a story of no act and no day it shares no
	// headline name, count or fact with (actApart).
	placesApart = mechanismBit(27)
	// atMeetings (precision): a report whose headline names no act but
	// a meeting where its news was made ("backs force at Dar summit")
	// is not of a story of dated acts whose reports never name that
	// meeting.
	atMeetings = mechanismBit(28)
	// followsOther (precision): a report of no act whose first sentence
	// names an act and an earlier day as that of what its news follows
	// is not of a story of dated acts that holds no act of that kind and
	// whose headlines share no word with its headline but a fact's value.
	followsOther = mechanismBit(29)
	// namedParties: a report whose headline names another value of a
	// fact than a story's is not kept from it when a report of the story
	// names in its headline both the story's value and the report's: the
	// two parties of one event, told from one side (partiesNamed).
	namedParties = mechanismBit(30)
	// heldOvers: arrests whose headline says what they follow ("23
	// arrested after night of rioting", "police detain four over village
	// rampage") are no other event than that dated act, whatever kinds
	// the vocabulary pairs (heldOver).
	heldOvers = mechanismBit(31)
	// nameForms: a named operation whose words a story's headlines and
	// first sentences all give, or a story's name whose words a report's
	// give, is no other name than the story's: "the Finland-Germany
	// cable" and "a cable between Finland and Germany", "Iron Wolf" and
	// "Wolf" (namesAgree).
	nameForms = mechanismBit(32)
	// dayOnly (precision): a report that names no act and no day,
	// published on the day of a report of a dated act whose headline and
	// first sentence share no word of what happened and no name with it,
	// gets no bonus for the names and the day against it (dayOnlyTies).
	dayOnly = mechanismBit(33)
	// saidBeforeActs (precision): a follow-up whose day is that of its
	// own words, published more than a day before a report's dated act,
	// is not of that act, and its story's days are compared (saidBefore).
	saidBeforeActs = mechanismBit(34)
	// sameDayActs: a report of a dated act that names the day it was
	// published, of the kind a report of a story gives for that day,
	// within a news cycle, whose headline shares a name with that
	// report's and names nothing that report never gives (or the other
	// way round), joins on a lower score (actDayScore): outlets word
	// one event in few common words ("Starlink outage briefly hits
	// Ukrainian front-line units", "Starlink users report global
	// outage") (sameActOfDay).
	sameDayActs = mechanismBit(35)
	// lonePledges: a pledge by one party that names no act of its own
	// ("Denmark agrees air defence boost", "Moscow vows response") is a
	// reaction, no talks: only parties that agree or vow together meet
	// (pledgeOf).
	lonePledges = mechanismBit(36)
	// defences: an act's verb after "anti-" or "counter-" ("counter-drone
	// capabilities") names a defence against the act, no act (defended).
	defences = mechanismBit(37)
	// linkTies (precision): a report links two stories only when it
	// fits at least half the reports of each on their own (scored.most):
	// what ties it to each is the story, not one stray report of it.
	linkTies = mechanismBit(38)
	// wholeFits (precision): of two stories a report fits strongly, it
	// goes to one it fits by at least half its reports rather than to
	// the best, when it fits the best by fewer (wholeFirst): by one stray
	// report the best took in.
	wholeFits = mechanismBit(39)
	// condemnations: a voice that condemns a dated act its headline
	// names ("Chairperson condemns attack on base") answers it, a
	// reaction, no statement of its own (condemnsAct).
	condemnations = mechanismBit(40)
	// dateNames (precision): a date written in words ("March 5", "5
	// March", "JUN 12", "March 15-16", a weekday after a place: "in
	// Moorpark Thursday") is no name and its day no number two reports
	// share (undated, dayWord): the grouper weighs the day on its own,
	// and as a name the date joined the unrelated reports of one day. A
	// month of a year ("June 2028") stays a name. A weekday or a
	// month of a language the date reader reads whose days take a
	// capital is no name either (capitalWeekdays: Indonesian "Senin",
	// Filipino "Lunes", German "Montag").
	dateNames = mechanismBit(41)
	// calendarDays: a follow-up published days after a report, whose day
	// is that report's day written as a calendar date ("adopted on March
	// 3"), is not far from it (looksBack): what the date shared as a name
	// did, the day does.
	calendarDays = mechanismBit(42)
	// mutualActs: two reports of one day of two kinds of act, each of
	// which names the other's act in its headline's main clause or its
	// first sentence, are one event told by either of its acts ("strike
	// called off after talks" and "union suspends action after new
	// offer"): their kinds do not conflict nor cost the score
	// (namesEachOther).
	mutualActs = mechanismBit(43)
	// laterFollowUps: a follow-up of the next days whose lead names the
	// story's day as that of what it follows, with a name few stories use
	// or a count of a headline of the story, or one of the next day's
	// news cycle with a headline's rare name and no word of what happened
	// in common, is not kept from a story of a dated act by the day veto
	// (laterFollowUp).
	laterFollowUps = mechanismBit(44)
	// rewordedActs: a report of a dated act of its publication's day
	// joins, on a lower score (actDayScore), a story of that day whose
	// report of that kind within a news cycle shares two words of what
	// happened with its headline, neither headline naming a rare name
	// the other report lacks (rewordsActOfDay): outlets name who and
	// where in their own words.
	rewordedActs = mechanismBit(45)
	// undatedLate: a report that names no day, looks back to none (no
	// earlier day, no "three days after") and puts its act after or
	// beside nothing ("after", "as"), published two days or more after
	// the first report of a story of dated acts whose reports name a
	// day, tells news of its own day: "Board rejects takeover approach"
	// three days after the bid, "Relief flights head for storm-hit
	// islands" two days after the storm, is no report of that act,
	// however many names it shares. The same switch holds its kin,
	// laterDecision: a report whose headline names no act the vocabulary
	// knows but tells a body's decision ("announces truce", "summons
	// envoy"), of a later day than a story of dated acts, is that body's
	// new act, no follow-up of the story's. (One switch for both.)
	undatedLate = mechanismBit(46)
	// visitors: a verb of receiving is a meeting only when what is
	// received is a person by office ("receives foreign minister"), no
	// thing ("receives permit", "receives bodies of soldiers";
	// receivesNoVisitor).
	visitors = mechanismBit(47)
	// ownPlaces (precision): a reworded report (rewordedActs) joins no
	// story by a report whose headline, like its own, gives a name few
	// stories use that the other report lacks, read as headNames read
	// them: a title-cased headline's by its lead's capitals, the desk's
	// phrases written with a capital (placesOfTheirOwn): two places of
	// their own, two events.
	ownPlaces = mechanismBit(48)
	// rewordedFigures (precision): a reworded report (rewordedActs)
	// whose headline gives a figure, no year, that no report of the
	// story gives joins no story on the lower score: outlets reword who
	// and where, not how many ("China adds 6 U.S. firms", a day after
	// the US listed 14 Chinese firms).
	rewordedFigures = mechanismBit(49)
	// onCauses (precision): an act's noun that heads what an "on" after
	// an act of another kind governs is what that act answers, no second
	// act of the headline (answeredOn, read by twoActs): "Hoshino Denki
	// cuts profit forecast on Kumamoto quake" is no report of the quake.
	onCauses = mechanismBit(50)
	// claimedPlaces: a next day's report of another kind whose headline
	// names the story's act (a claim of it), whose lead names the story's
	// day as that of what it follows, may give the name few stories use
	// that ties it to the story's report in its first sentence, not only
	// in its headline ("Islamic State claims deadly Philippine market
	// bombing": "... a market in the southern Philippine town of Jolo";
	// nextDayOf).
	claimedPlaces = mechanismBit(51)
	// followedDays (precision): a day the lead names only as that of what
	// the report's act followed ("following Tuesday's licence halt", "The
	// pause follows Monday's US cut and Sunday's conference") is that
	// earlier act's, no day of the report's act, unless its headline too
	// puts its news after an act and it came within followDays of that
	// day (a follow-up of that act: "reaffirms commitment after AU-led
	// meeting", the next day). As the report's day it had kept the report
	// from its own act's story by the day veto and put it in the story of
	// the act it followed.
	followedDays = mechanismBit(52)
	// categoriesOnly (precision): two reports of different kinds, one a
	// follow-up or of no act, neither naming the other's act, whose
	// headlines share no word of what happened and whose names share none
	// but the desk's categories (a country), of different days (the day a
	// report names, else the day it was published), are tied by no name
	// or day in the score (categoriesOnly): "IMF reaches deal with
	// Zambia" is no report of a landslide in Zambia the day before.
	categoriesOnly = mechanismBit(53)
	// accentedNames: a name meets its spellings without accents
	// ("Södertälje" and "Sodertalje", "Radojković" and "Radojkovic",
	// "Raphaël" and "Raphael") and with a German umlaut spelled out
	// ("Osnabrueck") (nameID, transliterated); off, only spelled umlauts
	// meet.
	accentedNames = mechanismBit(54)
	// headLabels (precision): a headline's opening word set apart by a
	// colon or a spaced dash ("Haïti: ...", "Bannu - ...") labels where
	// or whose the news is, no word of what happened (labelOpens,
	// whatTerms): two headlines that share only their label share no
	// act.
	headLabels = mechanismBit(55)
	// sameDays (precision): a clause of the lead that places another
	// event on the report's day by "the same day" (or morning,
	// afternoon, evening, night) tells of that event: its words are no
	// words of the report (withoutSameDay).
	sameDays = mechanismBit(56)
	// secondActTimes: a report whose headline's statement after a
	// semicolon names another act than its first ("Rebels shell posts at
	// dawn; villagers cross river", the crossing all day) tells the
	// moment of one: its desk day is its own vote, lent to no report of
	// its story that names the same day (deskDays).
	secondActTimes = mechanismBit(57)
	// followedClauses (precision): names and words a lead gives only in a
	// clause of what the report's act follows ("The proposal follows the
	// killing of two men in ...", "Quelques heures après la révocation
	// de ...", "comes after", "tras", "nach dem") are the followed event's, no tie
	// of the report to it, when the report tells an act of its own: no
	// reaction, analysis or opinion, and not of the followed act's kind
	// (followedOnly).
	followedClauses = mechanismBit(58)
	// accentedWords: the term of a word written with a capital that the
	// vocabulary does not list is read without its accents, as a name's
	// is (accentedNames): "Raphaël" and "Raphael", "Södertälje" and
	// "Sodertalje" meet as words of the lead too, not only as names.
	accentedWords = mechanismBit(59)
	// tollRises: a report of a story's act whose headline says its toll
	// rose, whose lead names the story's day as that act's, of a later
	// day within followDays, is of that act for the day veto (tollRisen):
	// "Death toll from attack on army compound rises to 11" on Tuesday,
	// of "Monday's assault".
	tollRises = mechanismBit(60)
	// tollNames: such a report whose lead names no earlier day, only the
	// count's ("rose to 14 on Thursday"), when its headline gives a name
	// few stories use that a headline of the story gives (tollRisen).
	tollNames = mechanismBit(61)
	// tollDirections: the word that says a toll rose ("toll rises to
	// 31") gives no market direction (withoutTollRise): a shipwreck's
	// toll that rises is no other event than the boat that sank.
	tollDirections = mechanismBit(62)
	// placedParties: a report whose headline (a follow-up's first
	// sentence too) names a story's value of a fact as where its news
	// happened ("attacks base in Somalia", "arrive from Myanmar's Kayin
	// State"), as a report of a dated act of the story does, is not kept
	// from the story by the other value it names, its teller's ("Uganda
	// says ..."): placedThere.
	placedParties = mechanismBit(63)
	// actDaysCounted: a report whose headline counts the days of an act
	// that goes on ("strike enters second day", "crossing remains closed
	// for second day"), of a story of that act whose day is that count's
	// first, is of the story for the day veto (goesOnFrom) and needs only
	// the overlap of a report of the act of its day (countsDaysOf).
	actDaysCounted = mechanismBit(64)
	// daysAfterActs: a body's decision that names no day of its own but
	// puts its act days after another's in its headline or first
	// sentence ("has launched a formal investigation ..., a day after
	// Canberra sanctioned a Russian hacker") is of the day it was
	// published: a later day than a story of dated acts it answers, whose
	// event it is not (laterDecision).
	daysAfterActs = mechanismBit(65)
	// slavicNames: a word written in Cyrillic is read in the Latin
	// letters English outlets write it in, without its case ending
	// ("в Рязани", "Рязанский НПЗ": "Ryazan"), and a name in Latin
	// letters without a Slavic surname's or place adjective's ending
	// ("Korsakova" is "Корсакову"): terms (stem, wordSpelling) and names
	// (nameID) of reports in Russian, Ukrainian or Serbian meet those of
	// English reports of the event (slavic.go); a desk's Cyrillic word
	// names its other cases too (caseWords).
	slavicNames = mechanismBit(66)
	// unspacedGrams: a run of letters of a script written without spaces
	// between words (Chinese, Japanese, Thai; Korean too) is read as its
	// overlapping pairs of characters, and a name or number written in it
	// as a word of its own (gramSpans), so two reports in one such
	// script share terms; off, the run is one word.
	unspacedGrams = mechanismBit(67)
	// backdropDays: a report of a dated act whose only day is a background
	// one, before its publication (a relative clause's, a span's start, or
	// a later sentence's: "has signed the law, which parliament passed on
	// 7 March"), is compared by the day veto by the day it was published
	// too (backdropDay).
	backdropDays = mechanismBit(68)
	// labelledActs (precision): a headline that opens with a label before
	// a colon naming an earlier act ("Tui Mobile hack: teen charged",
	// "Attaque de la gare de Lille : l'assaillant mis en examen") tells
	// the act after the colon: its kind is that act's, and the label's
	// act is what it follows (labelEnd); so does one whose statement
	// after the colon is a body's decision ("Heatwave: Delhi govt orders
	// all schools to begin summer vacation"): a report of no act, that
	// decision (decisionIn), no report of the label's act; and one whose
	// statement after the colon is a reaction ("Orlu attack: IPOB denies
	// killing policemen") answers the label's act.
	labelledActs = mechanismBit(69)
	// otherScripts: a word of a script written with spaces that is
	// neither Latin nor Cyrillic (which the stemmer reads in Latin
	// letters): Arabic, Persian, Greek, Devanagari, Bengali, Tamil... is
	// a word an English report could not have written, as a pair of
	// Chinese characters is (term.gram): against a report of another
	// script it weighs gramAlone in its report's norm, so an Arabic
	// agency's report and an English one of the same decree are compared
	// by the names, numbers and vocabulary terms both can give.
	otherScripts = mechanismBit(70)
	// utcSentences: the act's day a report gives in UTC ("at around
	// 1:40 a.m. (2340 GMT on Monday)") is read in all of its lead's
	// sentences, past the words the lead is cut to: a wire puts it
	// after the news, and it tells the story's day at the desk (utcDay,
	// deskDays).
	utcSentences = mechanismBit(73)
	// actsElsewhere (precision): a report of a dated kind of act whose
	// headline places its news (a preposition of place, an opening
	// label: placeNameWords) at a name few stories use that no report of
	// a story of its kind has, while every report of the story of that
	// kind places its own at such a name the report lacks, and that
	// shares no such name, figure or count with the story, is that act
	// elsewhere and joins no such story (actElsewhere): "Fishing boat
	// capsizes off Jeju" is not the capsize off Hokkaido that afternoon,
	// nor a night of riots in Fort-de-France the one in
	// Villeneuve-Saint-Georges.
	actsElsewhere = mechanismBit(72)
	// actsDoneTo (precision): a headline's word of an act followed by the
	// verb of another act that needs it ("Curfew lifted in Tinkune",
	// "strike called off") tells that second act, done to the first (an
	// authority's later answer to the event), as "lifts curfew" does: its
	// kind is the second act's, and it joins no story of the first
	// (actDoneTo).
	actsDoneTo = mechanismBit(74)
	// statesDeclared (precision): a headline whose main clause declares
	// a state of emergency, calamity or disaster ("President declares
	// state of calamity in regions hit by Typhoon Isang", "Governo
	// reconhece calamidade em Petrópolis") tells the authority's act of
	// its own day, no report of the disaster it answers: a body's
	// decision (laterDecision keeps it from the disaster's story when
	// it is of a later day; of the same day it may join it, as the
	// desks label), or the desk's own kind of act for a declaration.
	statesDeclared = mechanismBit(71)
)

// fact is one compiled fact: term → bit set of its values.
type fact struct {
	name   string
	values []string
	terms  map[string]uint32
}

type act struct {
	kind    kind
	verbs   map[string]bool
	written map[string]bool // verbs as written
	needs   map[string]bool // empty: the verb alone is the act
}

var (
	defaultOnce sync.Once
	defaultVoc  *Vocabulary
	newsVoc     *config.Vocabulary
	koreaVoc    *config.Vocabulary
)

func shipped() (news, korea *config.Vocabulary) {
	defaultOnce.Do(func() {
		var err error
		if newsVoc, err = config.ParseVocabulary("stories/vocabulary/news.toml", newsVocabulary); err != nil {
			panic(err)
		}
		if koreaVoc, err = config.ParseVocabulary("stories/vocabulary/korea.toml", koreaVocabulary); err != nil {
			panic(err)
		}
		if defaultVoc, err = compile([]*config.Vocabulary{koreaVoc, newsVoc}); err != nil {
			panic(err)
		}
	})
	return newsVoc, koreaVoc
}

// DefaultVocabulary is the shipped vocabulary: general news English and the
// Korea security desk's words.
func DefaultVocabulary() *Vocabulary {
	shipped()
	return defaultVoc
}

// NewVocabulary compiles a config's [stories.vocabulary]: unset, it is the
// default; else its words come first, then (unless it replaces them) the
// shipped desk's, then general news English. Mistakes found only when the
// parts meet (too many facts in all, a pledge kind no act defines) are
// config.Errors at the config's positions.
func NewVocabulary(cv config.Vocabulary) (*Vocabulary, error) {
	if !cv.Set {
		return DefaultVocabulary(), nil
	}
	return compile(vocabularyParts(&cv))
}

// vocabularyParts are the vocabularies a config's is compiled with, in
// order: its own, the shipped desk's unless it replaces them, news English.
func vocabularyParts(cv *config.Vocabulary) []*config.Vocabulary {
	news, korea := shipped()
	parts := []*config.Vocabulary{cv}
	if !cv.Replace {
		parts = append(parts, korea)
	}
	return append(parts, news)
}

// factLimit reports the facts of the first part that, with the facts of
// the others, are more than the limit.
func factLimit(parts []*config.Vocabulary) config.Errors {
	later := map[string]bool{}
	for _, p := range parts[1:] {
		for _, f := range p.Facts {
			later[f.Name] = true
		}
	}
	var errs config.Errors
	n := len(later)
	for _, f := range parts[0].Facts {
		if later[f.Name] {
			continue
		}
		if n++; n > config.MaxFacts {
			errs = append(errs, config.Error{Pos: f.Pos, Msg: fmt.Sprintf("facts.%s: more than %d facts with the shipped ones", f.Name, config.MaxFacts)})
		}
	}
	return errs
}

// compile merges vocabularies, earlier ones first: an alias or word of an
// earlier one wins, lists add up, facts of one name share their values.
func compile(parts []*config.Vocabulary) (*Vocabulary, error) {
	v := emptyVocabulary()
	errs := factLimit(parts)
	// Words first: stemming the other lists uses them.
	wordPart := map[string]int{} // the part whose word won
	for i, p := range parts {
		for _, a := range p.Words {
			if _, ok := v.words[a.From]; !ok {
				v.words[a.From] = a.To
				wordPart[a.From] = i
			}
		}
	}
	for _, c := range v.words {
		v.terms[c] = v.termOf(c)
	}
	v.readReadings(parts)
	v.readCaseWords()
	for i, p := range parts {
		v.addLists(p)
		for _, f := range p.Facts {
			// A value an earlier part (the desk's) gives a sense of its
			// own is not this part's: where a protests desk reads
			// "rally" as a protest, news English's market direction
			// must not make every protest "up".
			taken := func(t string) bool { j, ok := wordPart[t]; return ok && j < i }
			if err := v.addFact(f, taken); err != nil && !errors.Is(err, errTooManyFacts) {
				errs = append(errs, config.Error{Pos: f.Pos, Msg: err.Error()})
			}
		}
		errs = append(errs, v.addActs(p)...)
	}
	errs = append(errs, v.resolveKinds(parts)...)
	v.dropVerbFolds(parts)
	for t := range v.common {
		v.commonIDs[hash32(t)] = true
	}
	v.categoryNames = maps.Clone(v.factNames)
	for w, c := range v.words {
		if v.factTerms[hash32(c)] {
			v.categoryNames[hash32("e:"+v.slavicTransliterated(w))] = true
			v.categoryNames[hash32("e:"+transliterated(w))] = true // as names meet with slavicNames off
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return v, nil
}

func emptyVocabulary() *Vocabulary {
	v := &Vocabulary{
		phrases: map[string]string{}, phraseHeads: map[string]bool{}, terms: map[string]string{}, words: map[string]string{}, caseWords: map[string]string{}, readings: map[string]bool{}, stop: map[string]bool{},
		common: map[string]bool{}, commonIDs: map[uint32]bool{}, factNames: map[uint32]bool{}, factTerms: map[uint32]bool{}, commonWords: map[string]bool{}, actors: map[string]bool{},
		objects: map[string]bool{}, nameHeads: map[string]bool{}, namePrefixes: map[string]bool{}, knownNames: map[string]string{},
		statementVerbs: map[string]bool{}, statementGenres: map[string]bool{}, speechVerbs: map[string]bool{},
		pledgeVerbs: map[string]bool{}, appeals: map[string]bool{}, decisions: map[string]bool{}, voices: map[string]bool{},
		kindNames: slices.Clone(config.BuiltinKinds), dated: make([]bool, len(config.BuiltinKinds)),
		compat: make([][]string, len(config.BuiltinKinds)),
	}
	for w := range generalStopwords {
		v.stop[w] = true
	}
	return v
}

// addLists adds a part's aliases, word lists, names and statement words; an
// alias or known name already there (from an earlier part) wins.
func (v *Vocabulary) addLists(p *config.Vocabulary) {
	for _, a := range p.Aliases {
		v.addPhrase(a.From, a.To) // as a run read whole reads it (unspacedGrams off)
		v.addPhrase(gramPhrase(a.From), a.To)
	}
	// A word of an unspaced script that text reads as more than one pair
	// of characters ("愛知県": "愛知 知県") is met as a phrase.
	for _, a := range p.Words {
		if from := gramPhrase(a.From); strings.Contains(from, " ") {
			v.addPhrase(from, a.To)
		}
	}
	addAll(v.stop, p.Stopwords)
	for _, w := range p.Common {
		v.common[w], v.common[v.stem(w)] = true, true
		v.commonWords[w] = true
	}
	addAll(v.actors, p.Actors)
	v.counted = append(v.counted, p.Counted...)
	addAll(v.nameHeads, p.Names.Heads)
	addAll(v.namePrefixes, p.Names.Prefixes)
	for _, a := range p.Names.Known {
		if _, ok := v.knownNames[a.From]; !ok {
			v.knownNames[a.From] = strings.ReplaceAll(a.To, " ", "_")
		}
	}
	// A word an earlier part (the desk's) names as the verb of one of its
	// acts keeps that sense: on a protests desk "protest" is the act
	// ("Serbia's biggest protest in months fills Slavija square"), not
	// news English's statement verb ("China protests Japan's move").
	for _, w := range p.Statement.Verbs {
		if !v.actVerb(w) {
			v.statementVerbs[w] = true
		}
	}
	addAll(v.statementGenres, p.Statement.Genres)
	addAll(v.speechVerbs, p.Statement.Speech)
	addAll(v.pledgeVerbs, p.Statement.Pledges)
	addAll(v.appeals, p.Statement.Appeals)
	addAll(v.decisions, p.Statement.Decisions)
	for _, w := range p.Statement.Voices {
		v.voices[w], v.voices[v.stem(w)] = true, true
	}
}

// addPhrase adds the phrase from, read as canon, unless an earlier part
// gave it.
func (v *Vocabulary) addPhrase(from, canon string) {
	if _, ok := v.phrases[from]; ok {
		return
	}
	v.phrases[from] = canon
	for i := range len(from) {
		if from[i] == ' ' {
			v.phraseHeads[from[:i]] = true
		}
	}
	v.terms[canon] = v.termOf(canon)
	v.maxPhrase = max(v.maxPhrase, strings.Count(from, " ")+1)
}

// gramPhrase is a phrase of the vocabulary (words joined by spaces) as
// text is read (splitWords): a run of an unspaced script as its pairs of
// characters, so "中国人民银行" meets it inside a clause written without
// spaces.
func gramPhrase(from string) string {
	if !unspaced(from) {
		return from
	}
	ws := splitWords(from)
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.lower
	}
	return strings.Join(parts, " ")
}

// actVerb tells whether w is the verb of an act already added.
func (v *Vocabulary) actVerb(w string) bool {
	for _, a := range v.acts {
		if a.verbs[w] || a.verbs[v.stem(w)] {
			return true
		}
	}
	return false
}

// addActs adds a part's kinds of act.
func (v *Vocabulary) addActs(p *config.Vocabulary) config.Errors {
	var errs config.Errors
	for _, a := range p.Acts {
		if len(v.acts) >= maxActs {
			return append(errs, config.Error{Pos: a.Pos, Msg: fmt.Sprintf("acts: more than %d entries with the shipped ones", maxActs)})
		}
		k := v.kindNamed(a.Kind, !a.Undated)
		if k == 0 {
			errs = append(errs, config.Error{Pos: a.Pos, Msg: fmt.Sprintf("acts: more than %d kinds of act", maxKinds-int(firstActKind))})
			continue
		}
		v.compat[k] = append(v.compat[k], a.Also...)
		c := act{kind: k, verbs: map[string]bool{}, written: map[string]bool{}, needs: map[string]bool{}}
		for _, w := range a.Verbs {
			c.verbs[w], c.verbs[v.stem(w)] = true, true
			c.written[w] = true
		}
		for _, w := range a.Needs {
			c.needs[w], c.needs[v.stem(w)] = true, true
			v.objects[w], v.objects[v.stem(w)] = true, true
		}
		v.acts = append(v.acts, c)
	}
	return errs
}

// resolveKinds resolves the kinds named by pledge_kind and acts.also once
// every part's acts are in.
func (v *Vocabulary) resolveKinds(parts []*config.Vocabulary) config.Errors {
	var errs config.Errors
	for _, p := range parts {
		if p.Statement.PledgeKind == "" || v.pledgeKind != 0 {
			continue
		}
		k := slices.Index(v.kindNames, p.Statement.PledgeKind)
		if k < int(firstActKind) {
			errs = append(errs, config.Error{Pos: p.Pos, Msg: fmt.Sprintf("statement.pledge_kind: no [[acts]] entry has kind %q", p.Statement.PledgeKind)})
			continue
		}
		v.pledgeKind = kind(k)
	}
	v.also = make([]uint64, len(v.kindNames))
	for k, names := range v.compat {
		for _, name := range names {
			o := slices.Index(v.kindNames, name)
			if o < 0 {
				errs = append(errs, config.Error{Pos: parts[0].Pos, Msg: fmt.Sprintf("acts.also: no [[acts]] entry has kind %q", name)})
				continue
			}
			v.also[k] |= 1 << o
			v.also[o] |= 1 << k
		}
	}
	return errs
}

func addAll(m map[string]bool, ws []string) {
	for _, w := range ws {
		m[w] = true
	}
}

// kindNamed returns the kind named name, adding it when new; 0 when full.
func (v *Vocabulary) kindNamed(name string, dated bool) kind {
	if i := slices.Index(v.kindNames, name); i >= 0 {
		v.dated[i] = v.dated[i] || dated
		return kind(i)
	}
	if len(v.kindNames) >= maxKinds {
		return 0
	}
	v.kindNames = append(v.kindNames, name)
	v.dated = append(v.dated, dated)
	v.compat = append(v.compat, nil)
	return kind(len(v.kindNames) - 1)
}

var errTooManyFacts = errors.New("too many facts")

func (v *Vocabulary) addFact(cf config.Fact, taken func(string) bool) error {
	i := slices.IndexFunc(v.facts, func(f fact) bool { return f.name == cf.Name })
	if i < 0 {
		if len(v.facts) >= config.MaxFacts {
			return errTooManyFacts // reported by factLimit
		}
		v.facts = append(v.facts, fact{name: cf.Name, terms: map[string]uint32{}})
		i = len(v.facts) - 1
	}
	f := &v.facts[i]
	for _, val := range cf.Values {
		b := slices.Index(f.values, val.Name)
		if b < 0 {
			if len(f.values) >= config.MaxFactValues {
				return fmt.Errorf("facts.%s: more than %d values with the shipped ones", cf.Name, config.MaxFactValues)
			}
			f.values = append(f.values, val.Name)
			b = len(f.values) - 1
		}
		for _, t := range val.Terms {
			if taken(t) {
				continue
			}
			f.terms[t] |= 1 << b
			f.terms[v.stem(t)] |= 1 << b
			v.factNames[hash32("e:"+v.slavicTransliterated(t))] = true
			v.factNames[hash32("e:"+transliterated(t))] = true  // as names meet with slavicNames off
			v.factNames[hash32("e:"+umlauts.Replace(t))] = true // as names meet with accentedNames off
			v.factTerms[hash32(t)] = true
			v.factTerms[hash32(v.stem(t))] = true
		}
	}
	return nil
}

// dropVerbFolds takes from the facts' values the term a value's word is
// folded into when that fold is an act's verb and no other word of the
// value gives it: a desk's DOJ value "indict", folded with "charge",
// would make "SEC charges ..." name the DOJ. The verb names the act,
// whoever does it. A value the verb's sense is (a market's "down":
// "fall", "drops") keeps it.
func (v *Vocabulary) dropVerbFolds(parts []*config.Vocabulary) {
	for _, p := range parts {
		for _, cf := range p.Facts {
			i := slices.IndexFunc(v.facts, func(f fact) bool { return f.name == cf.Name })
			for _, val := range cf.Values {
				for _, t := range val.Terms {
					if fold := v.stem(t); fold != t && fold != stemWord(t) && v.actVerb(fold) && !v.givenByOther(val.Terms, t, fold) {
						delete(v.facts[i].terms, fold)
					}
				}
			}
		}
	}
}

// givenByOther tells whether a word of words other than t gives term, as
// written or folded.
func (v *Vocabulary) givenByOther(words []string, t, term string) bool {
	return slices.ContainsFunc(words, func(w string) bool {
		return w != t && (w == term || v.stem(w) == term || stemWord(w) == term)
	})
}

// Kinds lists the kinds of act the vocabulary knows, built-in ones first.
func (v *Vocabulary) Kinds() []string { return slices.Clone(v.kindNames) }

// Facts lists the facts that must agree, with their values.
func (v *Vocabulary) Facts() map[string][]string {
	out := map[string][]string{}
	for _, f := range v.facts {
		out[f.name] = slices.Clone(f.values)
	}
	return out
}

// sameSignature tells whether two reports name one dated act (a launch)
// with the same value of the first fact (the weapon class) and no other
// fact that disagrees (the sea, when both name one).
func (v *Vocabulary) sameSignature(a, b *features) bool {
	if a.kind != b.kind || !v.dated[a.kind] || len(v.facts) == 0 || a.facts[0]&b.facts[0] == 0 {
		return false
	}
	for k := 1; k < len(v.facts); k++ {
		if a.facts[k] != 0 && b.facts[k] != 0 && a.facts[k]&b.facts[k] == 0 {
			return false
		}
	}
	return true
}

// followUp tells whether reports of kind k follow an event rather than
// being one: no act named, a reaction, an analysis.
func followUp(k kind) bool { return k == kindOther || k == kindReaction || k == kindAnalysis }

// answerVerb tells whether a word, as written, is one of the verbs a
// reaction answers another's act with: a statement's ("condemned"), an
// appeal's ("welcomed", "urged") or speech ("said"), but no pledge's
// ("the ceasefire agreed in Doha on Saturday" is the act answered).
func (v *Vocabulary) answerVerb(w string) bool {
	return v.statementVerbs[w] || v.appeals[w] || v.speechVerbs[w] && !v.pledgeVerbs[w]
}

// conflict tells whether reports of kinds a and b are never one event.
func (v *Vocabulary) conflict(a, b kind) bool {
	return a != b && !followUp(a) && !followUp(b) && v.also[a]&(1<<b) == 0
}

// actsConflict is conflict for two reports, unless either headline's main
// clause also names the other's act, both dated acts: "Kim guides firing
// drill, two missiles fired" reports the launch as well as a drill. A
// statement or talks name the act they answer or discuss ("denounces
// U.S.-Japan naval drills", "UNSC holds meeting on the launch") and stay
// apart.
func (v *Vocabulary) actsConflict(a, b *features) bool {
	return v.conflict(a.kind, b.kind) && !v.alsoNames(a, b) && !v.alsoNames(b, a) &&
		!v.heldOver(a, b) && !v.heldOver(b, a) && !v.namesEachOther(a, b)
}

// namesEachOther tells whether a and b, reports of one day (sameTime),
// each name the other's kind of act in the headline's main clause or the
// first sentence. News words one event by any of its acts, and desks'
// kinds split what it names into several: "Rail strike called off after
// talks" and "Union suspends walkout after new pay offer", "Army says it
// foiled coup bid, arrests officers" and "Officers arrested over plot to
// seize power". When each report tells the other's act too, they are one
// event seen from two of its acts. It reads both directions, unlike
// alsoNames: a report that names another act only once ("talks on the
// strike") may be news of its own (talks held days into a strike). A
// statement names the act it answers and stays apart from it.
func (v *Vocabulary) namesEachOther(a, b *features) bool {
	if v.off.has(mutualActs) || a.kind == kindStatement || b.kind == kindStatement || a.kind >= 64 || b.kind >= 64 || !sameTime(a, b) {
		return false
	}
	return (a.acts|a.leadActs)&(1<<b.kind) != 0 && (b.acts|b.leadActs)&(1<<a.kind) != 0
}

// heldOver tells whether a reports arrests its headline says follow an
// act ("after", "over") and b reports a dated act: news tells who was
// held for a riot or an attack as part of it, a day later too, naming the
// act in its own words ("violence", "disturbance") that no act's verb
// reads. The other vetoes (days, facts, words) still keep other events
// apart.
func (v *Vocabulary) heldOver(a, b *features) bool {
	return !v.off.has(heldOvers) && a.heldOver && b.kind >= firstActKind && b.kind < kind(len(v.dated)) && v.dated[b.kind]
}

// arrestKind tells whether reports of kind k tell of arrests: one of the
// kind's verbs is "arrest", to which the shipped vocabulary reads
// "detain" and "held".
func (v *Vocabulary) arrestKind(k kind) bool {
	for _, a := range v.acts {
		if a.kind == k && a.verbs["arrest"] {
			return true
		}
	}
	return false
}

// alsoNames tells whether a's headline names b's act besides its own, or
// the main clause of a's first sentence names b's act and not a's
// headline's (it says what that act was), both dated kinds of act.
func (v *Vocabulary) alsoNames(a, b *features) bool {
	if !v.dated[a.kind] || !v.dated[b.kind] || a.kind >= 64 || b.kind >= 64 {
		return false
	}
	return v.ownActs(a)&(1<<b.kind) != 0 ||
		!v.off.has(firstActs) && a.firstActs&(1<<b.kind) != 0 && a.firstActs&(1<<a.kind) == 0
}

// firstNamesOnly tells whether a, a report of another act than b's, is
// one event with b only by the main clause of its first sentence, which
// names b's act and not a's (alsoNames by firstActs); its headline names
// no act of b's kind, and b's names none of a's.
func (v *Vocabulary) firstNamesOnly(a, b *features) bool {
	return a.kind != b.kind && !followUp(a.kind) && !followUp(b.kind) && v.alsoNames(a, b) &&
		v.ownActs(a)&(1<<b.kind) == 0 && !v.alsoNames(b, a)
}

// ownActs is the kinds of act a's headline names, as acts of its own:
// not those its verb names as what its subject's act did (results).
func (v *Vocabulary) ownActs(a *features) uint64 {
	if v.off.has(twoActs) {
		return 0
	}
	return a.acts &^ a.results
}

// agreeingFacts counts the facts two reports both name with a shared value
// (the same sanctions package, the same sea).
func (v *Vocabulary) agreeingFacts(a, b *features) int {
	n := 0
	for k := range v.facts {
		if a.facts[k]&b.facts[k] != 0 {
			n++
		}
	}
	return n
}
