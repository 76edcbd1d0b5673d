package rules

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"wirewatch/config"
	"wirewatch/model"
)

// testTopics are the topics the grammar tests refer to.
func testTopics() []config.Topic {
	return []config.Topic{
		{Name: "north-korea", Title: "North Korea", Aliases: []string{"North Korea", "DPRK", "Pyongyang", "N. Korea", "Kim Jong-un", "북한"}, Pos: config.Pos{File: "test.toml", Line: 2, Col: 1}},
		{Name: "south-korea", Title: "South Korea", Aliases: []string{"South Korea", "Seoul", "ROK"}, Pos: config.Pos{File: "test.toml", Line: 5, Col: 1}},
		{Name: "japan", Title: "Japan", Aliases: []string{"Japan", "Tokyo"}, Pos: config.Pos{File: "test.toml", Line: 7, Col: 1}},
	}
}

// ruleConfig builds a config whose rule i has query qs[i], written on line
// 20+i with the query starting at column 10.
func ruleConfig(qs ...string) *config.Config {
	cfg := &config.Config{Path: "test.toml", Topics: testTopics()}
	for i, q := range qs {
		cfg.Rules = append(cfg.Rules, config.Rule{
			Name:     fmt.Sprintf("r%d", i),
			Query:    q,
			Pos:      config.Pos{File: "test.toml", Line: 19 + i, Col: 1},
			QueryPos: config.Pos{File: "test.toml", Line: 20 + i, Col: 10},
			Channels: []string{"alerts"},
			Severity: "alert",
		})
	}
	return cfg
}

func mustCompile(t testing.TB, qs ...string) *Engine {
	t.Helper()
	e, err := Compile(ruleConfig(qs...))
	if err != nil {
		t.Fatalf("compile %q: %v", qs, err)
	}
	return e
}

