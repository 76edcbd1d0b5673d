package stories

import (
	"math"
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"wirewatch/model"
)

// kind is what a headline reports happening: a built-in kind (other,
// statement, opinion) or one of the vocabulary's [[acts]] kinds.
type kind uint8

// leadWords caps how much of the text counts as the lead.
const (
	leadWords     = 70
	leadSentences = 3
	simhashWords  = 30 // texts shorter than this get no SimHash
)

// features is what the grouper keeps of one item: small, fixed-size where it
// can be, so a wide window stays cheap.
type features struct {
	link       string
	titleKey   uint64
	simhash    uint64
	hasSim     bool
	terms      []uint32         // title, lead and entity terms, sorted, distinct
	extra      []uint64         // bit i: terms[i] is only in the lead's later sentences
	grams      []uint64         // bit i: terms[i] is a pair of characters of an unspaced script (gramSpans); nil when none is
	titleTerms []uint32         // title terms only, sorted, distinct
	entities   []uint32         // names and numbers, sorted, distinct
	names      []uint32         // names of the title and first sentence ("e:" terms), sorted, distinct
	titleNames []uint32         // names of the title alone (of a title-cased one, only words its lead writes with a capital)
	despite    []uint32         // terms and names only the headline's "despite" clause gives (despiteTerms); nil when none
	followed   []uint32         // terms and names only the lead's clauses of what the report's act follows give (followedOnly), sorted; nil when none
	titleWhat  []uint32         // title terms that are no name or number: what happened, sorted, distinct
	titleNums  []uint32         // numbers of the title ("800 jobs"), sorted, distinct; usually none
	titleFigs  []uint32         // titleNums but years ("ahead of 2036 cap cut"): what the headline counts or sums
	bgWhat     []uint32         // titleWhat of the headline's "after" or "ahead of" clause ("after bird strike"); nil when none
	mainWhat   []uint32         // titleWhat of the headline's main clause, when it has a background clause ("as", "after"); nil when none
	mainNames  []uint32         // titleNames of the headline's main clause, when it has a background clause
	bgNames    []uint32         // headNames only the headline's background clause gives ("as Serbian protest turns violent")
	actWhat    []uint32         // titleWhat of the headline's predicate, after its subject (subjectEnd): what was done; nil when no subject is read
	compounds  []uint64         // title compounds, head<<32 | modifier: "bird strike", "profit warning" (compoundsOf)
	specifics  []uint32         // names and numbers of the title and first sentence, as term ids; 0 ends each (specificsOf)
	headNames  []uint32         // the title's names, the desk's actors too ("Brussels"), as term ids (headNamesOf)
	placeNames []uint32         // names the title gives as where its news happened ("off Jeju", "à Fort-de-France", a label "Bannang Sata:"), as headNames are read (placeNameWords)
	atTerms    []uint32         // verbs of undated acts the headline's main clause gives after "at" or "during", as term ids: where its news was made ("at Dar summit")
	actors     []uint32         // the desk's actors the title names ("CISA"), as term ids, sorted, distinct
	feed       uint32           // hash of the outlet's feed
	exercises  []uint32         // named operations (exercises), sorted, distinct
	nameParts  [][]uint32       // per named operation, the term ids of its words, sorted, distinct (namesAgree)
	facts      [maxFacts]uint32 // per vocabulary fact, the bit set of values named
	mentions   [maxFacts]uint32 // per vocabulary fact, the values the title and lead name anywhere
	bgFacts    [maxFacts]uint32 // per vocabulary fact, the values the title names only outside its main clause ("as ... Tuesday's rally")
	leadFacts  uint32           // bit k: facts[k] is read from the lead's first sentence, the title naming none
	firstFacts [maxFacts]uint32 // per vocabulary fact, the values the first sentence's main clause names
	placed     [maxFacts]uint32 // per vocabulary fact, the values the title names as where its news happened ("in Somalia": placeObjects)
	leadPlaced [maxFacts]uint32 // ... that the first sentence's main clause names so
	tollFacts  [maxFacts]uint32 // per vocabulary fact, the values of facts only a toll's rise gives (withoutTollRise)
	count      figures          // what the headline counts ("two missiles", "83 migrants"), when it says
	kind       kind
	acts       uint64 // bit k: the headline's main clause names act kind k (kind is the first)
	results    uint64 // bit k: of acts, kind k is named only as what another act did: by the verb of a subject that names it ("Roadside bomb kills four") or in a source's account (", Taliban say civilians killed"); or as what it answers, after "on" (answeredOn)
	follows    uint64 // bit k: the headline's background clause names act kind k ("after Java mudslide")
	leadActs   uint64 // bit k: the lead's first sentence names act kind k ("... during a protest against cheap imports")
	firstActs  uint64 // bit k: the main clause of the lead's first sentence names act kind k (what alsoNames reads)
	leadAfter  uint64 // bit k: the lead's first sentence opens with a clause that follows act kind k ("Following today's judgment, ...")
	responds   uint64 // bit k: the headline or first sentence names act kind k as what its act answers ("responding to an Israeli strike")
	pubDay     int32  // civil day of publication in the outlet's zone
	day        int32  // civil day (days since 1970-01-01) the lead names; 0 none
	calendar   bool   // day is written as a date, a month's name and a day's number ("on March 3"), no weekday or "yesterday"
	since      int32  // an earlier day it names as an earlier event's, which it follows (sinceDay); 0 none
	daysAfter  int32  // N of an "N days after" clause of the headline or first sentence ("a day after the vote"): its act came N days after another's; 0 none
	namesPast  bool   // the title or lead names a day before publication, of any precision ("last week"), or an "N days after" clause: it looks back
	plans      uint8  // weekdays (bit d: time.Weekday d) the headline names as days of a plan (headlinePlans)
	repeat     bool   // the headline marks a repeat: "down again", "another", "second", "new", "fresh"
	first      bool   // the headline calls its news the first in a span: "first U.S. human case in months"
	tollRises  bool   // the headline says a toll rose: "death toll rises to 11" (tollRiseIn)
	dayOfAct   int32  // which day of an act that goes on the headline counts: "strike enters third day" 3 (dayOfActIn); 0 none
	decision   bool   // the headline's main clause tells a body's decision: "announces truce", "summons envoy" (decisionIn)
	decides    bool   // a reaction whose first sentence tells of a decision of its own: "approved a resolution demanding ..."
	ownAct     bool   // a reaction whose first sentence's main clause tells of a dated act, with no words of its own: "Off-site power was restored ... this afternoon"
	said       bool   // day is the day of the report's own words ("said on Saturday"), no act's
	early      bool   // day is named in the headline or the lead's first sentence, where a report tells its news (a later sentence recalls other events)
	aside      bool   // day is named in a relative clause ("the law, which parliament passed on 7 March") or opens a span ("since Friday"): background to the report's act (asideDay)
	ahead      bool   // day is a plan's, days after publication ("set 26 October for strike"), no act's
	planDay    int32  // a plan's day after publication the text names besides its day; 0 none
	announces  bool   // the headline or first sentence speaks of what is to come ("to rule", "will", "expected"): it may precede its act (announcesAhead)
	deskPubDay int32  // civil day of publication in the desk's zone, where the report tells of a done act (no plan, no future); 0 unknown or a preview
	utcDay     int32  // the day the text gives in UTC a day off its day (mention.utc): the story's day, where day matches; 0 none
	deskDay    int32  // the act's day in the desk's zone when the text tells it apart from day, or gives no day but the act's time (deskDay): the day it votes for; 0 none
	deskAside  bool   // deskDay rests on a night phrase away from the day in its sentence (mention.nightAside), or on the moment of one of two events its headline tells (secondAct): the report's own, told to no other (deskDays)
	secondAct  bool   // the headline's statement after a semicolon names an act its first does not: two events in one headline (secondActOf)
	says       bool   // the headline's main clause is what someone says: "Kuwait says it will respect ..."
	pledges    bool   // the headline's main clause pledges: "Europe agrees record budget", "vows new law"
	heldOver   bool   // the headline's act is arrests it says follow an act: "23 arrested after Honiara disturbance" (heldOverIn)
	published  int64  // unix seconds
	lead       string // the report's sentence for its story's summary (Grouper.LeadOf)
}

var (
	// opinionTag is a column's tag at the head of its headline or text:
	// "[Editorial]", "Opinion:", "Perspectives | ...", "Comment: ..."
	// (a British paper's), "Commentary:", "Opinion. In one week ..." (the
	// tag as a sentence of its own); and the tags of other languages'
	// papers: "Kommentar:", "Kolumne:", "Tribune :", "Chronique |",
	// "Opinión:".
	opinionTag  = regexp.MustCompile(`(?i)^\s*(?:\[(?:editorial|opinion|column|op-ed|viewpoint|perspectives?|comment|commentary)\]|(?:editorial|opinion|column|op-ed|viewpoint|perspectives?|comment|commentary|kommentar|kolumne|leitartikel|gastbeitrag|tribune|chronique|éditorial|opinión|opinião|columna|tribuna)\s*(?:[:|-]|\.\s))`)
	analysisTag = regexp.MustCompile(`(?i)^\s*(?:\[(?:news )?analysis\]|(?:news )?analysis\s*[:|-])`)
	// callsQuoted is "calls" with an object and a quoted judgment of
	// it ("calls US border closure 'disproportionate'"), or "voices" a
	// quoted one ("ministers voice 'serious concern' over ...").
	callsQuoted = regexp.MustCompile(`(?i)\bcall(?:s|ed)?\s+[^'"‘“:;,]{1,60}?\s['"‘“]|\bvoice[sd]?\s+['"‘“]`)
	// explainer is a headline that explains an event rather than
	// reporting it, an analysis untagged: "ASF in Emsland: what we know
	// so far", "What the new asylum order means for Arizona's border",
	// "recall: What owners should know", "what comes next", "Explained:".
	explainer = regexp.MustCompile(`(?i)\bwhat (?:we know|is known)\b|\bwhat\b[^:;?]{0,60}\bmeans?\s+for\b|\bwhat [^:;?]{0,30}\b(?:need|needs|should) to know\b|\bwhat [^:;?]{0,30}\bshould know\b|\bwhat (?:happens|comes) next\b|^\s*explained\s*[:|-]`)
	// opinionPath is an outlet's opinion section in a link's path
	// ("/opinion/views/...", "/commentary/...", a British daily's
	// "/commentisfree/..."): a column whose headline and text carry no
	// tag.
	// opinionByline is a column's standfirst signed by its writer:
	// "..., writes Henrik Volkov." or "..., writes columnist Henrik
	// Volkov." (news writes "writes to the minister").
	opinionByline = regexp.MustCompile(`,\s+writes\s+(?:(?:guest\s+)?(?:columnist|commentator)\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}\s*(?:[.,;]|$)`)
	// opinionFeed is a feed an outlet names for its opinion section
	// ("STAT First Opinion", "Rappler (Opinion)"): its column's link may
	// carry the section only in its slug.
	opinionFeed = regexp.MustCompile(`(?i)\b(?:opinions?|commentary|op-?eds?|editorials?|columns?)\)?\s*$`)
	opinionPath = regexp.MustCompile(`(?i)^[a-z]+://[^/?#]+/(?:[^?#]*/)?(?:opinions?|commentary|commentaries|commentisfree|editorials?|op-?eds?|columns?)(?:/|$)`)
)

var wireTags = regexp.MustCompile(`(?i)^\s*(?:\((?:lead|urgent|\d+(?:st|nd|rd|th)\s+ld|news focus|yonhap interview|update|breaking|flash|correction|recasts?)[^)]*\)\s*|(?:update\s*\d*|exclusive|breaking|urgent|flash)\s*[-:]\s*)+`)
var outletSuffix = regexp.MustCompile(`\s+(?:-|\||–|—)\s+[^-|–—]{2,40}$`)

// cleanTitle drops wire tags ("(LEAD)", "UPDATE 2-") and a trailing
// " - Outlet" so re-issues and aggregator copies share a key.
func cleanTitle(title string) string {
	t := wireTags.ReplaceAllString(title, "")
	if m := outletSuffix.FindStringIndex(t); m != nil && m[0] > 20 {
		t = t[:m[0]]
	}
	return strings.TrimSpace(t)
}

