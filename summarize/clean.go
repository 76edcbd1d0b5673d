package summarize

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
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
}

const defaultMaxChars = 300

func (r cleanRule) applies(s string) bool {
	return r.MaxChars < 0 || len(s) <= r.MaxChars
}

// cleanRules are the parsed rules, split by what they apply to.
type cleanRules struct {
	lineDrop, lineCut, lineStrip ruleGroup
	sentenceDrop                 ruleGroup
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
	return rules, nil
}

func firstMatch(g ruleGroup, s string) (string, bool) {
	for _, r := range g.rules {
		if r.applies(s) && r.re.MatchString(s) {
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
		if name, ok := firstMatch(rs.lineCut, line); ok {
			note(name, line)
			if len(kept) > 0 {
				break lines
			}
			continue
		}
		if name, ok := firstMatch(rs.lineDrop, line); ok {
			note(name, line)
			continue
		}
		if stripped, changed := rs.stripLine(line, note); changed {
			if stripped == "" {
				continue
			}
			// Stripping may leave a line that is now plain boilerplate.
			if name, ok := firstMatch(rs.lineDrop, stripped); ok {
				note(name, stripped)
				continue
			}
			line = stripped
		}
		if norm := foldQuotes(strings.ToLower(line)); norm == prev {
			note("repeated-line", line)
			continue
		} else {
			prev = norm
		}
		if sents := rs.keepSentences(line, note); len(sents) > 0 {
			kept = append(kept, sents)
		}
	}
	return kept
}

// foldQuotes maps typographic quotes to straight ones, so a headline
// printed twice with different quotes counts as a repeat.
var foldQuotes = strings.NewReplacer("‘", "'", "’", "'", "“", `"`, "”", `"`).Replace

// stripLine removes the parts of a line that strip rules match.
func (rs *cleanRules) stripLine(line string, note func(rule, s string)) (string, bool) {
	changed := false
	for _, r := range rs.lineStrip.rules {
		if !r.applies(line) {
			continue
		}
		if loc := r.re.FindStringIndex(line); loc != nil {
			note(r.Name, line[loc[0]:loc[1]])
			line = strings.TrimSpace(line[:loc[0]] + " " + line[loc[1]:])
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
		if name, ok := firstMatch(rs.sentenceDrop, s); ok {
			note(name, s)
			continue
		}
		out = append(out, s)
	}
	return out
}
