package stories

import (
	"strings"
	"testing"
	"time"

	"wirewatch/model"
)

// A story's summary is its most central report's lead as LeadOf gives it;
// it follows the central report as sources arrive, survives a Load, and a
// story loaded without its items keeps the summary it was stored with.
func TestStorySummary(t *testing.T) {
	kst := mustZone(t, "Asia/Seoul")
	g := NewGrouper(72 * time.Hour)
	g.LeadOf = func(it *model.Item) string { return "lead of " + it.Feed }

	pub := time.Date(2026, 11, 6, 7, 52, 0, 0, kst)
	reports := []*model.Item{
		item("Yonhap", "https://y.example/1", "(LEAD) N. Korea fires short-range ballistic missile toward East Sea: JCS",
			"North Korea fired a short-range ballistic missile toward the East Sea on Friday, South Korea's military said.", pub, "north-korea"),
		item("Reuters", "https://r.example/1", "North Korea fires ballistic missile off east coast, South Korea says",
			"North Korea fired a short-range ballistic missile off its east coast on Friday, South Korea's military said.", pub.Add(10*time.Minute), "north-korea"),
		item("NHK", "https://n.example/1", "North Korea fires ballistic missile toward Sea of Japan, Japan says",
			"Japan's Defense Ministry says North Korea launched a ballistic missile on Friday morning.", pub.Add(20*time.Minute)),
	}
	var st model.Story
	for i, it := range reports {
		st, _ = g.Add(it, kst)
		if i == 0 && st.Summary != "lead of Yonhap" {
			t.Fatalf("one report: summary %q", st.Summary)
		}
	}
	central := ""
	for _, src := range st.Sources {
		if src.Title == st.Title {
			central = src.Feed
		}
	}
	if len(st.Sources) != 3 || st.Summary != "lead of "+central {
		t.Fatalf("three reports: %d sources, title %q, summary %q; want the lead of %s", len(st.Sources), st.Title, st.Summary, central)
	}

	// A central report without a lead gives way to the first report's.
	h := NewGrouper(72 * time.Hour)
	h.LeadOf = func(it *model.Item) string {
		if it.Feed == central {
			return ""
		}
		return "lead of " + it.Feed
	}
	var items []model.Item
	for _, it := range reports {
		items = append(items, *it)
	}
	h.Load(items, []model.Story{st})
	again, _ := h.Add(item("KBS", "https://k.example/1", "N. Korea fires missile", "", pub.Add(time.Hour)), kst)
	if again.ID != st.ID || !strings.HasPrefix(again.Summary, "lead of ") || again.Summary == "lead of "+central {
		t.Fatalf("after Load: story %s summary %q", again.ID, again.Summary)
	}

	// Without its items, a loaded story keeps its stored summary.
	stored := st
	stored.Summary = "the stored summary"
	k := NewGrouper(72 * time.Hour)
	k.Load(nil, []model.Story{stored})
	got, _ := k.Add(item("Yonhap", "https://y.example/1", "same link", "", pub.Add(2*time.Hour)), kst)
	if got.Summary != "the stored summary" {
		t.Fatalf("loaded without items: summary %q", got.Summary)
	}
}

// Raise keeps a story's highest severity, a merge keeps the higher of the
// two, and an unknown story reports "".
func TestRaiseSeverity(t *testing.T) {
	g := NewGrouper(72 * time.Hour)
	pub := time.Date(2026, 11, 6, 0, 0, 0, 0, time.UTC)
	st, _ := g.Add(item("A", "https://a.example/1", "Typhoon makes landfall in Okinawa", "", pub), time.UTC)
	for _, step := range []struct {
		sev, want model.Severity
	}{{model.SeverityInfo, model.SeverityInfo}, {model.SeverityUrgent, model.SeverityUrgent}, {model.SeverityAlert, model.SeverityUrgent}} {
		if got := g.Raise(st.ID, step.sev); got != step.want {
			t.Fatalf("Raise(%s) = %s, want %s", step.sev, got, step.want)
		}
	}
	again, _ := g.Add(item("B", "https://a.example/1", "Typhoon makes landfall in Okinawa", "", pub.Add(time.Hour)), time.UTC)
	if again.Severity != model.SeverityUrgent {
		t.Fatalf("story after a new report: severity %q", again.Severity)
	}
	if got := g.Raise("no-such-story", model.SeverityUrgent); got != "" {
		t.Fatalf("unknown story: %q", got)
	}
}

// Relead: an item whose article arrived gives its story a new summary
// (and a severity the article made it match); nothing changed, or a
// story not in the window, reports false.
func TestRelead(t *testing.T) {
	g := NewGrouper(72 * time.Hour)
	pub := time.Date(2026, 11, 6, 0, 0, 0, 0, time.UTC)
	it := item("A", "https://a.example/1", "Typhoon makes landfall in Okinawa", "", pub)
	it.Summary = []string{"A typhoon hit Okinawa."}
	st, _ := g.Add(it, time.UTC)
	if st.Summary != "A typhoon hit Okinawa." {
		t.Fatalf("summary %q", st.Summary)
	}
	if _, changed := g.Relead(it, ""); changed {
		t.Error("the same lead again: changed")
	}
	it.Summary = []string{"Typhoon Kong-rey made landfall in Okinawa on Friday with winds of 180 km/h."}
	got, changed := g.Relead(it, model.SeverityAlert)
	if !changed || got.Summary != it.Summary[0] || got.Severity != model.SeverityAlert || got.ID != st.ID {
		t.Fatalf("after the article: %v %+v", changed, got)
	}
	other := *it
	other.StoryID = "not-in-the-window"
	if _, changed := g.Relead(&other, model.SeverityUrgent); changed {
		t.Error("a story not in the window: changed")
	}
}