// extract computes an item's features; loc is the outlet's zone for dates.
func (v *Vocabulary) extract(it *model.Item, loc *time.Location) (features, mention, bool) {
	title := cleanTitle(it.Title)
	text := it.Text
	if strings.TrimSpace(text) == "" {
		text = strings.Join(it.Summary, " ")
	}
	text = skipDateline(text)
	tw := v.textWords(title)
	bw := v.textWords(text)
	lead := leadOf(bw)
	if !v.off.has(sameDays) {
		lead = withoutSameDay(lead)
	}
	lead = coincidingLater(lead)

	f := features{link: it.Link, published: it.Published.Unix(), feed: hash32(it.Feed)}
	titleTerms := v.canonicalTerms(tw, true)
	leadTerms := v.canonicalTerms(lead, false)

	var key strings.Builder
	for _, t := range titleTerms {
		key.WriteString(t.text)
		key.WriteByte(' ')
	}
	if key.Len() > 0 {
		f.titleKey = hash64(key.String())
	}

	f.titleTerms = termIDs(titleTerms, nil)
	for i, t := range titleTerms {
		if isNumber(t.text) && !(!v.off.has(dateNames) && v.dateNumber(titleTerms, i)) {
			f.titleNums = append(f.titleNums, hash32(t.text))
			if !isYear(t.text) {
				f.titleFigs = append(f.titleFigs, hash32(t.text))
			}
		}
	}
	f.titleNums = sortedDistinct(f.titleNums)
	f.titleFigs = sortedDistinct(f.titleFigs)
	nameWords := tw
	if v.titleCased(tw) {
		nameWords = nil // in "Kim Jong Un Guides Firing Drill" every word looks like a name
	}
	firstWords := firstSentenceWords(lead)
	named := namedWords(nameWords, lead)
	labelled := !v.off.has(headLabels) && labelOpens(title, tw)
	f.titleWhat = whatTerms(titleTerms, tw, nameWords == nil, labelled, named)
	f.actWhat = nil
	if end := v.subjectEnd(tw, nameWords == nil); end > 0 && !v.off.has(subjects) {
		f.actWhat = predicateTerms(v.canonicalTerms(tw[end:], true))
	}
	f.compounds = v.compoundsOf(tw, nameWords == nil, named)
	// What a "despite" clause names is another event's: no term of this
	// report, so it links the report to no report of that event.
	var despite []uint32
	if !v.off.has(despiteClause) {
		despite = v.despiteTerms(tw, nameWords == nil, named)
		f.despite = despite
		f.titleWhat = without(f.titleWhat, despite)
		f.actWhat = without(f.actWhat, despite)
	}
	// A title-cased headline's capitals name nothing by themselves, but a
	// word the lead writes with a capital mid-sentence is a name there
	// too: "Kazakh Oil Exports Curbed After Attack on Black Sea
	// Terminal" names the Black Sea when the lead does.
	titleNameWords := nameWords
	if nameWords == nil {
		titleNameWords = namedOnly(tw, namedWords(nil, lead))
	}
	coreEnts := v.entityRuns(named, titleNameWords, firstWords)
	ents := append(slices.Clip(coreEnts), v.entityRuns(named, lead[len(firstWords):])...)
	f.entities = without(v.entityIDs(ents, titleTerms, leadTerms), despite)
	f.names = without(v.entityIDs(coreEnts), despite)
	f.titleNames = without(v.entityIDs(v.entityRuns(named, titleNameWords)), despite)
	firstText := ""
	if len(firstWords) > 0 {
		firstText = text[:firstWords[len(firstWords)-1].end]
	}
	// The first sentence without its source (", the airline said").
	firstUnsourced := v.textWords(leadAttribution.ReplaceAllString(firstText, "$1"))
	f.specifics = v.specificsOf(v.textWords(titleAttribution.ReplaceAllString(title, "")),
		firstUnsourced, nameWords != nil, named)
	f.headNames = v.headNamesOf(titleNameWords, named)
	// An opening label before a colon, of a few words, is where or whose
	// the news is ("Villeneuve-Saint-Georges : nuit de violences").
	label := labelEnd(title, tw)
	if label > placeLabelWords {
		label = 0
	}
	f.placeNames = v.headNamesOf(placeNameWords(titleNameWords, label), named)
	f.actors = v.actorsOf(tw)
	f.terms = termIDs(titleTerms, leadTerms)
	for _, e := range ents {
		f.terms = append(f.terms, v.nameID(e))
	}
	f.terms = without(sortedDistinct(f.terms), despite)
	coreNames := make([]uint32, len(coreEnts))
	for i, e := range coreEnts {
		coreNames[i] = v.nameID(e)
	}
	f.extra = extraTerms(f.terms, titleTerms, leadTerms[:countFirst(leadTerms)], coreNames)
	f.grams = gramTerms(f.terms, titleTerms, leadTerms)

	// Vetoes read the title, else the lead's first sentence, and of each
	// only the main clause: later sentences and clauses are background
	// ("two days after it fired ballistic missiles").
	mainTitle := mainTitleClause(tw)
	mainTerms := v.actTerms(mainTitle)
	firstMain := mainClause(firstSentenceWords(lead))
	first := v.canonicalTerms(withoutNearBorder(withoutPlanned(firstMain)), false)
	firstFactWords := withoutBacker(withoutOrigin(withoutBorderOf(withoutNearBorder(withoutPlanned(withoutAttributive(firstMain))))))
	firstFactTerms := v.canonicalTerms(firstFactWords, false)
	stated := firstStatement(mainTitle)
	titleFactWords := withoutBacker(withoutOrigin(withoutBorderOf(withoutNearBorder(withoutPlanned(withoutAttributive(withoutSaid(stated)))))))
	titleFacts := v.actTerms(titleFactWords)
	f.firstActs = v.actsOf(first)
	placedTerms := v.canonicalTerms(v.placeObjects(withoutBorderOf(withoutNearBorder(titleNameWords))), true)
	leadPlacedTerms := v.canonicalTerms(v.placeObjects(withoutBorderOf(withoutNearBorder(firstMain))), false)
	for i := range v.facts {
		f.facts[i] = v.factOf(i, titleFacts)
		f.mentions[i] = v.factOf(i, titleTerms) | v.factOf(i, leadTerms)
		f.bgFacts[i] = v.factOf(i, titleTerms) &^ v.factOf(i, mainTerms)
		f.firstFacts[i] = v.factOf(i, firstFactTerms)
		f.placed[i] = v.factOf(i, placedTerms)
		f.leadPlaced[i] = v.factOf(i, leadPlacedTerms)
		if f.facts[i] == 0 {
			f.facts[i] = v.factOf(i, firstFactTerms)
			if f.facts[i] != 0 {
				f.leadFacts |= 1 << i
			}
		}
	}
	// What only a toll's rise gives ("toll rises to 31": direction up)
	// is no fact of the event for the veto (tollFacts); it still agrees
	// with another report's risen toll.
	// A report that says no toll rose (most) has the same facts without
	// it: its terms are not read again.
	tollTitleWords, tollFirstWords := withoutTollRise(titleFactWords), withoutTollRise(firstFactWords)
	if !v.off.has(tollDirections) && (len(tollTitleWords) < len(titleFactWords) || len(tollFirstWords) < len(firstFactWords)) {
		tollTitle := v.actTerms(tollTitleWords)
		tollFirst := v.canonicalTerms(tollFirstWords, false)
		for i := range v.facts {
			without := v.factOf(i, tollTitle)
			if without == 0 {
				without = v.factOf(i, tollFirst)
			}
			f.tollFacts[i] = f.facts[i] &^ without
		}
	}
	f.count = v.countOf(mainTitle)
	f.exercises, f.nameParts = v.namesOf(tw, nameWords, lead)
	f.kind = v.kindOf(v.actTerms(stated), titleTerms)
	var labelActs uint64
	labelDecides := false
	if n := labelEnd(title, stated); n > 0 && !v.off.has(labelledActs) && f.kind >= firstActKind && f.kind < 64 {
		// "Tui Mobile hack: teen charged": the label names the crime,
		// the statement after it what a court or prosecutor did since.
		k := v.kindOf(v.actTerms(stated[n:]), titleTerms)
		labelled := v.kindOf(v.actTerms(stated[:n]), titleTerms) == f.kind
		if k >= firstActKind && k < 64 && k != f.kind && v.courtAct(stated[n:]) && labelled {
			labelActs = 1 << f.kind
			f.kind = k
		} else if k == kindOther && labelled && decisionIn(stated[n:]) {
			// "Heatwave: Delhi govt orders all schools shut": what
			// follows the label is a body's decision, no act of the
			// label's kind.
			labelActs = 1 << f.kind
			f.kind, labelDecides = kindOther, true
		} else if k == kindReaction && labelled {
			// "Orlu attack: IPOB denies killing policemen": an answer
			// to the label's act.
			labelActs = 1 << f.kind
			f.kind = kindReaction
		}
	}
	if f.kind == kindOther && callsQuoted.MatchString(title) {
		// "Ministry calls border closure 'disproportionate'",
		// "voices 'deep regret'": a judgment of another's act, as
		// "condemns" is.
		f.kind = kindReaction
	}
	f.says = v.saysHead(mainTerms)
	f.pledges = v.pledgesIn(mainTerms)
	f.heldOver = v.arrestKind(f.kind) && heldOverIn(tw)
	f.repeat = repeats(tw)
	f.first = firstInSpan(tw)
	f.tollRises = tollRiseIn(tw)
	f.dayOfAct = dayOfActIn(tw)
	f.decision = decisionIn(mainTitle) || labelDecides
	if !v.off.has(statesDeclared) && (f.kind == kindOther || f.kind >= firstActKind && f.kind < 64) {
		if stateDeclaredIn(mainTitle) {
			// "President declares state of calamity in regions hit by
			// Typhoon Isang": the government's act of its day, no report
			// of the typhoon that struck the place it names; of the
			// desk's kind of act for a declaration when it has one.
			ts := v.actTerms(withoutStricken(mainTitle))
			if k := v.kindOf(ts, ts); k >= firstActKind && k < 64 {
				f.kind = k
			} else {
				f.kind, f.decision = kindOther, true
			}
		}
	}
	// withoutHedged only drops words: when it drops none, the terms are
	// mainTerms.
	acted := mainTerms
	if unhedged := withoutHedged(mainTitle); len(unhedged) < len(mainTitle) {
		acted = v.actTerms(unhedged)
	}
	if unaimed := withoutAims(mainTitle); len(unaimed) < len(mainTitle) {
		acted = v.actTerms(withoutHedged(unaimed))
	}
	f.acts = v.actsOf(withoutCauses(acted))
	f.results = (v.resultsOf(mainTitle) | v.answeredOn(mainTitle)) &^ (1 << f.kind)
	f.secondAct = v.secondActOf(mainTitle, stated)
	f.atTerms = v.atTermsOf(mainTerms)
	f.follows = v.actsOf(v.actTerms(tw[len(mainTitle):])) | labelActs
	f.leadAfter = v.actsOf(v.actTerms(openingAfter(firstWords)))
	f.leadActs = v.actsOf(leadTerms[:countFirst(leadTerms)]) // the first sentence's terms
	if past := withoutPastYear(firstWords, it.Published.Year()); len(past) < len(firstWords) {
		f.leadActs = v.actsOf(v.canonicalTerms(past, false))
	}
	f.responds = v.actsOf(v.actTerms(answered(tw))) | v.actsOf(v.actTerms(answered(firstWords)))
	if len(mainTitle) < len(tw) {
		main := termIDs(v.canonicalTerms(mainTitle, true), nil)
		f.mainWhat = make([]uint32, 0, len(main))
		for _, t := range f.titleWhat {
			if hasTerm(main, t) {
				f.mainWhat = append(f.mainWhat, t)
			}
		}
		f.mainNames = v.entityIDs(v.entityRuns(named, titleNameWords[:len(mainTitle)]))
		f.bgNames = without(f.headNames, v.headNamesOf(titleNameWords[:len(mainTitle)], named))
	}
	if len(mainTitle) < len(tw) && !v.off.has(backgrounds) && opensSequence(tw, len(mainTitle)) {
		f.bgWhat = without(whatTerms(v.canonicalTerms(tw[len(mainTitle):], true), tw, nameWords == nil, labelled, named), despite)
	}
	switch {
	case opinionTag.MatchString(it.Title) || opinionTag.MatchString(text) || opinionPath.MatchString(it.Link) || opinionByline.MatchString(text) ||
		opinionFeed.MatchString(it.Feed):
		f.kind = kindOpinion
	case analysisTag.MatchString(it.Title) || explainer.MatchString(it.Title):
		f.kind = kindAnalysis
	}
	if !v.off.has(followedClauses) {
		f.followed = v.followedOnly(&f, titleTerms, titleNameWords, lead, named)
	}
	if f.kind == kindReaction {
		f.decides = v.decidesIn(mainClause(firstWords))
		// Its source (", the Director General said") is no words of
		// its own.
		f.ownAct = firstText != "" && v.ownActIn(mainClause(firstUnsourced))
	}
	f.simhash, f.hasSim = simhash(bw)

	// Dates read the lead as written: "New Year's Day" loses its
	// apostrophe in words.
	leadText := ""
	if len(lead) > 0 {
		leadText = text[:lead[len(lead)-1].end]
	}
	// A statement's words are its act: the day they were said is its day.
	r := reading{words: f.kind == kindStatement}
	if f.kind == kindReaction {
		r.answers = v.answerVerb
	}
	if v.dated[f.kind] && !followUp(f.kind) && f.kind < 64 {
		r.otherAct = func(rest string) bool { return v.namesOtherAct(rest, f.kind) }
		r.earlierAct = func(clause string) bool { return v.namesActOtherThan(clause, f.kind) }
	}
	// A day the lead names as that of what the report's act followed
	// ("following Saturday's dam failure") is that earlier act's, unless
	// the headline too puts its news after an act ("reaffirms commitment
	// after AU-led meeting") and the report came within the days that
	// act's news runs (followDays): a follow-up of that act, of its day.
	if !v.off.has(followedDays) {
		pubDay := dayNumber(it.Published.In(loc))
		r.leavesFollowed = func(day time.Time) bool {
			return f.bgWhat == nil || pubDay-dayNumber(day) > followDays
		}
	}
	dates := readDates(title+".\n"+leadText, it.Published, loc)
	m, ok := eventMentionIn(dates, it.Published, loc, r)
	if ok && m.prec == precDay {
		f.day = dayNumber(m.day)
		f.calendar = calendarDate(dates.text[m.start:m.end])
		f.said = m.said
		f.aside = asideDay(dates.text, m.start)
		f.early = m.start < len(title)+2+len(firstText)
		f.ahead = m.ahead
		if !m.plan.IsZero() {
			f.planDay = dayNumber(m.plan)
		}
		if !m.utc.IsZero() {
			f.utcDay = dayNumber(m.utc)
		}
		// A lead cut at leadWords may leave out the rest of its
		// sentences, where a wire gives its act's time in UTC ("when
		// the fire started at around 1:40 a.m. (2340 GMT on Monday)"):
		// read there, that day is the act's in UTC as the lead's would be.
		if end := sentencesEnd(bw); m.utc.IsZero() && end > len(leadText) && !v.off.has(utcSentences) {
			if d, ok := utcOffDay(text[:end], m.day, it.Published, loc); ok {
				f.utcDay = dayNumber(d)
			}
		}
		if d, ok := sinceDayIn(dates, m.day, it.Published); ok {
			f.since = dayNumber(d)
		}
	}
	f.pubDay = dayNumber(it.Published.In(loc))
	f.namesPast = len(dates.clauses) > 0
	f.daysAfter = daysAfterEarly(dates.clauses, len(title)+2+len(firstText))
	for _, d := range dates.mentions {
		f.namesPast = f.namesPast || dayNumber(d.day) < f.pubDay
	}
	f.plans = headlinePlans(title, it.Published, loc)
	f.announces = announcesAhead(title, leadText) || namesDayAhead(dates)
	return f, m, ok
}

// daysAfterEarly is the number of days of the first "N days after"
// clause that opens before end (the headline and first sentence, where
// a report tells its own news; a later sentence's clause dates what it
// recalls), or 0.
func daysAfterEarly(clauses []daysAfterClause, end int) int32 {
	for _, c := range clauses {
		if c.start < end && c.days > 0 {
			return int32(c.days)
		}
	}
	return 0
}

// namesDayAhead tells whether the headline or first sentence names a day
// still to come, or a day under a future or a plan ("are due in Doha on
// Monday").
func namesDayAhead(d datedText) bool {
	for _, m := range d.mentions {
		if m.ahead || m.future || !m.plan.IsZero() {
			return true
		}
	}
	return false
}

// aheadWords are words of what is still to come: a preview's or a plan's.
var aheadWords = regexp.MustCompile(`(?i)\b(?:will|would|shall|set to|due|expected|plans?|planned|scheduled|upcoming|ahead of|preview|tomorrow|next|later|awaits?|awaited|to (?:be|rule|decide|hold|meet|vote|hear|deliver|announce|sign|open|start|begin|face))\b`)

// headlineTo is a headline's future: "to" before a verb in lower case
// ("Court to rule on appeal"); a headline of a done act rarely has it.
var headlineTo = regexp.MustCompile(`\bto\s+[a-z]`)

// announcesAhead tells whether a report's headline or first sentence
// speaks of what is to come, so that its publication may precede its
// act: "Appeal court to rule on Tuesday", "Ministers will meet".
func announcesAhead(title, lead string) bool {
	return headlineTo.MatchString(title) || aheadWords.MatchString(title) || aheadWords.MatchString(lead)
}

// possessedWords is how many words after a possessive day name what it
// is the day of ("Sunday's legislative election").
const possessedWords = 3

// namesOtherAct tells whether the first words of rest, the text after a
// possessive day ("'s legislative election, ..."), up to a pause, name
// something other than k, the report's own act, or an act the vocabulary
// says may be one event with it: "Tuesday's alleged coup attempt" in a
// report of the coup attempt names its own.
func (v *Vocabulary) namesOtherAct(rest string, k kind) bool {
	ws := splitWords(rest)
	n := 0
	for n < len(ws) && n < possessedWords && ws[n].sentence == 0 {
		n++
		if ws[n-1].pause {
			break
		}
	}
	acts := v.actsOf(v.canonicalTerms(ws[:n], false))
	return acts&(1<<k) == 0 && acts&v.also[k] == 0
}

// namesActOtherThan tells whether words name an act of a kind other
// than k that the vocabulary does not say may be one event with it:
// "declared force majeure" in a report of its lifting.
func (v *Vocabulary) namesActOtherThan(words string, k kind) bool {
	acts := v.actsOf(v.canonicalTerms(splitWords(words), false))
	return acts != 0 && acts&(1<<k) == 0 && acts&v.also[k] == 0
}

// actorsOf lists the desk's actors a headline names, as the ids of their
// terms.
func (v *Vocabulary) actorsOf(tw []word) []uint32 {
	var ids []uint32
	for _, w := range tw {
		if w.upper && v.actors[w.lower] {
			for _, t := range v.canonicalTerms([]word{w}, true) {
				ids = append(ids, hash32(t.text))
			}
		}
	}
	return sortedDistinct(ids)
}

// headNamesOf lists the names a headline gives, as the ids of their
// terms: capitalised words that open no sentence (or that the text also
// writes so), and phrases with one; the desk's actors too ("tractors
// converge on Brussels"), where an actor is the place of the act; no
// day or month.
func (v *Vocabulary) headNamesOf(tw []word, named map[string]bool) []uint32 {
	var ids []uint32
	for i := 0; i < len(tw); {
		if n, canon := v.matchPhrase(tw, i); n > 0 {
			for _, w := range tw[i : i+n] {
				if w.upper && (!w.initial || named[w.lower]) {
					for _, t := range strings.Fields(v.terms[canon]) {
						ids = append(ids, hash32(t))
					}
					break
				}
			}
			i += n
			continue
		}
		w := tw[i]
		i++
		if !w.upper || w.digits || w.initial && !named[w.lower] || v.stop[w.lower] {
			continue
		}
		if _, ok := weekdays[w.lower]; ok {
			continue
		}
		if _, ok := months[w.lower]; ok {
			continue
		}
		for _, t := range v.canonicalTerms([]word{w}, true) {
			ids = append(ids, hash32(t.text))
		}
	}
	return sortedDistinct(ids)
}

// plannedWords before a verb make it what is planned or expected, not
// what happened: "the Fed will lower rates" tells no market's direction
// as "stocks close lower" does.
var plannedWords = toSet(`will would could may might should shall can to`)

// withoutPlanned is ws without the words a planned word governs (the
// next one, unless a number or a name: "rose to 4.1%", "to Tokyo").
func withoutPlanned(ws []word) []word {
	out := make([]word, 0, len(ws))
	for i, w := range ws {
		if i > 0 && plannedWords[ws[i-1].lower] && !w.digits && !w.upper {
			continue
		}
		out = append(out, w)
	}
	return out
}

// placeComparatives after "the" and before a noun name one of two parts
// of something: "the lower car deck", "the upper house" say where, not
// which way a market or a count went ("asked for a higher duty" does).
var placeComparatives = toSet(`higher lower upper`)

// withoutAttributive is ws without the comparatives of place that stand
// between "the" and a noun.
func withoutAttributive(ws []word) []word {
	out := make([]word, 0, len(ws))
	for i, w := range ws {
		if i > 0 && i+1 < len(ws) && ws[i-1].lower == "the" && placeComparatives[w.lower] && !w.pause &&
			ws[i+1].sentence == w.sentence && !ws[i+1].digits {
			continue
		}
		out = append(out, w)
	}
	return out
}

// borderWords end a place given by the border it is near.
var borderWords = toSet(`border borders frontier`)

// withoutNearBorder is ws without the border a place is near ("near Mali
// border", "near the border with Mali", "close to the Malian frontier"):
// the country named there is a neighbour of the place, not where the
// event happened ("Niger: 22 civilians killed in jihadist attack near
// Mali border" is Niger's). A border that qualifies a noun ("near
// Niger's border town of Ayorou") is kept: the place is the country's.
func withoutNearBorder(ws []word) []word {
	out := make([]word, 0, len(ws))
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		start := 0
		switch {
		case w.lower == "near":
			start = i + 1
		case w.lower == "close" && i+1 < len(ws) && ws[i+1].lower == "to":
			start = i + 2
		}
		end := -1
		for j := start; start > 0 && j < len(ws) && j < start+4 && ws[j].sentence == w.sentence; j++ {
			if borderWords[ws[j].lower] {
				// "near Niger's border town of Ayorou" is in Niger.
				if j+1 == len(ws) || ws[j].pause || ws[j+1].sentence != w.sentence || generalStopwords[ws[j+1].lower] {
					end = j + 1
				}
				break
			}
			if ws[j].pause {
				break
			}
		}
		if end < 0 {
			out = append(out, w)
			continue
		}
		// "near the border with Mali", "with Burkina Faso"
		if end < len(ws) && ws[end].lower == "with" && !ws[end-1].pause {
			end = nameRunEnd(ws, end+1, len(ws), w.sentence, nil)
		}
		out = append(out, w)
		i = end - 1
	}
	return out
}

