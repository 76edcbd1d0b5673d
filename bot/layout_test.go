package bot

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wirewatch/lookup"
	"wirewatch/model"
	"wirewatch/stories"
)

// layoutCases are the posts whose Discord messages testdata/layout.golden
// holds: an alert as first sent, its edits as 3 and 50 outlets join, an
// update sent as a message of its own, a fold, and a merged alert.
func layoutCases() []struct {
	name string
	post model.Post
} {
	pub := time.Date(2026, 12, 4, 18, 27, 42, 0, time.UTC)
	alert := model.Content{
		Headline: "N. Korea fires ballistic missile into East Sea", Link: "https://en.yna.co.kr/view/1", Feed: "Yonhap", Published: pub,
		Summary: []string{"North Korea fired a ballistic missile toward the East Sea on Friday, the Joint Chiefs of Staff said.", "It flew about 1,100 km before landing outside Japan's exclusive economic zone."},
		Items:   []string{"guid:yonhap:1"}, Severity: model.SeverityUrgent, Rule: "nk-missile-launch",
		Terms: []string{"ballistic missile", "fires"}, Mentions: []string{"200000000000000001"},
		StoryTitle: "N. Korea fires ballistic missile into East Sea", Updated: pub, TimeZone: "Asia/Seoul",
		Sources: []model.Source{{Feed: "Yonhap", Title: "N. Korea fires ballistic missile into East Sea", Link: "https://en.yna.co.kr/view/1", Published: pub}},
	}
	three := alert
	three.Sources = append(append([]model.Source(nil), alert.Sources...),
		model.Source{Feed: "Kyodo", Title: "North Korean missile lands outside Japan's EEZ", Link: "https://kyodo.example/2", Published: pub.Add(4 * time.Minute)},
		model.Source{Feed: "NK News", Title: "KCNA: test of a new IRBM", Link: "https://nknews.example/3", Published: pub.Add(9 * time.Minute)})
	fifty := alert
	fifty.Sources = nil
	for i := range 50 {
		fifty.Sources = append(fifty.Sources, model.Source{Feed: fmt.Sprintf("Outlet %02d", i), Title: "N. Korea fires missile",
			Link: fmt.Sprintf("https://outlet%02d.example/launch", i), Published: pub.Add(time.Duration(i) * time.Minute)})
	}
	info := model.Content{Headline: "Seoul and Tokyo hold talks on missile data sharing", Link: "https://example.org/talks", Feed: "Korea Herald",
		Published: pub, Severity: model.SeverityInfo, Rule: "korea-diplomacy", Terms: []string{"Seoul", "Tokyo"}}
	reply := three
	reply.Reply = true
	fold := model.Fold{Feed: "Wire Flood", Rule: "nk-missile-launch", Severity: model.SeverityUrgent, Total: 37}
	for i := range 37 {
		fold.Items = append(fold.Items, model.FoldItem{Title: fmt.Sprintf("Missile report %d", i), Link: fmt.Sprintf("https://flood.example/%d", i), Published: pub})
	}
	merged := three
	merged.MergedInto = &model.MergedStory{Title: "North Korea test-fires new IRBM", Link: "https://example.org/irbm"}
	return []struct {
		name string
		post model.Post
	}{
		{"alert, urgent", model.Post{ID: "p-alert", Kind: model.PostAlert, Content: alert}},
		{"alert, info, no summary", model.Post{ID: "p-info", Kind: model.PostAlert, Content: info}},
		{"edit, 3 sources", model.Post{ID: "p-edit3", Kind: model.PostUpdate, ReplaceOf: "p-alert", Content: three}},
		{"edit, 50 sources", model.Post{ID: "p-edit50", Kind: model.PostUpdate, ReplaceOf: "p-alert", Content: fifty}},
		{"update as a message", model.Post{ID: "p-reply", Kind: model.PostUpdate, ReplaceOf: "p-alert", Content: reply}},
		{"fold", model.Post{ID: "p-fold", Kind: model.PostFold, Content: model.Content{Fold: &fold}}},
		{"merged", model.Post{ID: "p-merged", Kind: model.PostUpdate, ReplaceOf: "p-alert", Content: merged}},
	}
}

// TestLayoutGolden: each post's message as Discord gets it (rendered and
// stamped, as the sink sends it) is within Discord's limits, pings only
// its roles, and matches testdata/layout.golden (UPDATE_GOLDEN=1 rewrites
// it). The headline appears once in an alert and its edits.
func TestLayoutGolden(t *testing.T) {
	var out strings.Builder
	for _, tc := range layoutCases() {
		msg, err := renderFor(tc.post, editedPost(tc.post))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		checkMessage(t, msg)
		if h := tc.post.Content.Headline; h != "" && tc.post.Content.Fold == nil && tc.post.Content.MergedInto == nil && !tc.post.Content.Reply {
			var all strings.Builder
			all.WriteString(msg.Content)
			for _, e := range msg.Embeds {
				all.WriteString(e.Title + e.Description + e.Footer + e.Author)
			}
			if n := strings.Count(all.String(), h); n != 1 {
				t.Errorf("%s: the headline shows %d times", tc.name, n)
			}
		}
		fmt.Fprintf(&out, "== %s\n", tc.name)
		enc := json.NewEncoder(&out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(msg); err != nil {
			t.Fatal(err)
		}
	}
	golden := filepath.Join("testdata", "layout.golden")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != string(want) {
		t.Errorf("layout differs from %s (UPDATE_GOLDEN=1 to accept):\n%s", golden, out.String())
	}
}

// TestTimelineGolden: a /timeline page with long and hostile entries fits
// Discord's limits, pings no one, shows days as Discord dates and
// headlines as masked links, and matches testdata/timeline.golden.
func TestTimelineGolden(t *testing.T) {
	day := time.Date(2026, 12, 4, 0, 0, 0, 0, kst)
	var p lookup.TimelinePage
	for k := range 12 {
		e := stories.Entry{Date: day.AddDate(0, 0, -k), Title: fmt.Sprintf("North Korea report %d", k),
			Link: fmt.Sprintf("https://en.yna.example/nk/%02d", k), Sources: 1 + k%4,
			Summary: "Pyongyang said on state media that the move was a matter of sovereignty."}
		if k == 1 {
			e.Title, e.Link, e.Summary = "@everyone [click](javascript:alert(1)) <@&1> **bold** "+strings.Repeat("長", 300), "javascript:alert(1)", hostile(2000)
		}
		p.Entries = append(p.Entries, e)
	}
	p.More = true
	r := lookup.Range{From: day.AddDate(0, 0, -90), To: day.AddDate(0, 0, 1)}
	e := timelineEmbed("North Korea <@&5>", p, r, kst)
	msg := Message{Embeds: []Embed{{Title: e.Title, Description: e.Description, Footer: e.Footer.Text}}}
	checkMessage(t, msg)
	if !strings.Contains(e.Description, fmt.Sprintf("<t:%d:d> [North Korea report 0](https://en.yna.example/nk/00) · 1 source", time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC).Unix())) {
		t.Errorf("first line:\n%s", e.Description)
	}
	var out strings.Builder
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(msg); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "timeline.golden")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != string(want) {
		t.Errorf("timeline differs from %s (UPDATE_GOLDEN=1 to accept):\n%s", golden, out.String())
	}
}
