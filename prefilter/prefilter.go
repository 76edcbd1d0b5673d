package prefilter

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxExact bounds the sets of strings tracked while analysing a pattern
// (cross products of alternations grow fast).
const maxExact = 64

// maxClassRunes: a character class with more runes than this is treated as
// "any character" (it is no useful literal).
const maxClassRunes = 16

// Required derives from a Go regexp pattern literals, folded
// (FoldString), one of which occurs in any text the pattern matches once
// that text is folded. None means the pattern needs no particular literal.
func Required(pattern string) ([]string, error) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, err
	}
	return RequiredOf(re), nil
}

// RequiredOf is Required for a parsed pattern.
func RequiredOf(re *syntax.Regexp) []string {
	return analyze(re.Simplify()).required()
}

// patternInfo is what the analysis knows about a subexpression: either the
// exact set of strings it matches (exact, folded, may contain ""), or a set
// of literals one of which every match contains (req; nil when nothing is
// known).
type patternInfo struct {
	isExact bool
	exact   []string
	req     []string
}

func exactInfo(s ...string) patternInfo { return patternInfo{isExact: true, exact: s} }

var anyInfo = patternInfo{}

// required turns the info into a necessary condition on the text.
func (p patternInfo) required() []string {
	if !p.isExact {
		return p.req
	}
	return simplifyLiterals(p.exact)
}

func analyze(re *syntax.Regexp) patternInfo {
	switch re.Op {
	case syntax.OpNoMatch:
		return exactInfo()
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return exactInfo("")
	case syntax.OpLiteral:
		return exactInfo(FoldString(string(re.Rune)))
	case syntax.OpCharClass:
		return classInfo(re.Rune)
	case syntax.OpCapture:
		return analyze(re.Sub[0])
	case syntax.OpQuest:
		sub := analyze(re.Sub[0])
		if !sub.isExact {
			return anyInfo
		}
		return exactInfo(union(sub.exact, []string{""})...)
	case syntax.OpPlus:
		return patternInfo{req: analyze(re.Sub[0]).required()}
	case syntax.OpRepeat:
		if re.Min == 0 {
			return anyInfo
		}
		return patternInfo{req: analyze(re.Sub[0]).required()}
	case syntax.OpConcat:
		return concatInfo(re.Sub)
	case syntax.OpAlternate:
		return alternateInfo(re.Sub)
	}
	// OpAnyChar, OpAnyCharNotNL, OpStar and anything new: no literal.
	return anyInfo
}

func classInfo(ranges []rune) patternInfo {
	n := 0
	for i := 0; i+1 < len(ranges); i += 2 {
		n += int(ranges[i+1]-ranges[i]) + 1
		if n > maxClassRunes {
			return anyInfo
		}
	}
	var set []string
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			set = union(set, []string{string(FoldRune(r))})
		}
	}
	return exactInfo(set...)
}

// concatInfo follows runs of subexpressions with exact sets (their cross
// product is exact too) and keeps the most selective requirement seen.
func concatInfo(subs []*syntax.Regexp) patternInfo {
	var candidates [][]string
	chain := []string{""}
	allExact := true
	for _, sub := range subs {
		info := analyze(sub)
		if !info.isExact {
			allExact = false
			candidates = append(candidates, simplifyLiterals(chain), info.req)
			chain = []string{""}
			continue
		}
		candidates = append(candidates, simplifyLiterals(info.exact))
		if len(chain)*len(info.exact) > maxExact {
			allExact = false
			candidates = append(candidates, simplifyLiterals(chain))
			chain = []string{""}
		}
		chain = cross(chain, info.exact)
	}
	if allExact {
		return exactInfo(chain...)
	}
	candidates = append(candidates, simplifyLiterals(chain))
	var best []string
	for _, c := range candidates {
		if betterLiterals(c, best) {
			best = c
		}
	}
	return patternInfo{req: best}
}

func alternateInfo(subs []*syntax.Regexp) patternInfo {
	infos := make([]patternInfo, len(subs))
	allExact := true
	size := 0
	for i, sub := range subs {
		infos[i] = analyze(sub)
		allExact = allExact && infos[i].isExact
		size += len(infos[i].exact)
	}
	if allExact && size <= maxExact {
		var set []string
		for _, info := range infos {
			set = union(set, info.exact)
		}
		return exactInfo(set...)
	}
	var req []string
	for _, info := range infos {
		r := info.required()
		if len(r) == 0 {
			// One branch can match without any literal.
			return anyInfo
		}
		req = append(req, r...)
	}
	return patternInfo{req: simplifyLiterals(req)}
}