// placeNameWords are the words of a headline (ws, its words with the
// capitals its text gives) that name where its news happened: those
// with a capital that a preposition of place governs, in English or in
// the French, Spanish, Portuguese and German words outlets write
// ("capsizes off Jeju", "fire at Ochang plant", "émeutes à
// Fort-de-France", "Wahl in Berlin"), up to settingSpan after it and
// ending at a pause, and those of an opening label of label words set
// apart by a colon ("Villeneuve-Saint-Georges : nuit de violences"). A
// possessive names no place of the news but what holds it: "in
// Thailand's insurgency-hit south", "off Indonesia's Seram island".
func placeNameWords(ws []word, label int) []word {
	var out []word
	for _, w := range ws[:min(label, len(ws))] {
		if w.upper && !w.possessive {
			out = append(out, w)
		}
	}
	for i := range ws {
		if ws[i].lower == "despite" {
			break // another event's (despiteTerms)
		}
		if !placeWords[ws[i].lower] && !nearWords[ws[i].lower] {
			continue
		}
		for j := i + 1; j < len(ws) && j <= i+settingSpan; j++ {
			if ws[j].upper && !ws[j].possessive {
				out = append(out, ws[j])
			}
			if ws[j].pause || ws[j].semicolon {
				break
			}
		}
	}
	return out
}

// placeLabelWords is how many words an opening label that names where
// the news happened may have: a longer one tells what happened.
const placeLabelWords = 4

// nearWords govern a place as placeWords do for placeNameWords: English
// "near" and "at" (of a dated act: "fire at plant"), and the prepositions
// of place of the other languages outlets write headlines in (French
// "à", "au", "aux", "dans", Spanish and French "en", Portuguese "em",
// German "im", "bei").
var nearWords = toSet(`near at à au aux dans en em im bei`)

// placeWords govern where a headline's news happened: "attacks base in
// Somalia", "flee into Thailand", "arrive from Myanmar's Kayin State",
// "capsizes off Bangladesh".
var placeWords = toSet(`in into from off across inside`)

// placeObjects are the names (words with a capital) of ws that
// placeWords govern, up to settingSpan after each, ending at a pause: a
// title-cased headline's "Eat Into Tuesday's Rally" names no place when
// its words are read with the capitals its text gives (titleNameWords).
// A meeting's place ("pledges aid at UN summit in Kenya", "told the
// summit in Nairobi") is the host's, where every party's news of the
// meeting is made, not where an act took effect; nor is a "despite"
// clause's ("despite protests in Nairobi") where the news happened.
func (v *Vocabulary) placeObjects(ws []word) []word {
	var out []word
	for i := range ws {
		if ws[i].lower == "despite" {
			break
		}
		if !placeWords[ws[i].lower] || v.meetingBefore(ws, i) {
			continue
		}
		for j := i + 1; j < len(ws) && j <= i+settingSpan; j++ {
			if ws[j].upper {
				out = append(out, ws[j])
			}
			if ws[j].pause || ws[j].semicolon {
				break
			}
		}
	}
	return out
}

// meetingBefore tells whether one of the settingSpan words before ws[i]
// is "at" or "during", or a verb of an undated act (a summit, talks):
// ws[i] places a meeting.
func (v *Vocabulary) meetingBefore(ws []word, i int) bool {
	from := max(i-settingSpan-1, 0)
	for _, w := range ws[from:i] {
		if w.lower == "at" || w.lower == "during" {
			return true
		}
	}
	for _, t := range v.canonicalTerms(ws[from:i], false) {
		for _, a := range v.acts {
			if !v.dated[a.kind] && a.verbs[t.text] {
				return true
			}
		}
	}
	return false
}

// withoutBorderOf is ws without a name right before a border that ends
// its phrase ("halts asylum at Mexico border", "attack on the Mali
// border"), and without the countries a border's "with" or "between"
// names ("closed the border post with Morocco", "the crossing between
// Ceuta and Morocco"): the border is two countries', the name one of
// them, not where the event happened. A border that qualifies a noun
// ("Mexico border town") is kept, as in withoutNearBorder.
func withoutBorderOf(ws []word) []word {
	out := make([]word, 0, len(ws))
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if i+1 < len(ws) && w.upper && !w.initial && !w.pause && borderWords[ws[i+1].lower] && ws[i+1].sentence == w.sentence &&
			(i+2 == len(ws) || ws[i+1].pause || ws[i+2].sentence != w.sentence || generalStopwords[ws[i+2].lower]) {
			continue
		}
		out = append(out, w)
		if borderWords[w.lower] || crossingWords[w.lower] && i > 0 && borderWords[ws[i-1].lower] {
			i = sidesEnd(ws, i+1) - 1
		}
	}
	return out
}

// crossingWords follow a border in the name of a place on it ("border
// crossing", "border post").
var crossingWords = toSet(`crossing crossings post posts point checkpoint`)

// sidesEnd is where the countries a border's "with" or "between" names
// end, from start right after the border (or its crossing): "with
// Morocco", "between Ceuta and Morocco"; start when there is none.
func sidesEnd(ws []word, start int) int {
	if start < len(ws) && crossingWords[ws[start].lower] && !ws[start-1].pause {
		return start // the crossing is read next
	}
	if start+1 >= len(ws) || ws[start-1].pause || ws[start].sentence != ws[start-1].sentence ||
		ws[start].lower != "with" && ws[start].lower != "between" || !ws[start+1].upper {
		return start
	}
	return nameRunEnd(ws, start+1, start+originSpan, ws[start].sentence, sidesJoins)
}

// sidesJoins stand inside the countries a border's "with" or "between"
// names: "between Ceuta and Morocco".
var sidesJoins = toSet(`and the`)

// nameRunEnd is where a run of capitalised words from ws[from] ends: past
// its first pause, or at its first word in lower case that joins does not
// hold, at the end of the sentence or after ws[last].
func nameRunEnd(ws []word, from, last, sentence int, joins map[string]bool) int {
	j := from
	for ; j < len(ws) && j <= last && ws[j].sentence == sentence; j++ {
		if !ws[j].upper && !joins[ws[j].lower] {
			break
		}
		if ws[j].pause {
			j++
			break
		}
	}
	return j
}

// originSpan is how many words after "from" may name where people came
// from ("from Sfax and from Zuwara in Libya").
const originSpan = 8

// withoutOrigin is ws without the places a "from" after a pronoun for
// people names ("2,140 migrants landed on Lampedusa, most of them from
// Sfax and from Zuwara in Libya"): where they came from, not where the
// event happened. After a verb ("rockets fired from Lebanon") or a noun
// ("first rocket launch from Britain") the place is where the act was
// done from. The span ends at a pause or a
// word in lower case other than "in", "of", "and" or another "from".
func withoutOrigin(ws []word) []word {
	out := make([]word, 0, len(ws))
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		people := i > 0 && originPronouns[ws[i-1].lower] && !ws[i-1].pause || describesNoun(ws, i)
		start := i + 1
		if start < len(ws) && compassWords[ws[start].lower] && ws[start].sentence == w.sentence && !ws[start].pause {
			start++ // "from eastern Libya"
		}
		if w.lower != "from" || !people || start == len(ws) || !ws[start].upper || ws[start].sentence != w.sentence {
			out = append(out, w)
			continue
		}
		i = nameRunEnd(ws, start, i+originSpan, w.sentence, originJoins) - 1
	}
	return out
}

// describesNoun tells whether the "from" at ws[i] ends a relative
// clause of one or two verb words ("a boat that set off from Libya was
// rescued off Crete", "migrants who came from Sfax"): where what the
// clause describes came from, not where the main verb's act was.
func describesNoun(ws []word, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if ws[j].pause || ws[j].upper || ws[j].digits || ws[j].sentence != ws[i].sentence {
			return false
		}
		if relativeWords[ws[j].lower] || ws[j].lower == "that" {
			return j < i-1
		}
	}
	return false
}

// compassWords may stand between "from" and a place ("from eastern
// Libya").
var compassWords = toSet(`eastern western northern southern central`)

// openingAfter is the clause a sentence opens with when that names what
// its news follows ("Following today's judgment of the court, the
// ministry states ..."), up to its first pause; nil otherwise.
func openingAfter(ws []word) []word {
	if len(ws) == 0 || ws[0].lower != "following" && ws[0].lower != "after" {
		return nil
	}
	for i, w := range ws {
		if w.sentence != ws[0].sentence {
			return nil
		}
		if w.pause {
			return ws[1 : i+1]
		}
	}
	return nil
}

// withoutBacker is ws without a name joined by a hyphen to a word of
// backing ("the Rwanda-backed movement", "Iran-backed militia",
// "Saudi-led coalition"): who stands behind the actor, not where the
// event happened.
func withoutBacker(ws []word) []word {
	out := make([]word, 0, len(ws))
	for i, w := range ws {
		if w.upper && w.hyphen && i+1 < len(ws) && backerWords[ws[i+1].lower] && ws[i+1].sentence == w.sentence {
			continue
		}
		out = append(out, w)
	}
	return out
}

// withoutSaid is a headline without what its subject says after a pause
// ("Rwanda welcomes Doha ceasefire, says FDLR threat must be addressed"):
// the words of a second verb of speech are what the speaker talks about,
// not the event's values. A verb of speech with few words after it
// ("..., says ministry") attributes the headline.
func withoutSaid(ws []word) []word {
	for i := 1; i+1 < len(ws); i++ {
		if ws[i-1].pause && saidWords[ws[i].lower] && len(ws)-i-1 >= saidSpan {
			return ws[:i]
		}
	}
	return ws
}

// saidWords say a headline's subject spoke; saidSpan is how many words
// after one are what was said, not who said it.
var saidWords = toSet(`says said warns urges`)

const saidSpan = 4

// backerWords follow a hyphen after the name of who backs an actor.
var backerWords = toSet(`backed sponsored funded supported allied led armed trained`)

// originJoins stand inside the places a "from" names: "from Sfax and from
// Zuwara in Libya".
// originPronouns stand for people before it: "most of them from Sfax".
var (
	originJoins    = toSet(`in of and the from`)
	originPronouns = toSet(`them whom those`)
)

// hedgeWords make what they qualify suspected, not reported as having
// happened: "investigates suspected bird flu case" reports a probe, not
// an outbreak.
var hedgeWords = toSet(`suspected possible alleged apparent feared probable presumed potential`)

// withoutHedged is ws without a hedge word that a verb governs
// ("investigates suspected ...", "tests possible ...") and the words it
// qualifies, up to a preposition, a verb, a pause or the sentence's end:
// what is investigated is not reported as having happened. A hedge after
// a preposition or at the head ("hurt in suspected car-ramming",
// "Suspected drone attack sets tanker ablaze") doubts only who did what
// the headline reports.
func withoutHedged(ws []word) []word {
	out := make([]word, 0, len(ws))
	hedged := false
	for i, w := range ws {
		if hedged && (generalStopwords[w.lower] && w.lower != "a" && w.lower != "an" && w.lower != "the" ||
			w.sentence != ws[i-1].sentence || ws[i-1].pause || !hedgeWords[ws[i-1].lower] && verbLike(w.lower)) {
			hedged = false
		}
		if hedgeWords[w.lower] && i > 0 && !generalStopwords[ws[i-1].lower] && !ws[i-1].digits && !ws[i-1].pause {
			hedged = true
		}
		if !hedged {
			out = append(out, w)
		}
	}
	return out
}

// aimNouns are nouns of an aim not yet reached: the verb after "bid
// to", "attempt to", "case to" is what is sought, not what was done.
var aimNouns = toSet(`bid bids attempt attempts effort efforts plan plans petition petitions motion motions request requests case`)

// withoutAims is ws without the verb an aim noun's "to" governs: "Court
// agrees to hear bid to dissolve party" names a hearing, no
// dissolution; "Court dissolves party" names one.
func withoutAims(ws []word) []word {
	var out []word
	for i, w := range ws {
		if i >= 2 && ws[i-1].lower == "to" && aimNouns[ws[i-2].lower] && !ws[i-2].pause {
			if out == nil {
				out = append(make([]word, 0, len(ws)), ws[:i]...)
			}
			continue
		}
		if out != nil {
			out = append(out, w)
		}
	}
	if out == nil {
		return ws // most headlines name no aim: no copy
	}
	return out
}

// withoutCauses drops the terms a headline's act answers or is about
// ("DFA summons Chinese ambassador over Escoda ramming"): the ramming
// was the day before, no second act the headline reports.
func withoutCauses(ts []term) []term {
	out := make([]term, 0, len(ts))
	for _, t := range ts {
		if !t.cause {
			out = append(out, t)
		}
	}
	return out
}

// labelOpens tells whether a headline opens with a label: one word with
// a capital, set apart by a colon or a spaced dash, that says where or
// whose the news is ("Haïti: le Premier ministre limogé ...", "Bannu:
// four policemen martyred ...", "Haïti - FLASH : ..."), not what
// happened.
func labelOpens(title string, tw []word) bool {
	if len(tw) < 2 || !tw[0].upper || tw[0].caps || tw[0].digits || tw[0].hyphen {
		return false
	}
	rest := title[tw[0].end:]
	return strings.HasPrefix(strings.TrimLeft(rest, " "), ":") || strings.HasPrefix(rest, " - ") || strings.HasPrefix(rest, " – ")
}

// labelEnd is how many of a headline's words (ws, from its first) make
// a label set apart by a colon ("Tui Mobile hack: Auckland teen charged
// ..."), when a statement follows it; 0 when none does. A colon between
// numbers tells a time or a score, no label.
func labelEnd(title string, ws []word) int {
	for i := 0; i+1 < len(ws) && ws[i].sentence == ws[0].sentence; i++ {
		if !ws[i].pause {
			continue
		}
		gap := title[ws[i].end:]
		if j := strings.IndexAny(gap, ":,;(–—-\"'«»"); j < 0 || gap[j] != ':' || ws[i].digits && ws[i+1].digits {
			if j >= 0 && gap[j] == ':' {
				return 0
			}
			continue
		}
		return i + 1
	}
	return 0
}

// courtWords are what a prosecutor or court does to the suspects of an
// act, days after it, as news English writes it; the vocabulary folds
// other languages' words to them ("mis en examen", "condamné").
const courtWords = "charged indicted convicted sentenced acquitted"

// courtAct says whether ws name what a prosecutor or court did
// (courtWords).
func (v *Vocabulary) courtAct(ws []word) bool {
	court := v.actTerms(v.textWords(courtWords))
	for _, t := range v.actTerms(ws) {
		for _, c := range court {
			if t.text == c.text {
				return true
			}
		}
	}
	return false
}

// whatTerms are the ids of a title's terms that are neither names nor
// numbers: the words that say what happened. A word whose capital says
// nothing (any word of a title-cased headline, the first of one in
// sentence case: "Birmingham hospital ...") is a name when the text writes
// it with a capital elsewhere (named), and only then: "Climbs" and "High"
// in "Gold Climbs to All-Time High" say what happened. A label the
// headline opens with (labelled: labelOpens) is where, not what.
func whatTerms(ts []term, tw []word, titleCased, labelled bool, named map[string]bool) []uint32 {
	opener := ""
	if len(tw) > 0 {
		opener = tw[0].lower
	}
	ids := make([]uint32, 0, len(ts))
	for _, t := range ts {
		if t.entity && !titleCased || isNumber(t.text) || (titleCased || t.surface == opener) && named[t.surface] || labelled && t.surface == opener {
			continue
		}
		ids = append(ids, hash32(t.text))
	}
	return sortedDistinct(ids)
}

// predicateTerms are the ids of a headline predicate's terms but numbers:
// what was done, and to what or where ("arrives in Pyongyang", "lands in
// Pyongyang").
func predicateTerms(ts []term) []uint32 {
	ids := make([]uint32, 0, len(ts))
	for _, t := range ts {
		if !isNumber(t.text) {
			ids = append(ids, hash32(t.text))
		}
	}
	return sortedDistinct(ids)
}

// subjectEnd is where a headline's subject ends: at its first word that
// reads as a verb ("Birmingham hospital declares ...", "Pilbara mine
// operator fined ...", "Glasgow Subway to shut ..."), or 0 when it opens
// with one or none is found. Two headlines that share only words of
// their subjects ("Birmingham hospital", "fugitive Briton" as one's
// subject and the other's object) are about the same who, not the same
// act. A plural noun reads as a verb too ("nurses call strike"), which
// only makes the subject shorter.
func (v *Vocabulary) subjectEnd(tw []word, titleCased bool) int {
	for i, w := range tw {
		if w.sentence != tw[0].sentence {
			return 0
		}
		if i == 0 || w.digits || w.upper && !titleCased {
			continue
		}
		if verbLike(w.lower) || w.lower == "to" || v.speechVerbs[w.lower] || v.statementVerbs[w.lower] {
			if i < minSubject || i > maxSubject {
				return 0
			}
			return i
		}
	}
	return 0
}