func TestGrammarMatches(t *testing.T) {
	tests := []struct {
		query string
		title string
		text  string
		want  bool
	}{
		// words, case, accents
		{"missile", "North Korea fires MISSILE", "", true},
		{"missile", "Missiles everywhere", "", false},
		{"missile*", "Missiles everywhere", "", true},
		{"seoul", "Talks in Séoul", "", true},
		{"séoul", "Talks in SEOUL", "", true},
		{"Straße", "STRASSE closed", "", true},
		// precedence: AND binds tighter than OR; juxtaposition is AND
		{"drill OR missile launch", "missile test", "", false},
		{"drill OR missile launch", "drill held", "", true},
		{"drill OR missile launch", "missile launch", "", true},
		{"(drill OR missile) launch", "drill held", "", false},
		{"(drill OR missile) launch", "drill launch", "", true},
		{"missile AND launch", "launch of a missile", "", true},
		{"missile and launch", "launch of a missile", "", true},
		{"NOT missile", "drills", "", true},
		{"NOT missile", "missile", "", false},
		{"drill NOT missile", "drill and missile", "", false},
		{"drill AND NOT missile", "drill only", "", true},
		{"NOT NOT missile", "missile", "", true},
		{`"not" war`, "not a war", "", true},
		{`"not" war`, "war", "", false},
		// phrases
		{`"Freedom Edge"`, "Freedom Edge drills begin", "", true},
		{`"Freedom Edge"`, "Edge of freedom", "", false},
		{`"freedom edge"`, "freedom-edge exercise", "", true},
		{`“Freedom Edge”`, "the Freedom Edge drill", "", true},
		{`"freedom edg*"`, "Freedom Edges", "", true},
		// hyphenated words become phrases
		{"Jong-un", "Kim Jong Un speaks", "", true},
		{"Jong-un", "Kim Jong-un speaks", "", true},
		{"Hwasong-19", "new Hwasong 19 ICBM", "", true},
		{"Hwasong-19", "Hwasong-18 test", "", false},
		{"Hwasong-1*", "Hwasong-18 test", "", true},
		{"U.S.", "the U.S. and Japan", "", true},
		// proximity
		{"missile NEAR/3 launch", "missile was reportedly launched", "", false},
		{"missile NEAR/3 launch*", "missile was reportedly launched", "", true},
		{"missile NEAR/1 launch*", "missile was reportedly launched", "", false},
		{"missile NEAR/2 launch*", "missile was reportedly launched", "", true},
		{"missile NEAR/0 launch", "missile launch", "", true},
		{"missile NEAR/0 launch", "launch missile", "", true},
		{"missile NEAR/0 launch", "missile test launch", "", false},
		{"missile NEAR/5 launch", "missile", "launch", false}, // different fields
		{"(missile OR ICBM) NEAR/8 (launch* OR fire*)", "North Korea fired an ICBM", "", true},
		{"(missile OR ICBM) NEAR/8 (launch* OR fire*)", "ICBM parade; analysts say nothing about the coming weeks, then a fire", "", false},
		{"a1 NEAR/1 b1 NEAR/1 c1", "a1 b1 c1", "", true},
		{"a1 NEAR/1 b1 NEAR/1 c1", "a1 b1 x y z c1", "", false},
		{`"Freedom Edge" NEAR/3 drill*`, "drills named Freedom Edge", "", true},
		{"missile NEAR/5 missile", "one missile only", "", false},
		{"missile NEAR/5 missile", "missile and missile", "", true},
		// field scopes
		{"title:missile", "missile", "", true},
		{"title:missile", "news", "missile", false},
		{"text:missile", "news", "missile", true},
		{"title:(drill OR missile)", "drill", "", true},
		{`title:"Freedom Edge"`, "Freedom Edge", "", true},
		{"TITLE:missile", "missile", "", true},
		// topics
		{"topic:north-korea", "Pyongyang warns", "", true},
		{"topic:north-korea", "DPRK says", "", true},
		{"topic:north-korea", "N. Korea says", "", true},
		{"topic:north-korea", "north korean troops", "", false},
		{"topic:north-korea", "Kim Jong Un said", "", true},
		{"topic:north-korea", "Korea talks", "", false},
		{"title:topic:north-korea", "news", "Pyongyang", false},
		{"title:topic:north-korea", "Pyongyang news", "", true},
		{"link:https://example.com", "x", "", true},
		{"title:not", "not now", "", true},
		{"topic:north-korea AND (missile OR ICBM) NEAR/8 (launch* OR fire*)", "Pyongyang fires missile", "", true},
		{"topic:north-korea AND (missile OR ICBM) NEAR/8 (launch* OR fire*)", "Iran fires missile", "", false},
		// Korean
		{"북한", "북한이 탄도미사일 발사", "", true},
		{"북한 NEAR/2 미사일", "북한이 오늘 탄도미사일을 발사했다", "", false},
		{"북한 NEAR/2 탄도미사일", "북한이 오늘 탄도미사일을 발사했다", "", true},
		{"topic:north-korea", "합참 \"북한, 동해상으로 미사일 발사\"", "", true},
		{`"동해상으로 미사일"`, "북한, 동해상으로 미사일 발사", "", true},
		// regex
		{"/ICBM|SLBM/", "new slbm test", "", true},
		{"/ICBM|SLBM/", "ICBMs", "", true},
		{"/hwasong-?\\d+/", "Hwasong18 flight", "", true},
		{"/hwasong-?\\d+/", "Hwasong flight", "", false},
		{"/\\bKN-\\d\\d\\b/ NEAR/3 launch*", "KN-23 launched", "", true},
		{"/\\bKN-\\d\\d\\b/ NEAR/3 launch*", "KN-23 was not, in the end, launched", "", false},
		{"/a\\/b/", "a/b", "", true},
		{"NOT /x{3}/", "abc", "", true},
		// feed, link, author, category
		{"feed:yonhap", "x", "", true},
		{"feed:kcna", "x", "", false},
		{"link:example.com", "x", "", true},
		{"author:smith", "x", "", true},
		{"category:defense", "x", "", true},
		{"category:defense missile", "x", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.query+"|"+tt.title, func(t *testing.T) {
			e := mustCompile(t, tt.query)
			it := model.Item{Title: tt.title, Text: tt.text, Feed: "Yonhap", Link: "https://example.com/a/1", Author: "J. Smith", Categories: []string{"Defense"}}
			got := len(e.Match(it)) == 1
			if got != tt.want {
				t.Errorf("query %q on %q/%q: matched %v, want %v", tt.query, tt.title, tt.text, got, tt.want)
			}
		})
	}
}

