package stories

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"wirewatch/config"
)

// CheckVocabulary reads a config's vocabulary as the grouper will, with
// the shipped vocabularies it is compiled with (see NewVocabulary), for
// entries that can never apply (mistakes) and entries that apply
// otherwise than written (warnings), each at its file:line:col. It only
// reads: grouping is the same whatever it finds. A vocabulary that does
// not compile gets nothing here; NewVocabulary says why.
func CheckVocabulary(cv config.Vocabulary) (mistakes, warnings config.Errors) {
	if !cv.Set {
		return nil, nil
	}
	return checkParts(vocabularyParts(&cv))
}

// checkParts checks parts[0] as compiled with the parts after it (the
// shipped ones).
func checkParts(parts []*config.Vocabulary) (mistakes, warnings config.Errors) {
	v, err := compile(parts)
	if err != nil {
		return nil, nil
	}
	mistakes = unreadWords(v, parts)
	unnamed, aliasOnly := droppedTerms(v, parts)
	mistakes = append(mistakes, unnamed...)
	warnings = append(aliasOnly, unmetTerms(v, parts)...)
	warnings = append(warnings, splitSenses(v, parts)...)
	warnings = append(warnings, sharedVerbs(v, parts)...)
	for i := range warnings {
		warnings[i].Warning = true
	}
	return mistakes.Sorted(), warnings.Sorted()
}

// reads is what the grouper makes of s written in a report: its
// canonical terms, by the same reader (aliases, [words], stop-words, the
// stemmer).
func (v *Vocabulary) reads(s string) []string {
	var out []string
	for _, t := range v.canonicalTerms(splitWords(s), false) {
		out = append(out, t.text)
	}
	return out
}

// unreadWords are the [words] entries of parts[0] the grouper never
// reads (see unread).
func unreadWords(v *Vocabulary, parts []*config.Vocabulary) config.Errors {
	var errs config.Errors
	for _, w := range parts[0].Words {
		if why := unread(v, parts, w); why != "" {
			errs = append(errs, config.Error{Pos: w.Pos, Msg: fmt.Sprintf("words %q: %s: this entry never applies", w.From, why)})
		}
	}
	return errs
}

// unread says why the grouper never reads a [words] entry, or "": its
// word is a one-word alias, read as a phrase first, or a stop-word,
// dropped before [words] is looked at (a speech verb is read before
// stop-words). An entry that drops its word ("") does what the
// stop-word does already.
func unread(v *Vocabulary, parts []*config.Vocabulary, w config.Alias) string {
	if w.To == "" {
		return ""
	}
	if alias := firstAlias(parts, w.From); alias != nil && alias.To != w.To {
		return fmt.Sprintf("%q is an alias (%s = %q), read as a phrase before [words]", w.From, alias.Pos, alias.To)
	}
	if v.stop[w.From] && !v.speechVerbs[w.From] {
		return fmt.Sprintf("%q is a stop-word, dropped before [words] is read (an alias is read before stop-words)", w.From)
	}
	return ""
}

// droppedTerms are the terms of parts[0]'s acts (verbs, needs) and facts
// that the grouper drops as stop-words where a report writes them: only
// an alias that gives the term can name it (a warning), and with no such
// alias nothing can (a mistake). "report" is a stop-word: an act whose
// verb is "report" is named by "quarterly report" = "report quarterly",
// never by "IAEA reports ...".
func droppedTerms(v *Vocabulary, parts []*config.Vocabulary) (mistakes, warnings config.Errors) {
	given := map[string]bool{} // terms some alias gives
	for _, p := range parts {
		for _, a := range p.Aliases {
			for _, t := range strings.Fields(a.To) {
				given[t] = true
			}
		}
	}
	note := func(pos config.Pos, what, t string) {
		if !v.stop[t] && !v.stop[v.stem(t)] || v.speechVerbs[t] {
			return // read, or read in a headline's act as a speech verb
		}
		if given[t] || given[v.stem(t)] {
			warnings = append(warnings, config.Error{Pos: pos, Msg: fmt.Sprintf(
				"%s %q is a stop-word where a report writes it: only an alias that gives %q names it", what, t, t)})
			return
		}
		mistakes = append(mistakes, config.Error{Pos: pos, Msg: fmt.Sprintf(
			"%s %q is a stop-word where a report writes it, and no alias gives it: nothing can name it (write it under [aliases] to keep it)", what, t)})
	}
	for _, a := range parts[0].Acts {
		for _, w := range a.Verbs {
			note(a.Pos, fmt.Sprintf("acts %q: verb", a.Kind), w)
		}
		for _, w := range a.Needs {
			note(a.Pos, fmt.Sprintf("acts %q: needs", a.Kind), w)
		}
	}
	for _, f := range parts[0].Facts {
		for _, val := range f.Values {
			for _, t := range val.Terms {
				note(val.Pos, fmt.Sprintf("facts.%s.%s: term", f.Name, val.Name), t)
			}
		}
	}
	return mistakes, warnings
}