// A subject is read only when it is this short: a longer run before the
// first verb-like word has missed a verb ("Tanker and container ship
// collide ..., no pollution reported"); a single word is often the event
// itself ("Fire hits refinery", "Missile hits tanker").
const (
	minSubject = 2
	maxSubject = 4
)

// despiteTerms are the terms of a headline's "despite" ("in spite of",
// "unfazed by", "shrugs off") clause, up to the next clause or sentence, that the rest of the
// headline does not use, with the names it gives ("e:" terms): what the
// clause names is another event than the headline's own ("Kelvara shares
// rise despite Rotterdam refinery fire" is the market's day, not the
// fire; "minister offers talks despite missile tests" is the offer).
// Sorted, distinct; nil when there is no such clause.
func (v *Vocabulary) despiteTerms(tw []word, titleCased bool, named map[string]bool) []uint32 {
	start, end := -1, len(tw)
	for i, w := range tw {
		switch {
		case start < 0 && w.lower == "despite":
			start = i + 1
		case start < 0 && w.lower == "spite" && i > 0 && tw[i-1].lower == "in" && i+1 < len(tw) && tw[i+1].lower == "of":
			start = i + 2
		case start < 0 && i+1 < len(tw) && (unmovedWords[w.lower] && tw[i+1].lower == "by" || shrugWords[w.lower] && tw[i+1].lower == "off"):
			start = i + 2
		case start >= 0 && i > start && (w.sentence != tw[start-1].sentence || opensBackground(tw, i)):
			end = i
		}
		if end < len(tw) {
			break
		}
	}
	if start < 0 || start >= end {
		return nil
	}
	clause := tw[start:end]
	rest := append(slices.Clip(tw[:start]), tw[end:]...)
	own := termIDs(v.canonicalTerms(rest, true), nil)
	ids := termIDs(v.canonicalTerms(clause, true), nil)
	if !titleCased { // in a title-cased headline every word looks like a name
		for _, e := range v.entityRuns(named, rest) {
			own = append(own, v.nameID(e))
		}
		for _, e := range v.entityRuns(named, clause) {
			ids = append(ids, v.nameID(e))
		}
	}
	return without(sortedDistinct(ids), sortedDistinct(own))
}

// unmovedWords ("unfazed by") and shrugWords ("shrugs off") open a
// clause of another event, as "despite" does.
var (
	unmovedWords = toSet(`unfazed undeterred unmoved unshaken`)
	shrugWords   = toSet(`shrug shrugs shrugged shrugging`)
)

// without returns the sorted ids not in the sorted list drop.
func without(ids, drop []uint32) []uint32 {
	if len(drop) == 0 {
		return ids
	}
	out := ids[:0:0]
	for _, t := range ids {
		if !hasTerm(drop, t) {
			out = append(out, t)
		}
	}
	return out
}

// compoundsOf lists a headline's compounds: a word that says what
// happened with the word before it that says which one ("bird strike",
// "profit warning", "power cut"), as head<<32 | modifier term ids. The
// modifier is no name, number or stop-word, and neither word is part of
// one of the vocabulary's phrases (which say for themselves what they
// name). A headline that shares "strike" with another is about the same
// thing only when both mean the same strike (sharedCompound).
func (v *Vocabulary) compoundsOf(tw []word, titleCased bool, named map[string]bool) []uint64 {
	var out []uint64
	modifier := -1 // index of the word before i that may modify it
	for i := 0; i < len(tw); {
		if n, _ := v.matchPhrase(tw, i); n > 0 {
			i += n
			modifier = -1
			continue
		}
		w := tw[i]
		name := w.upper && (titleCased || !w.initial || named[w.lower])
		content := !w.digits && !v.stop[w.lower] && !name && !v.speechVerbs[w.lower] && v.stem(w.lower) != ""
		if content && modifier >= 0 && tw[modifier].sentence == w.sentence && !tw[modifier].possessive {
			out = append(out, uint64(hash32(v.stem(w.lower)))<<32|uint64(hash32(v.stem(tw[modifier].lower))))
		}
		modifier = -1
		if content && !verbLike(w.lower) && !adjectiveLike(w.lower) {
			modifier = i
		}
		i++
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// verbLike tells whether a headline word reads as a verb or a plural
// rather than a noun that modifies the next ("sends trash balloons",
// "controllers strike", "cancelled flights"): English compounds take the
// modifier in the singular. A determiner that ends in "s" ("at its
// meeting", "after his arrest") is neither.
func verbLike(w string) bool {
	if sDeterminers[w] {
		return false
	}
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")
}

var sDeterminers = toSet(`its his this`)

// adjectiveLike tells whether a word reads as an adjective: it describes
// the thing the next word names ("hypersonic missile", "tactical
// missile", "trilateral drill"), where outlets choose their own words for
// one thing, rather than naming another thing ("bird strike").
func adjectiveLike(w string) bool {
	for _, suffix := range []string{"ic", "al", "ive", "ous", "ary", "ful", "less", "able", "ible"} {
		if strings.HasSuffix(w, suffix) {
			return true
		}
	}
	return false
}

// specificsOf lists what identifies the event a report's headline and
// first sentence report (without their attributions: a source is no
// specific of the event): each name, as the term ids of its words, and
// each number of two digits or more that a name labels (not a year, not
// a count: see labels). Each ends with specificEnd, or with
// specificTitleEnd when the headline gives it. titleNames is false for a
// title-cased headline, whose capitals name nothing.
func (v *Vocabulary) specificsOf(title, first []word, titleNames bool, named map[string]bool) []uint32 {
	var out []uint32
	add := func(names []string, end uint32) {
		for _, n := range names {
			k := len(out)
			for _, w := range strings.Split(n, "_") {
				if s := v.stem(w); s != "" && !v.stop[w] && !v.actors[w] {
					out = append(out, hash32(s))
				}
			}
			if len(out) > k {
				out = append(out, end)
			}
		}
	}
	numbers := func(ws []word, end uint32) {
		for i, w := range ws {
			if w.digits && isNumber(w.lower) && !isYear(w.lower) && len(w.lower) >= 2 && i > 0 && v.labels(ws[i-1]) {
				out = append(out, hash32(w.lower), end)
			}
		}
	}
	if titleNames {
		add(v.entityRuns(named, listed(title)), specificTitleEnd)
	}
	add(v.entityRuns(named, listed(first)), specificEnd)
	if titleNames { // in a title-cased headline every word looks like a label
		numbers(title, specificTitleEnd)
	}
	numbers(first, specificEnd)
	return out
}

var (
	// titleAttribution is a headline's source: "..., Japan says", ": JCS".
	titleAttribution = regexp.MustCompile(`(?i)(?:[,;]\s*[^,:;]{1,60}?\s(?:says?|said|reports?|reported|claims?|told)|:\s*[^\s:]+(?:\s+[^\s:]+){0,3})\s*$`)
	// leadAttribution is a sentence's source: ", the airline said",
	// ", Japan's coast guard said, urging ...", ", according to the JCS".
	leadAttribution = regexp.MustCompile(`(?i),\s*(?:[^,.;]{0,60}\s)?(?:said|says|told|reported|according to[^,.;]{0,60})\s*([,.;]|$)`)
)

// labels tells whether w names the number after it ("Flight 2231",
// "Route 66"): such a number identifies an event, while a count ("kills
// 12", "toll rises to 31", "About 2,000 homes") is detail that an outlet's
// later report of the same event changes.
func (v *Vocabulary) labels(w word) bool { return w.upper && !w.digits && !v.stop[w.lower] }

// Ends of a specific in features.specifics.
const (
	specificEnd      = 0
	specificTitleEnd = 1
)

// extraTerms marks the terms that only the lead's later sentences give. A
// state-media report puts its facts in a long first sentence and its
// rhetoric after it; what a later sentence adds should count when another
// report shares it, not make the report look unlike the others when none
// does. titleTerms, firstTerms and coreNames (the ids of the headline's and
// first sentence's names) are what is not extra.
func extraTerms(terms []uint32, titleTerms, firstTerms []term, coreNames []uint32) []uint64 {
	core := sortedDistinct(append(termIDs(titleTerms, firstTerms), coreNames...))
	var bits []uint64
	j := 0
	for i, t := range terms {
		for j < len(core) && core[j] < t {
			j++
		}
		if j < len(core) && core[j] == t {
			continue
		}
		for len(bits) <= i/64 {
			bits = append(bits, 0)
		}
		bits[i/64] |= 1 << (i % 64)
	}
	return bits
}

// gramTerms marks the terms that are pairs of characters of an unspaced
// script the vocabulary does not read (term.gram): nil when there are
// none, as in a report in English.
func gramTerms(terms []uint32, parts ...[]term) []uint64 {
	var bits []uint64
	for _, ts := range parts {
		for _, t := range ts {
			if !t.gram {
				continue
			}
			i, ok := slices.BinarySearch(terms, hash32(t.text))
			if !ok {
				continue
			}
			for len(bits) <= i/64 {
				bits = append(bits, 0)
			}
			bits[i/64] |= 1 << (i % 64)
		}
	}
	return bits
}

func (f *features) isGram(i int) bool {
	return i/64 < len(f.grams) && f.grams[i/64]&(1<<(i%64)) != 0
}

// countFirst is how many of a lead's terms come from its first sentence.
func countFirst(ts []term) int {
	n := 0
	for n < len(ts) && ts[n].sentence == 0 {
		n++
	}
	return n
}

func (f *features) isExtra(i int) bool {
	return i/64 < len(f.extra) && f.extra[i/64]&(1<<(i%64)) != 0
}

// coreHas tells whether the headline or first sentence gives term t.
func (f *features) coreHas(t uint32) bool {
	i, ok := slices.BinarySearch(f.terms, t)
	return ok && !f.isExtra(i)
}

// sentencesEnd is where the lead's sentences (leadSentences) end in
// the text ws was read from, however many words they run to.
func sentencesEnd(ws []word) int {
	end := 0
	for _, w := range ws {
		if w.sentence >= leadSentences {
			break
		}
		end = w.end
	}
	return end
}

// leadOf is the first sentences of a text, up to leadWords words.
func leadOf(ws []word) []word {
	n := 0
	for n < len(ws) && n < leadWords && ws[n].sentence < leadSentences {
		n++
	}
	return ws[:n]
}

// coincideWords open a first sentence's clause that tells of another
// event its act was timed with ("carried out a patrol ..., timed to
// coincide with a joint sail by ..."): its words are background, read as
// the lead's later sentences' are.
var coincideWords = toSet(`coincide coincides coincided coinciding`)

// coincidingLater returns lead with the words of its first sentence from
// a coincideWords word on moved to its second sentence.
func coincidingLater(lead []word) []word {
	for i, w := range lead {
		if w.sentence != 0 {
			return lead
		}
		if coincideWords[w.lower] {
			out := slices.Clone(lead)
			for j := i; j < len(out) && out[j].sentence == 0; j++ {
				out[j].sentence = 1
			}
			return out
		}
	}
	return lead
}

// sameDayTimes are the parts of a day that "the same" names to place
// another event beside the report's: "on the same day that Argentina
// voted", "The same day, China's command announced ...", "made sharper
// by the minister's resignation the same morning".
var sameDayTimes = toSet(`day morning afternoon evening night`)

// withoutSameDay returns lead without the words of each clause that
// tells of another event of the report's day by "the same day" (or
// morning, afternoon, evening, night): from the phrase to its sentence's
// end ("The announcement came on the same day Kachin rebels took
// Bhamo"), or, where the phrase closes a clause it does not open, that
// clause ("..., a question made sharper by the minister's resignation
// the same morning"). Those words are the other event's, no words of the
// report's: shared, they tied the report to that event's story.
func withoutSameDay(lead []word) []word {
	for i := 1; i+1 < len(lead); i++ {
		if lead[i].lower != "same" || lead[i-1].lower != "the" || !sameDayTimes[lead[i+1].lower] || lead[i+1].sentence != lead[i].sentence {
			continue
		}
		from, to := i-1, i+2
		if from > 0 && (lead[from-1].lower == "on" || lead[from-1].lower == "in") && lead[from-1].sentence == lead[from].sentence && !lead[from-1].pause {
			from--
		}
		opens := from == 0 || lead[from-1].sentence != lead[from].sentence || lead[from-1].pause || lead[from-1].semicolon
		closes := to == len(lead) || lead[to].sentence != lead[i].sentence || lead[i+1].pause || lead[i+1].semicolon
		if closes && !opens {
			for from > 0 && lead[from-1].sentence == lead[i].sentence && !lead[from-1].pause && !lead[from-1].semicolon {
				from--
			}
		} else {
			for to < len(lead) && lead[to].sentence == lead[i].sentence {
				to++
			}
		}
		return withoutSameDay(append(slices.Clone(lead[:from]), lead[to:]...))
	}
	return lead
}

// followVerbs say what the subject's act came after: "The proposal
// follows the killing of ...". Not "following" nor "hours after",
// which as often tell what a reaction or a follow-up answers.
var followVerbs = toSet(`follow follows followed`)

// followParticles after a follow verb make it no verb of what the act
// came after: "followed by", "follow up", "would follow in November".
var followParticles = toSet(`by up in on at to suit through with from for`)

// comeVerbs put their subject after what "after" names: "comes after".
var comeVerbs = toSet(`come comes came coming`)

// opensFollowed tells whether the lead's word i opens a clause of what
// the report's act follows: "follows", "comes after", or "after" in
// another language (opensForeignAfter: "après la révocation", "tras el
// ataque", "nach dem Anschlag"), which the words before it need not mark
// as a span, unlike English "after", which tells of a cause or a reaction
// as often. But not Portuguese "depois": in "enviou tropas ..., dias
// depois de ataques em Vila Nova" the town is where the troops go too,
// and taking its name from the report's ties parted a deployment's report
// from the others (opened-safrica 0.836 -> 0.822 when it was read).
func opensFollowed(lead []word, i int) bool {
	w := lead[i].lower
	prev, next := "", ""
	if i > 0 && lead[i-1].sentence == lead[i].sentence && !lead[i-1].pause {
		prev = lead[i-1].lower
	}
	if i+1 < len(lead) && lead[i+1].sentence == lead[i].sentence {
		next = lead[i+1].lower
	}
	switch {
	case followVerbs[w]:
		// "followed by" puts what follows after the act; "as
		// follows", "action would follow in November" name no earlier
		// act.
		return next != "" && !followParticles[next] && prev != "as"
	case w == "after":
		return comeVerbs[prev]
	case w == "depois":
		return false
	}
	return opensForeignAfter(lead, i)
}

// followedClauseMask marks the words of a lead's clauses of what the
// report's act follows: from the word that opens one (opensFollowed) to
// the next pause, semicolon or sentence's end.
func followedClauseMask(lead []word) []bool {
	var mask []bool
	for i := 0; i < len(lead); i++ {
		if !opensFollowed(lead, i) {
			continue
		}
		if mask == nil {
			mask = make([]bool, len(lead))
		}
		for j := i; j < len(lead) && lead[j].sentence == lead[i].sentence; j++ {
			mask[j] = true
			i = j
			if lead[j].pause || lead[j].semicolon {
				break
			}
		}
	}
	return mask
}

// followedOnly returns the ids of the terms and names a lead gives only
// in its clauses of what the report's act follows (followedClauseMask):
// "The proposal follows the killing of two men in Sodertalje", "Quelques
// heures après la révocation de Raphaël Bastien, le CPT a nommé ...".
// They are the followed event's and tie the report to no report of an
// act of another kind (followedTies): shared with that event's reports,
// they had joined the report to them. A reaction, an analysis or an
// opinion answers the event it follows: its words stay, as do those of
// a clause that names the report's own kind of act (a second blast that
// follows the first) and of one whose words its headline gives, a
// follow-up of what the clause tells (titleTells).
func (v *Vocabulary) followedOnly(f *features, titleTerms []term, titleNameWords, lead []word, named map[string]bool) []uint32 {
	if f.kind == kindReaction || f.kind == kindAnalysis || f.kind == kindOpinion {
		return nil
	}
	mask := followedClauseMask(lead)
	if mask == nil {
		return nil
	}
	var clause, rest []word
	for i, w := range lead {
		if mask[i] {
			clause = append(clause, w)
			continue
		}
		if i+1 < len(lead) && mask[i+1] {
			w.pause = true // no name runs on across the clause taken out
		}
		rest = append(rest, w)
	}
	clauseTerms := v.canonicalTerms(clause, false)
	if titleTells(titleTerms, clauseTerms) {
		return nil
	}
	acts := v.actsOf(clauseTerms)
	if acts&f.acts != 0 || f.kind >= firstActKind && f.kind < 64 && acts&(1<<f.kind|v.also[f.kind]) != 0 {
		return nil
	}
	given := v.entityIDs(v.entityRuns(named, clause), clauseTerms)
	given = sortedDistinct(append(given, termIDs(clauseTerms, nil)...))
	restTerms := v.canonicalTerms(rest, false)
	elsewhere := v.entityIDs(v.entityRuns(named, titleNameWords, rest), titleTerms, restTerms)
	elsewhere = sortedDistinct(append(elsewhere, termIDs(titleTerms, restTerms)...))
	return without(given, elsewhere)
}

// titleTells tells whether a headline gives a word of a clause, but a
// number or a short word (a preposition, an article: "de", "la"): the
// report is about what the clause tells, a follow-up of it ("Guayaquil
// traders seek compensation for 10-hour cuts", after the cuts'
// announcement).
func titleTells(titleTerms, clauseTerms []term) bool {
	for _, c := range clauseTerms {
		if utf8.RuneCountInString(c.text) <= 3 || isNumber(c.text) {
			continue
		}
		for _, t := range titleTerms {
			if t.text == c.text {
				return true
			}
		}
	}
	return false
}

func firstSentenceWords(ws []word) []word {
	n := 0
	for n < len(ws) && ws[n].sentence == 0 {
		n++
	}
	return ws[:n]
}

func termIDs(a, b []term) []uint32 {
	ids := make([]uint32, 0, len(a)+len(b))
	for _, t := range a {
		ids = append(ids, hash32(t.text))
	}
	for _, t := range b {
		ids = append(ids, hash32(t.text))
	}
	return sortedDistinct(ids)
}

func sortedDistinct(ids []uint32) []uint32 {
	slices.Sort(ids)
	return slices.Compact(ids)
}

// spelledUmlauts are German umlauts as outlets that write without them
// spell them ("Osnabrueck", "Duesseldorf"): read back as the plain
// vowel, the letter an English outlet writes for any accented one.
var spelledUmlauts = strings.NewReplacer("ae", "a", "oe", "o", "ue", "u")

// umlauts are German letters as outlets that write without them spell
// them: "Osnabrück" is "Osnabrueck", "Straße" "Strasse". Only they meet
// when accentedNames is off.
var umlauts = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss")

// transliterated is a name as every outlet's spelling of it meets: its
// accents dropped ("Södertälje" and Reuters' "Sodertalje", "Radojković"
// and "Radojkovic", "Öcalan" and "Ocalan"; "ß" is "ss") and a German
// umlaut spelled out read as the plain vowel ("Osnabrück" and
// "Osnabrueck").
func transliterated(name string) string {
	return spelledUmlauts.Replace(unaccented(name))
}

// nameID is the term of a name (entityRuns): its transliterated form, so
// that outlets' spellings of it meet.
func (v *Vocabulary) nameID(name string) uint32 {
	if v.off.has(accentedNames) {
		return hash32("e:" + umlauts.Replace(name))
	}
	if v.off.has(slavicNames) {
		return hash32("e:" + transliterated(name))
	}
	return hash32("e:" + v.slavicTransliterated(name))
}

// entityRuns returns names written as runs of capitalised words ("Kim Yo
// Jong", "Freedom Edge", "Hwasong 19"), lower-cased and joined with "_".
// A single capitalised word that opens a sentence is not a name. A known
// phrase with a capital in it is named by its canonical form, so "Sea of
// Japan" and "East Sea", "MDL" and "Military Demarcation Line" are one
// name; weapons and the usual actors are not names.
func (v *Vocabulary) entityRuns(named map[string]bool, parts ...[]word) []string {
	var out []string
	for _, ws := range parts {
		for i := 0; i < len(ws); {
			if n, canon := v.matchPhrase(ws, i); n > 0 {
				if name := v.phraseName(ws[i:i+n], canon); name != "" {
					out = append(out, name)
				}
				i += n
				continue
			}
			if !ws[i].upper || v.stop[ws[i].lower] {
				i++
				continue
			}
			j := i + 1
			for j < len(ws) && ws[j].sentence == ws[i].sentence && !ws[j-1].possessive && !ws[j-1].pause && (ws[j].upper || (ws[j].digits && j == i+1)) {
				if n, _ := v.matchPhrase(ws, j); n > 0 {
					break
				}
				j++
			}
			run := ws[i:j]
			against := i > 0 && targetPrefixes[ws[i-1].lower]
			i = j
			if len(run) == 1 && ((run[0].initial && !named[run[0].lower]) || len(run[0].raw) < 3) {
				continue
			}
			if against {
				continue // "anti-Jakarta rally", "pro-Moscow party": a target, not a name of the event
			}
			if v.allCommon(run) {
				continue
			}
			names := make([]string, len(run))
			for k, w := range run {
				names[k] = w.lower
			}
			out = append(out, strings.Join(names, "_"))
			if v.prefixed(run) {
				out = append(out, strings.Join(names[1:], "_"))
			}
		}
	}
	return out
}

// prefixed tells whether a name of three words or more opens with one of
// the vocabulary's name prefixes in capitals, which outlets often drop: a
// ship's ("BRP Teresa Magbanua", "USS Ronald Reagan" are also "Teresa
// Magbanua", "Ronald Reagan"). The name is read without it too. The
// prefixes are data, not any word in capitals: "UK Supreme Court" is not
// the "Supreme Court" another country's report names.
func (v *Vocabulary) prefixed(run []word) bool {
	return len(run) >= 3 && run[0].caps && v.namePrefixes[run[0].lower] && !run[1].caps && !run[1].digits
}

// targetPrefixes before a name make it what something is for or
// against ("anti-Pyongyang leaflets"), not who or where the event is.
var targetPrefixes = toSet(`anti pro`)

// namedWords are the words written with a capital where no sentence
// starts, and a sentence's first word when a name runs on from it
// (startsName): a word that opens a headline ("Sharara oilfield closed")
// is a name when the text writes it so elsewhere.
func namedWords(parts ...[]word) map[string]bool {
	named := map[string]bool{}
	for _, ws := range parts {
		for i, w := range ws {
			if w.upper && !w.caps && (!w.initial || i+1 < len(ws) && startsName(w, ws[i+1]) || ownerName(w)) {
				named[w.lower] = true
			}
		}
	}
	return named
}

// startsName tells whether w, a word that opens a sentence, opens a name
// that runs on into next: "Casa Ventura filed ..." names Casa Ventura.
func startsName(w, next word) bool {
	return w.initial && !w.pause && !w.possessive && next.upper && !next.caps && !next.digits && next.sentence == w.sentence
}

// ownerName tells whether w, a word that opens a sentence, is a name by
// its possessive: "Jordan's state grains buyer purchased ..." names
// Jordan; a day's ("Tuesday's vote", "Today's") names no one.
func ownerName(w word) bool {
	if !w.initial || !w.possessive || timeWords[w.lower] {
		return false
	}
	_, month := months[w.lower]
	_, weekday := weekdays[w.lower]
	return !month && !weekday
}

// timeWords are the days a possessive may name besides weekdays and
// months.
var timeWords = toSet(`today yesterday tomorrow tonight`)

// namedOnly is a title-cased headline's words with capitals only on the
// words named holds (those its text writes with one mid-sentence).
func namedOnly(tw []word, named map[string]bool) []word {
	out := make([]word, len(tw))
	for i, w := range tw {
		out[i] = w
		if !named[w.lower] {
			out[i].upper, out[i].caps = false, false
		}
	}
	return out
}

// listed is ws with its names' commas read through: for the specifics
// of a report, a list of names ("Hungary, Slovakia") is one, found when
// another report names one of them.
func listed(ws []word) []word {
	out := make([]word, len(ws))
	for i, w := range ws {
		out[i] = w
		out[i].pause = false
	}
	return out
}

// phraseName is the name a matched phrase gives, or "".
func (v *Vocabulary) phraseName(ws []word, canon string) string {
	name, _, _ := strings.Cut(canon, " ")
	if name == "" || v.common[name] || v.actors[name] || v.objects[name] || v.words[name] != "" {
		return ""
	}
	for _, w := range ws {
		if w.upper && !w.initial {
			return name
		}
	}
	return ""
}

// titleCased tells a headline Written Like This from one written in
// sentence case, where capitals mark names.
func (v *Vocabulary) titleCased(ws []word) bool {
	upper, n := 0, 0
	for _, w := range ws {
		if w.digits || v.stop[w.lower] {
			continue
		}
		n++
		if w.upper {
			upper++
		}
	}
	return n >= 3 && upper*10 >= n*7
}

func (v *Vocabulary) allCommon(run []word) bool {
	for _, w := range run {
		s := v.stem(w.lower)
		if !v.common[s] && !v.stop[w.lower] && !v.actors[w.lower] {
			return false
		}
	}
	return true
}

// entityIDs are the names and the numbers of a text (not years), as ids.
func (v *Vocabulary) entityIDs(runs []string, parts ...[]term) []uint32 {
	var ids []uint32
	var split []string
	for _, r := range runs {
		if !v.off.has(dateNames) {
			split = append(split, v.undated(r)...)
		} else {
			split = append(split, r)
		}
	}
	for _, r := range split {
		if _, ok := months[r]; ok && len(r) > 3 {
			continue // a date's month ("On August 10") is the day's, which counts as the day
		}
		ids = append(ids, v.nameID(r))
		// Outlets drop a middle name: "Rafael Ernesto Quintana" is also
		// "Rafael Quintana".
		if w := strings.Split(r, "_"); len(w) == 3 {
			ids = append(ids, v.nameID(w[0]+"_"+w[2]))
		}
	}
	for _, ts := range parts {
		for i, t := range ts {
			if t.entity && isNumber(t.text) && !isYear(t.text) && len(t.text) >= 2 && !v.dateNumber(ts, i) {
				ids = append(ids, hash32(t.text))
			}
		}
	}
	return sortedDistinct(ids)
}

// dateNumber tells whether ts[i], a number, is a date's day, next to a
// month's name ("August 10", "10 August"): the day counts as the day
// (sameDayBonus), not again as a number two reports share. With
// dateNames a month's short form is one too ("Nov 17"), and so is the
// last day of a span ("March 15-16").
func (v *Vocabulary) dateNumber(ts []term, i int) bool {
	short := !v.off.has(dateNames)
	month := func(j int) bool {
		if j < 0 || j >= len(ts) || len(ts[j].surface) <= 3 && !short {
			return false
		}
		_, ok := months[ts[j].surface]
		return ok
	}
	if month(i-1) || month(i+1) {
		return true
	}
	return short && i > 1 && isNumber(ts[i-1].text) && !ts[i-1].joined && month(i-2)
}

// dayWord tells whether ws[i] is a word of a date: a weekday in any case
// ("Thursday", "MONDAY"; "Senin", "Montag" of the languages the date
// reader reads that write days with a capital: capitalWeekdays), or a
// month's name next to a day's number, or
// that number ("March 5", "5 March", "JUN 12", "Oct. 10th", and "6" in
// "March 5-6"). A month alone is no day ("April CPI", "March Arab Light"
// name a month's figure or cargo), nor a month by its year.
func dayWord(ws []word, i int) bool {
	w := ws[i]
	if _, ok := weekdays[w.lower]; ok || capitalWeekdays[w.lower] {
		return true
	}
	if _, ok := months[w.lower]; ok || capitalMonths[w.lower] {
		return !yearNext(ws, i) && (dayNumberNext(ws, i, i+1) || dayNumberNext(ws, i, i-1))
	}
	if !dayOfMonth(w) {
		return false
	}
	return monthNext(ws, i, i-1) || monthNext(ws, i, i+1) ||
		i > 0 && ws[i-1].hyphen && dayOfMonth(ws[i-1]) && (monthNext(ws, i-1, i-2) || monthNext(ws, i-1, i))
}

// yearNext tells whether the month ws[i] is written with a year after it
// ("7 June 2028", "June 2028"): a month of a year names the event of
// that month, often one long past that no day of the report's window
// is, as a name does.
func yearNext(ws []word, i int) bool {
	return i+1 < len(ws) && ws[i+1].digits && isYear(ws[i+1].lower) && together(ws, i, i+1)
}

// dayNumberNext tells whether ws[j], next to the month ws[i], is a day's
// number written with it.
func dayNumberNext(ws []word, i, j int) bool {
	return j >= 0 && j < len(ws) && dayOfMonth(ws[j]) && together(ws, i, j)
}

// monthNext tells whether ws[j], next to the number ws[i], is a month's
// name.
func monthNext(ws []word, i, j int) bool {
	if j < 0 || j >= len(ws) {
		return false
	}
	_, ok := months[ws[j].lower]
	return ok && together(ws, i, j)
}

// together tells whether the neighbours ws[i] and ws[j] are written as
// one date: no pause between them, and in one sentence, but for a
// month's short form, whose full stop ends none ("Nov. 7").
func together(ws []word, i, j int) bool {
	a, b := min(i, j), max(i, j)
	if ws[a].pause {
		return false
	}
	_, month := months[ws[a].lower]
	return ws[a].sentence == ws[b].sentence || month && len(ws[a].raw) <= 4
}

// dayOfMonth tells whether w is a number a month's day may be: 1 to 31,
// perhaps with an ordinal's ending ("12th").
func dayOfMonth(w word) bool {
	if !w.digits {
		return false
	}
	n, k := 0, 0
	for k < len(w.lower) && w.lower[k] >= '0' && w.lower[k] <= '9' {
		n = n*10 + int(w.lower[k]-'0')
		k++
	}
	switch w.lower[k:] {
	case "", "st", "nd", "rd", "th":
		return k <= 2 && n >= 1 && n <= 31
	}
	return false
}

func isNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != '.' {
			return false
		}
	}
	return s != ""
}

