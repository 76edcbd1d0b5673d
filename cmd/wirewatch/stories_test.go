package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/pipeline"
	"wirewatch/stories"
	labelledset "wirewatch/stories/labelled"
	"wirewatch/summarize"
)

// replaySets are the labelled sets TestGroupingQuality measures, with the
// config whose vocabulary each is grouped with and the zone of its dates.
var replaySets = []struct{ file, config, zone string }{
	{"labelled.txt", "", "Asia/Seoul"},
	{"heldout.txt", "", "Asia/Seoul"},
	{"heldout2.txt", "", "Asia/Seoul"},
	{"dev-korea.txt", "", "Asia/Seoul"},
	{"dev-mechanisms.txt", "", "Asia/Seoul"},
	{"dev-energy.txt", "../../stories/testdata/energy.toml", "UTC"},
	{"dev-energy-merges.txt", "../../stories/testdata/energy.toml", "UTC"},
	{"dev-traps.txt", "", "Europe/Paris"},
	{"dev-specifics.txt", "", "Europe/London"},
	{"dev-followups.txt", "", "Europe/London"},
	{"opened-cyber.txt", "../../stories/testdata/cyber.toml", "UTC"},
	{"opened-markets.txt", "../../stories/testdata/markets.toml", "UTC"},
	{"opened-health.txt", "../../stories/testdata/health.toml", "UTC"},
}

// TestReplayScoresAsQualityTest converts each labelled set to replay's
// JSON lines, runs `wirewatch stories replay` on them, and checks that its
// stories and dates score exactly as grouping the set directly does (the
// way TestGroupingQuality groups it).
func TestReplayScoresAsQualityTest(t *testing.T) {
	for _, set := range replaySets {
		t.Run(strings.TrimSuffix(set.file, ".txt"), func(t *testing.T) {
			recs, err := labelledset.Read(filepath.Join("..", "..", "stories", "testdata", set.file))
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			in := filepath.Join(dir, "items.jsonl")
			writeReplayInput(t, in, recs)
			args := []string{"stories", "replay", "--zone", set.zone, in}
			cfgPath := set.config
			if cfgPath == "" {
				cfgPath = filepath.Join(dir, "empty.toml")
				if err := os.WriteFile(cfgPath, nil, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			args = append(args[:2], append([]string{"-config", cfgPath}, args[2:]...)...)
			out, code := run(t, args...)
			if code != 0 {
				t.Fatalf("exit %d:\n%s", code, out)
			}
			story, date := readReplayOutput(t, out, recs)
			got := labelledset.Score(recs, story, date)

			zone, _ := time.LoadLocation(set.zone)
			wantStory, wantDate := groupDirectly(t, cfgPath, recs, zone)
			want := labelledset.Score(recs, wantStory, wantDate)
			t.Logf("replay: %s", got)
			if got != want {
				t.Errorf("replay scores %s\ngrouping directly %s", got, want)
			}
		})
	}
}

func writeReplayInput(t *testing.T, path string, recs []labelledset.Record) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	for _, r := range recs {
		it := r.Item
		line := pipeline.ReplayItem{ID: r.ID, Feed: it.Feed, Timezone: r.Zone.String(), Published: it.Published.Format(time.RFC3339),
			Title: it.Title, Text: it.Text, Link: it.Link}
		if err := enc.Encode(line); err != nil {
			t.Fatal(err)
		}
	}
}

func readReplayOutput(t *testing.T, out string, recs []labelledset.Record) (story, date []string) {
	t.Helper()
	byID := map[string]pipeline.ReplayResult{}
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var r pipeline.ReplayResult
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("output line %q: %v", sc.Text(), err)
		}
		byID[r.ID] = r
	}
	if len(byID) != len(recs) {
		t.Fatalf("%d results for %d items", len(byID), len(recs))
	}
	for _, rec := range recs {
		r := byID[rec.ID]
		story, date = append(story, r.Story), append(date, r.Date)
	}
	return story, date
}

// groupDirectly groups the records with a Grouper as TestGroupingQuality
// does: publication order, cleaned text, each outlet's zone, the set's
// vocabulary, stories merged when a report links them.
func groupDirectly(t *testing.T, cfgPath string, recs []labelledset.Record, zone *time.Location) (story, date []string) {
	t.Helper()
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	v, err := stories.NewVocabulary(cfg.Stories.Vocabulary)
	if err != nil {
		t.Fatal(err)
	}
	g := stories.NewGrouperWith(72*time.Hour, v)
	g.Merges = true
	g.DeskZone = zone
	final := map[string]model.Story{}
	into := map[string]string{}
	var pruned time.Time
	for _, r := range recs {
		it := r.Item
		it.Text = summarize.Clean(it.Text)
		it.Summary = summarize.Summarize(it.Title, it.Text, pipeline.SummarySentences)
		if it.Published.Sub(pruned) > pipeline.PruneInterval {
			g.Prune(it.Published)
			pruned = it.Published
		}
		st, _ := g.Add(&it, r.Zone)
		story = append(story, it.StoryID)
		final[st.ID] = st
		for _, m := range g.TakeMerges() {
			into[m.From] = m.Into
		}
	}
	for i := range story {
		for into[story[i]] != "" {
			story[i] = into[story[i]]
		}
		date = append(date, final[story[i]].EventDate.In(zone).Format(time.DateOnly))
	}
	return story, date
}

// TestReplayInput: replay names the line of a bad input and needs an id
// and a time for each item; an unknown subcommand is a usage mistake.
func TestReplayInput(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "empty.toml")
	if err := os.WriteFile(cfg, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, input, want string }{
		{"not JSON", `{"id":"a","published":"2026-11-20T10:00:00Z","title":"x","text":"y"}` + "\n{oops\n", "line 2"},
		{"no id", `{"published":"2026-11-20T10:00:00Z","title":"x"}` + "\n", `line 1: no "id"`},
		{"bad time", `{"id":"a","published":"yesterday","title":"x"}` + "\n", "line 1: item a: published"},
		{"bad zone", `{"id":"a","published":"2026-11-20T10:00:00Z","timezone":"Mars/Base","title":"x"}` + "\n", "line 1: item a: timezone"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := filepath.Join(dir, "in.jsonl")
			if err := os.WriteFile(in, []byte(tc.input), 0o600); err != nil {
				t.Fatal(err)
			}
			out, code := run(t, "stories", "replay", "-config", cfg, in)
			if code != 1 || !strings.Contains(out, tc.want) {
				t.Fatalf("exit %d, output %q; want 1 and %q", code, out, tc.want)
			}
		})
	}
	if out, code := run(t, "stories", "regroup"); code != 2 {
		t.Fatalf("unknown subcommand: exit %d, output %q", code, out)
	}
}