func TestMatchTermsAndRouting(t *testing.T) {
	cfg := ruleConfig("topic:north-korea AND (missile OR ICBM) NEAR/8 (launch* OR fire*)", "drill OR NOT missile")
	cfg.Rules[0].Severity = "urgent"
	cfg.Rules[0].Mentions = []string{"111"}
	cfg.Rules[0].Channels = []string{"urgent", "desk"}
	cfg.Rules[1].Severity = "info"
	cfg.Rules[1].Mentions = []string{"222"} // not urgent: never pings
	e, err := Compile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	it := model.Item{Title: "N. Korea fires ballistic missile", Text: "Pyongyang launched an ICBM, Seoul said."}
	ms := e.Match(it)
	if len(ms) != 1 || ms[0].Rule != "r0" {
		t.Fatalf("matches = %+v", ms)
	}
	m := ms[0]
	if m.Severity != model.SeverityUrgent || !slices.Equal(m.Channels, []string{"urgent", "desk"}) || !slices.Equal(m.Mentions, []string{"111"}) {
		t.Errorf("routing = %+v", m)
	}
	want := []string{"N. Korea", "missile", "fires", "ICBM", "launched"}
	for _, w := range want {
		if !slices.Contains(m.Terms, w) {
			t.Errorf("terms %q lack %q", m.Terms, w)
		}
	}
	ms = e.Match(model.Item{Title: "Drill at sea"})
	if len(ms) != 1 || ms[0].Severity != model.SeverityInfo || ms[0].Mentions != nil {
		t.Errorf("info rule = %+v", ms)
	}
	if got := e.Topics(it); !slices.Equal(got, []string{"north-korea", "south-korea"}) {
		t.Errorf("topics = %v", got)
	}
	topics, matches := e.Analyze(it)
	if len(topics) != 2 || len(matches) != 1 {
		t.Errorf("analyze = %v %v", topics, matches)
	}
}