func isYear(s string) bool { return len(s) == 4 && (s[:2] == "19" || s[:2] == "20") }

// factOf is the bit set of fact i's values that terms name.
func (v *Vocabulary) factOf(i int, ts []term) uint32 {
	var b uint32
	for _, t := range ts {
		b |= v.facts[i].terms[t.text]
	}
	return b
}

var countWords = map[string]uint8{
	"one": 1, "single": 1, "two": 2, "pair": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10,
}

// repeatWords in a headline mark another occurrence of an act.
var repeatWords = toSet(`again another second third new fresh renewed repeat`)

// ordinalWords before a span of time (spanWords), perhaps with a word
// between ("second straight day"), count the days of one act that goes
// on: "commuters stranded for second day as rail strike drags on" is no
// second strike; before a part of a working day or a year they name it
// ("ends Oshawa third shift", "third-quarter profit").
var (
	ordinalWords = map[string]int32{"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
	spanWords    = toSet(`day days night nights week weeks weekend month shift shifts quarter half`)
)

// dayOrdinal is the count an ordinal before "day" gives, perhaps with a
// word between ("for a second straight day", "3rd day"), and dayCount
// the count a number after it gives ("Strike enters day two"): the days
// of an act that goes on, from the second to the seventh; 0 for any
// other word.
func dayOrdinal(s string) int32 {
	if n := ordinalWords[s]; n != 0 {
		return n
	}
	if len(s) == 3 && (s[1:] == "nd" || s[1:] == "rd" || s[1:] == "th") {
		return dayCount(s[:1])
	}
	return 0
}

func dayCount(s string) int32 {
	n := smallNumbers[s]
	if len(s) == 1 && s[0] >= '0' && s[0] <= '9' {
		n = int(s[0] - '0')
	}
	if n < 2 || n > 7 || s == "several" {
		return 0
	}
	return int32(n)
}

// dayOfActIn is the day of an act that goes on a headline counts ("Czech
// teachers' strike enters second day", "crossing remains closed for
// second day", "Strike enters day two": 2), 0 if it counts none: news
// English tells a strike, a closure or a freeze on its later days by
// that count, so the act began that many days before, less one. A count
// of nights, weeks or times is none ("for 4th time this month"), as is
// a number before "days" ("two days after").
func dayOfActIn(tw []word) int32 {
	for i, w := range tw {
		if w.lower != "day" {
			continue
		}
		if i+1 < len(tw) {
			if n := dayCount(tw[i+1].lower); n != 0 {
				return n
			}
		}
		for j := i - 1; j >= 0 && j >= i-2; j-- {
			if n := dayOrdinal(tw[j].lower); n != 0 {
				return n
			}
		}
	}
	return 0
}

// tollRiseWords say a toll went up: "toll rises to 11", "toll climbs to 23".
var tollRiseWords = toSet(`rise rises rose risen climb climbs climbed jump jumps jumped reach reaches reached hit hits top tops topped pass passes passed`)

// tollSpanRise is how many words after "toll" tollRiseIn reads for a
// word of rising.
const tollSpanRise = 8

// tollRiseIn tells whether a headline says a toll rose ("Death toll from
// suicide attack on army compound rises to 11"): a later count of the
// dead of one act, no act of its own.
func tollRiseIn(tw []word) bool {
	for i, w := range tw {
		if w.lower != "toll" {
			continue
		}
		for j := i + 1; j < len(tw) && j <= i+tollSpanRise; j++ {
			if tollRiseWords[tw[j].lower] {
				return true
			}
		}
	}
	return false
}

// withoutTollRise is ws without the word that says a toll rose ("toll
// rises to 31", "the death toll from Typhoon Longwang, which slammed
// into the northern Philippines on Thursday, rose to 19"): a count of the
// dead revised, no market's direction, so it disagrees with no story
// whose boat "sinks". A lead's relative clause may stand between, so
// twice tollRiseIn's span is read.
func withoutTollRise(ws []word) []word {
	out := make([]word, 0, len(ws))
	toll := -1 // the last "toll" of the sentence being read
	for i, w := range ws {
		if w.lower == "toll" {
			toll = i
		}
		if toll >= 0 && i-toll <= 2*tollSpanRise && ws[toll].sentence == w.sentence && tollRiseWords[w.lower] {
			toll = -1
			continue
		}
		out = append(out, w)
	}
	return out
}

// decisionWords are verbs of a body's decision, as a headline writes them
// (a plural subject's too, and the passive: "curfew imposed"), a
// launch of an operation or inquiry among them ("police launch
// crackdown", "watchdog launches investigation": a desk's launch of a
// missile or rocket is its act's verb, no report of kind other). Left out:
// "order" and "ban", nouns as often as verbs ("court order", "export
// ban"); "declare", since an emergency declared after a disaster is part
// of it on some desks' labels, the next day too (a state it declares is
// read apart, stateDeclaredIn, and kept from the disaster's story only
// when of a later day); "halt", as often the
// incident's own effect ("Drones halt flights at Munich airport");
// "suspend", since a regulator's suspension in the days after an
// incident it names by its kind is held its follow-up
// (TestFollowUpByKindDays: "Regulator suspends smelter's licence after
// acid spill").
var decisionWords = toSet(`announce announces impose imposes imposed summon summons summoned orders deploy deploys deployed launch launches launched`)

// declareWords declare a state, in news English and the Romance
// languages ("declares", "reconhece", "decreta", "déclare", "dichiara");
// stateWords are the states an authority declares after a disaster
// (emergency, calamity, disaster). Apart, neither is a decision:
// "declares victory", "emergency crews".
var (
	declareWords = toSet(`declare declares declared declaring proclaims proclaimed declara declarou declaró decreta decretou decretó reconhece reconheceu reconhecer reconoce reconoció déclare déclaré décrète décrété dichiara dichiarato proclama`)
	stateWords   = toSet(`emergency calamity disaster emergência emergencia calamidade calamidad urgence catastrophe catástrofe emergenza calamità`)
)

// stateDeclaredIn tells whether ws, a headline's main clause, declare a
// state before its first pause ("declares state of emergency", "State
// of calamity declared", "reconhece estado de calamidade").
func stateDeclaredIn(ws []word) bool {
	verb, state := false, false
	for _, w := range ws {
		verb = verb || declareWords[w.lower]
		state = state || stateWords[w.lower]
		if w.pause {
			break
		}
	}
	return verb && state
}

// strickenWords tell what struck a place: "flood-hit Petropolis",
// "regions hit by Typhoon Isang", "atingidas pelas chuvas".
var (
	strickenWords = toSet(`hit struck battered ravaged affected atingida atingidas atingido atingidos afectada afectadas afectado afectados touchée touchées touché touchés colpita colpite`)
	strickenBy    = toSet(`by por pela pelas pelo pelos par`)
)

// withoutStricken drops from ws what struck a place they name, a cause
// and no act of the headline: the word joined to a word of strickenWords
// ("flood-hit"), and a participle of strickenWords with "by" and what
// follows up to a pause ("hit by Typhoon Isang").
func withoutStricken(ws []word) []word {
	out := make([]word, 0, len(ws))
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if w.hyphen && i+1 < len(ws) && strickenWords[ws[i+1].lower] {
			i++
			continue
		}
		if strickenWords[w.lower] && !w.pause && i+1 < len(ws) && strickenBy[ws[i+1].lower] {
			for i < len(ws) && !ws[i].pause {
				i++
			}
			continue
		}
		out = append(out, w)
	}
	return out
}