// firstAlias is the alias of phrase that wins (the earliest part's).
func firstAlias(parts []*config.Vocabulary, phrase string) *config.Alias {
	for _, p := range parts {
		for i := range p.Aliases {
			if p.Aliases[i].From == phrase {
				return &p.Aliases[i]
			}
		}
	}
	return nil
}

// unmetTerms are the canonical terms of parts[0]'s aliases and [words]
// that a report writing the same word does not give. A canonical term is
// read as a report's words are, through [words] and the stemmer (termOf:
// "spy satellite" = "satellite" meets a report's "satellite"), but not
// through aliases: northern = "dprk" gives "dprk" where a report's "dprk"
// is the alias's "nkorea". Only terms the vocabularies write as reports
// do (writtenWords) count: an invented term ("nkorea", "shortrange") is
// written by no report. One warning per term, at its first entry.
func unmetTerms(v *Vocabulary, parts []*config.Vocabulary) config.Errors {
	written := writtenWords(parts)
	var errs config.Errors
	seen := map[string]bool{}
	note := func(section string, e config.Alias) {
		for _, t := range strings.Fields(e.To) {
			read, gives := v.reads(t), v.termOf(t)
			if !written[t] || len(read) == 0 || slices.Contains(read, gives) {
				continue
			}
			if seen[t] {
				continue
			}
			seen[t] = true
			errs = append(errs, config.Error{Pos: e.Pos, Msg: fmt.Sprintf(
				"%s %q: a report's %q is read %q, so it never meets the %q this entry gives: write %q in its place",
				section, e.From, t, strings.Join(read, " "), gives, strings.Join(read, " "))})
		}
	}
	for _, a := range parts[0].Aliases {
		note("aliases", a)
	}
	for _, w := range parts[0].Words {
		if unread(v, parts, w) == "" {
			note("words", w)
		}
	}
	return errs
}

// writtenWords are the words the vocabularies write as reports write
// them: the words of phrases and [words] keys, the word a [words] key
// inflects when it is its canonical term ("recalls" = "recall"), and the
// statement lists (matched as written). Verbs, needs and facts are left
// out: they may list canonical terms too.
func writtenWords(parts []*config.Vocabulary) map[string]bool {
	m := map[string]bool{}
	add := func(ss ...string) {
		for _, s := range ss {
			for _, f := range strings.Fields(s) {
				m[f] = true
			}
		}
	}
	for _, p := range parts {
		for _, list := range [][]config.Alias{p.Aliases, p.Words, p.Names.Known} {
			for _, a := range list {
				add(a.From)
			}
		}
		for _, w := range p.Words {
			if inflects(w.From, w.To) {
				add(w.To)
			}
		}
		s := p.Statement
		for _, list := range [][]string{s.Verbs, s.Genres, s.Speech, s.Pledges, s.Appeals, s.Decisions} {
			add(list...)
		}
	}
	return m
}