func TestCompileErrors(t *testing.T) {
	tests := []struct {
		query string
		want  string // "line:col: message" for the first error
	}{
		{"(missile OR launch", `20:28: rule "r0": expected ')' to close the '(' at column 1, found end of query`},
		{"missile OR", `20:20: rule "r0": expected a term after OR, found end of query`},
		{"missile AND OR launch", `20:22: rule "r0": expected a term after AND, found "OR"`},
		{"topic:north-kora AND missile", `20:16: rule "r0": unknown topic "north-kora" (did you mean "north-korea"?)`},
		{"titel:missile", `20:10: rule "r0": unknown field "titel": expected one of title, text, summary, feed, link, author, category or topic`},
		{`"Freedom Edge`, `20:10: rule "r0": unterminated phrase: expected a closing '"'`},
		{"/ICBM|SLBM", `20:10: rule "r0": unterminated regex: expected a closing '/'`},
		{"/(ICBM/", `20:10: rule "r0": invalid regex /(ICBM/: missing closing ): ` + "`(ICBM`"},
		{"missile NEAR/x launch", `20:23: rule "r0": expected a number after "NEAR/", e.g. NEAR/5, found "x"`},
		{"missile NEAR launch", `20:18: rule "r0": expected a distance after NEAR, e.g. NEAR/5`},
		{"missile NEAR/500 launch", `20:23: rule "r0": NEAR distance 500 is too large: at most 100`},
		{"missile NEAR/3 NOT launch", `20:25: rule "r0": expected a term after NEAR/3, found "NOT" (NEAR operands cannot be negated)`},
		{"(a AND b) NEAR/3 c", `20:13: rule "r0": NEAR operands must be words, phrases, regexes, topics, OR groups or NEAR: found AND`},
		{"l*", `20:10: rule "r0": wildcard prefix "l*" is too short: at least 2 letters before '*'`},
		{"la*nch", `20:12: rule "r0": wildcard '*' is only allowed at the end of a word, in "la*nch"`},
		{"-missile", `20:10: rule "r0": "-" is not an operator here: write NOT missile to exclude a word`},
		{"missile )", `20:18: rule "r0": unexpected ')' without a matching '('`},
		{"()", `20:11: rule "r0": expected a term after '(', found ')'`},
		{"missile \u0362", `20:18: rule "r0": "` + "\u0362" + `" has no letters or digits to match`}, // a combining mark alone folds to nothing
		{"", `20:10: rule "r0": empty query: expected a word, phrase, regex or topic`},
		{"   ", `20:10: rule "r0": empty query: expected a word, phrase, regex or topic`},
		{"title: missile", `20:16: rule "r0": expected a term right after "title:", found a space`},
		{"missile &", `20:18: rule "r0": "&" has no letters or digits to match: use AND`},
		{"/x*/", `20:10: rule "r0": regex /x*/ matches empty text, so it would match every item`},
		{"title:text:x", `20:16: rule "r0": field scope "text:" inside another field scope`},
		// positions count runes, not bytes
		{"북한 AND (미사일 OR", `20:24: rule "r0": expected a term after OR, found end of query`},
		{"Séoul AND titel:x", `20:20: rule "r0": unknown field "titel": expected one of title, text, summary, feed, link, author, category or topic`},
		// multi-line queries continue on later lines
		{"missile\nAND (launch OR\n  titel:x)", `22:3: rule "r0": unknown field "titel": expected one of title, text, summary, feed, link, author, category or topic`},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			_, err := Compile(ruleConfig(tt.query))
			if tt.want == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			var errs config.Errors
			if !errors.As(err, &errs) || len(errs) == 0 {
				t.Fatalf("error %v is not config.Errors", err)
			}
			got := fmt.Sprintf("%d:%d: %s", errs[0].Pos.Line, errs[0].Pos.Col, errs[0].Msg)
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if errs[0].Pos.File != "test.toml" {
				t.Errorf("file = %q", errs[0].Pos.File)
			}
		})
	}
}