// decisionIn tells whether ws, a headline's main clause, tell a body's
// decision before its first pause: "Libya announces ceasefire in
// Tripoli", "Dhaka summons Indian envoy", "curfew imposed in Kisumu"; not
// "Sariosiyo post reopens, Uzbekistan summons Tajik envoy", whose news
// is the post's first.
func decisionIn(ws []word) bool {
	for _, w := range ws {
		if decisionWords[w.lower] {
			return true
		}
		if w.pause {
			break
		}
	}
	return false
}

// repeats tells whether a headline marks another occurrence of an act.
func repeats(tw []word) bool {
	for i, w := range tw {
		if !repeatWords[w.lower] {
			continue
		}
		if ordinalWords[w.lower] != 0 && (i+1 < len(tw) && spanWords[tw[i+1].lower] || i+2 < len(tw) && spanWords[tw[i+2].lower]) {
			continue
		}
		return true
	}
	return false
}

// decidesIn tells whether ws name a decision of the vocabulary's after
// "a" or "an" ("approved a resolution"): a new one, the speaker's own,
// not "the court's decision" it welcomes.
func (v *Vocabulary) decidesIn(ws []word) bool {
	for i := 1; i < len(ws); i++ {
		if v.decisions[ws[i].lower] && (ws[i-1].lower == "a" || ws[i-1].lower == "an") {
			return true
		}
	}
	return false
}

// firstSpan is how many words after "first" its span may start.
const firstSpan = 5

// spanUnits are the spans a first is counted in ("in months", "in a
// decade").
var spanUnits = toSet(`weeks months years decades decade year month`)

// firstInSpan tells whether a headline calls what it reports the first
// in a span of time ("first U.S. human case in months", "first since
// 2019"): news of its own, no follow-up of an earlier act.
func firstInSpan(tw []word) bool {
	for i, w := range tw {
		if w.lower != "first" {
			continue
		}
		for j := i + 1; j < len(tw) && j <= i+firstSpan; j++ {
			switch l := tw[j].lower; {
			case l == "since":
				return true
			case l == "in" && j+1 < len(tw) && (spanUnits[tw[j+1].lower] || j+2 < len(tw) && spanUnits[tw[j+2].lower]):
				return true
			}
		}
	}
	return false
}

// tallyWords before a number make it a bound or a running tally ("at least
// two people", "about 300 homes", "toll rises to nine"): a figure outlets
// round and revise through the day, no fact two reports must agree on.
var tallyWords = toSet(`least than about around some nearly almost roughly approximately over to`)

// figure is a number a headline gives of a thing the vocabulary counts.
type figure struct {
	n    uint32
	what uint8 // 1 + the index of the counted noun (counts)
	toll int8  // a toll (tollOf): 1 one counted up through the day (the dead, the hurt), -1 one counted down (the missing), 0 none
}

// maxFigures is how many figures of a headline count: "Russia launches
// 156 drones, 19 missiles" gives two, "downed 141 of 156 drones, 13 of 19
// missiles" four.
const maxFigures = 4

// figures are the figures a headline gives, in its order; zero where it
// gives fewer.
type figures [maxFigures]figure

// shares tells whether two headlines give one number ("Gunmen kill nine",
// "Nine passengers shot dead").
func (a figures) shares(b figures) bool {
	for _, x := range a {
		for _, y := range b {
			if x.n != 0 && x.n == y.n {
				return true
			}
		}
	}
	return false
}

// agree tells whether a figure of a and one of b, of one thing, may be
// one event's: they are equal, one is a round figure the other rounds to
// ("detain 1,600 foreigners", "1,612 foreigners held"), or a, the later
// report's, revises b's toll ("kill 17", then "kill 24"; "21 missing",
// then "19 still missing").
func (a figures) agree(what uint8, b figures, later bool) bool {
	for _, x := range a {
		for _, y := range b {
			if x.n == 0 || y.n == 0 || x.what != what || y.what != what {
				continue
			}
			if x.n == y.n || roundsTo(x.n, y.n) || roundsTo(y.n, x.n) || later && revises(x, y) {
				return true
			}
		}
	}
	return false
}

// revises tells whether toll x may be toll y revised: the dead and the
// hurt are counted up as bodies are found and the wounded die, the missing
// down; a toll revised the other way, or a count no toll, is another
// event's ("kills 12", then "kills 7").
func revises(x, y figure) bool {
	return x.toll != 0 && x.toll == y.toll && (x.toll > 0) == (x.n > y.n)
}

// counts tells whether the headline gives a figure of what.
func (a figures) counts(what uint8) bool {
	for _, x := range a {
		if x.n != 0 && x.what == what {
			return true
		}
	}
	return false
}

// exactCount is the largest count outlets never round.
const exactCount = 30

// roundsTo tells whether n rounds to the round figure r: r is above
// exactCount and n is within half r's last non-zero place of it (1,612 to
// 1,600, 44 to 40; not 1,660 to 1,600, nor 12 to 10).
func roundsTo(n, r uint32) bool {
	if r <= exactCount || r%10 != 0 {
		return false
	}
	place := uint32(10)
	for r%(place*10) == 0 {
		place *= 10
	}
	return max(n, r)-min(n, r) <= place/2
}

// countOf reads the figures a headline gives: "two short-range ballistic
// missiles", "3 cruise missiles", "downs 97 of 112 drones" (both of
// drones) or "Humanity 1 rescues 62 from sinking rubber boat" (62 people:
// see countedAfter). A bound or tally is no figure, nor a number that is
// part of a name, a year or a sum (numberAt).
func (v *Vocabulary) countOf(ws []word) (out figures) {
	k := 0
	for i := 0; i < len(ws) && k < len(out); i++ {
		n, ok := numberAt(ws, i)
		if !ok {
			continue
		}
		what := v.countedAfter(ws, i)
		if what == 0 && i+2 < len(ws) && ws[i+1].lower == "of" {
			if _, ok := numberAt(ws, i+2); ok {
				what = v.countedAfter(ws, i+2) // "97 of 112 drones"
			}
		}
		if what != 0 {
			out[k], k = figure{n, what, tollOf(ws, i)}, k+1
		}
	}
	return out
}

// Words that make the number beside them a toll (tollOf): the dead, the
// hurt, the sick and the displaced, which outlets count up through the
// day as bodies are found, the wounded die and tests come in
// (riseWords), and the missing, counted down (fallWords).
var (
	riseWords = toSet(`kill kills killed killing dead die dies died dying death deaths drown drowns drowned drowning injure injures injured injuring injuries wound wounds wounded wounding hurt body bodies victims casualties case cases infection infections infected sickens sickened displace displaces displaced evacuate evacuates evacuated`)
	fallWords = toSet(`missing`)
)

// tollSpan is how many words after a number tollOf reads.
const tollSpan = 3

// tollOf tells whether the number ws[i] is a toll, by the word before it
// ("kills 17") and the words of its phrase ("six dead", "21 missing", "19
// still missing", "four migrants drown"): 1 a toll that rises, -1 one
// that falls, 0 none.
func tollOf(ws []word, i int) int8 {
	rise := i > 0 && riseWords[ws[i-1].lower]
	for j := i + 1; j < len(ws) && j <= i+tollSpan && !ws[j-1].pause && !countBreaks[ws[j].lower]; j++ {
		if fallWords[ws[j].lower] {
			return -1
		}
		rise = rise || riseWords[ws[j].lower]
	}
	if rise {
		return 1
	}
	return 0
}

// numberAt reads ws[i] as a number a headline may count with: not a bound
// or tally (tallyWords), not part of a name a hyphen joins ("MiG-31
// jets", "Quds-5"), not a sum of money, which outlets give in their
// readers' currencies ("$37 billion", "180 billion dinars"), a share
// ("80% of trains") or a year as written ("2034", never "2,034").
func numberAt(ws []word, i int) (uint32, bool) {
	w := ws[i]
	n := uint32(countWords[w.lower])
	if w.digits {
		if w.money || w.percent || isYear(w.raw) {
			return 0, false
		}
		n = uint32(min(max(atoi(w.lower), 0), math.MaxUint32))
	}
	if n == 0 || i > 0 && (tallyWords[ws[i-1].lower] || ws[i-1].hyphen) {
		return 0, false
	}
	return n, true
}

// countedAfter tells what the number ws[i] counts, as counts does: the
// counted noun a few words after it, before any word that ends the
// number's phrase (countBreaks, a pause, another number or a name), or
// people when the number stands alone (alone).
func (v *Vocabulary) countedAfter(ws []word, i int) uint8 {
	for j := i + 1; j < len(ws) && j <= i+4; j++ {
		l := ws[j].lower
		if ws[j-1].pause || countBreaks[l] {
			break
		}
		if magnitudes[l] {
			return 0 // "180 billion dinars", "$37 billion": a sum, rounded and converted
		}
		if c := v.counts(l); c != 0 {
			return c
		}
		if ws[j].digits || countWords[l] != 0 || (ws[j].upper && !ws[j].caps) {
			return 0 // "November 7 (KCNA) -- The Missile ..." is no count
		}
	}
	if !v.alone(ws, i) {
		return 0
	}
	return v.counts("people")
}

// alone tells whether the number ws[i] counts people by itself, as a
// headline writes "Gunmen kill nine", "Humanity 1 rescues 62 from sinking
// rubber boat" (62 people, no boats) or "sent to Ravenna with 62 on
// board": it follows a verb or "with" and ends its phrase (the headline,
// a clause or a phrase a preposition opens). A number right after a name
// is part of it ("Humanity 1 to Ravenna", "Sea-Watch 5"), after a month
// a day, after "of" or "in" a part or an age ("one in two", "a girl of
// 7"); "one" is as often a pronoun ("an undeclared one").
func (v *Vocabulary) alone(ws []word, i int) bool {
	w := ws[i]
	if i == 0 || w.lower == "one" || w.lower == "single" || w.lower == "pair" || w.hyphen {
		return false
	}
	prev := ws[i-1]
	if v.labels(prev) || prev.digits || months[prev.lower] != 0 || countBreaks[prev.lower] && prev.lower != "with" || prev.lower == "aged" {
		return false
	}
	return i+1 == len(ws) || w.pause && !ws[i+1].digits || countBreaks[ws[i+1].lower] && ws[i+1].lower != "of"
}

// magnitudes after a number make it a figure in millions: rounded, and
// most often a sum an outlet gives in its readers' currency ("180 billion
// dinars", "$37 billion").
var magnitudes = toSet(`million millions billion billions trillion trillions mln bn crore crores lakh lakhs`)

// countBreaks are words that end the phrase a number heads: a counted noun
// after them is not what the number counts ("rescues 62 from sinking
// rubber boat" counts no boats, "80% of intercity trains" no trains).
var countBreaks = toSet(`of from to in on at off by for with after before near into onto over under since during aboard across against per than`)

// counts tells what a number before l counts: 1 + the index of the
// vocabulary's counted noun l begins with ("missiles"), 0 none. Counts of
// different nouns never disagree: "eight police officers" killed and
// "three suspects" arrested are one ambush. "People" is the plural of
// "person": "two persons deceased" and "two people" count one thing, the
// first of the two forms the vocabulary lists.
func (v *Vocabulary) counts(l string) uint8 {
	if l == "person" || l == "persons" || l == "people" {
		a, b := v.countsWord("people"), v.countsWord("person")
		if a == 0 || b != 0 && b < a {
			return b
		}
		return a
	}
	return v.countsWord(l)
}

// countsWord is counts without the forms of one noun.
func (v *Vocabulary) countsWord(l string) uint8 {
	for i, c := range v.counted {
		if strings.HasPrefix(l, c) {
			return uint8(min(i+1, math.MaxUint8))
		}
	}
	return 0
}

// namesOf finds named operations (exercises): known names in title or
// lead, and capitalised names written right before a head ("exercise",
// "drills") in nameTitle (the title unless it is title-cased) or lead;
// and, per name, the term ids of its words.
func (v *Vocabulary) namesOf(title, nameTitle, lead []word) (ids []uint32, parts [][]uint32) {
	add := func(name string, ws []word) {
		ids = append(ids, hash32("x:"+name))
		parts = append(parts, v.termIDsOf(ws))
	}
	for pi, ws := range [][]word{title, lead} {
		for i := range ws {
			for n := 3; n >= 1; n-- {
				if i+n > len(ws) {
					continue
				}
				var buf [64]byte // the n words joined by spaces; most names fit
				b := buf[:0]
				for k := i; k < i+n; k++ {
					if k > i {
						b = append(b, ' ')
					}
					b = append(b, ws[k].lower...)
				}
				if name, ok := v.knownNames[string(b)]; ok {
					add(name, ws[i:i+n])
					break
				}
			}
			if v.nameHeads[ws[i].lower] && i > 0 && (pi == 1 || nameTitle != nil) {
				j := i
				for j > 0 && ws[j-1].upper && !ws[j-1].caps && !v.actors[ws[j-1].lower] && !ws[j-1].initial {
					j--
				}
				if j < i && i-j <= 4 {
					names := make([]string, 0, i-j)
					for _, w := range ws[j:i] {
						names = append(names, w.lower)
					}
					name := strings.Join(names, "_")
					if canon, ok := v.knownNames[strings.ReplaceAll(name, "_", " ")]; ok {
						name = canon
					}
					add(name, ws[j:i])
				}
			}
		}
	}
	return sortedDistinct(ids), parts
}

// termIDsOf is the ids of the canonical terms of words, sorted, distinct.
func (v *Vocabulary) termIDsOf(ws []word) []uint32 {
	return termIDs(v.canonicalTerms(ws, false), nil)
}

// answerWords say that what follows is what a report's act answers:
// "in response to", "responding to", "in retaliation for".
var answerWords = toSet(`response responding respond responds responded retaliation retaliating retaliate retaliates retaliated reprisal`)

// answeredSpan is how many words after an answer word may name what is
// answered ("in response to the enemy's aggression").
const answeredSpan = 6

// answered is the words that name what a report's act answers: those
// after an answer word, up to a pause or the sentence's end.
func answered(ws []word) []word {
	for i, w := range ws {
		if !answerWords[w.lower] {
			continue
		}
		end := i + 1
		for end < len(ws) && end <= i+answeredSpan && ws[end].sentence == w.sentence && !ws[end-1].pause {
			end++
		}
		return ws[i+1 : end]
	}
	return nil
}

