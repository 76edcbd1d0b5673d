package summarize

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"wirewatch/prefilter"
)

//go:embed rules/clean.toml
var cleanRulesTOML string

// Rule actions and scopes, as written in rules/clean.toml.
const (
	actionDrop  = "drop"
	actionCut   = "cut"
	actionStrip = "strip"

	scopeLine     = "line"
	scopeSentence = "sentence"
)

// cleanRule is one boilerplate rule.
type cleanRule struct {
	Name    string `toml:"name"`
	Scope   string `toml:"scope"`
	Action  string `toml:"action"`
	Pattern string `toml:"pattern"`
	// MaxChars: a line rule only looks at lines up to this many bytes
	// (boilerplate lines are short; long lines are prose). 0 means
	// defaultMaxChars, -1 no limit.
	MaxChars int `toml:"max_chars"`
	re       *regexp.Regexp
	// bit is the rule's bit in its scope's literalScanner; 0 when the
	// rule needs no literal (or its scope has too many rules).
	bit  uint64
	lits []string // required literals, folded
}

const defaultMaxChars = 300

func (r cleanRule) applies(s string) bool {
	return r.MaxChars < 0 || len(s) <= r.MaxChars
}

// cleanRules are the parsed rules, split by what they apply to.
type cleanRules struct {
	lineDrop, lineCut, lineStrip ruleGroup
	sentenceDrop                 ruleGroup
	// Prefilters: which rules of a scope can match a line or sentence.
	lineScan, sentenceScan *literalScanner
}

// ruleGroup is the rules of one scope and action, in file order.
type ruleGroup struct {
	rules []cleanRule
}

func (g *ruleGroup) add(r cleanRule) { g.rules = append(g.rules, r) }

// defaultRules come from the embedded rules file; a broken file is a build
// defect, caught by the package tests.
var defaultRules = mustParseRules(cleanRulesTOML)

func mustParseRules(src string) *cleanRules {
	r, err := parseRules(src)
	if err != nil {
		panic(err)
	}
	return r
}

func parseRules(src string) (*cleanRules, error) {
	var file struct {
		Rule []cleanRule `toml:"rule"`
	}
	if _, err := toml.Decode(src, &file); err != nil {
		return nil, fmt.Errorf("parse clean rules: %w", err)
	}
	rules := &cleanRules{}
	for _, r := range file.Rule {
		re, err := regexp.Compile(r.Pattern)
		if err != nil {
			return nil, fmt.Errorf("clean rule %q: %w", r.Name, err)
		}
		r.re = re
		if r.lits, err = prefilter.Required(r.Pattern); err != nil {
			return nil, fmt.Errorf("clean rule %q: %w", r.Name, err)
		}
		if r.MaxChars == 0 {
			r.MaxChars = defaultMaxChars
		}
		switch {
		case r.Scope == scopeLine && r.Action == actionDrop:
			rules.lineDrop.add(r)
		case r.Scope == scopeLine && r.Action == actionCut:
			rules.lineCut.add(r)
		case r.Scope == scopeLine && r.Action == actionStrip:
			rules.lineStrip.add(r)
		case r.Scope == scopeSentence && r.Action == actionDrop:
			rules.sentenceDrop.add(r)
		default:
			return nil, fmt.Errorf("clean rule %q: unsupported scope %q with action %q", r.Name, r.Scope, r.Action)
		}
	}
	rules.lineScan = scanRules(&rules.lineCut, &rules.lineDrop, &rules.lineStrip)
	rules.sentenceScan = scanRules(&rules.sentenceDrop)
	return rules, nil
}

// scanRules gives the rules of one scope their bits and builds the scanner
// for their literals.
func scanRules(groups ...*ruleGroup) *literalScanner {
	var lits [][]string
	for _, g := range groups {
		for i := range g.rules {
			r := &g.rules[i]
			if len(r.lits) == 0 || len(lits) == maxScannedRules {
				continue
			}
			r.bit = 1 << len(lits)
			lits = append(lits, r.lits)
		}
	}
	return newLiteralScanner(lits)
}