func TestCompileReportsAllErrors(t *testing.T) {
	cfg := ruleConfig("topic:nk AND titel:x", "(a OR b", "fine", "/[/")
	cfg.Rules = append(cfg.Rules, config.Rule{Name: "sev", Query: "x", Severity: "loud", Pos: config.Pos{File: "test.toml", Line: 40, Col: 1}})
	_, err := Compile(cfg)
	var errs config.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("err = %v", err)
	}
	var lines []string
	for _, e := range errs {
		lines = append(lines, e.Error())
	}
	want := []string{
		`test.toml:20:16: rule "r0": unknown topic "nk": known topics are japan, north-korea, south-korea`,
		`test.toml:20:23: rule "r0": unknown field "titel": expected one of title, text, summary, feed, link, author, category or topic`,
		`test.toml:21:17: rule "r1": expected ')' to close the '(' at column 1, found end of query`,
		"test.toml:23:10: rule \"r3\": invalid regex /[/: missing closing ]: `[`",
		`test.toml:40:1: rule "sev": unknown severity "loud": expected info, alert or urgent`,
	}
	if !slices.Equal(lines, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

func TestLimits(t *testing.T) {
	long := strings.Repeat("missile ", MaxQueryBytes/8+1)
	deep := strings.Repeat("(", MaxDepth+1) + "x" + strings.Repeat(")", MaxDepth+1)
	many := strings.TrimSpace(strings.Repeat("ab OR ", MaxTerms)) + " ab"
	tests := []struct{ q, want string }{
		{long, fmt.Sprintf("20:10: rule \"r0\": query is %d bytes long: the limit is %d", len(long), MaxQueryBytes)},
		{deep, fmt.Sprintf("20:%d: rule \"r0\": query nests too deeply: at most %d levels of parentheses, NOT and field scopes", 10+MaxDepth, MaxDepth)},
		{many, fmt.Sprintf("20:%d: rule \"r0\": too many terms: a rule may have at most %d words, phrases, regexes and topics", 10+MaxTerms*6, MaxTerms)},
	}
	for _, tt := range tests {
		_, err := Compile(ruleConfig(tt.q))
		var errs config.Errors
		if !errors.As(err, &errs) {
			t.Fatalf("err = %v", err)
		}
		if got := fmt.Sprintf("%d:%d: %s", errs[0].Pos.Line, errs[0].Pos.Col, errs[0].Msg); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
	// Just within the limits compiles.
	mustCompile(t, strings.Repeat("(", MaxDepth)+"x"+strings.Repeat(")", MaxDepth))
	mustCompile(t, strings.TrimSpace(strings.Repeat("ab OR ", MaxTerms-1))+" ab")
}

func TestTopicAliasErrors(t *testing.T) {
	cfg := &config.Config{Topics: []config.Topic{
		{Name: "bad", Aliases: []string{"ok", "--"}, Pos: config.Pos{File: "c.toml", Line: 3, Col: 1}},
		{Name: "empty", Pos: config.Pos{File: "c.toml", Line: 6, Col: 1}},
	}}
	_, err := Compile(cfg)
	want := "c.toml:3:1: topic \"bad\": alias \"--\": \"--\" has no letters or digits to match\nc.toml:6:1: topic \"empty\" has no aliases"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

// TestTokenCacheTurnsOver matches the labelled items, each with a few
// hundred words never seen before, until the token cache's generations
// have turned over many times: the cache never holds more than two
// generations, and the matches agree with the naive matcher's and are the
// same each time round, whether an item's words are new to the cache,
// carried over from the generation before or known.
func TestTokenCacheTurnsOver(t *testing.T) {
	items := readLabelled(t)
	cfg := exampleConfig(t)
	cfg.Rules = append(cfg.Rules, syntheticRules(cfg, 100, benchVocabulary(items), 7)...)
	e, err := Compile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	naive := naiveCompile(e)
	const newWords = 300 // per item: about three generations per round
	first := make([]string, len(items))
	turns, next, hits := 0, 0, 0
	for round := range 3 {
		for i, li := range items {
			it := li.item
			var sb strings.Builder
			for range newWords {
				fmt.Fprintf(&sb, " zq%d", next)
				next++
			}
			it.Author = sb.String() // tokenized, looked up, matched by no rule
			before := e.cache.Load()
			var names, got []string
			for _, m := range e.Match(it) {
				names = append(names, m.Rule)
				got = append(got, m.Rule+":"+strings.Join(m.Terms, "|"))
			}
			if want := naiveMatch(naive, it); strings.Join(names, ",") != strings.Join(want, ",") {
				t.Errorf("round %d, item %q: engine %v, naive %v", round, li.item.Title, names, want)
			}
			if round == 0 {
				first[i], hits = strings.Join(got, " "), hits+len(got)
			} else if g := strings.Join(got, " "); g != first[i] {
				t.Errorf("round %d, item %q: %s, first round %s", round, li.item.Title, g, first[i])
			}
			c := e.cache.Load()
			if c != before {
				turns++
			}
			held := len(c.ids) + len(c.once) + len(c.infos)
			if p := c.prev; p != nil {
				held += len(p.ids) + len(p.once) + len(p.infos)
				if p.prev != nil {
					t.Fatal("the cache holds three generations")
				}
			}
			if limit := 2 * (2*maxGenTokens + newWords + 1000); held > limit {
				t.Fatalf("the cache holds %d words and infos, more than %d", held, limit)
			}
		}
	}
	if turns < 6 || hits < len(items)/2 {
		t.Errorf("%d turnovers, %d matches: too few to tell", turns, hits)
	}
}
