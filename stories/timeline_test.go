package stories

import (
	"math/rand"
	"reflect"
	"testing"
	"time"

	"wirewatch/model"
)

// story builds a stored story with n sources and an event day (noon UTC,
// as the Grouper stores it); day 0 means no resolved date.
func timelineStory(id, title string, day, n int) model.Story {
	first := time.Date(2026, 11, 1, 23, 0, 0, 0, time.UTC).AddDate(0, 0, max(day, 1)-1)
	st := model.Story{ID: id, Title: title, Link: "https://example.org/" + id, FirstSeen: first, Updated: first.Add(time.Hour)}
	if day > 0 {
		st.EventDate = time.Date(2026, 11, day, 12, 0, 0, 0, time.UTC)
	}
	for i := 0; i < n; i++ {
		st.Sources = append(st.Sources, model.Source{Feed: "f", Title: title, Link: st.Link, Published: first})
	}
	return st
}

func entryDays(es []Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Date.Format("01-02"))
	}
	return out
}

func TestTimelineOrdersAndMerges(t *testing.T) {
	kst := mustZone(t, "Asia/Seoul")
	stories := []model.Story{
		timelineStory("icbm", "N. Korea fires ICBM toward East Sea: JCS", 1, 5),
		timelineStory("srbm", "N. Korea fires short-range ballistic missile toward East Sea: JCS", 6, 6),
		// The grouper missed that KCNA's next-day report is the same launch.
		timelineStory("kcna", "DPRK test-fires improved tactical ballistic missile into East Sea", 7, 2),
		// Same day, different weapon and sea: never merged.
		timelineStory("cruise", "N. Korea fires cruise missiles toward Yellow Sea: JCS", 6, 4),
		// Same words, a week later: not adjacent, not merged.
		timelineStory("srbm2", "N. Korea fires short-range ballistic missiles toward East Sea: JCS", 13, 5),
		timelineStory("talks", "S. Korea proposes military talks with N. Korea", 17, 3),
		// Adjacent days, different events.
		timelineStory("cross", "Military fires warning shots as N. Korean soldiers cross border", 18, 4),
	}
	got := Timeline(stories, kst)
	if days := entryDays(got); !reflect.DeepEqual(days, []string{"11-18", "11-17", "11-13", "11-06", "11-06", "11-01"}) {
		t.Fatalf("days = %v", days)
	}
	merged := got[3]
	if merged.Title != stories[1].Title || merged.Sources != 8 || !reflect.DeepEqual(merged.StoryIDs, []string{"srbm", "kcna"}) {
		t.Fatalf("merged entry = %+v", merged)
	}
	if !reflect.DeepEqual(merged.Links, []string{stories[1].Link, stories[2].Link}) || merged.Link != stories[1].Link {
		t.Fatalf("merged links = %v (%s)", merged.Links, merged.Link)
	}
	if got[4].StoryIDs[0] != "cruise" || got[4].Sources != 4 {
		t.Fatalf("cruise entry = %+v", got[4])
	}
	for _, e := range got {
		if e.Date.Location() != kst || e.Date.Hour() != 0 {
			t.Fatalf("entry date %v is not midnight in KST", e.Date)
		}
	}
}

func TestTimelineEntryDayHasMostSources(t *testing.T) {
	// Two reports dated the 6th, five dated the 7th: the entry is the 7th.
	got := Timeline([]model.Story{
		timelineStory("a", "Kim Yo Jong warns of horrible consequences over leaflets", 6, 2),
		timelineStory("b", "Kim Yo Jong warns South Korea of horrible consequences over drone, leaflets", 7, 5),
	}, time.UTC)
	if len(got) != 1 || got[0].Date.Day() != 7 || got[0].StoryIDs[0] != "b" || got[0].Sources != 7 {
		t.Fatalf("got %+v", got)
	}
}

func TestTimelineIsStableAndPageable(t *testing.T) {
	set := readLabelled(t, "testdata/labelled.txt")
	g := NewGrouper(72 * time.Hour)
	byID := map[string]model.Story{}
	for i := range set {
		it := set[i].item
		st, _ := g.Add(&it, set[i].zone)
		byID[st.ID] = st
	}
	var stories []model.Story
	for _, st := range byID {
		stories = append(stories, st)
	}
	kst := mustZone(t, "Asia/Seoul")
	full := Timeline(stories, kst)
	if len(full) == 0 || len(full) > len(stories) {
		t.Fatalf("%d entries for %d stories", len(full), len(stories))
	}
	for i := 1; i < len(full); i++ {
		if full[i].Date.After(full[i-1].Date) {
			t.Fatalf("entry %d (%v) is newer than entry %d (%v)", i, full[i].Date, i-1, full[i-1].Date)
		}
	}
	seen := map[string]bool{}
	sources := 0
	for _, e := range full {
		if len(e.StoryIDs) != len(e.Links) || e.Title == "" {
			t.Fatalf("bad entry %+v", e)
		}
		for _, id := range e.StoryIDs {
			if seen[id] {
				t.Fatalf("story %s in two entries", id)
			}
			seen[id] = true
		}
		sources += e.Sources
	}
	if sources != len(set) {
		t.Fatalf("entries count %d sources, want %d", sources, len(set))
	}

	// Input order does not matter.
	rng := rand.New(rand.NewSource(1))
	for k := 0; k < 5; k++ {
		rng.Shuffle(len(stories), func(i, j int) { stories[i], stories[j] = stories[j], stories[i] })
		if again := Timeline(stories, kst); !reflect.DeepEqual(again, full) {
			t.Fatal("Timeline depends on input order")
		}
	}

	// A page fetched by date range, with a day of margin on each side,
	// agrees with the full timeline on the days strictly inside it.
	from, until := time.Date(2026, 11, 8, 0, 0, 0, 0, kst), time.Date(2026, 11, 15, 0, 0, 0, 0, kst)
	var page []model.Story
	for _, st := range stories {
		d := st.EventDate.In(kst)
		if !d.Before(from.AddDate(0, 0, -1)) && d.Before(until.AddDate(0, 0, 1)) {
			page = append(page, st)
		}
	}
	inside := func(es []Entry) []Entry {
		var out []Entry
		for _, e := range es {
			if !e.Date.Before(from) && e.Date.Before(until) {
				out = append(out, e)
			}
		}
		return out
	}
	if a, b := inside(Timeline(page, kst)), inside(full); !reflect.DeepEqual(a, b) {
		t.Fatalf("page differs from full timeline:\n%v\n%v", entryDays(a), entryDays(b))
	}
}

func TestTimelineZones(t *testing.T) {
	kst := mustZone(t, "Asia/Seoul")
	ny := mustZone(t, "America/New_York")
	// A resolved date reads as the same day in Seoul and New York.
	dated := timelineStory("d", "North Korea fires missile", 6, 1)
	// Without one, the first-seen instant is read in the timeline's zone:
	// 23:00 UTC on the 9th is the 10th in Seoul.
	undated := timelineStory("u", "Rice prices climb in Hyesan", 9, 1)
	undated.EventDate = time.Time{}
	for _, tc := range []struct {
		loc  *time.Location
		want []string
	}{{kst, []string{"11-10", "11-06"}}, {ny, []string{"11-09", "11-06"}}, {time.UTC, []string{"11-09", "11-06"}}} {
		if got := entryDays(Timeline([]model.Story{dated, undated}, tc.loc)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("in %v: %v, want %v", tc.loc, got, tc.want)
		}
	}
	if got := Timeline(nil, nil); len(got) != 0 {
		t.Errorf("empty timeline: %v", got)
	}
}
