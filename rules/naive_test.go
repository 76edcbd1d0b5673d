package rules

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"wirewatch/model"
	"wirewatch/words"
)

// The naive matcher is the baseline of the benchmarks and an independent
// check of the engine: every rule becomes a tree of its own regular
// expressions, run over the folded text of every field, for every rule.

const (
	naiveWord = `[\p{L}\p{N}\p{M}]`
	naiveSep  = `[^\p{L}\p{N}\p{M}]`
)

type naiveNode struct {
	kind nodeKind
	kids []*naiveNode
	re   *regexp.Regexp
	raw  bool // a user regex: runs on the raw text
	mask fieldMask
}

type naiveRule struct {
	name string
	root *naiveNode
}

// naiveCore is the regex of a leaf, OR or NEAR node without boundaries.
func naiveCore(e *Engine, n *node) (core string, mask fieldMask, ok bool) {
	switch n.kind {
	case nodeLeaf:
		l := &e.leaves[n.leaf]
		if l.re != nil {
			return "", 0, false
		}
		parts := make([]string, len(l.toks))
		for i, t := range l.toks {
			parts[i] = regexp.QuoteMeta(t.text)
			if t.prefix {
				parts[i] += naiveWord + "*"
			}
		}
		return strings.Join(parts, naiveSep+"+"), l.mask, true
	case nodeOr:
		var alts []string
		for _, k := range n.kids {
			c, m, ok := naiveCore(e, k)
			if !ok {
				return "", 0, false
			}
			alts = append(alts, "(?:"+c+")")
			mask |= m
		}
		return strings.Join(alts, "|"), mask, true
	case nodeNear:
		a, ma, ok1 := naiveCore(e, n.kids[0])
		b, mb, ok2 := naiveCore(e, n.kids[1])
		if !ok1 || !ok2 {
			return "", 0, false
		}
		gap := fmt.Sprintf("(?:%s+%s+){0,%d}%s+", naiveSep, naiveWord, n.dist, naiveSep)
		return fmt.Sprintf("(?:%s)%s(?:%s)|(?:%s)%s(?:%s)", a, gap, b, b, gap, a), ma | mb, true
	}
	return "", 0, false
}

func naiveCompileNode(e *Engine, n *node) *naiveNode {
	switch n.kind {
	case nodeLeaf:
		if l := &e.leaves[n.leaf]; l.re != nil {
			return &naiveNode{kind: nodeLeaf, re: l.re, raw: true, mask: l.mask}
		}
		fallthrough
	case nodeNear:
		c, m, ok := naiveCore(e, n)
		if !ok {
			panic("naive: regex inside NEAR is not supported")
		}
		// The left word boundary is checked by hand (see naiveFind), so the
		// regexp keeps its literal-prefix fast path.
		re := regexp.MustCompile(`(?:` + c + `)(?:$|` + naiveSep + `)`)
		return &naiveNode{kind: nodeLeaf, re: re, mask: m}
	case nodeNever:
		return &naiveNode{kind: nodeNever}
	}
	out := &naiveNode{kind: n.kind}
	for _, k := range n.kids {
		out.kids = append(out.kids, naiveCompileNode(e, k))
	}
	return out
}

func naiveCompile(e *Engine) []naiveRule {
	var rules []naiveRule
	for _, t := range e.targets[e.nTopics:] {
		rules = append(rules, naiveRule{name: t.name, root: naiveCompileNode(e, t.root)})
	}
	return rules
}

// naiveMatch folds every field once and runs every rule's expressions.
func naiveMatch(rules []naiveRule, it model.Item) []string {
	raw := itemFields(it)
	var folded [numFields]string
	for f := range raw {
		folded[f] = foldText(raw[f])
	}
	var out []string
	for _, r := range rules {
		if naiveEval(r.root, &raw, &folded) {
			out = append(out, r.name)
		}
	}
	return out
}

// foldText folds a whole text the way tokens are folded, keeping the
// separators. Invalid bytes in a separator become U+FFFD, as the tokenizer
// reads them: kept raw, two of them around a token that folds to nothing
// (combining marks alone) would join into a new rune, perhaps a mark that
// glues the next word to the previous one.
func foldText(s string) string {
	var b strings.Builder
	last := 0
	words.Spans(s, func(start, end int) {
		b.WriteString(strings.ToValidUTF8(s[last:start], "\uFFFD"))
		b.WriteString(words.Fold(s[start:end]))
		last = end
	})
	b.WriteString(strings.ToValidUTF8(s[last:], "\uFFFD"))
	return b.String()
}

// naiveFind reports whether re matches text at the start of a word.
func naiveFind(re *regexp.Regexp, text string) bool {
	for pos := 0; pos <= len(text); {
		loc := re.FindStringIndex(text[pos:])
		if loc == nil {
			return false
		}
		at := pos + loc[0]
		if at == 0 || !endsWord(text[:at]) {
			return true
		}
		_, size := utf8.DecodeRuneInString(text[at:])
		pos = at + max(size, 1)
	}
	return false
}

func naiveEval(n *naiveNode, raw, folded *[numFields]string) bool {
	switch n.kind {
	case nodeLeaf:
		for f := field(0); f < numFields; f++ {
			if !n.mask.has(f) {
				continue
			}
			if n.raw {
				if n.re.MatchString(raw[f]) {
					return true
				}
			} else if naiveFind(n.re, folded[f]) {
				return true
			}
		}
		return false
	case nodeAnd:
		for _, k := range n.kids {
			if !naiveEval(k, raw, folded) {
				return false
			}
		}
		return true
	case nodeOr:
		for _, k := range n.kids {
			if naiveEval(k, raw, folded) {
				return true
			}
		}
		return false
	case nodeNot:
		return !naiveEval(n.kids[0], raw, folded)
	}
	return false
}

// TestEngineAgreesWithNaive runs the example rules and a few hundred
// generated rules both ways over the labelled items.
func TestEngineAgreesWithNaive(t *testing.T) {
	items := readLabelled(t)
	cfg := exampleConfig(t)
	generated := 400
	if testing.Short() {
		generated = 100 // the naive side is slow under the race detector
	}
	cfg.Rules = append(cfg.Rules, syntheticRules(cfg, generated, benchVocabulary(items), 7)...)
	e, err := Compile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	naive := naiveCompile(e)
	hits := 0
	for _, li := range items {
		for _, it := range []model.Item{li.item, longItem(items, li.line, teaserParas)} {
			var got []string
			for _, m := range e.Match(it) {
				got = append(got, m.Rule)
			}
			want := naiveMatch(naive, it)
			hits += len(want)
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("item %q: engine %v, naive %v", it.Title, got, want)
			}
		}
	}
	if hits < len(items) {
		t.Errorf("only %d hits: the generated rules are too rare to compare", hits)
	}
	t.Logf("%d rule hits agree over %d items", hits, 2*len(items))
}
