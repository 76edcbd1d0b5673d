package config

import (
	"strings"
	"unicode"

	"wirewatch/words"
)

// BuiltinKinds are the kinds of act every vocabulary has: no act named,
// a statement of one of the desk's voices (an event of its own), a reaction
// of anyone else (a follow-up of the event it names), an analysis (a
// follow-up too), and an editorial or column (never one event).
var BuiltinKinds = []string{"other", "statement", "opinion", "reaction", "analysis"}

// Limits of a vocabulary, so that a story's facts fit in fixed-size fields.
const (
	MaxFacts      = 6  // [facts.*] tables, shipped and configured together
	MaxFactValues = 32 // values of one fact
	MaxPhrase     = 6  // words of an alias phrase
)

// Vocabulary is a desk's words for grouping reports into stories: which
// phrases name one thing, which facts must agree for two reports to be one
// event, and which kinds of act a headline names. The shipped default
// (stories/vocabulary.toml) has the same form as [stories.vocabulary];
// package stories compiles and merges them.
type Vocabulary struct {
	Pos     Pos
	Set     bool // written in the config
	Replace bool // the configured vocabulary replaces the shipped one instead of extending it

	Aliases   []Alias  // phrase = canonical terms; "" drops the phrase
	Words     []Alias  // word = canonical term (inflections, synonyms of one act)
	Stopwords []string // words that say nothing about the event (epithets, stock titles)
	Common    []string // terms in most of the desk's stories: they count, but little
	Actors    []string // capitalised words naming the usual actors, never an event
	Counted   []string // word prefixes a count must come before to be a count ("missile")
	Facts     []Fact
	Names     Names
	Acts      []Act
	Statement Statement
}

// Alias maps a phrase or word to canonical terms.
type Alias struct {
	Pos      Pos
	From, To string
}

// Fact is a [facts.NAME] table: values, each with the terms that name it.
// Two reports that name different values of one fact are different events.
type Fact struct {
	Pos    Pos
	Name   string
	Values []FactValue
}

// FactValue is one value of a fact and its terms.
type FactValue struct {
	Pos   Pos
	Name  string
	Terms []string
}

// Names are named operations: known names, and capitalised words written
// right before a head noun ("Freedom Edge exercise"); and the prefixes
// outlets drop from a name ("BRP Teresa Magbanua" is "Teresa Magbanua").
type Names struct {
	Heads    []string
	Known    []Alias  // name as written = canonical name
	Prefixes []string // a ship's "brp", "uss": the name is read without them too
}

// Act is one [[acts]] entry: a headline whose main clause names one of
// Verbs (and, when Needs is set, one of Needs too) reports an act of Kind.
// Acts of different kinds are different events; acts of a dated kind more
// than a day apart are too.
type Act struct {
	Pos     Pos
	Kind    string
	Verbs   []string
	Needs   []string
	Also    []string // kinds a report of this kind may be one event with (a fire an attack caused)
	Undated bool     // reports of this kind name the days of what they react to
}

// Statement says how a headline reporting a statement reads: its verbs
// ("denounces"), its genres ("commentary", with a voice anywhere in the
// headline), speech verbs that are a statement when a voice is the subject,
// and pledges ("allies agree") that are an act of PledgeKind otherwise.
type Statement struct {
	Verbs      []string
	Genres     []string
	Speech     []string
	Pledges    []string
	Appeals    []string // speech that is a reaction from anyone but a voice: "US, UK urge Iran to release..."
	Decisions  []string // what a body adopts of its own: "approved a resolution demanding ..." is its act, no reaction
	Voices     []string
	PledgeKind string
}

// ParseVocabulary reads a vocabulary file (the form of [stories.vocabulary]
// at the top level). Mistakes are reported as file:line:col.
func ParseVocabulary(path string, data []byte) (*Vocabulary, error) {
	d, root, err := decodeFile(path, data)
	if err != nil {
		return nil, err
	}
	v := d.vocabulary(d.table(root, "", false), false)
	if len(d.errs) > 0 {
		return v, d.sorted()
	}
	return v, nil
}

// vocabulary decodes a vocabulary table; inConfig allows "replace".
func (d *decoder) vocabulary(t *table, inConfig bool) *Vocabulary {
	v := &Vocabulary{Pos: t.n.pos, Set: true}
	if inConfig {
		t.boolean("replace", &v.Replace)
	}
	v.Aliases = d.aliases(d.section(t, "aliases"), MaxPhrase)
	v.Words = d.aliases(d.section(t, "words"), 1)
	d.terms(t, "stopwords", &v.Stopwords)
	d.terms(t, "common", &v.Common)
	d.terms(t, "actors", &v.Actors)
	d.terms(t, "counted", &v.Counted)
	if ft := d.section(t, "facts"); ft != nil {
		for _, name := range ft.n.keys {
			n := ft.get(name)
			if n.kind != kindTable {
				ft.wrongType(name, n, "a table [facts."+name+"] of values")
				continue
			}
			v.Facts = append(v.Facts, d.fact(d.table(n, ft.path(name), false), name))
		}
		if len(v.Facts) > MaxFacts {
			d.errorf(ft.n.pos, "%s: %d facts; at most %d", ft.name, len(v.Facts), MaxFacts)
		}
		ft.finish()
	}
	if nt := d.section(t, "names"); nt != nil {
		d.terms(nt, "heads", &v.Names.Heads)
		d.terms(nt, "prefixes", &v.Names.Prefixes)
		v.Names.Known = d.aliases(d.section(nt, "known"), MaxPhrase)
		nt.finish()
	}
	for _, at := range d.entries(t, "acts") {
		v.Acts = append(v.Acts, d.act(at))
	}
	if st := d.section(t, "statement"); st != nil {
		d.terms(st, "verbs", &v.Statement.Verbs)
		d.terms(st, "genres", &v.Statement.Genres)
		d.terms(st, "speech", &v.Statement.Speech)
		d.terms(st, "pledges", &v.Statement.Pledges)
		d.terms(st, "appeals", &v.Statement.Appeals)
		d.terms(st, "decisions", &v.Statement.Decisions)
		d.terms(st, "voices", &v.Statement.Voices)
		if n := st.str("pledge_kind", &v.Statement.PledgeKind); n != nil {
			found := false
			for _, a := range v.Acts {
				found = found || a.Kind == v.Statement.PledgeKind
			}
			if !found && inConfig {
				// The shipped kinds may define it; stories checks the merged set.
				found = true
			}
			if !found {
				d.errorf(n.pos, "%s: no [[acts]] entry has kind %q", st.path("pledge_kind"), v.Statement.PledgeKind)
			}
		}
		st.finish()
	}
	t.finish()
	return v
}