// betterLiterals tells whether requirement a is a cheaper or more selective
// filter than b. Literals of six bytes or more are selective enough; then
// fewer literals are cheaper to look for.
func betterLiterals(a, b []string) bool {
	sa, sb := selectivity(a), selectivity(b)
	if sa != sb {
		return sa > sb
	}
	return len(a) < len(b)
}

func selectivity(lits []string) int {
	if len(lits) == 0 {
		return 0
	}
	m := len(lits[0])
	for _, l := range lits[1:] {
		m = min(m, len(l))
	}
	return min(m, 6)
}

// simplifyLiterals drops duplicates and literals that contain another one
// (finding the shorter is enough). A set with "" requires nothing.
func simplifyLiterals(lits []string) []string {
	lits = slices.Clone(lits)
	slices.SortFunc(lits, func(a, b string) int { return len(a) - len(b) })
	var out []string
	for _, l := range lits {
		if l == "" {
			return nil
		}
		if !slices.ContainsFunc(out, func(o string) bool { return strings.Contains(l, o) }) {
			out = append(out, l)
		}
	}
	return out
}

func cross(a, b []string) []string {
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = union(out, []string{x + y})
		}
	}
	return out
}

func union(a, b []string) []string {
	for _, s := range b {
		if !slices.Contains(a, s) {
			a = append(a, s)
		}
	}
	return a
}

// FoldRune maps every rune of a simple case-folding orbit (the runes a
// (?i) pattern treats as equal, e.g. k, K and the Kelvin sign) to one
// representative: the lower case of the smallest rune in it.
func FoldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	return unicode.ToLower(m)
}

// FoldString folds s rune by rune (see FoldRune); invalid UTF-8 becomes
// U+FFFD, as the regexp engine reads it.
func FoldString(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = utf8.AppendRune(b, FoldRune(r))
	}
	return string(b)
}

// Leading returns literals, folded (FoldRune), one of which every match of
// re starts with; nil when no such set is known. A scanner can then try
// the pattern only where one of them occurs.
func Leading(re *syntax.Regexp) []string {
	lits, _ := leading(re.Simplify())
	return lits
}

// leading returns strings one of which every match of re starts with, none
// of them empty.
func leading(re *syntax.Regexp) ([]string, bool) {
	if set, ok := exactSet(re); ok {
		return nonEmpty(set)
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return leading(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return leading(re.Sub[0])
		}
	case syntax.OpConcat:
		// The subexpressions that match one of a few fixed texts make up
		// the start of every match, then the leading literals of the next
		// one. Assertions match no text.
		acc := []string{""}
		for _, sub := range re.Sub {
			if isAssertion(sub.Op) {
				continue
			}
			if set, ok := exactSet(sub); ok {
				if len(acc)*len(set) > maxExact {
					return nil, false
				}
				acc = cross(acc, set)
				continue
			}
			if set, ok := leading(sub); ok && len(acc)*len(set) <= maxExact {
				acc = cross(acc, set)
			}
			break
		}
		return nonEmpty(acc)
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			l, ok := leading(sub)
			if !ok {
				return nil, false
			}
			all = union(all, l)
		}
		return all, true
	}
	return nil, false
}

func nonEmpty(set []string) ([]string, bool) {
	if slices.Contains(set, "") {
		return nil, false
	}
	return set, true
}

func isAssertion(op syntax.Op) bool {
	switch op {
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	}
	return false
}

// maxLeadingClass bounds the characters Leading takes from one class.
const maxLeadingClass = 8

// exactSet returns every text re can match, folded, when that is a few
// literals. Unlike analyze it knows no optional parts: a literal Leading
// returns is one that every match it stands for starts with in full.
func exactSet(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpLiteral:
		return []string{FoldString(string(re.Rune))}, true
	case syntax.OpCapture:
		return exactSet(re.Sub[0])
	case syntax.OpCharClass: // a few characters, such as [ae] or (?i)k
		info := classInfo(re.Rune)
		return info.exact, info.isExact && len(info.exact) <= maxLeadingClass
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			set, ok := exactSet(sub)
			if !ok || len(all)+len(set) > maxExact {
				return nil, false
			}
			all = union(all, set)
		}
		return all, true
	case syntax.OpConcat:
		acc := []string{""}
		for _, sub := range re.Sub {
			set, ok := exactSet(sub)
			if !ok || len(acc)*len(set) > maxExact {
				return nil, false
			}
			acc = cross(acc, set)
		}
		return acc, true
	}
	return nil, false
}