// matches tells whether the rule matches s; found is the scan of s by the
// rule's scope scanner.
func (r *cleanRule) matches(s string, found uint64) bool {
	return r.applies(s) && (r.bit == 0 || found&r.bit != 0) && r.re.MatchString(s)
}

// firstMatch returns the first rule of g that matches s; found is the scan
// of s by the scope's scanner.
func firstMatch(g ruleGroup, s string, found uint64) (string, bool) {
	for i := range g.rules {
		if r := &g.rules[i]; r.matches(s, found) {
			return r.Name, true
		}
	}
	return "", false
}

// Clean removes boilerplate from article text: lines and sentences such as
// social links, "Also read" teasers, cookie banners in any language, image
// credits and AI-image notes, "Source:" lines, comment counters, copyright
// lines, bylines and datelines, and related-article blocks glued to the end.
// Lines that repeat the line before are dropped too. Kept lines stay one per
// line, in order.
func Clean(text string) string {
	lines := defaultRules.clean(text, nil)
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.Join(l, " ")
	}
	return strings.Join(out, "\n")
}

// cleanSentences is Clean followed by Sentences, without splitting twice.
func cleanSentences(text string) []string {
	var out []string
	for _, l := range defaultRules.clean(text, nil) {
		out = append(out, l...)
	}
	return out
}

// dropNote records what a rule removed (for tests and debugging).
type dropNote struct {
	Rule, Text string
}

// clean returns the kept lines, each split into sentences.
func (rs *cleanRules) clean(text string, notes *[]dropNote) [][]string {
	note := func(rule, s string) {
		if notes != nil {
			*notes = append(*notes, dropNote{rule, s})
		}
	}
	var kept [][]string
	prev := ""
lines:
	for _, line := range strings.Split(normalizeSpace(text), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		found := rs.lineScan.scan(line)
		if name, ok := firstMatch(rs.lineCut, line, found); ok {
			note(name, line)
			if len(kept) > 0 {
				break lines
			}
			continue
		}
		if name, ok := firstMatch(rs.lineDrop, line, found); ok {
			note(name, line)
			continue
		}
		if stripped, changed := rs.stripLine(line, found, note); changed {
			if stripped == "" {
				continue
			}
			// Stripping may leave a line that is now plain boilerplate.
			if name, ok := firstMatch(rs.lineDrop, stripped, rs.lineScan.scan(stripped)); ok {
				note(name, stripped)
				continue
			}
			line = stripped
		}
		if sameLine(line, prev) {
			note("repeated-line", line)
			continue
		}
		prev = line
		if sents := rs.keepSentences(line, note); len(sents) > 0 {
			kept = append(kept, sents)
		}
	}
	return kept
}

// sameLine tells whether two lines are equal once lower-cased
// (strings.ToLower) and with typographic quotes made straight, so that a
// headline printed twice with different quotes counts as a repeat.
func sameLine(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb && foldQuote(unicode.ToLower(ra)) != foldQuote(unicode.ToLower(rb)) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b == ""
}

func foldQuote(r rune) rune {
	switch r {
	case '‘', '’':
		return '\''
	case '“', '”':
		return '"'
	}
	return r
}

// stripLine removes the parts of a line that strip rules match; found is
// the scan of the line.
func (rs *cleanRules) stripLine(line string, found uint64, note func(rule, s string)) (string, bool) {
	changed := false
	for i := range rs.lineStrip.rules {
		r := &rs.lineStrip.rules[i]
		if !r.applies(line) || (r.bit != 0 && found&r.bit == 0) {
			continue
		}
		if loc := r.re.FindStringIndex(line); loc != nil {
			note(r.Name, line[loc[0]:loc[1]])
			line = strings.TrimSpace(line[:loc[0]] + " " + line[loc[1]:])
			found = rs.lineScan.scan(line)
			changed = true
		}
	}
	return line, changed
}

// keepSentences splits a line into sentences and drops boilerplate ones.
func (rs *cleanRules) keepSentences(line string, note func(rule, s string)) []string {
	sents := Sentences(line)
	out := sents[:0]
	for _, s := range sents {
		if name, ok := firstMatch(rs.sentenceDrop, s, rs.sentenceScan.scan(s)); ok {
			note(name, s)
			continue
		}
		out = append(out, s)
	}
	return out
}