// aliases reads a table of phrase = "canonical terms".
func (d *decoder) aliases(t *table, maxWords int) []Alias {
	if t == nil {
		return nil
	}
	var out []Alias
	for _, k := range t.n.keys {
		n := t.get(k)
		if n.kind != kindString {
			t.wrongType(k, n, "a string of canonical terms")
			continue
		}
		words := PhraseWords(k)
		switch {
		case len(words) == 0:
			d.errorf(n.keyPos, "%s: %q has no letters or digits", t.name, k)
			continue
		case len(words) > maxWords && maxWords == 1:
			d.errorf(n.keyPos, "%s: %q is more than one word (write phrases under aliases)", t.name, k)
			continue
		case len(words) > maxWords:
			d.errorf(n.keyPos, "%s: %q has %d words; at most %d", t.name, k, len(words), maxWords)
			continue
		}
		if bad := badTerm(n.str); bad != "" {
			d.errorf(n.pos, "%s: %q: canonical terms are lower-case letters, digits and _ separated by spaces (%q)", t.path(k), n.str, bad)
			continue
		}
		out = append(out, Alias{Pos: n.pos, From: strings.Join(words, " "), To: n.str})
	}
	t.finish()
	return out
}

// terms reads an array of lower-case terms.
func (d *decoder) terms(t *table, key string, dst *[]string) {
	for _, n := range t.strings(key, dst) {
		if bad := badTerm(n.str); bad != "" || strings.TrimSpace(n.str) == "" {
			d.errorf(n.pos, "%s: %q: write lower-case words without spaces or marks", t.path(key), n.str)
		} else if strings.ContainsRune(strings.TrimSpace(n.str), ' ') {
			d.errorf(n.pos, "%s: %q: one word per entry (phrases go under aliases)", t.path(key), n.str)
		}
	}
	for i, s := range *dst {
		(*dst)[i] = strings.TrimSpace(s)
	}
}

func (d *decoder) fact(t *table, name string) Fact {
	f := Fact{Pos: t.n.pos, Name: name}
	for _, k := range t.n.keys {
		var terms []string
		n := t.n.fields[k]
		d.terms(t, k, &terms)
		if len(terms) == 0 && n.kind == kindArray {
			d.errorf(n.pos, "%s: a value needs at least one term", t.path(k))
		}
		f.Values = append(f.Values, FactValue{Pos: n.pos, Name: k, Terms: terms})
	}
	if len(f.Values) > MaxFactValues {
		d.errorf(t.n.pos, "%s: %d values; at most %d", t.name, len(f.Values), MaxFactValues)
	}
	t.finish()
	return f
}

func (d *decoder) act(t *table) Act {
	a := Act{Pos: t.n.pos}
	if n := t.required("kind", &a.Kind); n != nil {
		switch {
		case !isSlug(a.Kind):
			d.errorf(n.pos, "%s: %q must be lower-case letters, digits and hyphens", t.path("kind"), a.Kind)
		case contains(BuiltinKinds, a.Kind):
			d.errorf(n.pos, "%s: %q is built in (statements are set in [statement])", t.path("kind"), a.Kind)
		}
	}
	d.terms(t, "verbs", &a.Verbs)
	if len(a.Verbs) == 0 {
		d.errorf(t.n.pos, "%s: an act needs at least one verb", t.where())
	}
	d.terms(t, "needs", &a.Needs)
	for _, n := range t.strings("also", &a.Also) {
		if !isSlug(n.str) {
			d.errorf(n.pos, "%s: %q is not a kind of act", t.path("also"), n.str)
		}
	}
	t.boolean("undated", &a.Undated)
	t.finish()
	return a
}

// badTerm returns the first field of s that is not lower-case letters,
// digits and "_", or "".
func badTerm(s string) string {
	for _, f := range strings.Fields(s) {
		for _, r := range f {
			if !(unicode.IsLower(r) || unicode.IsDigit(r) || r == '_' || (unicode.IsLetter(r) && !unicode.IsUpper(r))) {
				return f
			}
		}
	}
	return ""
}

// PhraseWords splits a phrase as the grouper reads text (package words'
// rule: letters, digits and combining marks make words, anything else
// separates them), lower-cased in composed form (words.Lower), so "U.S."
// is "u s", "Sea of Japan" is "sea of japan" and a decomposed "Bogotá" is
// the composed one. A possessive "'s" is dropped.
func PhraseWords(s string) []string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "'s ", " "), "’s ", " ")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
	return words.Split(words.Lower(s))
}
