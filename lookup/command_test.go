package lookup_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"wirewatch/lookup"
)

// TestCommandsAreWellFormed checks what both surfaces rely on: Discord's
// limits on names and descriptions, required options before optional
// ones, defaults within bounds, and an example for a required argument
// (the command line quotes it when the argument is missing).
func TestCommandsAreWellFormed(t *testing.T) {
	name := regexp.MustCompile(`^[a-z][a-z-]{0,31}$`)
	seen := map[string]bool{}
	for _, lc := range lookup.Commands {
		if !name.MatchString(lc.Name) || seen[lc.Name] {
			t.Errorf("command name %q: want a new lower-case name of at most 32 letters", lc.Name)
		}
		seen[lc.Name] = true
		if n := utf8.RuneCountInString(lc.Summary); n == 0 || n > 100 || lc.Run == nil {
			t.Errorf("%s: summary of %d characters (want 1 to 100), Run set %v", lc.Name, n, lc.Run != nil)
		}
		optional, positional := false, false
		params := map[string]bool{}
		for _, p := range lc.Params {
			where := lc.Name + " " + p.Name
			if !name.MatchString(p.Name) || params[p.Name] {
				t.Errorf("%s: want a new lower-case name", where)
			}
			params[p.Name] = true
			if n := utf8.RuneCountInString(p.Describe()); p.Help == "" || n > 100 {
				t.Errorf("%s: help %q, chat description of %d characters (want 1 to 100)", where, p.Help, n)
			}
			if p.In(lookup.Chat) {
				if p.Required && optional {
					t.Errorf("%s: a required option after an optional one (Discord refuses it)", where)
				}
				optional = optional || !p.Required
			}
			if p.Type == lookup.Number {
				for _, s := range []lookup.Surface{lookup.CommandLine, lookup.Chat} {
					if d, hi := p.DefaultIn(s), p.MaxIn(s); p.In(s) && (p.Min < 1 || d < p.Min || d > hi) {
						t.Errorf("%s: default %d outside [%d, %d] on surface %d", where, d, p.Min, hi, s)
					}
				}
			}
			if p.Positional {
				if positional || (p.Required && len(lc.Examples) == 0) {
					t.Errorf("%s: want one positional parameter at most, and an example when it is required", where)
				}
				positional = true
			}
		}
		for _, ex := range lc.Examples {
			if first, _, _ := strings.Cut(ex, " "); first != lc.Name {
				t.Errorf("%s: example %q runs another command", lc.Name, ex)
			}
		}
	}
	for _, want := range []string{"timeline", "search", "latest", "outlet", "feeds"} {
		if !seen[want] {
			t.Errorf("no %s command", want)
		}
	}
}

// TestCommandsRun runs the commands as each surface calls them: the
// command line with a count, chat a page at a time.
func TestCommandsRun(t *testing.T) {
	cfg, st := setup(t)
	for k := 1; k <= 7; k++ {
		save(t, st, k, fmt.Sprintf("Pyongyang missile test %d", k), now.Add(-time.Duration(k)*24*time.Hour), "north-korea")
	}
	save(t, st, 8, "Japan missile drill", now.Add(-time.Hour), "japan")
	env := lookup.Env{Store: st, Config: cfg, Now: now}
	args := func(texts map[string]string, numbers map[string]int, page, perPage int) lookup.Args {
		return lookup.Args{Texts: texts, Numbers: numbers, Page: page, PerPage: perPage}
	}
	cases := []struct {
		command string
		args    lookup.Args
		want    []string // titles, in order
		wantN   int      // how many results, when their order is the ranking's
		more    bool
		err     string
		none    string
	}{
		{command: "timeline", args: args(map[string]string{"topic": "north-korea"}, map[string]int{"days": 30, "count": 3}, 0, 0),
			want: []string{"Pyongyang missile test 1", "Pyongyang missile test 2", "Pyongyang missile test 3"}, more: true,
			none: "no stories of north-korea in the last 30 days"},
		{command: "timeline", args: args(map[string]string{"topic": "north-korea"}, map[string]int{"days": 90}, 2, 3),
			want: []string{"Pyongyang missile test 7"}},
		{command: "timeline", args: args(map[string]string{"topic": "north-korea", "from": "2026-03-05", "to": "2026-03-06"}, map[string]int{"days": 90}, 0, 10),
			want: []string{"Pyongyang missile test 4", "Pyongyang missile test 5"}},
		{command: "timeline", args: args(map[string]string{"topic": "mars"}, map[string]int{"days": 30, "count": 3}, 0, 0), err: `no topic named "mars"`},
		{command: "search", args: args(map[string]string{"query": "missile"}, map[string]int{"days": 1, "count": 20}, 0, 0),
			want: []string{"Japan missile drill"}, none: `no items match "missile" today`},
		{command: "search", args: args(map[string]string{"query": "missile", "topic": "north-korea"}, map[string]int{"days": 365}, 1, 5),
			wantN: 2}, // the second page of the topic's 7
		{command: "search", args: args(map[string]string{"query": "  "}, map[string]int{"days": 30}, 0, 5), err: "give words"},
		{command: "latest", args: args(map[string]string{"topic": "japan"}, map[string]int{"count": 5}, 0, 5),
			want: []string{"Japan missile drill"}, none: "no items of japan stored yet"},
		{command: "latest", args: args(nil, map[string]int{"count": 2}, 0, 0),
			want: []string{"Japan missile drill", "Pyongyang missile test 1"}, none: "no items stored yet"},
		{command: "outlet", args: args(map[string]string{"feed": "Yonhap"}, map[string]int{"count": 2}, 0, 0),
			want: []string{"Japan missile drill", "Pyongyang missile test 1"}, none: "no items of Yonhap stored yet"},
		{command: "outlet", args: args(map[string]string{"feed": "KCNA Watch"}, map[string]int{"count": 5}, 0, 5), want: nil},
		{command: "outlet", args: args(map[string]string{"feed": "Reuters"}, map[string]int{"count": 5}, 0, 0),
			err: `no feed named "Reuters"; known feeds: Yonhap, KCNA Watch`},
		{command: "feeds", want: []string{"Yonhap", "KCNA Watch"}},
	}
	for _, tc := range cases {
		t.Run(tc.command, func(t *testing.T) {
			lc, ok := lookup.CommandNamed(tc.command)
			if !ok {
				t.Fatalf("no command %s", tc.command)
			}
			res, err := lc.Run(context.Background(), env, tc.args)
			if tc.err != "" {
				if err == nil || !lookup.IsInput(err) || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err %v, want an input error with %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			more := false
			switch r := res.(type) {
			case lookup.TimelinePage:
				for _, e := range r.Entries {
					got = append(got, e.Title)
				}
				more = r.More
			case lookup.ItemPage:
				for _, it := range r.Items {
					got = append(got, it.Title)
				}
				more = r.More
			case lookup.FeedReport:
				for _, f := range r.Feeds {
					got = append(got, f.Name)
				}
			default:
				t.Fatalf("result of type %T", res)
			}
			if tc.wantN > 0 {
				if len(got) != tc.wantN || strings.Contains(strings.Join(got, "|"), "Japan") {
					t.Errorf("got %q; want %d items of north-korea", got, tc.wantN)
				}
			} else if strings.Join(got, "|") != strings.Join(tc.want, "|") || more != tc.more {
				t.Errorf("got %q, more %v; want %q, more %v", got, more, tc.want, tc.more)
			}
			if tc.none != "" && lc.None(tc.args) != tc.none {
				t.Errorf("None = %q, want %q", lc.None(tc.args), tc.none)
			}
		})
	}
}