// sequenceWords open a background clause that names the event a report
// comes after or before ("after bird strike", "ahead of strike"), not a
// setting of the same hours ("as systems restored", "amid threats").
var sequenceWords = toSet(`after following ahead before since`)

// backgroundWords open a clause about another event or its setting: "N.
// Korea fires cruise missiles two days after ballistic salvo", "as allies
// hold drills".
var backgroundWords = toSet(`after amid following ahead before since as while despite during against`)

// foreignAfterWords are "after" in the other languages the project reads
// (news.toml, dayLanguages): each opens a clause of what came before, as
// "after" does ("Två döda efter skottlossning", "Deux blessés après une
// explosion"). Unaccented spellings too: outlets drop accents. Turkish
// "sonra", "sonrası" follow the event they name: no clause opens there.
var foreignAfterWords = toSet(`après apres apre tras após dopo efter etter nachdem nadat
	setelah sesudah seusai selepas usai pasca baada matapos pagkatapos μετά после після بعد`)

// afterBeforeArticle are "after" words that are other words too, read as
// "after" only before one of the listed words: German "nach" is also "to"
// and "according to" ("nach Berlin", "nach Angaben"), but "nach dem
// Anschlag", "nach den Anschlägen" is after; Dutch "na" is also
// Portuguese "in the", Polish "on", Swahili "and", but "na de brand" is
// after; Portuguese "depois" and Spanish "después" are also "later"
// ("horas después").
var afterBeforeArticle = map[string]map[string]bool{
	"nach":    toSet(`dem der den des einem einer eines`),
	"na":      toSet(`de het een`),
	"depois":  toSet(`de do da dos das`),
	"después": toSet(`de del`),
	"despues": toSet(`de del`),
}

// opensForeignAfter tells whether ws[i] is "after" in another language
// read (foreignAfterWords, afterBeforeArticle) opening a clause of what
// came before: not French "d'après" (according to), nor a word that ends
// its sentence ("une heure après", later); Polish "po", not "po raz"
// ("for the ... time"), nor Italian "un po'" ("a little").
func opensForeignAfter(ws []word, i int) bool {
	l := ws[i].lower
	var prev, next string
	if i > 0 && ws[i-1].sentence == ws[i].sentence {
		prev = ws[i-1].lower
	}
	if i+1 < len(ws) && ws[i+1].sentence == ws[i].sentence {
		next = ws[i+1].lower
	}
	switch {
	case next == "":
		return false
	case l == "po":
		return next != "raz" && prev != "un"
	case foreignAfterWords[l]:
		return prev != "d"
	}
	return afterBeforeArticle[l][next]
}

// opensBackground tells whether ws[i] opens a background clause: an
// English backgroundWord, or "after" in another language
// (opensForeignAfter).
func opensBackground(ws []word, i int) bool {
	return backgroundWords[ws[i].lower] || opensForeignAfter(ws, i)
}

// opensSequence tells whether a background clause opened by ws[i] names
// the event a report comes after or before (sequenceWords, or "after" in
// another language).
func opensSequence(ws []word, i int) bool {
	return sequenceWords[ws[i].lower] || !backgroundWords[ws[i].lower] && opensBackground(ws, i)
}

// mainClause is ws up to the first background clause, or up to the end of
// the first sentence. A clause never starts within the first two words.
// It reads English clause words only: in a lead, another language's
// "after" clause often names the event itself after a reaction ("a appelé
// à la patience après la coupure des câbles"), and reading it as
// background parted such leads from their event's reports.
func mainClause(ws []word) []word {
	return clauseUpTo(ws, isBackgroundWord)
}

// mainTitleClause is a headline's main clause (mainClause), a clause
// opened by "after" in another language read too (opensBackground).
func mainTitleClause(ws []word) []word {
	return clauseUpTo(ws, opensBackground)
}

func isBackgroundWord(ws []word, i int) bool { return backgroundWords[ws[i].lower] }

// clauseUpTo is ws up to the first word at which opens says a
// background clause starts, or up to the end of the first sentence.
func clauseUpTo(ws []word, opens func([]word, int) bool) []word {
	if rest, ok := afterOpeningTime(ws); ok {
		return clauseUpTo(rest, opens)
	}
	for i := 2; i < len(ws); i++ {
		l := ws[i].lower
		if ws[i].sentence != ws[0].sentence {
			return ws[:i]
		}
		if l == "in" && i+1 < len(ws) && (ws[i+1].lower == "response" || ws[i+1].lower == "protest") {
			return ws[:i]
		}
		if !opens(ws, i) {
			continue
		}
		if l == "as" && (i+1 < len(ws) && asNotClause[ws[i+1].lower] || asNotClause[ws[i-1].lower]) {
			continue // "as many as", "such as", "as well as"
		}
		return ws[:i]
	}
	return ws
}

// firstStatement is ws up to a semicolon: what follows is another
// statement, often of another actor ("X closes two chapters; Y advances
// too"). A headline's kind and facts are its first statement's; the acts
// it names still read both, since the second is often the first's outcome
// ("rebels attack outposts; villagers cross river").
func firstStatement(ws []word) []word {
	for i := 2; i < len(ws); i++ {
		if ws[i-1].semicolon {
			return ws[:i]
		}
	}
	return ws
}

// secondActOf tells whether a headline's statement after a semicolon
// (main: its main clause; stated: its first statement) names an act of a
// kind the first statement does not name, nor one that may be one event
// with it: "Rebels shell army posts at dawn; villagers cross river" tells
// two events, the second of which may have gone on all day.
func (v *Vocabulary) secondActOf(main, stated []word) bool {
	if len(stated) == len(main) {
		return false
	}
	first := v.actsOf(v.actTerms(stated))
	second := v.actsOf(v.actTerms(main[len(stated):]))
	kin := first
	for k := range v.also {
		if k < 64 && first&(1<<k) != 0 {
			kin |= v.also[k]
		}
	}
	return second&^kin != 0
}

var asNotClause = toSet(`many much well far long soon such as`)

// afterOpeningTime returns what follows a clause of time that opens a
// headline and ends at a comma ("A day after the port blast, suspect held
// in capital", "Hours after the vote, premier quits"): the act is the
// one after the comma; the opening clause names what it follows.
func afterOpeningTime(ws []word) ([]word, bool) {
	i := 0
	for i < len(ws) && i < 2 && timeOffsetWords[ws[i].lower] {
		i++
	}
	if i == 0 || i >= len(ws) || !openingTimeWords[ws[i].lower] || ws[i].pause {
		return nil, false
	}
	for j := i + 1; j < len(ws)-1 && ws[j].sentence == ws[0].sentence; j++ {
		if ws[j].pause {
			if ws[j+1].sentence != ws[0].sentence {
				return nil, false
			}
			return ws[j+1:], true
		}
	}
	return nil, false
}

// timeOffsetWords make the offset of an opening clause of time: "a day
// after", "two days after", "hours after".
var timeOffsetWords = toSet(`a an one two three four five six seven days day hours hour weeks week minutes moments`)

var openingTimeWords = toSet(`after before following`)

// heldOverIn tells whether a headline of arrests says what they follow:
// "after", "following" or "over" past its first two words, where "over"
// is no count ("detain over 600 migrants", "over a dozen").
func heldOverIn(ws []word) bool {
	for i := 2; i < len(ws); i++ {
		switch ws[i].lower {
		case "after", "following":
			return true
		case "over":
			if i+1 < len(ws) && !ws[i+1].digits && !overCount[ws[i+1].lower] {
				return true
			}
		}
	}
	return false
}

var overCount = toSet(`a an one two three four five six seven eight nine ten dozen dozens hundred hundreds thousand thousands half dozen`)

// callWords appeal only as "calls for", "calls on": "nurses call strike
// for Thursday", "PM calls election" report the call, an act of its own.
// askWords are the words actTerms keeps after a speech verb for it.
var (
	callWords = toSet(`call calls called`)
	askWords  = toSet(`for on upon`)
)

// speechSpan is how far into a headline a speech verb may stand to be its
// act: "North Korea's Kim calls for" (third term).
const speechSpan = 3

// actsOf returns the kinds of act a headline's main clause names, as kindOf
// reads them (each verb with what it needs): "Kim guides firing drill of
// missile units, two missiles fired" names a drill and a launch.
func (v *Vocabulary) actsOf(ts []term) uint64 {
	var acts uint64
	for _, a := range v.acts {
		if a.kind >= 64 {
			continue
		}
		verb, needs := false, len(a.needs) == 0
		for i, t := range ts {
			verb = verb || a.verbs[t.text] && !v.settingOf(a, t) && !v.goalOf(t) && !v.receivesNoVisitor(t, ts[i+1:])
			needs = needs || a.needs[t.text]
		}
		if verb && needs {
			acts |= 1 << a.kind
		}
	}
	return acts
}

// resultsOf returns the kinds of act a headline's main clause names only
// as what another of its acts did, no second act: by its verb, in the
// present's singular, when the head of its subject names an act of
// another kind ("Roadside bomb kills four soldiers", "Blast at railway
// station kills 12"; subjectResults), or in a source's account after a
// pause ("Pakistan carries out air strikes inside Afghanistan, Taliban
// say civilians killed": the toll).
func (v *Vocabulary) resultsOf(main []word) uint64 {
	all := v.actsOf(v.actTerms(main))
	told := all &^ v.actsOf(v.actTerms(withoutAccount(main)))
	return told | v.subjectResults(main, all)
}

// answeredOn is the kinds of act a headline's main clause names only
// as what an "on" after an act of another kind governs, headed by the
// act's noun: what that act answers, no second act of the report
// ("Hoshino Denki cuts profit forecast on Kumamoto quake", "Oil jumps on
// pipeline attack"). With no act before it in its clause, "on" governs
// the headline's own ("Nurses go on strike", "Refinery halts output,
// workers on strike"); an act's noun that only modifies what
// "on" governs says what that thing is about ("sign agreement on loan
// repayment arrangement" tells of the loan).
func (v *Vocabulary) answeredOn(main []word) uint64 {
	if v.off.has(onCauses) {
		return 0
	}
	var answered uint64
	kept := make([]word, 0, len(main))
	clause := 0 // where the clause of main[i] opens, past its last pause
	for i := 0; i < len(main); i++ {
		if i > 0 && main[i-1].pause {
			clause = i
		}
		if main[i].lower != "on" || i == clause || v.actsOf(v.actTerms(main[clause:i])) == 0 {
			kept = append(kept, main[i])
			continue
		}
		end := i + 1
		for end < len(main) && governed(main, i, end) {
			end++
		}
		if end == i+1 {
			continue // "on" at the end governs nothing
		}
		answered |= v.actsOf(v.actTerms(main[i+1:end])) &^ v.actsOf(v.actTerms(main[i+1:end-1]))
		i = end - 1
	}
	return answered &^ v.actsOf(v.actTerms(kept))
}

// subjectResults is what resultsOf reads of a subject that names an
// act: the verb is the clause's first word in "-s", which must be an
// act's verb, and the subject's head its last word before a preposition
// ("at railway station") or the verb. A plural subject ("Suicide bombers
// attack army base") is who acted, and its verb the act. all is the
// kinds main names.
func (v *Vocabulary) subjectResults(main []word, all uint64) uint64 {
	head := 0 // past the subject's head
	for i := 1; i < len(main); i++ {
		if p := main[i-1]; p.sentence != main[0].sentence || p.pause || p.lower == "to" || v.speechVerbs[p.lower] || v.statementVerbs[p.lower] {
			return 0 // no subject of one noun phrase
		}
		w := main[i]
		if head == 0 && settingWords[w.lower] {
			head = i
		}
		if !verbLike(w.lower) || w.upper || w.digits || strings.HasSuffix(w.lower, "ing") {
			continue // a noun, or one in "-ing" ("Suicide bombing at ...")
		}
		if !strings.HasSuffix(w.lower, "s") {
			return 0 // a participle's clause: "Six killed in drone strikes"
		}
		// The clause's first verb in "-s": it must be an act's.
		verb := all & v.verbKinds(v.actTerms(main[i:i+1]))
		if head == 0 {
			head = i
		}
		ts := v.actTerms(main[:head])
		if verb == 0 || len(ts) == 0 {
			return 0
		}
		subject := all & v.verbKinds(ts[len(ts)-1:])
		if subject == 0 || subject&verb != 0 {
			return 0
		}
		return verb &^ v.actsOf(v.actTerms(main[i+1:]))
	}
	return 0
}

// withoutAccount is a headline without a source's account after a pause:
// who says ("Taliban say", "police said") and what.
func withoutAccount(ws []word) []word {
	for i := 1; i < len(ws); i++ {
		if !ws[i-1].pause && !ws[i-1].semicolon {
			continue
		}
		for j := i + 1; j < len(ws)-1 && j <= i+accountSpan && !ws[j-1].pause; j++ {
			if accountWords[ws[j].lower] {
				return ws[:i]
			}
		}
	}
	return ws
}

// accountWords tell whose account follows ("Taliban say", "police said");
// accountSpan is how many words the source may take before one.
var accountWords = toSet(`say says said`)

const accountSpan = 3

// verbKinds returns the kinds of act one of whose verbs is a term of ts,
// whatever the kinds need.
func (v *Vocabulary) verbKinds(ts []term) uint64 {
	var kinds uint64
	for _, t := range ts {
		for _, a := range v.acts {
			if a.kind < 64 && a.verbs[t.text] {
				kinds |= 1 << a.kind
			}
		}
	}
	return kinds
}

// atTermsOf returns the verbs of undated acts that ts give after "at" or
// "during", as term ids: the meeting where the headline's news was made
// ("Uganda backs monitoring force at Dar summit").
func (v *Vocabulary) atTermsOf(ts []term) []uint32 {
	var ids []uint32
	for _, t := range ts {
		if !t.at {
			continue
		}
		for _, a := range v.acts {
			if !v.dated[a.kind] && a.verbs[t.text] {
				ids = append(ids, hash32(t.text))
				break
			}
		}
	}
	return sortedDistinct(ids)
}

// kindOf classifies a headline by the first act its main clause names:
// "U.S. flies bomber in drills after North's missile launches" is a drill,
// "N. Korea fires missiles during allied drills" a launch. An act's verb
// counts only when the clause names what the act needs, if it needs
// anything (a launch a projectile, a flight aircraft). Statement verbs
// make a statement when a voice of the vocabulary is the subject, else a
// reaction; so do appeals at the head, and an appeal that is no speech
// verb ("stays silent on") whoever is the subject: a voice's silence is
// no statement. all is the whole headline.
func (v *Vocabulary) kindOf(ts, all []term) kind {
	var needsMet uint64 // bit i: the clause names what acts[i] needs
	object := false     // the clause names what some act needs (a projectile)
	for i, a := range v.acts {
		if len(a.needs) == 0 {
			continue
		}
		for _, t := range ts {
			if a.needs[t.text] {
				needsMet |= 1 << i
				object = true
				break
			}
		}
	}
	talks, meeting, voice := false, false, false
	for _, t := range all {
		voice = voice || v.voices[t.text]
		for _, a := range v.acts {
			talks = talks || (!v.dated[a.kind] && a.verbs[t.text])
			meeting = meeting || (a.kind == v.pledgeKind && a.verbs[t.text])
		}
	}
	for i, t := range all {
		if v.statementGenres[t.surface] && voice {
			if v.genreOnAct(all, i) {
				return kindReaction
			}
			return kindStatement
		}
	}
	speaker := false   // a statement's voice as the headline's subject
	pledged := false   // allies agree or vow: talks, unless they agree to an act
	spoke := false     // a speech verb came first: what is said at a meeting is the meeting's (term.at)
	noted := kindOther // a diplomatic note of protest, no protest act (protestNote)
	pledgedAt := -1    // index of the first pledge verb followed by "to" or an act; -1 none
	for i, t := range ts {
		if protestNote(ts, i) {
			// A note of protest says what a government objects to, as
			// "protests" does: its subject's statement when that is a
			// voice, else a reaction (the envoy it is handed to speaks
			// no word of it).
			if noted == kindOther {
				noted = kindReaction
				if speaker {
					noted = kindStatement
				}
			}
			continue
		}
		if pledgedAt >= 0 && i > pledgedAt+1 && t.text == "to" {
			// "agreed to set up a mechanism to investigate border
			// incidents": what the second "to" governs is the purpose of
			// what was agreed, no act of the headline.
			break
		}
		if v.statementVerbs[t.surface] || v.statementGenres[t.surface] {
			// "Pyongyang denounces drills" is an act of its own; "Seoul
			// condemns the launch" follows the launch.
			if speaker && !v.condemnsAct(t, ts[i+1:]) {
				return kindStatement
			}
			return kindReaction
		}
		if k, ok := v.actDoneTo(ts, i); ok && !v.off.has(actsDoneTo) {
			return k
		}
		for j, a := range v.acts {
			if a.verbs[t.text] && !pressBriefing(ts, i) && (len(a.needs) == 0 || needsMet&(1<<j) != 0) && (spoke && t.at || !v.settingOf(a, t)) && !v.goalOf(t) && !v.describes(t, ts[i+1:]) && !v.commonVerb(a, t) && !v.signs(a, ts[i+1:], needsMet) && !v.receivesAct(t, ts[i+1:]) && !v.receivesNoVisitor(t, ts[i+1:]) {
				return a.kind
			}
		}
		spoke = spoke || v.speechVerbs[t.surface]
		switch {
		case v.appeals[t.surface] && !v.speechVerbs[t.surface] && i <= speechSpan:
			return kindReaction // "Bangui stays silent on Hague warrant"
		case v.speechVerbs[t.surface]:
			// Only a verb right after the subject is the headline's act;
			// "..., Seoul's spy agency says" is attribution.
			if speaker && i <= speechSpan && !object && !talks {
				return kindStatement
			}
			// An appeal made at a meeting is the meeting's ("Security
			// Council members urge DPRK to return to dialogue"); one for
			// another undated act reacts ("opposition demands snap
			// election after government's fall").
			if !speaker && v.appeals[t.surface] && i <= speechSpan && !meeting && (!callWords[t.surface] || i+1 < len(ts) && askWords[ts[i+1].text]) {
				return kindReaction // "US, UK urge Iran to release the tanker"
			}
			if !speaker && v.pledgeVerbs[t.surface] && v.pledgeKind != 0 {
				if i+1 < len(ts) && ts[i+1].text == "to" || v.actNext(ts[i+1:]) {
					// "agree to raise output" is the raise, "unions vow
					// further strike" the strike
					pledged = true
					if pledgedAt < 0 {
						pledgedAt = i
					}
					continue
				}
				return v.pledgeOf(ts[:i])
			}
		case v.voices[t.text]:
			speaker = true
		}
	}
	if noted != kindOther {
		return noted
	}
	if pledged {
		return v.pledgeOf(ts[:pledgedAt])
	}
	return kindOther
}