// inflects tells whether word is an inflection of base: "recalls" of
// "recall", "eased" of "ease", "levies" of "levy", by the stemmer that
// reads reports, so a base the stemmer wrote ("acquir") passes too and a
// longer word that only starts alike ("package" of "pack") does not.
func inflects(word, base string) bool {
	return word != base && stemWord(word) == stemWord(base)
}

// splitSenses are entries of parts[0] (the desk's) that take a word or
// phrase from a shipped entry of another canonical term while the
// shipped vocabulary still reads other words as that term: news English
// reads "kidnaps", "kidnap" and "abducted" alike ("abduct"); a desk that
// maps only "kidnaps" to "kidnap" parts them. One warning per shipped
// term, at the desk's first entry that takes from it.
func splitSenses(v *Vocabulary, parts []*config.Vocabulary) config.Errors {
	written := writtenWords(parts)
	var errs config.Errors
	done := map[string]bool{} // shipped terms reported
	for _, section := range []string{"aliases", "words"} {
		for _, d := range entries(parts[0], section) {
			for _, p := range parts[1:] {
				for _, s := range entries(p, section) {
					if s.From != d.From || v.termOf(s.To) == v.termOf(d.To) || s.To == "" || done[s.To] {
						continue
					}
					left := stillRead(v, parts[1:], written, s.To)
					if len(left) == 0 {
						continue
					}
					done[s.To] = true
					errs = append(errs, config.Error{Pos: d.Pos, Msg: fmt.Sprintf(
						"%s %q: takes %q from %s's %q (%s), which still reads %s as %q: reports that write them no longer meet one that writes %q; map them here too",
						section, d.From, d.From, filepath.Base(s.Pos.File), s.To, s.Pos, config.QuoteList(left, "and"), s.To, d.From)})
				}
			}
		}
	}
	return errs
}

// entries are a part's aliases or [words].
func entries(p *config.Vocabulary, section string) []config.Alias {
	if section == "aliases" {
		return p.Aliases
	}
	return p.Words
}

// stillRead lists the words and phrases the shipped parts give term to,
// and term itself when it is a written word, that the compiled
// vocabulary still reads as term (the desk did not map them).
func stillRead(v *Vocabulary, shipped []*config.Vocabulary, written map[string]bool, term string) []string {
	want := strings.Fields(v.termOf(term))
	var left []string
	try := func(s string) {
		if !slices.Contains(left, s) && slices.Equal(v.reads(s), want) {
			left = append(left, s)
		}
	}
	for _, p := range shipped {
		for _, list := range [][]config.Alias{p.Aliases, p.Words} {
			for _, a := range list {
				if a.To == term {
					try(a.From)
				}
			}
		}
	}
	if written[term] {
		try(term)
	}
	return left
}

// sharedVerbs are the acts of parts[0] (the desk's) whose verb is also a
// verb of a shipped act of another kind: the desk's acts come first, so
// a headline naming it is read as the desk's kind (when what the act
// needs is named).
func sharedVerbs(v *Vocabulary, parts []*config.Vocabulary) config.Errors {
	var errs config.Errors
	for _, a := range parts[0].Acts {
		told := map[string]bool{} // shipped kinds this act was reported against
		for _, w := range a.Verbs {
			for _, p := range parts[1:] {
				for _, b := range p.Acts {
					if b.Kind == a.Kind || told[b.Kind] || !slices.ContainsFunc(b.Verbs, func(o string) bool { return sameWord(v, w, o) }) {
						continue
					}
					told[b.Kind] = true
					errs = append(errs, config.Error{Pos: a.Pos, Msg: fmt.Sprintf(
						"acts %q: verb %q is also a verb of %s's %q acts (%s): a headline that names it is read as %q, not %q",
						a.Kind, w, filepath.Base(b.Pos.File), b.Kind, b.Pos, a.Kind, b.Kind)})
				}
			}
		}
	}
	return errs
}

// sameWord tells whether two verbs of acts meet: an act holds each verb
// as written and as read.
func sameWord(v *Vocabulary, a, b string) bool {
	return a == b || v.stem(a) == b || a == v.stem(b) || v.stem(a) == v.stem(b)
}
