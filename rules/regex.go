package rules

import (
	"cmp"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"

	"wirewatch/prefilter"
)

// maxRegexMatches is how many matches of a regex are kept per field.
const maxRegexMatches = 64

// matchRegex runs a regex over the raw text of the fields in its scope.
func matchRegex(l *leaf, d *doc, sp []span) []span {
	for f := field(0); f < numFields; f++ {
		if !l.mask.has(f) || d.fields[f] == "" {
			continue
		}
		for _, loc := range l.re.FindAllStringIndex(d.fields[f], maxRegexMatches) {
			if len(sp) >= maxSpans {
				return sp
			}
			sp = append(sp, d.byteSpan(f, loc[0], loc[1]))
		}
	}
	return sp
}

// litPos is where a leading literal of a regex occurs in the raw text.
type litPos struct {
	field field
	off   int32
}

// matchRegexAt finds the same matches as matchRegex for a regex whose
// every match starts with one of its leading literals, trying the regex
// only where one occurs: the leftmost match at or after a position starts
// at the first occurrence from there where the anchored regex matches.
func (e *Engine) matchRegexAt(l *leaf, s *scratch, sp []span) []span {
	d := s.d
	pos := s.pos[:0]
	for _, li := range l.leading {
		if st := &s.lists[keyLit][li]; s.in(st, l.mask) {
			for _, p := range st.toks {
				t := &d.toks[p]
				raw := d.fields[t.field][t.start:t.end]
				for i := 0; l.mask.has(t.field); { // every place, overlapping ones too
					loc := l.leadingRE.FindStringIndex(raw[i:])
					if loc == nil {
						break
					}
					pos = append(pos, litPos{t.field, t.start + int32(i+loc[0])})
					_, w := utf8.DecodeRuneInString(raw[i+loc[0]:])
					i += loc[0] + w
				}
			}
		}
	}
	slices.SortFunc(pos, func(a, b litPos) int {
		return cmp.Or(cmp.Compare(a.field, b.field), cmp.Compare(a.off, b.off))
	})
	pos = slices.Compact(pos)
	s.pos = pos

	cur, curField, found := 0, field(numFields), 0
	for _, p := range pos {
		if p.field != curField {
			cur, curField, found = 0, p.field, 0
		}
		if int(p.off) < cur || found >= maxRegexMatches {
			continue
		}
		text := d.fields[p.field]
		at := int(p.off)
		var loc []int
		if at == 0 {
			loc = l.atStart.FindStringIndex(text)
		} else {
			// The rune before gives \b and ^ their context.
			_, w := utf8.DecodeLastRuneInString(text[:at])
			loc = l.afterRune.FindStringIndex(text[at-w:])
			if loc != nil {
				loc[1] += at - w
			}
		}
		if loc == nil {
			continue
		}
		if len(sp) >= maxSpans {
			return sp
		}
		sp = append(sp, d.byteSpan(p.field, at, loc[1]))
		cur = loc[1]
		found++
	}
	return sp
}

// regexLiterals returns strings of ASCII letters and digits, folded, one
// of which occurs in every text the regex matches (from the one literal
// prefilter); nil when no such set is known (then the regex cannot be
// indexed on its own). Of each literal the longest run of ASCII letters
// and digits will do: only those are looked for, inside tokens (see
// Engine.lookUp).
func regexLiterals(expr string) []string {
	lits, err := prefilter.Required(expr)
	if err != nil {
		return nil
	}
	return asciiLiterals(lits, func(l string) string { // its first longest run
		runs := append(strings.FieldsFunc(l, notASCIIWord), "")
		return slices.MaxFunc(runs, func(a, b string) int { return cmp.Compare(len(a), len(b)) })
	})
}

// asciiLiterals replaces each literal by its part of ASCII letters and
// digits, sorted and without duplicates; nil when lits is nil or a part is
// shorter than two bytes (a one-byte key would fire on almost every item).
func asciiLiterals(lits []string, part func(string) string) []string {
	if lits == nil {
		return nil
	}
	for i, l := range lits {
		if lits[i] = part(l); len(lits[i]) < 2 {
			return nil
		}
	}
	slices.Sort(lits)
	return slices.Compact(lits)
}

// prepareLeading sets up a regex whose every match starts with one of a
// few literals to be run only where they occur (see Engine.matchRegexAt);
// lit gives a literal its id.
func prepareLeading(l *leaf, lit func(string) int32) {
	src := l.re.String()
	lead := leadingLiterals(src)
	// The wrapped regexes must mean the same as the original; \Q...\E
	// could swallow the closing parenthesis.
	if lead == nil || strings.Contains(src, `\Q`) {
		return
	}
	atStart, err1 := regexp.Compile(`^(?:` + src + `)`)
	afterRune, err2 := regexp.Compile(`^(?s:.)(?:` + src + `)`)
	if err1 != nil || err2 != nil {
		return
	}
	l.atStart, l.afterRune = atStart, afterRune
	l.leadingRE = regexp.MustCompile(`(?i:` + strings.Join(lead, "|") + `)`) // ASCII letters and digits
	for _, s := range lead {
		l.leading = append(l.leading, lit(s))
	}
}

// leadingLiterals returns literals, folded (prefilter.FoldRune) and of
// ASCII letters and digits, one of which every match of the regex starts
// with; nil when there is no such set of literals at least two bytes long.
func leadingLiterals(expr string) []string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	return asciiLiterals(prefilter.Leading(re), func(l string) string {
		if k := strings.IndexFunc(l, notASCIIWord); k >= 0 {
			return l[:k]
		}
		return l
	})
}

// notASCIIWord reports whether r is anything but a lower-case ASCII letter
// or digit (folded literals have no upper case).
func notASCIIWord(r rune) bool { return !('a' <= r && r <= 'z' || '0' <= r && r <= '9') }