// actDoneTo reads ts[i], a word of an act, followed by a participle of
// the verb of another act that needs it ("Curfew lifted in Tinkune",
// "strike called off", "Streik abgesagt"): the headline tells that act
// done to the first, an authority's or a party's later answer to the
// event, as "lifts curfew" does. A verb in another form tells what the
// first act did ("strike halts ports", "strike threatens backlog"), and
// a word that follows it as a cause or a setting ("strike over wages")
// none: neither is read here.
func (v *Vocabulary) actDoneTo(ts []term, i int) (kind, bool) {
	if i+1 >= len(ts) || ts[i].joined || ts[i+1].cause || ts[i+1].setting || !doneForm(ts[i+1].surface) {
		return 0, false
	}
	named := false
	for _, a := range v.acts {
		named = named || a.verbs[ts[i].text]
	}
	if !named {
		return 0, false
	}
	for _, b := range v.acts {
		if b.verbs[ts[i+1].text] && b.needs[ts[i].text] && !b.verbs[ts[i].text] {
			return b.kind, true
		}
	}
	return 0, false
}

// doneForm tells whether a lower-case word looks like a past participle
// in one of the languages outlets write headlines in: English ("lifted",
// "called" of "called off", pastForm; "shut", participles), Spanish and
// Portuguese ("levantado", romanceParticiple), French ("levée",
// "prolongé") and German ("abgesagt", "aufgehoben": "ge" in its first
// syllables, ending in "t" or "en").
func doneForm(w string) bool {
	if pastForm(w) || participles[w] || romanceParticiple(w) {
		return true
	}
	if utf8.RuneCountInString(w) > 3 {
		for _, end := range []string{"é", "ée", "és", "ées"} {
			if strings.HasSuffix(w, end) {
				return true
			}
		}
	}
	ge := strings.Index(w, "ge")
	return ge >= 0 && ge <= 6 && len(w) > ge+4 && (strings.HasSuffix(w, "t") || strings.HasSuffix(w, "en"))
}

// pledgeOf is the kind of a headline whose act is a pledge that names no
// act of its own ("agree on disengagement", "vow response", "agrees to buy
// BlackSky"), subject its terms before the pledge's verb. Parties that
// agree or vow together ("Japan, Philippines agree", "JEF allies agree")
// tell of their talks; one party's pledge ("Denmark agrees air defence
// boost", "Moscow vows response") is its answer to the news it follows, no
// meeting: a reaction, which keeps apart from no act.
func (v *Vocabulary) pledgeOf(subject []term) kind {
	if !v.off.has(lonePledges) && !parties(subject) {
		return kindReaction
	}
	return v.pledgeKind
}

// parties tells whether a headline's subject names two parties or more:
// two names joined by a comma or "and", or a group's plural noun.
func parties(subject []term) bool {
	for i, t := range subject {
		if t.joined && i+1 < len(subject) || partyWords[t.surface] {
			return true
		}
	}
	return false
}

// partyWords name several parties, or a body of them, that meet: "allies
// vow", "ministers agree", "Security Council fails to agree".
var partyWords = toSet(`allies partners ministers leaders chiefs diplomats officials delegates delegations negotiators sides parties members nations countries states governments council committee`)

// condemnsAct tells whether t, a statement verb, condemns a dated act the
// rest of the clause names: "AU Commission chief condemns attack on army
// base", "Governor condemns attack on naval personnel" answer the attack,
// a reaction, whoever speaks. "Condemn" is the word of the formal answer
// to another's violence; a voice that "denounces" or "slams" an act
// ("Pyongyang denounces drills") still makes an event of its own.
func (v *Vocabulary) condemnsAct(t term, rest []term) bool {
	return !v.off.has(condemnations) && condemnWords[t.surface] && v.namesDatedAct(v.actsOf(rest))
}

var condemnWords = toSet(`condemn condemns condemned`)

// genreOnAct tells whether all[i], a statement's genre ("statement"),
// is followed by a dated act the statement is on, with no statement verb
// of its own: "Statement by the spokesperson on the arrest of an activist"
// answers the arrest, where "Spokesman's statement slams drill" stays the
// voice's act.
func (v *Vocabulary) genreOnAct(all []term, i int) bool {
	for _, t := range all {
		if v.statementVerbs[t.surface] {
			return false
		}
	}
	return v.namesDatedAct(v.actsOf(all[i+1:]))
}

// namesDatedAct tells whether acts, a bit set of kinds (actsOf), holds a
// dated act's kind.
func (v *Vocabulary) namesDatedAct(acts uint64) bool {
	for _, a := range v.acts {
		if a.kind < 64 && v.dated[a.kind] && acts&(1<<a.kind) != 0 {
			return true
		}
	}
	return false
}

// protestNote tells whether ts[i] is "protest" in a diplomatic note's
// name, "protest note" or "note of protest" ("of" is no term): a
// government's written objection handed to another's envoy, no
// demonstration, on a desk whose act "protest" is ("Foreign ministry
// hands protest note to envoy over border shooting").
func protestNote(ts []term, i int) bool {
	if !protestWords[ts[i].surface] {
		return false
	}
	return i+1 < len(ts) && noteWords[ts[i+1].surface] || i > 0 && noteWords[ts[i-1].surface]
}

var (
	protestWords = toSet(`protest protests`)
	noteWords    = toSet(`note notes`)
)

// pressBriefing tells whether ts[i], a meeting's noun, follows "press":
// a briefing of reporters, no meeting ("Foreign Ministry Spokesperson's
// Regular Press Conference" answers the day's events). ("News" is no
// term: "news conference" stays talks.)
func pressBriefing(ts []term, i int) bool {
	return i > 0 && ts[i-1].surface == "press"
}

// describes tells whether t, an act's verb as a participle ("-ed"), says
// what the object of a later act of the clause is, an act that needs it:
// "Italian missionary kidnapped in Mali freed" is a release, whose
// hostage was kidnapped.
func (v *Vocabulary) describes(t term, rest []term) bool {
	if !strings.HasSuffix(t.surface, "ed") {
		return false
	}
	for _, r := range rest {
		for _, b := range v.acts {
			if b.verbs[r.text] && b.needs[t.text] {
				return true
			}
		}
	}
	return false
}

// signs tells whether a verb of a, an undated act (a deal's "signs"),
// has for its object the verb of a dated act the clause names what it
// needs for (rest, the terms after it; needsMet, as kindOf reads them):
// "President signs order shutting asylum access at border" is the order.
// A participle after it that ends the clause or that a preposition's
// object follows is passive, no object: what befell the undated act's
// noun ("Joint working group meeting held in Geneva" is the meeting, on
// a desk that reads "held" as an arrest), while "Talks that freed three
// hostages" are of the release.
func (v *Vocabulary) signs(a act, rest []term, needsMet uint64) bool {
	if v.dated[a.kind] || len(rest) == 0 || passiveAfter(rest) {
		return false
	}
	for j, b := range v.acts {
		if v.dated[b.kind] && b.verbs[rest[0].text] && (len(b.needs) == 0 || needsMet&(1<<j) != 0) {
			return true
		}
	}
	return false
}

// passiveAfter tells whether rest, the terms after a noun, open with a
// participle that ends the clause or is followed by the object of a
// preposition: "meeting held in Geneva", "talks held".
func passiveAfter(rest []term) bool {
	return len(rest) > 0 && (pastForm(rest[0].surface) || participles[rest[0].surface]) && (len(rest) == 1 || rest[1].setting)
}

// commonVerb tells whether t, a term of act a's verb, was written as a
// word the vocabulary lists as common, another than the verb: the
// stemmer makes "union" (in most of a labour desk's reports) the term of
// its verb "unionize".
func (v *Vocabulary) commonVerb(a act, t term) bool {
	return !v.off.has(commonVerbs) && v.commonWords[t.surface] && !a.written[t.surface] && !a.written[t.text]
}

// settingOf tells whether t, a verb of act a, is where something else
// happened: an undated act's noun governed by a preposition ("surge in
// first session after Golden Week", "freezes assets at Abuja summit",
// "pushes back on hike talk"). A dated act's noun stays its act
// ("soldiers killed in attack on base").
func (v *Vocabulary) settingOf(a act, t term) bool {
	return t.setting && !v.dated[a.kind]
}

// receivesAct tells whether t, a verb of receiving ("receives",
// "received"), takes another act as what is received, within the next
// receivedSpan terms (rest, the clause's terms after t: stop-words
// dropped, a phrase read as its canonical terms): "Drugmaker receives FDA
// approval for ...", "Antibody receives positive CHMP opinion" tell of
// the approval and the opinion, where "President receives Chinese foreign
// minister" tells of a meeting.
func (v *Vocabulary) receivesAct(t term, rest []term) bool {
	if !receiveWords[t.surface] {
		return false
	}
	for i, r := range rest {
		if i >= receivedSpan {
			break
		}
		for _, a := range v.acts {
			if a.verbs[r.text] && !a.verbs[t.text] {
				return true
			}
		}
	}
	return false
}

// receivesNoVisitor tells whether t, a verb of receiving, takes no
// visitor as what is received: no office or party of people within the
// next visitorSpan terms (rest). News writes a meeting as receiving a
// person by office ("President receives Chinese foreign minister",
// "Chairman receives ASEAN special envoy"); what else is received is a
// thing, a permit, aid or the dead, no meeting ("receives commercial
// recovery permit", "to receive additional water", "receives bodies of
// soldiers"; "receives first of six patrol vessels" is a delivery).
func (v *Vocabulary) receivesNoVisitor(t term, rest []term) bool {
	if v.off.has(visitors) || !receiveWords[t.surface] {
		return false
	}
	for i, r := range rest {
		if i >= visitorSpan {
			break
		}
		if visitorWords[r.surface] || visitorStems[r.text] || partyWords[r.surface] {
			return false
		}
	}
	return true
}

// visitorWords are the offices of people a leader receives, and
// "foreign", which opens one ("foreign minister", "foreign secretary");
// visitorStems are their terms, for an office a phrase ends ("special
// envoy"). visitorSpan is how many terms after a verb of receiving may
// name one ("receives Sovereign Council chairman").
var (
	visitorWords = toSet(`president presidents minister ministers envoy envoys ambassador ambassadors secretary chairman chairwoman chair premier king queen prince emir sultan delegation delegate counterpart counterparts speaker governor governors mayor chief leader commander general senator senators lawmakers congressman pope patriarch cardinal vice deputy head heads representative representatives commissioner director foreign`)
	visitorStems = stemsOf(visitorWords)
)

const visitorSpan = 4

// stemsOf is the set of the terms stemWord makes of words.
func stemsOf(words map[string]bool) map[string]bool {
	out := make(map[string]bool, len(words))
	for w := range words {
		out[stemWord(w)] = true
	}
	return out
}

// receiveWords are the written forms of receiving; receivedSpan is how
// many terms after one may name what is received.
var receiveWords = toSet(`receive receives received receiving`)

const receivedSpan = 2

// goalOf tells whether t, a verb of an act, names what the headline seeks
// or heads toward, not an act done: "CM writes to EAM seeking release of
// 14 fishermen" releases no one; "Court clears way for referendum" holds
// none.
func (v *Vocabulary) goalOf(t term) bool {
	return !v.off.has(goals) && t.goal
}

// actNext tells whether one of the first two terms of ts is the verb of
// an act that needs nothing: what a pledge promises ("vow further
// strike", "pledge new protests"), not whom it is made to.
func (v *Vocabulary) actNext(ts []term) bool {
	for _, t := range ts[:min(2, len(ts))] {
		for _, a := range v.acts {
			if len(a.needs) == 0 && a.verbs[t.text] {
				return true
			}
		}
	}
	return false
}

// saysHead tells whether a headline's main clause is what someone who is
// none of the desk's voices says: a speech verb right after its subject
// ("Justice ministry says Poland will comply with ruling"), not
// attribution at its end.
func (v *Vocabulary) saysHead(ts []term) bool {
	for i, t := range ts {
		if i > speechSpan || v.voices[t.text] {
			return false
		}
		if v.speechVerbs[t.surface] {
			return true
		}
	}
	return false
}

// ownActIn tells whether ws, the main clause of a reaction's first
// sentence, tell of a dated act and hold no verb of words that answer
// one ("condemns", "said"): the reaction's headline is a genre ("Update
// 314 - Statement on Situation in Ukraine"), its news an act of its day.
func (v *Vocabulary) ownActIn(ws []word) bool {
	for _, w := range ws {
		if v.answerVerb(w.lower) || v.statementVerbs[w.lower] {
			return false
		}
	}
	return v.namesDatedAct(v.actsOf(v.actTerms(ws)))
}

// pledgesIn tells whether ts hold a pledge's verb as written ("agrees",
// "vows").
func (v *Vocabulary) pledgesIn(ts []term) bool {
	for _, t := range ts {
		if v.pledgeVerbs[t.surface] {
			return true
		}
	}
	return false
}

// simhash is Charikar's 64-bit SimHash over word 3-shingles; copies of one
// wire text differ in a few bits at most.
func simhash(ws []word) (uint64, bool) {
	if len(ws) < simhashWords {
		return 0, false
	}
	var v [64]int
	for i := 0; i+3 <= len(ws); i++ {
		h := hash64(ws[i].lower + " " + ws[i+1].lower + " " + ws[i+2].lower)
		for b := 0; b < 64; b++ {
			if h&(1<<b) != 0 {
				v[b]++
			} else {
				v[b]--
			}
		}
	}
	var out uint64
	for b := 0; b < 64; b++ {
		if v[b] > 0 {
			out |= 1 << b
		}
	}
	return out, true
}

func hamming(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// dayNumber is the civil date of t (in t's own zone) as days since 1970-01-01.
func dayNumber(t time.Time) int32 {
	y, m, d := t.Date()
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// dayNoonUTC turns a day number into the zone-proof form stories store.
func dayNoonUTC(day int32) time.Time {
	return time.Unix(int64(day)*86400+12*3600, 0).UTC()
}

func hash32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func hash64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// withoutPastYear is ws without the word before "in <year>" of an
// earlier year than year ("the treaty the two countries signed in
// 2025"): an act of a past year is background, no act of the report.
func withoutPastYear(ws []word, year int) []word {
	out := ws
	for i := 2; i < len(ws); i++ {
		w := ws[i]
		if !w.digits || len(w.lower) != 4 || ws[i-1].lower != "in" {
			continue
		}
		if y := atoi(w.lower); y < 1900 || y >= year {
			continue
		}
		if len(out) == len(ws) {
			out = slices.Clone(ws)
		}
		out = slices.DeleteFunc(out, func(x word) bool { return x.end == ws[i-2].end })
	}
	return out
}

// undated is a name's run without the words of a date in it, as the
// names its other words make: "moorpark_thursday" is "moorpark",
// "march_5" none.
func (v *Vocabulary) undated(r string) []string {
	toks := strings.Split(r, "_")
	ws := make([]word, len(toks))
	for i, t := range toks {
		ws[i] = word{raw: t, lower: t, digits: t != "" && t[0] >= '0' && t[0] <= '9'}
	}
	var out []string
	start := 0
	flush := func(end int) {
		if end-start > 1 || end-start == 1 && !v.stop[toks[start]] && !v.actors[toks[start]] && len(toks[start]) >= 3 {
			out = append(out, strings.Join(toks[start:end], "_"))
		}
	}
	dated := false
	for i := range ws {
		if dayWord(ws, i) {
			dated = true
			flush(i)
			start = i + 1
		}
	}
	if !dated {
		return []string{r}
	}
	flush(len(ws))
	return out
}

// calendarDate tells whether a date expression writes a month's name and
// a day's number ("on March 3", "3 March"): a calendar date, which a
// report days later writes for the day it looks back to.
func calendarDate(expr string) bool {
	ws := splitWords(expr)
	for i := range ws {
		if _, ok := months[ws[i].lower]; ok && dayWord(ws, i) {
			return true
		}
	}
	return false
}
