package stories

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"wirewatch/model"
)

func item(feed, link, title, text string, pub time.Time, topics ...string) *model.Item {
	return &model.Item{Key: "link:" + link, Feed: feed, Link: link, Title: title, Text: text, Published: pub, FirstSeen: pub, Topics: topics}
}

func TestAddBuildsStory(t *testing.T) {
	kst := mustZone(t, "Asia/Seoul")
	g := NewGrouper(72 * time.Hour)

	reuters := item("Reuters", "https://r.example/1",
		"North Korea fires ballistic missile off east coast, South Korea says - Reuters",
		"North Korea fired a short-range ballistic missile off its east coast on Friday, South Korea's military said. The missile flew about 350 km after being launched from near the capital, the Joint Chiefs of Staff said.",
		time.Date(2026, 11, 5, 23, 55, 0, 0, time.UTC), "north-korea")
	st1, isNew := g.Add(reuters, time.UTC)
	if !isNew || st1.ID == "" || reuters.StoryID != st1.ID {
		t.Fatalf("first item: isNew=%v story=%q item.StoryID=%q", isNew, st1.ID, reuters.StoryID)
	}
	if want := time.Date(2026, 11, 6, 0, 0, 0, 0, time.UTC); !reuters.EventDate.Equal(want) {
		t.Errorf("Reuters EventDate = %v, want %v (Friday in Seoul, written on Thursday in UTC)", reuters.EventDate, want)
	}

	// An older report arrives later: it becomes the first source.
	yonhap := item("Yonhap", "https://y.example/1",
		"(LEAD) N. Korea fires short-range ballistic missile toward East Sea: JCS",
		"North Korea fired a short-range ballistic missile toward the East Sea on Friday, South Korea's military said. The missile was launched from the Sunan area of Pyongyang and flew about 350 kilometers, the Joint Chiefs of Staff (JCS) said.",
		time.Date(2026, 11, 6, 7, 52, 0, 0, kst), "north-korea", "missiles")
	st2, isNew := g.Add(yonhap, kst)
	if isNew || st2.ID != st1.ID || yonhap.StoryID != st1.ID {
		t.Fatalf("second report: isNew=%v story=%q, want joined %q", isNew, st2.ID, st1.ID)
	}
	if got := yonhap.EventDate; !got.Equal(time.Date(2026, 11, 6, 0, 0, 0, 0, kst)) || got.Location() != kst {
		t.Errorf("Yonhap EventDate = %v, want 2026-11-06 00:00 KST", got)
	}
	if len(st2.Sources) != 2 || st2.Sources[0].Feed != "Yonhap" || st2.Sources[1].Feed != "Reuters" {
		t.Fatalf("sources = %+v, want Yonhap then Reuters (by publication)", st2.Sources)
	}
	if st2.Link != yonhap.Link || !st2.FirstSeen.Equal(yonhap.Published) || !st2.Updated.Equal(reuters.Published) {
		t.Errorf("link/first/updated = %s %v %v", st2.Link, st2.FirstSeen, st2.Updated)
	}
	if want := time.Date(2026, 11, 6, 12, 0, 0, 0, time.UTC); !st2.EventDate.Equal(want) {
		t.Errorf("story EventDate = %v, want %v", st2.EventDate, want)
	}
	if fmt.Sprint(st2.Topics) != "[north-korea missiles]" {
		t.Errorf("topics = %v", st2.Topics)
	}

	// A third report makes the most central headline the title.
	nhk := item("NHK", "https://n.example/1", "Japan says North Korea fired ballistic missile toward Sea of Japan",
		"Japan's Defense Ministry says North Korea launched a ballistic missile on Friday morning toward the Sea of Japan.",
		time.Date(2026, 11, 6, 8, 20, 0, 0, kst))
	st3, isNew := g.Add(nhk, kst)
	if isNew || st3.ID != st1.ID {
		t.Fatalf("NHK report did not join: %+v", st3)
	}
	if st3.Title == "" || len(st3.Sources) != 3 {
		t.Fatalf("story = %+v", st3)
	}

	// The returned story is a copy: changing it changes nothing inside.
	st3.Sources[0].Title = "changed"
	again, _ := g.Add(item("Yonhap", yonhap.Link, "same link, any title", "", yonhap.Published.Add(time.Minute)), kst)
	if again.ID != st1.ID || again.Sources[0].Title == "changed" {
		t.Fatalf("same link: story %q, sources %+v", again.ID, again.Sources)
	}
}

func TestAddWithoutDate(t *testing.T) {
	g := NewGrouper(72 * time.Hour)
	pub := time.Date(2026, 11, 10, 9, 0, 0, 0, time.UTC)
	it := item("X", "https://x.example/1", "Rice prices climb in Hyesan markets", "Prices rose in the markets of Hyesan, a source said.", pub)
	st, _ := g.Add(it, nil)
	if !it.EventDate.IsZero() {
		t.Errorf("item EventDate = %v, want zero", it.EventDate)
	}
	if !st.EventDate.Equal(pub) {
		t.Errorf("story EventDate = %v, want FirstSeen %v", st.EventDate, pub)
	}
}

// TestVetoes checks pairs that share most words but report different events.
func TestVetoes(t *testing.T) {
	kst := mustZone(t, "Asia/Seoul")
	fri := time.Date(2026, 11, 6, 8, 0, 0, 0, kst)
	tests := []struct {
		name   string
		a, b   [2]string // title, text
		bDelay time.Duration
	}{
		{"ballistic vs cruise the same day",
			[2]string{"N. Korea fires missiles toward sea: JCS", "North Korea fired two ballistic missiles on Friday, the JCS said."},
			[2]string{"N. Korea fires missiles toward sea: JCS", "North Korea fired two cruise missiles on Friday, the JCS said."}, 6 * time.Hour},
		{"East Sea vs Yellow Sea",
			[2]string{"N. Korea fires ballistic missile toward East Sea: JCS", "North Korea fired a ballistic missile toward the East Sea on Friday, the JCS said."},
			[2]string{"N. Korea fires ballistic missile toward Yellow Sea: JCS", "North Korea fired a ballistic missile toward the Yellow Sea on Friday, the JCS said."}, 3 * time.Hour},
		{"different exercise names",
			[2]string{"S. Korea, U.S., Japan kick off Freedom Edge exercise", "South Korea, the United States and Japan began the Freedom Edge exercise on Friday off Jeju with destroyers and fighter jets."},
			[2]string{"S. Korea, U.S., Japan kick off Vigilant Defense exercise", "South Korea, the United States and Japan began the Vigilant Defense exercise on Friday off Jeju with destroyers and fighter jets."}, 2 * time.Hour},
		{"different numbers of missiles",
			[2]string{"N. Korea fires one ballistic missile toward East Sea", "North Korea fired one short-range ballistic missile toward the East Sea on Friday, the JCS said."},
			[2]string{"N. Korea fires three ballistic missiles toward East Sea", "North Korea fired three short-range ballistic missiles toward the East Sea on Friday, the JCS said."}, 5 * time.Hour},
		{"the same words a week apart",
			[2]string{"(URGENT) N. Korea fires ballistic missile toward East Sea: JCS", "North Korea fired a ballistic missile toward the East Sea on Friday, South Korea's Joint Chiefs of Staff (JCS) said."},
			[2]string{"(URGENT) N. Korea fires ballistic missile toward East Sea: JCS", "North Korea fired a ballistic missile toward the East Sea on Friday, South Korea's Joint Chiefs of Staff (JCS) said."}, 7 * 24 * time.Hour},
		{"a drill and the statement denouncing it 90 minutes later",
			[2]string{"S. Korea, U.S., Japan kick off Freedom Edge exercise", "South Korea, the United States and Japan began the three-day Freedom Edge exercise on Friday off Jeju with a U.S. aircraft carrier, destroyers and fighter jets."},
			[2]string{"North Korea denounces Freedom Edge drill as 'Asian NATO' rehearsal", "North Korea on Friday denounced the Freedom Edge exercise that South Korea, the United States and Japan began off Jeju as a rehearsal for an 'Asian NATO', its foreign ministry said."}, 90 * time.Minute},
		{"a statement that the drills began, by Pyongyang",
			[2]string{"S. Korea, U.S. begin Freedom Shield exercise", "South Korea and the United States began their Freedom Shield exercise on Monday, the JCS said."},
			[2]string{"North Korea says Freedom Shield drills are rehearsal for war", "North Korea said on Monday the Freedom Shield exercise South Korea and the United States began was a rehearsal for war."}, 2 * time.Hour},
		{"talks and the launch they discuss",
			[2]string{"N. Korea fires ballistic missile toward East Sea: JCS", "North Korea fired a ballistic missile toward the East Sea on Friday, the JCS said."},
			[2]string{"UNSC holds meeting on N. Korea's ballistic missile launch", "The UN Security Council held a meeting on Friday on North Korea's ballistic missile launch toward the East Sea."}, 10 * time.Hour},
		{"a cruise launch hours after a ballistic one, named in its headline",
			[2]string{"N. Korea fires ballistic missiles: JCS", "North Korea fired ballistic missiles on Friday morning, the JCS said."},
			[2]string{"N. Korea fires missiles hours after ballistic launch", "North Korea fired cruise missiles on Friday afternoon, the JCS said, hours after it fired ballistic missiles."}, 6 * time.Hour},
		{"strikes called on one day for different days",
			[2]string{"Cardiff rail staff call strike for Friday", "Station staff at Cardiff Central on Friday called a 24-hour strike for next Friday over rosters, the union said."},
			[2]string{"Glasgow Subway drivers call strike for Tuesday", "Drivers on the Glasgow Subway on Friday called a 24-hour strike for Tuesday over rosters, the union said."}, time.Hour},
		{"a launch and the drill it protests",
			[2]string{"S. Korea, U.S., Japan stage Freedom Edge drills with carrier", "South Korea, the United States and Japan staged the Freedom Edge exercise on Friday with a U.S. carrier."},
			[2]string{"N. Korea fires ballistic missile during Freedom Edge drills", "North Korea fired a ballistic missile on Friday as South Korea, the United States and Japan staged the Freedom Edge exercise."}, 3 * time.Hour},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := NewGrouper(10 * 24 * time.Hour) // wide enough that only the veto can separate them
			a := item("A", "https://a.example/1", tc.a[0], tc.a[1], fri)
			b := item("B", "https://b.example/1", tc.b[0], tc.b[1], fri.Add(tc.bDelay))
			g.Add(a, kst)
			if _, isNew := g.Add(b, kst); !isNew {
				t.Fatalf("%q joined %q", tc.b, tc.a)
			}
		})
	}
}

func TestWindowAndPrune(t *testing.T) {
	kst := mustZone(t, "Asia/Seoul")
	g := NewGrouper(24 * time.Hour)
	t0 := time.Date(2026, 11, 12, 11, 0, 0, 0, kst)
	title := "S. Korea, U.S., Japan kick off 3-day Freedom Edge exercise"
	text := "South Korea, the United States and Japan kicked off their three-day Freedom Edge exercise in waters off Jeju Island."
	st, _ := g.Add(item("A", "https://a.example/1", title, text, t0), kst)

	// Outside the window the same words start a new story, even unpruned.
	late, isNew := g.Add(item("B", "https://b.example/1", title, text, t0.Add(30*time.Hour)), kst)
	if !isNew || late.ID == st.ID {
		t.Fatalf("item 30h after a 24h window joined %s", late.ID)
	}
	if g.Len() != 2 {
		t.Fatalf("Len = %d, want 2", g.Len())
	}
	// A story is kept for late reports that name its day (Retention) and
	// dropped after that.
	g.Prune(t0.Add(30 * time.Hour))
	if g.Len() != 2 {
		t.Fatalf("after Prune within Retention, Len = %d, want 2", g.Len())
	}
	g.Prune(t0.Add(50 * time.Hour))
	if g.Len() != 1 {
		t.Fatalf("after Prune, Len = %d, want 1", g.Len())
	}
	// The pruned story's link is forgotten; the kept one still matches.
	if again, isNew := g.Add(item("A", "https://a.example/1", title, text, t0.Add(51*time.Hour)), kst); isNew || again.ID != late.ID {
		t.Fatalf("after Prune: isNew=%v story=%s, want joined %s", isNew, again.ID, late.ID)
	}
	g.Prune(t0.Add(100 * time.Hour))
	if g.Len() != 0 {
		t.Fatalf("after final Prune, Len = %d", g.Len())
	}
	// Slots are reused without stale postings.
	fresh, isNew := g.Add(item("C", "https://c.example/1", title, text, t0.Add(101*time.Hour)), kst)
	if !isNew || fresh.ID == st.ID || fresh.ID == late.ID {
		t.Fatalf("after pruning all, got story %s isNew=%v", fresh.ID, isNew)
	}
}

// TestLoadRebuildsWindow groups the labelled set, reloads the stored items
// and stories into a new Grouper, and checks that it groups as the first
// would have.
func TestLoadRebuildsWindow(t *testing.T) {
	set := readLabelled(t, "testdata/labelled.txt")
	zones := map[string]*time.Location{}
	for _, l := range set {
		zones[l.item.Feed] = l.zone
	}
	// Hold back the last report of the hypersonic launch.
	var last labelled
	var items []model.Item
	stories := map[string]model.Story{}
	g := NewGrouper(72 * time.Hour)
	for _, l := range set {
		if l.id == "x8" {
			last = l
			continue
		}
		it := l.item
		st, _ := g.Add(&it, l.zone)
		items = append(items, it)
		stories[st.ID] = st
	}
	var list []model.Story
	for _, st := range stories {
		list = append(list, st)
	}

	h := NewGrouper(72 * time.Hour)
	h.LocationOf = func(feed string) *time.Location { return zones[feed] }
	h.Load(items, list)
	if h.Len() != len(stories) {
		t.Fatalf("Load: Len = %d, want %d", h.Len(), len(stories))
	}
	want := last.item
	wantStory, _ := g.Add(&want, last.zone)
	got := last.item
	gotStory, isNew := h.Add(&got, last.zone)
	if isNew || gotStory.ID != wantStory.ID {
		t.Fatalf("after Load, x8 went to %s (new=%v), want %s", gotStory.ID, isNew, wantStory.ID)
	}
	if len(gotStory.Sources) != len(wantStory.Sources) || !gotStory.EventDate.Equal(wantStory.EventDate) {
		t.Fatalf("after Load: %d sources, event %v; want %d, %v", len(gotStory.Sources), gotStory.EventDate, len(wantStory.Sources), wantStory.EventDate)
	}
}

func TestLoadWithoutItems(t *testing.T) {
	pub := time.Date(2026, 11, 12, 2, 0, 0, 0, time.UTC)
	st := model.Story{ID: "s1", Title: "S. Korea, U.S., Japan kick off 3-day Freedom Edge exercise",
		Sources: []model.Source{{Feed: "Y", Title: "S. Korea, U.S., Japan kick off 3-day Freedom Edge exercise", Link: "https://y.example/fe", Published: pub}}}
	g := NewGrouper(72 * time.Hour)
	g.Load(nil, []model.Story{st, {ID: ""}, {ID: "empty"}})
	if g.Len() != 1 {
		t.Fatalf("Len = %d, want 1 (stories without id or sources are skipped)", g.Len())
	}
	got, isNew := g.Add(item("Z", "https://y.example/fe", "whatever", "", pub.Add(time.Hour)), time.UTC)
	if isNew || got.ID != "s1" {
		t.Fatalf("link of a loaded source: story %s new=%v", got.ID, isNew)
	}
}

func TestConcurrentAdd(t *testing.T) {
	set := readLabelled(t, "testdata/labelled.txt")
	g := NewGrouper(72 * time.Hour)
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(set); i += 4 {
				it := set[i].item
				st, _ := g.Add(&it, set[i].zone)
				if st.ID == "" || it.StoryID != st.ID {
					t.Errorf("item %s: story %q", set[i].id, st.ID)
				}
				if i%10 == 0 {
					g.Prune(it.Published.Add(-96 * time.Hour))
				}
			}
		}(w)
	}
	wg.Wait()
	if g.Len() == 0 {
		t.Fatal("no stories")
	}
}

// TestMergesLinkStories groups the energy desk's merges set with and
// without Merges: a report that fits two stories makes them one, which
// finds more of each event's reports and no wrong pairs there. (On
// dev-energy.txt merges found none once a report that names no day counts
// the day it was published on: those reports join directly.)
func TestMergesLinkStories(t *testing.T) {
	set := readLabelled(t, "testdata/dev-energy-merges.txt")
	v := setVocabulary(t, "testdata/energy.toml")
	score := func(merges bool) (float64, float64, int) {
		g := NewGrouperWith(72*time.Hour, v)
		g.Merges = merges
		got := make([]string, len(set))
		into := map[string]string{}
		n := 0
		for i := range set {
			it := set[i].item
			g.Add(&it, set[i].zone)
			got[i] = it.StoryID
			for _, m := range g.TakeMerges() {
				if _, ok := g.byID[m.From]; ok {
					t.Errorf("merged story %s is still in the window", m.From)
				}
				into[m.From] = m.Into
				n++
			}
		}
		for i := range got {
			for into[got[i]] != "" {
				got[i] = into[got[i]]
			}
		}
		truth := make([]string, len(set))
		for i := range set {
			truth[i] = set[i].story
		}
		p, r, _, _, _ := pairScores(truth, got)
		return p, r, n
	}
	p0, r0, n0 := score(false)
	p1, r1, n1 := score(true)
	t.Logf("without merges: precision %.3f recall %.3f; with %d merges: precision %.3f recall %.3f", p0, r0, n1, p1, r1)
	if n0 != 0 || n1 == 0 || r1 <= r0 || p1 < p0 {
		t.Errorf("merges %d and %d, recall %.3f -> %.3f, precision %.3f -> %.3f", n0, n1, r0, r1, p0, p1)
	}
}

// TestVagueDateNeverOverrides: a report that says only "earlier this month"
// leaves the story's date to the report that names the day.
func TestVagueDateNeverOverrides(t *testing.T) {
	kst, _ := time.LoadLocation("Asia/Seoul")
	pub := time.Date(2026, 11, 21, 10, 30, 0, 0, kst)
	g := NewGrouper(72 * time.Hour)
	a := model.Item{Feed: "a", Link: "https://a.example/1", Title: "North Korea fired cruise missiles, officials say",
		Text: "North Korea fired cruise missiles earlier this month, officials said.", Published: pub}
	b := model.Item{Feed: "b", Link: "https://b.example/1", Title: "North Korea fired cruise missiles, officials say",
		Text: "North Korea fired cruise missiles off its west coast on Friday, officials said.", Published: pub.Add(time.Hour)}
	g.Add(&a, kst)
	st, _ := g.Add(&b, kst)
	if b.StoryID != a.StoryID {
		t.Fatal("the two reports are apart")
	}
	if got := st.EventDate.Format(time.DateOnly); got != "2026-11-20" {
		t.Fatalf("story date %s, want 2026-11-20 (Friday), not the month's first day", got)
	}
}

// TestContradictingReportsApart: one outlet's reports that contradict each
// other are two stories, however alike their words.
func TestContradictingReportsApart(t *testing.T) {
	pub := time.Date(2026, 11, 20, 21, 0, 0, 0, time.UTC)
	g := NewGrouper(72 * time.Hour)
	a := model.Item{Feed: "Markets Wire", Link: "https://m.example/1", Title: "Stock markets close higher",
		Text: "Stock markets closed higher on Friday as investors bought bank shares.", Published: pub}
	b := model.Item{Feed: "Markets Wire", Link: "https://m.example/2", Title: "Stock markets plunge as tech shares crash",
		Text: "Stock markets plunged on Friday as technology shares crashed.", Published: pub.Add(30 * time.Minute)}
	g.Add(&a, time.UTC)
	g.Add(&b, time.UTC)
	if a.StoryID == b.StoryID {
		t.Fatal(`"close higher" and "plunge" became one story`)
	}
}

// TestWindowFromLastReport: a long-running event stays open for a window
// after its newest report, not its first.
func TestWindowFromLastReport(t *testing.T) {
	kst := mustZone(t, "Asia/Seoul")
	g := NewGrouper(24 * time.Hour)
	t0 := time.Date(2026, 11, 12, 11, 0, 0, 0, kst)
	title := "S. Korea, U.S., Japan hold Freedom Edge exercise off Jeju"
	text := "South Korea, the United States and Japan are holding their Freedom Edge exercise in waters off Jeju Island."
	first, _ := g.Add(item("A", "https://a.example/1", title, text, t0), kst)
	g.Add(item("B", "https://b.example/1", title, text, t0.Add(20*time.Hour)), kst)
	g.Prune(t0.Add(40 * time.Hour))
	third, isNew := g.Add(item("C", "https://c.example/1", title, text, t0.Add(40*time.Hour)), kst)
	if isNew || third.ID != first.ID {
		t.Fatalf("a report 40h after the first and 20h after the last, window 24h: new story %v", isNew)
	}
}

// TestLateReportNamesDay: past a story's window, a report that names its
// event day still joins it, for as long again; one that names no day
// starts a story of its own; after that the story is dropped.
func TestLateReportNamesDay(t *testing.T) {
	kst := mustZone(t, "Asia/Seoul")
	t0 := time.Date(2027, 3, 10, 8, 40, 0, 0, kst) // a Wednesday
	late := t0.Add(5 * 24 * time.Hour)             // Monday, 5 days on
	for _, tc := range []struct {
		title, text string
		joins       bool
	}{
		{"N. Korea's missile fired last Wednesday was new solid-fuel variant: JCS",
			"The short-range ballistic missile North Korea fired last Wednesday was a new solid-fuel variant, the JCS said Monday.", true},
		{"N. Korea's new missile was solid-fuel variant: JCS",
			"The short-range ballistic missile North Korea fired was a new solid-fuel variant, the JCS said.", false},
	} {
		g := NewGrouper(72 * time.Hour)
		first, _ := g.Add(item("A", "https://a.example/1", "N. Korea fires ballistic missile into East Sea: JCS",
			"North Korea fired a short-range ballistic missile into the East Sea on Wednesday morning, the JCS said.", t0), kst)
		g.Prune(late)
		st, _ := g.Add(item("B", "https://b.example/1", tc.title, tc.text, late), kst)
		if (st.ID == first.ID) != tc.joins {
			t.Errorf("%q 5 days on (window 72h): joined %v, want %v", tc.title, st.ID == first.ID, tc.joins)
		}
		g.Prune(late.Add(7 * 24 * time.Hour))
		if g.Len() != 0 {
			t.Errorf("%d stories kept 7 days after the last report (Retention 144h); want none", g.Len())
		}
	}
}

// TestLateTalksFindNoStoryByDay: past a story's window, a report of
// talks (an undated act) whose only day is that of an earlier clash it
// follows does not join the story of other talks of that day; an
// analysis that names the talks' day still does.
func TestLateTalksFindNoStoryByDay(t *testing.T) {
	utc := time.UTC
	tue := time.Date(2027, 4, 6, 9, 30, 0, 0, utc) // a Tuesday
	late := tue.Add(5*24*time.Hour + 3*time.Hour)  // Sunday
	for _, tc := range []struct {
		title, text string
		joins       bool
	}{
		{"Ruritanian, Borduvian border chiefs meet, agree on pullback",
			"The border chiefs of Ruritania and Borduvia met and agreed to withdraw reinforcements from the frontier, the Ruritanian interior ministry said. Crossings closed after the April 6 shooting will reopen.", false},
		{"What the April 6 Ruritania-Borduvia fishing talks mean for the lake",
			"The fishing talks Ruritania and Borduvia held on April 6 left the quota dispute open, analysts say.", true},
	} {
		g := NewGrouper(72 * time.Hour)
		first, _ := g.Add(item("Wire A", "https://a.example/1", "Ruritania, Borduvia hold talks on lake fishing quotas",
			"Ruritania and Borduvia held talks on fishing quotas on Lake Zenda on Tuesday, April 6, the Ruritanian foreign ministry said.", tue), utc)
		g.Prune(late)
		st, _ := g.Add(item("Wire B", "https://b.example/1", tc.title, tc.text, late), utc)
		if (st.ID == first.ID) != tc.joins {
			t.Errorf("%q 5 days on (window 72h): joined %v, want %v", tc.title, st.ID == first.ID, tc.joins)
		}
	}
}

// TestFollowsOtherAct: a report of no act whose first sentence names the
// day of another act it follows (guards detained by a neighbour) stays
// out of a story of an attack that day whose headlines it shares only a
// country with; one whose first sentence names the attack, or whose
// headline shares a word with the story's, still joins.
func TestFollowsOtherAct(t *testing.T) {
	v := setVocabulary(t, "testdata/centralasia.toml")
	sat := time.Date(2027, 5, 8, 9, 20, 0, 0, time.UTC) // a Saturday
	sun := sat.Add(24 * time.Hour)
	for _, tc := range []struct {
		name, title, text string
		joins             bool
	}{
		{"a protest note over detentions elsewhere", "Foreign Ministry of Uzbekistan hands note to Kazakh ambassador",
			"The Foreign Ministry of Uzbekistan handed the Kazakh ambassador a note on Sunday over the detention of two Uzbek border guards by Kazakh border guards on Saturday, the ministry said.", false},
		{"funerals for the attack's victims", "Funerals held across Uzbekistan for fallen soldiers",
			"Uzbekistan on Sunday buried the two border guards killed in the attack on a post in Sariosiyo district on Saturday, and the president vowed to hunt down the gunmen.", true},
		{"a headline naming the post", "Sariosiyo post reopens, Uzbekistan summons Tajik envoy",
			"The Foreign Ministry of Uzbekistan summoned the Tajik ambassador on Sunday over the detention on Saturday of two Uzbek shepherds near the post, which reopened.", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := NewGrouperWith(72*time.Hour, v)
			st, _ := g.Add(item("Wire A", "https://a.example/1", "Gunmen attack border post in Uzbekistan's Sariosiyo, two guards killed",
				"Gunmen attacked a border post in Sariosiyo district of southern Uzbekistan on Saturday, killing two border guards, the State Security Service said.", sat), time.UTC)
			g.Add(item("Wire B", "https://b.example/1", "Two Uzbek border guards killed in attack on Sariosiyo post",
				"Two Uzbek border guards were killed when armed men attacked their post in Sariosiyo on Saturday morning, officials said.", sat.Add(2*time.Hour)), time.UTC)
			got, _ := g.Add(item("Wire C", "https://c.example/1", tc.title, tc.text, sun), time.UTC)
			if (got.ID == st.ID) != tc.joins {
				t.Errorf("%q: joined %v, want %v", tc.title, got.ID == st.ID, tc.joins)
			}
		})
	}
}

// TestNextDayTalksOfNoActStory: a story whose reports name no act is
// news of its day: a summit of the next day whose headline shares only
// an ordinal with its headlines stays apart, though both leads give the
// president's long title; a pledge of the next day ("agree ...") may be
// the outcome of that news and still joins.
func TestNextDayTalksOfNoActStory(t *testing.T) {
	thu := time.Date(2027, 6, 10, 9, 0, 0, 0, time.UTC) // a Thursday
	fri := thu.Add(26 * time.Hour)
	for _, tc := range []struct {
		name, title, text string
		joins             bool
	}{
		{"the next day's summit", "Fourth Lakes summit held in Strelsau",
			"On Friday, under the chairmanship of the Father of the Nation, President of the Republic of Ruritania Anton Vell, the fourth Lakes summit was held in Strelsau, with leaders of five lake states attending.", false},
		{"the next day's pledge", "Lake states agree to fund Zendaport port expansion",
			"On Friday, the Father of the Nation, President of the Republic of Ruritania Anton Vell, and leaders of the lake states agreed to fund the expansion of the Zendaport port opened on Thursday.", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := NewGrouper(72 * time.Hour)
			st, _ := g.Add(item("Wire A", "https://a.example/1", "Father of the Nation opens fourth berth of Zendaport port",
				"The Father of the Nation, President of the Republic of Ruritania Anton Vell, on Thursday opened the fourth berth of the Zendaport port, which will double its container traffic.", thu), time.UTC)
			g.Add(item("Wire B", "https://b.example/1", "Ruritania opens fourth container berth at Zendaport",
				"Ruritania opened a fourth container berth at its Zendaport port on Thursday, President Anton Vell said at the ceremony.", thu.Add(3*time.Hour)), time.UTC)
			got, _ := g.Add(item("Wire C", "https://c.example/1", tc.title, tc.text, fri), time.UTC)
			if (got.ID == st.ID) != tc.joins {
				t.Errorf("%q: joined %v, want %v", tc.title, got.ID == st.ID, tc.joins)
			}
		})
	}
}

// TestReactionGenreOfOwnAct: a headline that is only a statement's genre
// ("Update 12 - Ministry Statement on the Situation"), whose first
// sentence tells of a dated act of its own day with no words of its own
// but its source, is news of that act: not a follow-up of the story of
// that kind of act two days before. A statement that condemns that
// story's act still follows it.
func TestReactionGenreOfOwnAct(t *testing.T) {
	kst := mustZone(t, "Asia/Seoul")
	mon := time.Date(2027, 9, 6, 8, 30, 0, 0, kst) // a Monday
	wed := mon.Add(50 * time.Hour)
	for _, tc := range []struct {
		name, title, text string
		joins             bool
	}{
		{"a new launch under a genre headline", "Update 12 – Defence Ministry Statement on Situation on the Peninsula",
			"North Korea fired two more ballistic missiles into the East Sea this morning from near Sinpo, the ministry's spokesman said.", false},
		{"a condemnation of Monday's launch", "Update 12 – Defence Ministry Statement on Situation on the Peninsula",
			"The ministry condemns Monday's launch of a ballistic missile into the East Sea from near Sinpo as a clear violation of UN resolutions.", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := NewGrouper(72 * time.Hour)
			st, _ := g.Add(item("Wire A", "https://a.example/1", "N. Korea fires ballistic missile into East Sea from Sinpo: JCS",
				"North Korea fired a short-range ballistic missile into the East Sea from near Sinpo on Monday morning, the Joint Chiefs of Staff said.", mon), kst)
			got, _ := g.Add(item("Ministry", "https://m.example/12", tc.title, tc.text, wed), kst)
			if (got.ID == st.ID) != tc.joins {
				t.Errorf("%s: joined %v, want %v", tc.name, got.ID == st.ID, tc.joins)
			}
		})
	}
}

// TestFollowUpNamesEventDay checks that a report of a later day whose
// headline names no act joins a dated event when its lead names the
// event's day as what it follows and its headline gives the event's name,
// and that a repeat does not.
func TestFollowUpNamesEventDay(t *testing.T) {
	v := setVocabulary(t, "testdata/disasters.toml")
	sat := time.Date(2027, 3, 6, 4, 0, 0, 0, time.UTC)
	landfall := item("Reuters", "https://r.example/tamsin", "Cyclone Tamsin makes landfall in Mozambique near Beira",
		"Tropical Cyclone Tamsin made landfall near the Mozambican port city of Beira early on Saturday with winds of about 190 km/h, the meteorological institute said.", sat)
	tests := []struct {
		name        string
		title, text string
		join        bool
	}{
		{"an appeal names the day", "UN appeals for aid as Tamsin leaves 120,000 in need in Mozambique",
			"The United Nations launched an appeal on Sunday for people in Mozambique hit by the cyclone that struck Beira on Saturday.", true},
		{"a repeat is another event", "UN appeals again for aid as Tamsin leaves 120,000 in need in Mozambique",
			"The United Nations launched an appeal on Sunday for people in Mozambique hit by the cyclone that struck Beira on Saturday.", false},
		{"no name of the event", "UN appeals for aid as 120,000 people need shelter",
			"The United Nations launched an appeal on Sunday for people in Mozambique hit by the cyclone that struck Beira on Saturday.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := NewGrouperWith(72*time.Hour, v)
			first := *landfall
			st, _ := g.Add(&first, time.UTC)
			it := item("UN News", "https://u.example/"+tc.name, tc.title, tc.text, sat.Add(30*time.Hour))
			got, _ := g.Add(it, time.UTC)
			if (got.ID == st.ID) != tc.join {
				t.Fatalf("joined %v, want %v", got.ID == st.ID, tc.join)
			}
		})
	}
}

// TestFollowUpNamesEventInLead checks that a later day's report whose
// headline names no act joins a dated event whose headline gives no name
// when the follow-up's headline names the event's act as what it follows
// and gives a name few stories use that the event's first sentence gives;
// without the act named, or with the name only in the event's later
// sentences, it stays apart.
func TestFollowUpNamesEventInLead(t *testing.T) {
	v := setVocabulary(t, "testdata/disasters.toml")
	sat := time.Date(2027, 4, 10, 3, 0, 0, 0, time.UTC)
	const lead = "Villagers on Tenggal waited for food and clean water on Sunday, a day after the volcano erupted on Saturday."
	tests := []struct {
		name        string
		event       string // the event's lead
		title, text string
		join        bool
	}{
		{"the act and the lead's name", "Mount Karavu on the island of Tenggal erupted on Saturday, sending ash 9 km high and forcing 4,000 people to flee, the volcanology agency said.",
			"Ash-covered Tenggal villagers wait for aid after eruption", lead, true},
		{"no act named", "Mount Karavu on the island of Tenggal erupted on Saturday, sending ash 9 km high and forcing 4,000 people to flee, the volcanology agency said.",
			"Ash-covered Tenggal villagers wait for aid", lead, false},
		{"the name only in a later sentence", "A volcano erupted on Saturday, sending ash 9 km high and forcing 4,000 people to flee, the volcanology agency said. It stands on the island of Tenggal.",
			"Ash-covered Tenggal villagers wait for aid after eruption", lead, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := NewGrouperWith(72*time.Hour, v)
			st, _ := g.Add(item("Reuters", "https://r.example/karavu", "Volcano erupts on remote Indonesian island, thousands flee", tc.event, sat), time.UTC)
			got, j := g.AddJoin(item("AFP", "https://a.example/karavu", tc.title, tc.text, sat.Add(30*time.Hour)), time.UTC)
			if (got.ID == st.ID) != tc.join {
				t.Fatalf("joined %v (score %.3f), want %v", got.ID == st.ID, j.Score, tc.join)
			}
		})
	}
}

// TestNextDayAfterAct checks that a report of the next day whose headline
// names no act of its own but names the event's act as what it follows,
// and gives a name few stories use that the event's headline gives, joins
// the event though its lead names only its own day ("Karavi schools stay
// shut after quake"); after another act, or two days on, it stays apart.
func TestNextDayAfterAct(t *testing.T) {
	v := setVocabulary(t, "testdata/disasters.toml")
	sat := time.Date(2027, 6, 5, 4, 0, 0, 0, time.UTC)
	const lead = "Schools on Karavi island stayed closed on Sunday as engineers inspected buildings."
	tests := []struct {
		name, title string
		after       time.Duration
		join        bool
	}{
		{"after the event's act", "Karavi schools stay shut after quake", 30 * time.Hour, true},
		{"after another act", "Karavi schools stay shut after floods", 30 * time.Hour, false},
		{"two days on", "Karavi schools stay shut after quake", 54 * time.Hour, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := NewGrouperWith(72*time.Hour, v)
			st, _ := g.Add(item("Reuters", "https://r.example/karavi", "Strong quake jolts Karavi island, homes damaged",
				"A magnitude 6.4 earthquake struck Karavi island on Saturday, damaging hundreds of homes, the geological agency said.", sat), time.UTC)
			text := lead
			if tc.after > 48*time.Hour {
				text = "Schools on Karavi island stayed closed on Monday as engineers inspected buildings."
			}
			got, j := g.AddJoin(item("AFP", "https://a.example/karavi", tc.title, text, sat.Add(tc.after)), time.UTC)
			if (got.ID == st.ID) != tc.join {
				t.Fatalf("joined %v (score %.3f), want %v", got.ID == st.ID, j.Score, tc.join)
			}
		})
	}
}

// TestCountsOfOneThing checks that the numbers two headlines give veto a
// match only when they count one thing: a flood that "kills 12 people"
// and "destroys 25 homes" is one flood, one that kills 12 and one that
// kills 7 people are two.
func TestCountsOfOneThing(t *testing.T) {
	v := setVocabulary(t, "testdata/disasters.toml")
	mon := time.Date(2027, 5, 3, 6, 0, 0, 0, time.UTC)
	first := item("Wire", "https://w.example/garissa", "Flash flood kills 12 people in Garissa, Kenya",
		"A flash flood swept through the town of Garissa in eastern Kenya on Monday, killing 12 people, the Kenya Red Cross said.", mon)
	tests := []struct {
		name, title string
		join        bool
	}{
		{"other things counted", "Flash flood destroys 25 homes in Garissa, Kenya", true},
		{"the same thing, another number", "Flash flood kills 7 people in Garissa, Kenya", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := NewGrouperWith(72*time.Hour, v)
			it := *first
			st, _ := g.Add(&it, time.UTC)
			got, j := g.AddJoin(item("Daily", "https://d.example/garissa", tc.title,
				"Floodwater swept through Garissa in eastern Kenya on Monday after a night of heavy rain, the Kenya Red Cross said.", mon.Add(2*time.Hour)), time.UTC)
			if (got.ID == st.ID) != tc.join {
				t.Fatalf("joined %v (score %.3f), want %v", got.ID == st.ID, j.Score, tc.join)
			}
		})
	}
}

// TestFiguresOfOneEvent checks that headlines' figures above thirty veto
// a match as smaller ones do, and that figures outlets round or revise do
// not: a round figure agrees with the figures it rounds, and a later toll
// with an earlier one it may revise (the dead counted up, the missing
// down), not the other way round.
func TestFiguresOfOneEvent(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
counted = ["people", "migrant", "foreigner", "dead", "missing"]
`)
	mon := time.Date(2031, 6, 2, 6, 0, 0, 0, time.UTC)
	tests := []struct {
		name, first, later string
		join               bool
	}{
		{"the same figure", "Charity ship Nordlys rescues 83 people off Libya", "Charity ship Nordlys rescues 83 off Libya", true},
		{"another figure above thirty", "Charity ship Nordlys rescues 83 people off Libya", "Charity ship Nordlys rescues 62 off Libya", false},
		{"a bound", "Charity ship Nordlys rescues 83 people off Libya", "Charity ship Nordlys rescues at least 62 off Libya", true},
		{"a round figure", "Police detain 1,612 foreigners in raid on Ostrava scam compound", "Police detain 1,600 foreigners in raid on Ostrava scam compound", true},
		{"another round figure", "Police detain 1,612 foreigners in raid on Ostrava scam compound", "Police detain 900 foreigners in raid on Ostrava scam compound", false},
		{"a toll counted up", "Flash floods kill 17 in Farah province", "Flash floods kill 24 in Farah province", true},
		{"a toll counted down", "Flash floods kill 24 in Farah province", "Flash floods kill 17 in Farah province", false},
		{"the missing counted down", "Boat sinks off Linosa, six dead and 21 missing", "Boat sinks off Linosa, 19 still missing", true},
		{"the missing counted up", "Boat sinks off Linosa, six dead and 19 missing", "Boat sinks off Linosa, 21 still missing", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := NewGrouperWith(72*time.Hour, v)
			st, _ := g.Add(item("Wire", "https://w.example/1", tc.first, "", mon), time.UTC)
			got, j := g.AddJoin(item("Daily", "https://d.example/2", tc.later, "", mon.Add(3*time.Hour)), time.UTC)
			if (got.ID == st.ID) != tc.join {
				t.Fatalf("joined %v (score %.3f), want %v", got.ID == st.ID, j.Score, tc.join)
			}
		})
	}
}

// TestHeadlineFollowsAct checks that a headline naming no act but naming,
// in its background clause, the act another report of its day names
// ("Rescuers dig for 11 after Java mudslide") counts the day as a report of
// that act does, and that another act there ("after Java floods") counts
// it only half. (With the lead below the second report scores just over
// the join score too since "Indonesian" and "Indonesia's" are one term:
// the scores are compared, not the joins. "Mudslide", the desk's
// "landslide", also shares that term with the first headline: at least
// the half day's bonus more.)
func TestHeadlineFollowsAct(t *testing.T) {
	v := setVocabulary(t, "testdata/disasters.toml")
	pub := time.Date(2027, 3, 4, 6, 0, 0, 0, time.UTC)
	first := item("Reuters", "https://r.example/java", "Landslide buries homes in Indonesia's West Java, 12 missing",
		"A landslide triggered by heavy rain buried at least 15 homes in a village in Bandung regency, West Java, on Thursday, leaving 12 people missing, Indonesia's disaster mitigation agency BNPB said.", pub)
	lead := "Indonesian rescuers dug through thick mud on Thursday searching for 11 villagers after a rain-soaked hillside collapsed onto Cibeureum village near Bandung, officials said, revising the number missing."
	score := func(title string) Join {
		g := NewGrouperWith(72*time.Hour, v)
		it := *first
		g.Add(&it, time.UTC)
		_, j := g.AddJoin(item("AFP", "https://a.example/java", title, lead, pub.Add(3*time.Hour)), time.UTC)
		return j
	}
	mudslide, floods := score("Rescuers dig for 11 after Java mudslide"), score("Rescuers dig for 11 after Java floods")
	if mudslide.New {
		t.Fatalf("after Java mudslide: a story of its own, want it joined (score %.3f)", mudslide.Score)
	}
	if d := mudslide.Score - floods.Score; d < sameDayBonus/2-1e-9 {
		t.Errorf("after Java mudslide scores %.3f, after Java floods %.3f: %.3f more, want at least the half day's bonus %.3f", mudslide.Score, floods.Score, d, sameDayBonus/2)
	}
}

// TestLeadNamesAct checks that a headline naming no act whose lead's
// first sentence names the other report's act ("... during a protest
// against cheap imports") counts the day in full, as a headline naming
// it in its background clause does, and half when the lead names none.
func TestLeadNamesAct(t *testing.T) {
	v := setVocabulary(t, "testdata/europe.toml")
	pub := time.Date(2027, 10, 7, 8, 0, 0, 0, time.UTC)
	first := item("Wire", "https://w.example/tractors", "Farmers block Ostend port with tractors over quotas",
		"Hundreds of farmers drove their tractors to the port of Ostend on Thursday, blocking its gates in protest at new fishing and farming quotas.", pub)
	score := func(lead string) Join {
		g := NewGrouperWith(72*time.Hour, v)
		it := *first
		g.Add(&it, time.UTC)
		_, j := g.AddJoin(item("Daily", "https://d.example/ostend", "Police fire tear gas at farmers in Ostend port", lead, pub.Add(4*time.Hour)), time.UTC)
		return j
	}
	named := score("Police fired tear gas on Thursday at farmers who set hay bales alight at the gates of Ostend port during a protest against quotas.")
	unnamed := score("Police fired tear gas on Thursday at farmers who set hay bales alight at the gates of Ostend port over quotas.")
	if d := named.Score - unnamed.Score; d < sameDayBonus/2-1e-9 {
		t.Errorf("lead naming the protest scores %.3f, lead naming none %.3f: %.3f more, want at least the half day's bonus %.3f", named.Score, unnamed.Score, d, sameDayBonus/2)
	}
}

// TestPlanDayAhead checks that a report whose only day is a plan's weeks
// ahead ("set 26 October for second strike day") joins reports of the
// call that name it as a plan besides the day of the call, and that it
// is dated by the call.
func TestPlanDayAhead(t *testing.T) {
	v := setVocabulary(t, "testdata/europe.toml")
	wed := time.Date(2027, 10, 6, 10, 0, 0, 0, time.UTC)
	g := NewGrouperWith(72*time.Hour, v)
	call := item("Times", "https://t.example/call", "Unions announce new national strike on 26 October",
		"Belgium's three main unions announced on Wednesday that they will hold a second national strike on 26 October against the pension plan.", wed)
	set := item("VRT", "https://v.example/set", "ACV, ABVV and ACLVB set 26 October for second strike day",
		"The Christian, socialist and liberal unions have set 26 October as the date for a second day of strikes against the pension reform.", wed.Add(3*time.Hour))
	a, _ := g.Add(call, time.UTC)
	b, _ := g.Add(set, time.UTC)
	if a.ID != b.ID {
		t.Fatalf("the unions' call and the report of the day they set are two stories")
	}
	if got := b.EventDate.Format(time.DateOnly); got != "2027-10-06" {
		t.Errorf("event date %s, want the call's 2027-10-06", got)
	}
}

// TestUndatedReportOfTheDay checks that a report that names no day,
// published on the day another names, counts that day: "OPEC+ nations to
// pump more oil" in the evening of the meeting's Sunday.
func TestUndatedReportOfTheDay(t *testing.T) {
	v := setVocabulary(t, "testdata/energy.toml")
	sun := time.Date(2027, 2, 7, 12, 50, 0, 0, time.UTC)
	dated := item("Reuters", "https://r.example/opec", "OPEC+ agrees to raise oil output by 137,000 bpd in March",
		"Eight OPEC+ countries agreed on Sunday to raise oil production by 137,000 barrels per day in March, resuming output increases after a pause, the group said in a statement.", sun)
	undated := "Eight members of the OPEC+ group will pump more oil from March, surprising traders."
	tests := []struct {
		name string
		pub  time.Time
		join bool
	}{
		{"published that day", sun.Add(75 * time.Minute), true},
		{"published the next day", sun.Add(22 * time.Hour), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := NewGrouperWith(72*time.Hour, v)
			it := *dated
			st, _ := g.Add(&it, time.UTC)
			got, _ := g.Add(item("AP", "https://a.example/opec", "OPEC+ nations to pump more oil starting in March", undated, tc.pub), time.UTC)
			if (got.ID == st.ID) != tc.join {
				t.Fatalf("joined %v, want %v", got.ID == st.ID, tc.join)
			}
		})
	}
}

// TestPrecisionMechanisms: one outlet's later report of a day that drops
// what its earlier headline named and names its own specifics is another
// event, though an outlet's update joins its report; a word two headlines
// use in compounds of their own is not shared, though a compound both use
// is. Each pair kept apart would join with its mechanism off.
func TestPrecisionMechanisms(t *testing.T) {
	lon := mustZone(t, "Europe/London")
	at := func(h, m int) time.Time { return time.Date(2027, 6, 15, h, m, 0, 0, time.UTC) }
	burstLewisham := item("Evening Standard", "https://s.example/1", "Burst water main floods Lewisham street",
		"A burst water main flooded Dunmore Road in Lewisham on Tuesday morning, leaving about 2,000 homes without water, Thames Water said.", at(7, 40))
	burstBBC := item("BBC News London", "https://b.example/1", "Thousands without water after main bursts in Lewisham",
		"About 2,000 homes in Lewisham were left without water on Tuesday after a main burst under Dunmore Road, Thames Water said.", at(9, 10))
	tests := []struct {
		name  string
		items []*model.Item
		same  bool
		off   mechanism // switched off, the pair joins (for pairs kept apart)
	}{
		{"one outlet's second burst main elsewhere", []*model.Item{burstLewisham, burstBBC,
			item("Evening Standard", "https://s.example/2", "Second burst water main floods homes in Croydon",
				"A water main burst on Brigstock Lane in Croydon on Tuesday afternoon, flooding the ground floors of 14 homes, Thames Water said.", at(14, 5))},
			false, sameOutlet},
		{"one outlet's update of its report", []*model.Item{burstLewisham,
			item("Evening Standard", "https://s.example/3", "Lewisham homes still without water as Dunmore Road repairs go on",
				"Thames Water said about 2,000 homes in Lewisham were still without water on Tuesday while engineers repaired the main that burst under Dunmore Road.", at(11, 30))},
			true, allOn},
		{"a heat warning and a profit warning", []*model.Item{
			item("Reuters UK", "https://r.example/1", "London bakery chain Crumbwell issues profit warning",
				"Crumbwell, the London bakery chain with 240 shops, on Tuesday cut its annual profit forecast by a quarter, blaming flour and energy costs.", at(7, 5)),
			item("BBC News London", "https://b.example/2", "Heat warning issued for London as temperatures head for 34C",
				"The UK Health Security Agency issued an amber heat warning for London on Tuesday, with temperatures forecast to reach 34C by the weekend.", at(8, 30))},
			false, compounds},
		{"one power cut in two compounds' words", []*model.Item{
			item("Bristol Post", "https://p.example/1", "Power cut hits 20,000 homes in Bristol",
				"About 20,000 homes in Bedminster and Southville in Bristol lost power on Tuesday morning after a fault at a substation, the network operator Westgrid said.", at(8, 15)),
			item("ITV West Country", "https://i.example/1", "Bristol power cut: supplies restored to most homes",
				"Westgrid restored power to most of the 20,000 homes in Bedminster and Southville that lost supplies on Tuesday morning after a substation fault.", at(12, 45))},
			true, allOn},
		{"one outlet's rising toll", []*model.Item{
			item("Bristol Post", "https://p.example/2", "Coach crash on M5 kills 12",
				"A coach carrying pensioners crashed on the M5 near Bristol on Tuesday morning, killing 12 people, police said.", at(8, 0)),
			item("Bristol Post", "https://p.example/3", "M5 coach crash death toll rises to 17",
				"The death toll from Tuesday's coach crash on the M5 near Bristol rose to 17, police said.", at(13, 0))},
			true, allOn},
		// The country that opens each headline is a name: its lead
		// opens with its possessive.
		{"one wire's two countries' tenders in one template", []*model.Item{
			item("Reuters Commodities", "https://r.example/tender-1", "Tunisia buys about 100,000 T wheat in tender - traders",
				"Tunisia's state grains agency purchased about 100,000 tonnes of milling wheat in an international tender on Tuesday, European traders said. It was bought at about $251 a tonne c&f.", at(11, 0)),
			item("Reuters Commodities", "https://r.example/tender-2", "Morocco buys about 300,000 T wheat in tender - traders",
				"Morocco's state grains agency purchased about 300,000 tonnes of milling wheat in an international tender on Tuesday, European traders said. It was bought at about $248 a tonne c&f.", at(13, 0))},
			false, sameOutlet},
		{"one airline's two flights named by number", []*model.Item{
			item("Evening Standard", "https://s.example/4", "Flight 4417 diverted after engine fault",
				"A Crownair jet, Flight 4417 from Gatwick to Malaga, was diverted on Tuesday morning after an engine fault, the airline said.", at(7, 0)),
			item("Evening Standard", "https://s.example/5", "Flight 2208 diverted after engine fault",
				"A Crownair jet, Flight 2208 from Gatwick to Faro, was diverted on Tuesday afternoon after an engine fault, the airline said.", at(15, 0))},
			false, sameOutlet},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			group := func(off mechanism) bool { return firstAndLastJoin(nil, tc.items, lon, off) }
			if got := group(allOn); got != tc.same {
				t.Fatalf("one story: %v, want %v", got, tc.same)
			}
			if tc.off != allOn && !group(tc.off) {
				t.Errorf("apart even with the mechanism off: the test does not show it")
			}
		})
	}
}

// TestRecallMechanisms: a later day's report whose headline names no act
// joins a story of reports that name no act when its lead names the
// story's day as that of what it follows and its headline gives a rare
// name of the story's headline; a report of that kind whose headline says
// what the story's says happened, to someone else, stays apart. So does
// one whose headline is what someone says and whose day is that of those
// words ("said on Tuesday, a day after Monday's conviction"), unless that
// day is an act's ("found on Tuesday"). Each pair joined is apart with its
// mechanism off.
func TestRecallMechanisms(t *testing.T) {
	ams := mustZone(t, "Europe/Amsterdam")
	at := func(day, h int) time.Time { return time.Date(2027, 9, day, h, 0, 0, 0, time.UTC) }
	conviction := item("Reuters", "https://r.example/halsema", "Former Dutch minister Halsema found guilty of taking bribes",
		"An Amsterdam court on Monday found former infrastructure minister Pieter Halsema guilty of accepting 1.2 million euros in bribes from dredging contractors.", at(6, 10))
	tests := []struct {
		name  string
		items []*model.Item
		same  bool
		on    mechanism // switched off, the pair is apart (for pairs joined)
	}{
		{"an appeal a day after the conviction", []*model.Item{conviction,
			item("NL Times", "https://n.example/appeal", "Halsema to lodge appeal, his lawyer says",
				"Pieter Halsema will appeal, his lawyer said on Tuesday, a day after an Amsterdam court sentenced the former minister to four years.", at(7, 9))},
			true, undatedFollowUps},
		{"an aide's conviction a day later", []*model.Item{conviction,
			item("NL Times", "https://n.example/aide", "Halsema aide found guilty of taking bribes",
				"An Amsterdam court on Tuesday found Joost Verkerk, an aide of Pieter Halsema, guilty of passing on bribes, a day after the court convicted the former minister.", at(7, 9))},
			false, allOn},
		// Its headline shares "bribes" with the story's: only the day of
		// its own words and what it follows tell it from a new act.
		{"prosecutors say they will not appeal, said a day after", []*model.Item{conviction,
			item("DutchNews", "https://d.example/no-appeal", "Prosecutors say they will not appeal Halsema bribes sentence",
				"Prosecutors will not appeal the four-year sentence an Amsterdam court gave former minister Pieter Halsema for taking bribes, the public prosecution service said on Tuesday, a day after Monday's conviction.", at(7, 11))},
			true, saidFollowUps},
		// A number no report of the story gives is news of its own.
		{"what someone says of a new act, said a day after", []*model.Item{conviction,
			item("NL Times", "https://n.example/cuts", "Halsema's former firm says it will cut 200 jobs after bribes case",
				"Van Dijk Dredging, which paid the bribes Pieter Halsema took, said on Tuesday it would cut 200 jobs, a day after an Amsterdam court convicted the former minister.", at(7, 9))},
			false, allOn},
		{"what someone says of an act of its own day", []*model.Item{conviction,
			item("DutchNews", "https://d.example/aide-guilty", "Court says Halsema aide also took bribes",
				"An Amsterdam court found on Tuesday that Joost Verkerk, an aide of Pieter Halsema, also took bribes, a day after Monday's conviction of the former minister.", at(7, 11))},
			false, allOn},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			group := func(off mechanism) bool { return firstAndLastJoin(nil, tc.items, ams, off) }
			if got := group(allOn); got != tc.same {
				t.Fatalf("one story: %v, want %v", got, tc.same)
			}
			if tc.on != allOn && group(tc.on) {
				t.Errorf("joined even with the mechanism off: the test does not show it")
			}
		})
	}
}

// firstAndLastJoin groups items in order with v (nil: the default
// vocabulary), the mechanisms off switched off, and tells whether the
// first and the last end in one story.
func firstAndLastJoin(v *Vocabulary, items []*model.Item, zone *time.Location, off mechanism) bool {
	g := grouperWithout(v, off)
	var firstID, lastID string
	for i, it := range items {
		cp := *it
		g.Add(&cp, zone)
		if i == 0 {
			firstID = cp.StoryID
		}
		lastID = cp.StoryID
	}
	return firstID == lastID
}

// joinCase is a last report and whether it joins the story before it.
type joinCase struct {
	name string
	last *model.Item
	same bool
}

// checkLastJoins adds story and then each case's last report to a new
// grouper and checks that the last report joins the first one's story
// exactly when the case says so.
func checkLastJoins(t *testing.T, v *Vocabulary, story []*model.Item, cases []joinCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { checkLastJoin(t, v, story, tc.last, tc.same, allOn) })
	}
}

// checkLastJoin checks that last, added after story, joins the first
// report's story exactly when same says so; for a report kept apart by
// the mechanism off (0: none named), that it joins with off switched
// off, else the test shows nothing of that mechanism.
func checkLastJoin(t *testing.T, v *Vocabulary, story []*model.Item, last *model.Item, same bool, off mechanism) {
	t.Helper()
	joins := func(off mechanism) bool {
		return firstAndLastJoin(v, append(append([]*model.Item{}, story...), last), time.UTC, off)
	}
	if got := joins(allOn); got != same {
		t.Fatalf("one story: %v, want %v", got, same)
	}
	if off != allOn && !joins(off) {
		t.Errorf("apart even with the mechanism off: the test does not show it")
	}
}

// anyMerge groups items in order with v and merges on, the mechanisms
// off switched off, and tells whether a report made two stories one.
func anyMerge(v *Vocabulary, items []*model.Item, off mechanism) bool {
	g := grouperWithout(v, off)
	g.Merges = true
	for _, it := range items {
		cp := *it
		g.Add(&cp, time.UTC)
	}
	return len(g.TakeMerges()) > 0
}

// grouperWithout is a Grouper with a copy of v (nil: the default
// vocabulary, which every test shares) whose mechanisms off are off.
func grouperWithout(v *Vocabulary, off mechanism) *Grouper {
	if v == nil {
		v = DefaultVocabulary()
	}
	vc := *v
	vc.off = off
	return NewGrouperWith(72*time.Hour, &vc)
}

// TestDayVetoOfOtherKinds: the day a report that names no act shares with
// a story whose reports do name one, a day apart in two zones, is no
// allowance (a Thursday air strike in Asia is not the New York meeting of
// Wednesday evening, hours before); and talks that no report of a story
// names, three days after its day, are another event.
func TestDayVetoOfOtherKinds(t *testing.T) {
	ny, syd := mustZone(t, "America/New_York"), mustZone(t, "Australia/Sydney")
	wed := time.Date(2027, 8, 11, 20, 30, 0, 0, time.UTC) // 16:30 in New York
	g := NewGrouper(72 * time.Hour)
	meeting := item("Reuters", "https://r.example/unsc", "UN Security Council meets on Myanmar air strikes, no statement agreed",
		"The UN Security Council met behind closed doors on Wednesday to discuss air strikes by Myanmar's military on villages in Sagaing, but members could not agree on a statement.", wed)
	strike := item("ABC", "https://abc.example/sagaing", "Myanmar air strike on Sagaing market kills 19",
		"An air strike by Myanmar's military on a village market in Sagaing on Thursday killed at least 19 people, residents said.", wed.Add(6*time.Hour)) // 16:30 in Sydney
	g.Add(meeting, ny)
	if _, isNew := g.Add(strike, syd); !isNew {
		t.Errorf("Thursday's air strike in Asia joined Wednesday's meeting in New York")
	}

	energy := setVocabulary(t, "testdata/energy.toml") // drills are no act it knows
	wedKST := time.Date(2027, 1, 13, 9, 55, 0, 0, mustZone(t, "Asia/Seoul"))
	g = NewGrouperWith(72*time.Hour, energy)
	for i, r := range [][2]string{
		{"S. Korea, U.S., Japan begin Freedom Edge exercise south of Jeju", "South Korea, the United States and Japan began the three-day Freedom Edge exercise south of Jeju on Wednesday, the Navy said, to counter North Korea's threats."},
		{"SDF joins trilateral drill with U.S., S. Korea amid N. Korea threat", "Japan's Self-Defense Forces joined a trilateral drill with U.S. and South Korean forces south of Jeju on Wednesday amid North Korea's threats, the defense ministry said."},
	} {
		g.Add(item(fmt.Sprint("Outlet ", i), fmt.Sprint("https://o.example/", i), r[0], r[1], wedKST.Add(time.Duration(i)*3*time.Hour)), wedKST.Location())
	}
	summit := item("Kyodo", "https://k.example/nara", "Japan, S. Korea leaders meet in Nara, vow united front on N. Korea threat",
		"The leaders of Japan and South Korea met in Nara on Saturday and vowed a united front against North Korea's threats, including its drills and missile launches.", wedKST.Add(72*time.Hour))
	if _, isNew := g.Add(summit, wedKST.Location()); !isNew {
		t.Errorf("Saturday's summit joined Wednesday's drill")
	}
}

// TestLateReportDayOfAnotherAct: a launch reported the next morning as
// Monday's ("said on Tuesday that Monday's launch ...") and a reaction
// whose only day is that of its words join Monday's launch, and neither
// makes Tuesday's launch in a neighbouring country one event with it:
// the two days two zones give one event are a report's own day, and a
// report of another kind that names the day before it was published is
// a late report of that day.
func TestLateReportDayOfAnotherAct(t *testing.T) {
	pk, in := mustZone(t, "Asia/Karachi"), mustZone(t, "Asia/Kolkata")
	mon := time.Date(2027, 3, 8, 7, 40, 0, 0, time.UTC)
	g := NewGrouper(72 * time.Hour)
	launch := item("Reuters", "https://r.example/pk", "Pakistan test-fires ballistic missile, military says",
		"Pakistan test-fired a surface-to-surface ballistic missile on Monday from a range in Balochistan, the military said.", mon)
	confirmed := item("Dawn", "https://d.example/ababeel", "ISPR confirms successful flight test of Ababeel-II multiple-warhead missile",
		"The military said on Tuesday that the surface-to-surface ballistic missile Pakistan test-fired from a range in Balochistan on Monday was the Ababeel-II, able to carry several warheads.", mon.Add(21*time.Hour))
	watching := item("Hindustan Times", "https://h.example/watch", "India says it is closely watching Pakistan's Ababeel-II test",
		"India is closely following Pakistan's test-firing of the Ababeel-II ballistic missile from a range in Balochistan, the external affairs ministry said on Tuesday, a day after the launch.", mon.Add(23*time.Hour))
	agni := item("Reuters", "https://r.example/agni", "India test-fires Agni ballistic missile off Odisha coast",
		"India test-fired an Agni medium-range ballistic missile off the coast of Odisha on Tuesday, the defence ministry said, a day after Pakistan's launch.", mon.Add(24*time.Hour+20*time.Minute))
	first, _ := g.Add(launch, pk)
	for _, it := range []*model.Item{confirmed, watching} {
		if st, _ := g.Add(it, pk); st.ID != first.ID {
			t.Errorf("%q: a story of its own, want Monday's launch", it.Title)
		}
	}
	if st, _ := g.Add(agni, in); st.ID == first.ID {
		t.Errorf("India's Tuesday test joined Pakistan's Monday launch")
	}
}

// TestSubjectsOnly: two headlines that name no act and share only words
// of their subjects (two Pilbara mine operators, one fined and one
// evacuating a mine) stay apart, while reports whose predicates share a
// name ("arrives in Pyongyang", "lands in Pyongyang") still join.
func TestSubjectsOnly(t *testing.T) {
	perth := mustZone(t, "Australia/Perth")
	tue := time.Date(2027, 8, 10, 2, 40, 0, 0, time.UTC)
	pairs := []struct {
		name string
		a, b [2]string
		join bool
	}{{
		"two mine operators",
		[2]string{"Pilbara mine operator fined $2m over dust breaches", "Redgum Iron, which runs three iron ore mines in the Pilbara, was fined $2 million on Tuesday after regulators found workers had been exposed to silica dust for months."},
		[2]string{"Pilbara mine operator evacuates 600 workers as cyclone nears coast", "Ironbark Resources began flying 600 workers out of its Pilbara iron ore mines on Tuesday as Cyclone Ines strengthened off the coast near Port Hedland."},
		false,
	}, {
		"one delegation's arrival",
		[2]string{"Russian deputy defense minister arrives in Pyongyang", "A Russian military delegation led by a deputy defense minister arrived in Pyongyang on Tuesday for talks on military cooperation."},
		[2]string{"Senior Russian defense delegation lands in Pyongyang", "A delegation led by Russia's deputy defense minister landed in Pyongyang on Tuesday for talks on military cooperation, state media said."},
		true,
	}}
	for _, p := range pairs {
		t.Run(p.name, func(t *testing.T) {
			g := NewGrouper(72 * time.Hour)
			st, _ := g.Add(item("Outlet A", "https://a.example/1", p.a[0], p.a[1], tue), perth)
			got, _ := g.Add(item("Outlet B", "https://b.example/1", p.b[0], p.b[1], tue.Add(50*time.Minute)), perth)
			if (got.ID == st.ID) != p.join {
				t.Errorf("joined %v, want %v", got.ID == st.ID, p.join)
			}
		})
	}
}

// TestOtherBackgrounds: an outlet's report of flight cuts "ahead of
// strike" joins the strike call, not the bird strike of that day it shares
// the airline, Paris and flights with ("after bird strike"), and does not
// make the two one story.
func TestOtherBackgrounds(t *testing.T) {
	paris := mustZone(t, "Europe/Paris")
	mon := time.Date(2027, 6, 7, 11, 50, 0, 0, time.UTC)
	g := NewGrouper(72 * time.Hour)
	g.Merges = true
	bird, _ := g.Add(item("AFP English", "https://afp.example/1", "Second Aerolis flight returns to Paris after bird strike",
		"An Aerolis flight to Rome returned to Paris Charles de Gaulle shortly after take-off on Monday after hitting a flock of birds, the airline's second diversion of the day. The plane landed safely with 141 passengers and six crew.", mon), paris)
	call, _ := g.Add(item("Reuters Europe", "https://reuters.example/1", "French air traffic controllers call strike for Thursday",
		"France's main air traffic controllers' union SNCTA on Monday filed notice of a 24-hour strike on Thursday over staffing, and the DGAC asked airlines to cut a third of their flights at Paris airports.", mon.Add(3*time.Hour+50*time.Minute)), paris)
	cuts, _ := g.Add(item("AFP English", "https://afp.example/2", "DGAC asks airlines to cancel a third of Paris flights ahead of strike",
		"The civil aviation authority DGAC told airlines on Monday to cancel one in three flights at Charles de Gaulle and Orly on Thursday after controllers announced a walkout; Aerolis said it would publish a reduced timetable.", mon.Add(5*time.Hour+20*time.Minute)), paris)
	if cuts.ID != call.ID || cuts.ID == bird.ID || len(g.TakeMerges()) > 0 {
		t.Errorf("the flight cuts ahead of the strike: story %s, want the call's %s apart from the bird strike's %s", cuts.ID, call.ID, bird.ID)
	}
}

// TestMergeLinksByCore: a report makes one story of two only when its
// headline and first sentence fit both: a report of one city's protest
// whose later sentence tells of another city's protest that day links
// nothing; nor does a report whose headline shares no word with any of a
// story's headlines, linked to it by its lead's city, police, day and
// small numbers. (TestMergesLinkStories has the links that merge.)
func TestMergeLinksByCore(t *testing.T) {
	v := setVocabulary(t, "testdata/europe.toml")
	at := func(h, m int) time.Time { return time.Date(2027, 3, 9, h, m, 0, 0, time.UTC) }
	porto := []*model.Item{
		item("Lusa", "https://l.example/1", "Teachers protest in Porto over pay freeze",
			"Thousands of teachers marched through central Porto on Tuesday to protest against the pay freeze, blocking traffic on Avenida dos Aliados.", at(9, 0)),
		item("Publico", "https://p.example/1", "Porto teachers block Avenida dos Aliados in pay protest",
			"Teachers blocked Avenida dos Aliados in Porto on Tuesday in a protest against the government's pay freeze, police said.", at(10, 0)),
	}
	braga := []*model.Item{
		item("Correio do Minho", "https://c.example/1", "Riot police charge crowd outside Braga education office",
			"Riot police in Braga charged a crowd outside the district education office on Tuesday, witnesses said.", at(10, 30)),
		item("RTP", "https://r.example/1", "Three hurt as Braga crowd is charged by riot police",
			"Three people were hurt in Braga on Tuesday when riot police charged a crowd outside the education office.", at(11, 0)),
	}
	// A road blockade and a verdict in one city on one day.
	lisbon := []*model.Item{
		item("Publico", "https://p.example/2", "Unpaid wages: dockworkers block Alcantara road into Lisbon port",
			"Dockworkers of three stevedoring firms blocked the road into Lisbon port at Alcantara this morning demanding two months of unpaid wages. Police fired tear gas to clear the road and at least 12 people were hurt.", at(9, 0)),
		item("Lusa", "https://l.example/2", "Belavista case: three get 20 years, two acquitted",
			"The criminal court today handed down 20-year sentences to three accused and acquitted two in the case over the killing of protesters at Belavista in the capital during the 2019 unrest.", at(9, 30)),
	}
	tests := []struct {
		name    string
		stories []*model.Item
		link    *model.Item
		one     bool
		off     mechanism // switched off, the stories merge (for links that do not)
	}{
		{"another city's protest in a later sentence", append(append([]*model.Item{}, porto...), braga...),
			item("AFP", "https://a.example/1", "Three hurt as riot police charge crowd in Braga",
				"Riot police charged a crowd outside the education office in Braga on Tuesday, hurting three. In Porto, thousands of teachers marched and blocked Avenida dos Aliados in protest against the pay freeze.", at(12, 0)),
			false, coreLinks.with(coreJoins)}, // Braga in its headline, Porto only after its first sentence: coreJoins keeps it from Porto's story too
		{"a verdict whose lead shares the city and the police with a blockade", lisbon,
			item("Publico", "https://p.example/3", "Belavista killings: court sentences three ex-PSP officers to 20 years",
				"The Lisbon criminal court today sentenced three former officers of the Lisbon police to 20 years in prison and acquitted two others over the killing of six protesters at Belavista in 2019.", at(10, 0)),
			false, coreLinks.with(apartLinks)}, // the verdict's Belavista, the blockade's Alcantara: apartLinks keeps them apart too
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			merged := func(off mechanism) bool {
				return anyMerge(v, append(append([]*model.Item{}, tc.stories...), tc.link), off)
			}
			if got := merged(allOn); got != tc.one {
				t.Fatalf("merged: %v, want %v", got, tc.one)
			}
			if tc.off != allOn && !merged(tc.off) {
				t.Errorf("not merged even with the mechanism off: the test does not show it")
			}
		})
	}
}

// TestNamesApart: a report of one kind of act whose headline names a
// place no report of a story has, while two of the story's headlines
// agree on one it does not name, gets nothing for the day they share;
// one that names the story's place joins it.
func TestNamesApart(t *testing.T) {
	v := setVocabulary(t, "testdata/europe.toml")
	at := func(h, m int) time.Time { return time.Date(2027, 3, 9, h, m, 0, 0, time.UTC) }
	ghent := []*model.Item{
		item("VRT", "https://v.example/1", "Farmers block roads into Ghent with tractors",
			"Hundreds of farmers blocked roads into Ghent with tractors on Tuesday in protest at new nitrogen rules.", at(9, 0)),
		item("HLN", "https://h.example/1", "Tractors bring Ghent to a standstill as farmers protest",
			"Farmers drove hundreds of tractors into Ghent on Tuesday, blocking the ring road in protest at the region's nitrogen rules.", at(9, 40)),
	}
	tests := []struct {
		name string
		last *model.Item
		same bool
		off  mechanism // switched off, the report joins (for reports kept apart)
	}{
		{"farmers blocking roads in another country", item("EFE", "https://e.example/1", "Farmers block motorway near Zaragoza with tractors",
			"Farmers blocked the A-2 motorway with tractors on Tuesday in protest at cuts to irrigation water quotas.", at(10, 0)),
			false, headNames},
		{"farmers blocking Ghent's ring road", item("Belga", "https://b.example/1", "Farmers' tractors block Ghent ring road",
			"Farmers blocked the ring road around Ghent with tractors on Tuesday in protest at the nitrogen rules.", at(10, 0)),
			true, allOn},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkLastJoin(t, v, ghent, tc.last, tc.same, tc.off)
		})
	}
}

// TestDayVetoWithNoActDay: a story whose reports name only the days of
// their own words (follow-ups that "said Wednesday") names no act's day,
// so the day veto of dated acts has nothing to hold a report of its act
// to: the outbreak reported on Thursday joins the farm's culling reported
// on Wednesday.
func TestDayVetoWithNoActDay(t *testing.T) {
	v := setVocabulary(t, "testdata/health.toml")
	at := func(day, h int) time.Time { return time.Date(2027, 3, day, h, 0, 0, 0, time.UTC) }
	items := []*model.Item{
		item("VnExpress", "https://v.example/1", "Bird flu hits Dong Thap duck farm, 2,000 birds culled",
			"Authorities in Dong Thap province culled 2,000 ducks after H5N1 was found at a farm in Cao Lanh, the provincial veterinary department said Wednesday.", at(10, 10)),
		item("Tuoi Tre", "https://t.example/1", "Dong Thap steps up poultry checks after bird flu find",
			"Dong Thap has set up checkpoints around Cao Lanh and ordered daily inspections of poultry markets after the H5N1 find, the provincial health department said Wednesday.", at(11, 1)),
		item("Reuters", "https://r.example/1", "Vietnam reports H5N1 bird flu outbreak on Dong Thap duck farm",
			"Vietnam has reported an outbreak of H5N1 bird flu on a duck farm in Dong Thap province, where 2,000 ducks were culled, the World Organisation for Animal Health said on Thursday.", at(11, 10)),
	}
	g := NewGrouperWith(72*time.Hour, v)
	var ids []string
	for _, it := range items {
		cp := *it
		g.Add(&cp, time.UTC)
		ids = append(ids, cp.StoryID)
	}
	if ids[0] != ids[1] || ids[2] != ids[0] {
		t.Fatalf("stories %v, want one", ids)
	}
}

// TestUndatedReportOfDatedAct: a report of a dated act (a ceasefire)
// that names no day, in a story of undated acts (talks), is of the day
// it was published: published the day after the talks opened, it is
// another event; published that day, it joins them.
func TestUndatedReportOfDatedAct(t *testing.T) {
	v := setVocabulary(t, "testdata/southasia.toml")
	at := func(day, h int) time.Time { return time.Date(2027, 5, day, h, 0, 0, 0, time.UTC) }
	talks := []*model.Item{
		item("Reuters", "https://r.example/talks-1", "Armenia, Azerbaijan begin talks in Geneva after border clashes",
			"Delegations from Armenia and Azerbaijan began talks in Geneva on Monday, mediated by Switzerland, after border clashes last week killed dozens.", at(10, 9)),
		item("Swiss FDFA", "https://s.example/talks-2", "Switzerland hosts talks between Armenia and Azerbaijan",
			"Switzerland on Monday hosted a round of talks between the delegations of Armenia and Azerbaijan in Geneva, and hopes they will end tensions on the border.", at(10, 12)),
	}
	checkLastJoins(t, v, talks, []joinCase{
		{"a ceasefire announced the next day", item("Swiss FDFA", "https://s.example/ceasefire", "Armenia and Azerbaijan agree to an immediate ceasefire in talks in Geneva",
			"Switzerland announces that during the round of talks held in Geneva, Armenia and Azerbaijan agreed to an immediate ceasefire and a joint mechanism to verify it.", at(11, 16)), false},
		{"a ceasefire announced that day", item("Swiss FDFA", "https://s.example/ceasefire", "Armenia and Azerbaijan agree to an immediate ceasefire in talks in Geneva",
			"Switzerland announces that during the round of talks held in Geneva, Armenia and Azerbaijan agreed to an immediate ceasefire and a joint mechanism to verify it.", at(10, 18)), true},
	})
}

// TestAnsweringAct: an act whose headline or first sentence names
// another act as what it answers ("responding to the Israeli strike") is
// another event, though the desk lets the two kinds be one; a report of
// the same act that names the answer joins it.
func TestAnsweringAct(t *testing.T) {
	v := setVocabulary(t, "testdata/mideast.toml")
	at := func(h, m int) time.Time { return time.Date(2027, 8, 12, h, m, 0, 0, time.UTC) }
	strike := []*model.Item{
		item("Reuters", "https://r.example/sidon-1", "Israeli strike hits building in Sidon, two killed",
			"An Israeli strike hit a building in the southern Lebanese city of Sidon early on Thursday, killing two people, Lebanese security sources said.", at(2, 0)),
		item("L'Orient Today", "https://o.example/sidon-2", "Two dead as Israeli strike hits Sidon apartment",
			"An Israeli strike on an apartment in Sidon killed two people early on Thursday, the Health Ministry said.", at(3, 0)),
	}
	checkLastJoins(t, v, strike, []joinCase{
		{"rockets fired in answer to the strike", item("Reuters", "https://r.example/nahariya", "Hezbollah fires rockets at Nahariya, says it answers Sidon strike",
			"Hezbollah fired rockets at Nahariya in northern Israel on Thursday, saying it was responding to the Israeli strike on Sidon hours earlier that killed two people.", at(12, 0)), false},
		{"the strike's report that names the answer", item("AFP", "https://a.example/sidon-3", "Israeli strike kills two in Sidon",
			"An Israeli strike killed two people in Sidon early on Thursday, and Hezbollah later fired rockets at northern Israel in response.", at(13, 0)), true},
	})
}

// TestFollowUpDayVouchesNoAct: in a story of a dated act, the day of a
// follow-up's own words (a condemnation the next day) does not make a
// new act of that day the story's, unless the new report's headline
// gives a name few stories use that a headline of the story gives.
func TestFollowUpDayVouchesNoAct(t *testing.T) {
	v := setVocabulary(t, "testdata/southasia.toml")
	at := func(day, h int) time.Time { return time.Date(2027, 10, day, h, 0, 0, 0, time.UTC) }
	story := []*model.Item{
		item("Pajhwok", "https://p.example/strike", "Pakistani jets bomb homes in Nangarhar, civilians killed",
			"Pakistani military aircraft bombed houses in Nangarhar province on Monday evening, killing at least nine civilians, local officials said.", at(4, 17)),
		item("Ariana News", "https://a.example/condemn", "IEA condemns Pakistani airstrikes on Nangarhar, vows response",
			"The Islamic Emirate on Tuesday condemned the airstrikes by Pakistan on Nangarhar, which it said killed nine civilians, and vowed a response.", at(5, 6)),
	}
	checkLastJoins(t, v, story, []joinCase{
		{"an attack of the condemnation's day", item("Reuters", "https://r.example/posts", "Afghan forces attack Pakistani border posts after air strikes",
			"Afghan forces attacked Pakistani military posts along the border on Tuesday evening, the defence ministry in Kabul said, a day after Pakistani air strikes killed nine civilians.", at(5, 18)), false},
		{"the strikes' toll of the condemnation's day", item("Reuters", "https://r.example/toll", "Nangarhar toll from Pakistani air strikes rises to 14",
			"The number of civilians killed by Pakistani air strikes in Nangarhar rose to 14 on Tuesday, local officials said.", at(5, 12)), true},
	})
}

// TestMergeLinksNamesApart: a report of no act of the second story's
// kind, whose headline names a company that story's reports never name,
// while that story's headline names one the report never names, links
// nothing: a retailer's report of its breach, which says it told the data
// regulator, is not the regulator's fine on an insurer that day.
func TestMergeLinksNamesApart(t *testing.T) {
	v := setVocabulary(t, "testdata/cyber.toml")
	at := func(h, m int) time.Time { return time.Date(2027, 6, 8, h, m, 0, 0, time.UTC) }
	stories := []*model.Item{
		item("BBC", "https://b.example/1", "Dunmore Outfitters warns customers after data breach",
			"Outdoor retailer Dunmore Outfitters has told customers that names, addresses and order histories were stolen in a data breach discovered on Tuesday.", at(8, 0)),
		item("Reuters", "https://r.example/1", "UK watchdog fines Pellbridge Mutual 3.1 mln pounds over breach",
			"Britain's Information Commissioner's Office fined insurer Pellbridge Mutual 3.1 million pounds on Tuesday for failing to protect the personal data of customers that hackers stole.", at(9, 0)),
	}
	link := item("Reuters", "https://r.example/2", "UK retailer Dunmore Outfitters says hackers stole customer data",
		"British retailer Dunmore Outfitters said on Tuesday that hackers had stolen customer data and that it had reported the breach to the Information Commissioner's Office.", at(11, 0))
	items := append(append([]*model.Item{}, stories...), link)
	// linkTies is switched off here as well, so that the case shows
	// apartLinks alone.
	if anyMerge(v, items, linkTies) {
		t.Fatal("the retailer's report merged its breach with the insurer's fine")
	}
	if !anyMerge(v, items, apartLinks.with(linkTies)) {
		t.Error("not merged even with apartLinks off: the test does not show it")
	}
}

// TestReactionOfAnotherDay: a reaction whose lead names a later day than
// its story's act, before the reaction's own day and not the day of its
// words, answers an act of that later day, not the story's; a reaction
// that names its own day, or whose headline names the story's act as
// what it follows, still joins.
func TestReactionOfAnotherDay(t *testing.T) {
	v := setVocabulary(t, "testdata/southasia.toml")
	at := func(day, h int) time.Time { return time.Date(2027, 10, day, h, 0, 0, 0, time.UTC) }
	story := []*model.Item{
		item("Dawn", "https://d.example/firing", "Indian troops open fire on Pakistani posts in Kotli sector, soldier wounded",
			"Indian troops opened fire on Pakistani posts in the Kotli sector on Monday, wounding a soldier, the military's media wing said.", at(4, 12)),
		item("Geo News", "https://g.example/firing", "Soldier wounded as Indian troops fire on Kotli posts",
			"A Pakistani soldier was wounded on Monday when Indian troops fired on army posts in the Kotli sector, the military said.", at(4, 14)),
	}
	checkLastJoins(t, v, story, []joinCase{
		{"a denial of firing on a later night", item("PTI", "https://p.example/deny", "Indian Army rejects Pakistani report on Kotli firing",
			"The Indian Army rejected the Pakistani military's report that its troops opened fire on Pakistani posts in the Kotli sector on the night of October 6.", at(7, 6)), false},
		{"a denial of the same day's words", item("PTI", "https://p.example/deny2", "Indian Army rejects Pakistani report on Kotli firing",
			"The Indian Army on Thursday rejected the Pakistani military's report that its troops opened fire on Pakistani posts in the Kotli sector.", at(7, 6)), true},
	})
}

// TestCoreJoins: a report whose headline names no act and shares no word
// with a story's headlines, and whose headline names a place no report of
// the story has while the story's headlines agree on a name its headline
// and first sentence lack, does not join the story by names its later
// sentences share: the rally over an arrest is not the arrest (coreJoins
// off, it is).
func TestCoreJoins(t *testing.T) {
	v := setVocabulary(t, "testdata/caucasus.toml")
	at := func(h int) time.Time { return time.Date(2028, 3, 7, h, 0, 0, 0, time.UTC) }
	story := []*model.Item{
		item("Agency", "https://a.example/1", "Security service detains opposition figure Irakli Vashadze",
			"Security officers detained Irakli Vashadze, a leader of an opposition party, at his home in Kutaisi early on Tuesday, his lawyer said.", at(5)),
		item("Wire", "https://w.example/1", "Vashadze arrest: lawyer says charges are political",
			"The lawyer of Irakli Vashadze said on Tuesday the sabotage charges brought against him after his detention in Kutaisi were political.", at(8)),
	}
	tests := []struct {
		name string
		last *model.Item
		join bool
	}{
		{"a rally whose later sentence names the arrest", item("Site", "https://s.example/1", "Thousands gather on Tsereteli Square, live updates",
			"Several thousand people have gathered on Tsereteli Square in Kutaisi. The protesters demand the release of Irakli Vashadze, detained this morning, and call the charges political.", at(14)), false},
		{"a report that names the arrested man in its headline", item("Site", "https://s.example/2", "Vashadze's party says it will keep campaigning",
			"The party of Irakli Vashadze, detained on Tuesday in Kutaisi, said it would keep campaigning and called the charges against him political.", at(14)), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			items := append(append([]*model.Item{}, story...), tc.last)
			if got := firstAndLastJoin(v, items, time.UTC, allOn); got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
			if !tc.join && !firstAndLastJoin(v, items, time.UTC, coreJoins) {
				t.Fatalf("with coreJoins off it does not join either: the case tests nothing")
			}
		})
	}
}

// TestFirstFacts: a report whose headline names only one of the values
// a story's reports agree on (China, not Kazakhstan), whose first
// sentence names another (Turkmenistan) that no report of the story
// names in its headline or first sentence (a later sentence tells of the
// next stop), is the visit to that other country (firstFacts off, it
// joins).
func TestFirstFacts(t *testing.T) {
	v := setVocabulary(t, "testdata/caucasus.toml")
	at := func(day, h int) time.Time { return time.Date(2028, 5, day, h, 0, 0, 0, time.UTC) }
	story := []*model.Item{
		item("Agency", "https://a.example/1", "Kazakh president meets Chinese foreign minister",
			"The Kazakh president met Chinese Foreign Minister Wang Lei in Astana on Monday to discuss the railway and gas supplies.", at(1, 9)),
		item("Paper", "https://p.example/1", "Kazakhstan and China sign documents after foreign ministers' talks",
			"Kazakhstan and China signed a customs memorandum on Monday after talks between their foreign ministers in Astana. The minister travels to Turkmenistan on Tuesday.", at(1, 12)),
	}
	tests := []struct {
		name string
		last *model.Item
		join bool
	}{
		{"the next capital's reception", item("Site", "https://s.example/1", "President receives Chinese Foreign Minister",
			"The President of Turkmenistan received Chinese Foreign Minister Wang Lei, who arrived in Ashgabat on a working visit, to discuss gas supplies.", at(2, 7)), false},
		{"the same capital's reception", item("Site", "https://s.example/2", "President receives Chinese Foreign Minister",
			"The President of Kazakhstan received Chinese Foreign Minister Wang Lei in Astana to discuss the railway and gas supplies.", at(1, 15)), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			items := append(append([]*model.Item{}, story...), tc.last)
			if got := firstAndLastJoin(v, items, time.UTC, allOn); got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
			if !tc.join && !firstAndLastJoin(v, items, time.UTC, firstFacts) {
				t.Fatalf("with firstFacts off it does not join either: the case tests nothing")
			}
		})
	}
}

// TestMergeLinksByActClause: a report links two stories only by what its
// headline's main clause reports, unless that clause names nothing of
// its own and its "as" clause names the other story's act by a name of
// the story's; a reaction links nothing, as it names another's act.
func TestMergeLinksByActClause(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2027, 3, 9, h, m, 0, 0, time.UTC) }
	visit := []*model.Item{
		item("PAP", "https://pap.example/1", "Defence Minister Anna Kowalczyk Inspects Frigate Slazak",
			"Defence Minister Anna Kowalczyk inspected the frigate Slazak in Gdynia on Tuesday and watched a test of its air-defence system.", at(9, 0)),
	}
	drill := []*model.Item{
		item("Navy News", "https://n.example/1", "Polish, US navies stage combined carrier drill in Baltic Sea",
			"Poland and the United States began a combined maritime drill with the USS Harlan carrier group in the Baltic Sea on Tuesday, the navy said.", at(8, 0)),
		item("Defence Daily", "https://d.example/1", "USS Harlan sails into Baltic for drill with Polish navy",
			"The aircraft carrier USS Harlan began combined maritime operations with Poland's navy in the Baltic Sea on Tuesday.", at(8, 30)),
	}
	tests := []struct {
		name string
		link *model.Item
		one  bool
		off  mechanism // switched off, the stories merge (for links that do not)
	}{
		{"a minister's visit as a carrier drills nearby", item("Reuters", "https://r.example/1", "Poland's Kowalczyk boards frigate, watches air defence test as US carrier drills nearby",
			"Defence Minister Anna Kowalczyk boarded the frigate Slazak on Tuesday and watched a test of its air-defence system, as the US carrier Harlan held a combined drill with Poland's navy in the Baltic Sea.", at(10, 0)),
			false, coreLinks},
		{"a minister's visit that slams the drill", item("Reuters", "https://r.example/2", "Polish minister visits frigate, slams US-Polish naval drills",
			"Defence Minister Anna Kowalczyk visited the frigate Slazak on Tuesday and denounced the combined US-Polish maritime drill in the Baltic Sea as a provocation.", at(10, 0)),
			false, coreLinks},
	}
	protest := []*model.Item{
		item("TVP", "https://t.example/1", "Biggest Polish protest in years fills Wolnosci square",
			"Crowds filled Wolnosci square on Tuesday evening in what organisers called the biggest protest in years.", at(16, 0)),
		item("Reuters", "https://r.example/3", "Tens of thousands rally in Lodz against Polish government",
			"Tens of thousands of people rallied in Lodz on Tuesday against the government's pension reform.", at(17, 0)),
		item("Onet", "https://o.example/1", "Police detain at least 30 after clashes at end of Lodz rally",
			"Police detained at least 30 people late on Tuesday after clashes with riot officers at the end of a rally in Lodz.", at(21, 0)),
	}
	tests = append(tests, struct {
		name string
		link *model.Item
		one  bool
		off  mechanism
	}{"arrests as the protest, named by its name, turns violent", item("AP", "https://ap.example/1", "Dozens arrested as Polish protest turns violent outside parliament",
		"Police in Poland arrested dozens of people late Tuesday after the biggest protest in years, which filled Wolnosci square, turned violent outside parliament in Lodz.", at(22, 0)),
		true, allOn})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := setVocabulary(t, "testdata/energy.toml")
			if tc.one {
				v = setVocabulary(t, "testdata/europe.toml")
			}
			merged := func(off mechanism) bool {
				items := append(append([]*model.Item{}, drill...), visit...)
				if tc.one {
					items = protest
				}
				return anyMerge(v, append(items, tc.link), off)
			}
			if got := merged(allOn); got != tc.one {
				t.Fatalf("merged: %v, want %v", got, tc.one)
			}
			if tc.off != allOn && !merged(tc.off) {
				t.Errorf("not merged even with the mechanism off: the test does not show it")
			}
		})
	}
}

// TestMergeLinksApart: a report whose headline names a company that no
// report of a story names, while the story's headlines agree on another
// (namesApart), links no other story to that one, though it shares the
// agency, the day and the Moon with it: one agency's two contracts of a
// day to two companies are two events.
func TestMergeLinksApart(t *testing.T) {
	v := setVocabulary(t, "testdata/space.toml")
	at := func(h, m int) time.Time { return time.Date(2027, 3, 9, h, m, 0, 0, time.UTC) }
	items := []*model.Item{
		item("ESA", "https://esa.example/1", "ESA Selects Kestrel Dynamics for Lunar South Pole Rover",
			"ESA has awarded Kestrel Dynamics of Bremen 95 million euros to build a rover for the Moon's south pole. It is Kestrel's third ESA award.", at(9, 0)),
		item("Weser Kurier", "https://wk.example/1", "Bremen's Kestrel lands another Moon contract",
			"Kestrel Dynamics, the Bremen satellite maker, won a 95 million euro ESA contract on Tuesday to build a rover for the Moon.", at(10, 0)),
		item("ESA", "https://esa.example/2", "ESA Awards Beacon Network Contract",
			"ESA has selected Haldensat of Oslo to provide a network of navigation beacons under a fixed-price contract worth up to 230 million euros over six years.", at(11, 0)),
		item("E24", "https://e24.example/1", "Haldensat shares jump on ESA lunar award",
			"Shares of Haldensat rose 14% in Oslo on Tuesday after ESA picked the company for a lunar navigation contract worth up to 230 million euros.", at(12, 0)),
		// Fits both stories: the agency, the day, a contract, the Moon.
		item("Aftenposten", "https://ap.example/1", "Haldensat wins up to 230 million euros to build lunar beacons",
			"Oslo-based Haldensat will build navigation beacons on the Moon under an ESA deal worth as much as 230 million euros, the company said on Tuesday.", at(13, 0)),
	}
	if anyMerge(v, items, allOn) {
		t.Errorf("the two contracts merged")
	}
	if !anyMerge(v, items, apartLinks) {
		t.Errorf("not merged even with the mechanism off: the test does not show it")
	}
}

// TestFollowUpsOfTheirOwn: a report days after a dated act that names
// the act's day as that of what it follows is no follow-up when its
// headline calls its news the first in a span (a human case after a
// herd's infection) or when it tells of a resolution its speaker adopts
// (a council's resolution days after an arrest it names).
func TestFollowUpsOfTheirOwn(t *testing.T) {
	tue := time.Date(2027, 5, 11, 15, 0, 0, 0, time.UTC)
	tests := []struct {
		name, vocab string
		story       []*model.Item
		last        *model.Item
	}{
		{"a human case after a herd's infection", "testdata/health.toml",
			[]*model.Item{
				item("Reuters", "https://r.example/h1", "Bird flu confirmed in Ohio dairy herd, USDA says",
					"The U.S. Department of Agriculture on Tuesday confirmed H5N1 bird flu in a dairy herd in Wayne County, Ohio, the first detection in the state's cattle.", tue),
				item("AP", "https://ap.example/h1", "Bird flu detected in Wayne County dairy herd in Ohio",
					"Bird flu has been detected in a dairy herd in Wayne County, Ohio, state agriculture officials said on Tuesday.", tue.Add(2*time.Hour)),
			},
			item("NBC", "https://nbc.example/h1", "Ohio dairy worker's bird flu infection is first U.S. human case in months",
				"An Ohio dairy worker has been infected with H5N1 bird flu, the CDC said Thursday. The case came two days after the virus was confirmed in the worker's herd on Tuesday in Wayne County.", tue.Add(48*time.Hour))},
		{"a council's resolution days after an arrest", "testdata/elections.toml",
			[]*model.Item{
				item("Reuters", "https://r.example/e1", "Paraguayan opposition leader arrested, party says",
					"Paraguay's opposition party said on Tuesday that its leader, Rosa Benitez, was arrested by police in Asuncion on Sunday.", tue),
				item("AP", "https://ap.example/e1", "Police arrest Paraguay opposition leader Benitez",
					"Police in Asuncion arrested opposition leader Rosa Benitez on Sunday, her party said on Tuesday.", tue.Add(time.Hour)),
			},
			item("Reuters", "https://r.example/e2", "OAS council demands Paraguay free opposition leader Benitez",
				"The Organization of American States' Permanent Council on Thursday approved a resolution demanding that Paraguay release Rosa Benitez, citing her arrest in Asuncion on Sunday.", tue.Add(48*time.Hour))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := setVocabulary(t, tc.vocab)
			joins := func(off mechanism) bool {
				return firstAndLastJoin(v, append(append([]*model.Item{}, tc.story...), tc.last), time.UTC, off)
			}
			if joins(allOn) {
				t.Errorf("joined the earlier act's story")
			}
		})
	}
}

// FuzzGrouperAdd feeds untrusted headlines and texts to a Grouper with
// merges on: whatever a feed sends, Add must not panic, must file the item
// in a story that holds it, and must keep the window's count honest.
func FuzzGrouperAdd(f *testing.F) {
	for _, s := range [][4]string{
		{"N. Korea fires ballistic missile into East Sea: JCS", "North Korea fired a ballistic missile on Monday, the JCS said.",
			"North Korea launches missile, Seoul says", "Seoul said on Monday that the North had fired a missile."},
		{"Stocks close higher", "Wall Street ended up 1% on Friday.", "Stocks plunge as tech shares crash", "Shares fell 4% on Friday."},
		{"", "", "\xff\xfe", "((( ,,, "},
		{"Analysis: what the strike means", "A day after Tuesday's strike, unions said ...", "Unions call strike for Friday", "said on Tuesday it would strike on Friday, a day after"},
		{"Kim Jong Un oversees test-fire as US carrier drills nearby", "Despite the drills, unfazed by sanctions, two missiles ...", "Seoul, Tokyo condemn launch; stays silent on talks", "at least two, toll rises to nine, 3,000 km, 11 August"},
	} {
		f.Add(s[0], s[1], s[2], s[3], int64(3600))
	}
	f.Fuzz(func(t *testing.T, title1, text1, title2, text2 string, gap int64) {
		g := NewGrouper(72 * time.Hour)
		g.Merges = true
		pub := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
		items := []model.Item{
			{Key: "a", Feed: "one", Title: title1, Text: text1, Published: pub},
			{Key: "b", Feed: "two", Title: title2, Text: text2, Published: pub.Add(time.Duration(gap%(96*3600)) * time.Second)},
		}
		for i := range items {
			st, _ := g.Add(&items[i], time.UTC)
			if st.ID == "" || items[i].StoryID != st.ID {
				t.Fatalf("item %d filed in story %q, returned story %q", i, items[i].StoryID, st.ID)
			}
		}
		g.TakeMerges()
		if n := g.Len(); n < 1 || n > 2 {
			t.Fatalf("window holds %d stories after two items", n)
		}
	})
}

// TestNextDayReportOfTheAct checks that a report of the next day that
// names the same kind of act, and names the event's day as that of what
// it follows, with a name few stories use that the event's report gives,
// joins the event ("Firefighters contain Karrowen wildfire"); and that a
// repeat, another place, an act its headline puts after the event's, or a
// day two days on stays apart, and that without nextDayActs it does too.
func TestNextDayReportOfTheAct(t *testing.T) {
	v := setVocabulary(t, "testdata/disasters.toml")
	sat := time.Date(2027, 8, 14, 9, 0, 0, 0, time.UTC)
	event := item("Reuters", "https://r.example/karrowen", "Wildfire forces 900 to flee near Karrowen",
		"A wildfire forced about 900 people to leave their homes near the hill town of Karrowen on Saturday, the fire service said.", sat)
	tests := []struct {
		name        string
		title, text string
		after       time.Duration
		off         mechanism
		join        bool
	}{
		{"the act goes on", "Firefighters contain Karrowen wildfire as residents return",
			"Firefighters on Sunday contained the wildfire that forced 900 people from their homes near Karrowen on Saturday, the fire service said.", 26 * time.Hour, allOn, true},
		{"mechanism off", "Firefighters contain Karrowen wildfire as residents return",
			"Firefighters on Sunday contained the wildfire that forced 900 people from their homes near Karrowen on Saturday, the fire service said.", 26 * time.Hour, nextDayActs, false},
		{"a repeat", "New wildfire breaks out near Karrowen",
			"A new wildfire broke out near Karrowen on Sunday, a day after a blaze forced 900 people from their homes on Saturday, the fire service said.", 26 * time.Hour, allOn, false},
		{"another place", "Wildfire forces 300 to flee near Dunmerrin",
			"A wildfire forced about 300 people from their homes near Dunmerrin on Sunday, a day after a blaze near Karrowen on Saturday, the fire service said.", 26 * time.Hour, allOn, false},
		{"two days on", "Firefighters contain Karrowen wildfire as residents return",
			"Firefighters on Monday contained the wildfire that forced 900 people from their homes near Karrowen on Saturday, the fire service said.", 50 * time.Hour, allOn, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := item("AFP", "https://a.example/"+tc.name, tc.title, tc.text, sat.Add(tc.after))
			if got := firstAndLastJoin(v, []*model.Item{event, it}, time.UTC, tc.off); got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
		})
	}
}

// TestLaterFollowUp checks that a follow-up of the next day whose lead
// names the event's day as that of what it follows, and whose headline
// gives a count of the event's headline but none of its names, joins the
// event (laterFollowUp), and so does one of the next day, in a news
// cycle, whose headline gives the event headline's rare name and none of
// its words of what happened; and that a repeat, a new count, a report
// three days on, one that names no day it follows and no name of the
// event's headline, one that shares what happened, or the place's news
// two days on stays apart, as the joined ones do without laterFollowUps.
func TestLaterFollowUp(t *testing.T) {
	v := setVocabulary(t, "testdata/disasters.toml")
	sat := time.Date(2027, 8, 14, 9, 0, 0, 0, time.UTC)
	event := []*model.Item{
		item("Reuters", "https://r.example/karrowen", "Wildfire forces 900 to flee near Karrowen",
			"A wildfire forced about 900 people to leave their homes near the hill town of Karrowen on Saturday, the fire service said.", sat),
		item("AP", "https://ap.example/karrowen", "Wildfire drives 900 from homes in hill country",
			"About 900 people fled their homes on Saturday as a wildfire swept through hill country near Karrowen, officials said.", sat.Add(2*time.Hour)),
	}
	tests := []struct {
		name        string
		title, text string
		after       time.Duration
		off         mechanism
		join        bool
	}{
		{"the next day's follow-up", "State seeks federal aid for 900 evacuees",
			"The state government on Sunday asked for federal disaster aid for the 900 people who fled the wildfire near Karrowen on Saturday.", 25 * time.Hour, allOn, true},
		{"mechanism off", "State seeks federal aid for 900 evacuees",
			"The state government on Sunday asked for federal disaster aid for the 900 people who fled the wildfire near Karrowen on Saturday.", 25 * time.Hour, laterFollowUps, false},
		{"a repeat", "State again seeks federal aid for 900 evacuees",
			"The state government on Sunday again asked for federal disaster aid for the 900 people who fled the wildfire near Karrowen on Saturday.", 25 * time.Hour, allOn, false},
		{"a new count", "State seeks federal aid for 900 evacuees, 60 farms",
			"The state government on Sunday asked for federal disaster aid for the 900 people who fled the wildfire near Karrowen on Saturday and 60 farms.", 25 * time.Hour, allOn, false},
		{"three days on", "State seeks federal aid for 900 evacuees",
			"The state government on Tuesday asked for federal disaster aid for the 900 people who fled the wildfire near Karrowen on Saturday.", 73 * time.Hour, allOn, false},
		{"no day it follows", "State seeks federal aid for 900 evacuees",
			"The state government on Sunday asked for federal disaster aid for 900 evacuees, a spokesman said.", 25 * time.Hour, allOn, false},
		{"the next day's news of the place", "Karrowen mayor says evacuees safe in shelters",
			"The mayor of Karrowen said on Sunday that the 900 people who fled the wildfire near the hill town were safe in shelters, the fire service said.", 25 * time.Hour, allOn, true},
		{"the next day's news of the place, mechanism off", "Karrowen mayor says evacuees safe in shelters",
			"The mayor of Karrowen said on Sunday that the 900 people who fled the wildfire near the hill town were safe in shelters, the fire service said.", 25 * time.Hour, laterFollowUps, false},
		{"the next day's news of the place, what happened shared", "Karrowen residents flee as homes burn",
			"Residents of Karrowen fled on Sunday as homes burned on the edge of the town, the mayor said.", 25 * time.Hour, allOn, false},
		{"the place's news two days on", "Karrowen mayor says evacuees safe in shelters",
			"The mayor of Karrowen said on Monday that the 900 people who fled the wildfire near the hill town were safe in shelters, the fire service said.", 49 * time.Hour, allOn, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := item("AFP", "https://a.example/"+tc.name, tc.title, tc.text, sat.Add(tc.after))
			if got := firstAndLastJoin(v, append(slices.Clone(event), it), time.UTC, tc.off); got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
		})
	}
}

// TestSinceDayVouchesNoAct checks that in a story of a dated act, the
// day of a report that names the story's day as that of what it follows
// (the next day's thanks for a hostage's release) vouches for no new act
// of that day that shares no name few stories use with it but a
// country's: a government's expulsion order of that day stays apart, and
// joins without sinceDays.
func TestSinceDayVouchesNoAct(t *testing.T) {
	v := setVocabulary(t, "testdata/sahel.toml")
	mon := time.Date(2027, 10, 4, 14, 0, 0, 0, time.UTC)
	items := []*model.Item{
		item("DW", "https://d.example/1", "Dutch engineer kidnapped in Niger freed, The Hague says",
			"A Dutch engineer kidnapped in Agadez in March was freed on Monday, the Dutch foreign ministry said.", mon),
		item("Reuters", "https://r.example/1", "Dutch engineer held hostage in Niger for seven months released",
			"A Dutch engineer held hostage in Niger since March was released on Monday, the Dutch foreign ministry said.", mon.Add(2*time.Hour)),
		item("AFP", "https://a.example/1", "Niger hostage release: The Hague thanks Niamey, denies ransom",
			"The Netherlands on Tuesday thanked Niger for its role in freeing the engineer on Monday and denied paying a ransom.", mon.Add(20*time.Hour)),
		item("Reuters", "https://r.example/2", "Niger orders top UN humanitarian official to leave within 72 hours",
			"Niger's military government on Tuesday ordered the head of the U.N. humanitarian office in the country to leave within 72 hours.", mon.Add(28*time.Hour)),
	}
	if firstAndLastJoin(v, items[:3], time.UTC, allOn) != true {
		t.Fatal("the thanks of the next day did not join the release")
	}
	if firstAndLastJoin(v, items, time.UTC, allOn) {
		t.Error("the expulsion order joined the release through the day of the thanks")
	}
	// The order is a body's decision of a later day too (laterDecision,
	// under undatedLate's switch), which keeps it apart by itself.
	if !firstAndLastJoin(v, items, time.UTC, sinceDays.with(undatedLate)) {
		t.Error("apart even with sinceDays off: the test does not show it")
	}
}

// TestFirstSentenceNamesTheAct checks that a report whose headline names
// one dated act ("cyberattacks") and whose first sentence's main clause
// names only the story's act (a denial-of-service attack) joins the
// story, and stays apart without firstActs; a first sentence that names
// the story's act only in its background ("after a DDoS attack on
// Saturday") or besides the headline's own keeps it apart.
func TestFirstSentenceNamesTheAct(t *testing.T) {
	v := setVocabulary(t, "testdata/cyber.toml")
	mon := time.Date(2027, 6, 7, 9, 0, 0, 0, time.UTC)
	event := item("Reuters", "https://r.example/fjord", "Norwegian ferry booking sites hit by DDoS attacks",
		"Booking sites of three Norwegian ferry operators were knocked offline on Monday by distributed denial-of-service attacks, the companies said.", mon)
	tests := []struct {
		name        string
		title, text string
		off         mechanism
		join        bool
	}{
		{"the act the first sentence names", "Norwegian ferry operators targeted in wave of cyberattacks",
			"Three Norwegian ferry operators said their booking sites were knocked offline on Monday in a wave of denial-of-service attacks.", allOn, true},
		{"mechanism off", "Norwegian ferry operators targeted in wave of cyberattacks",
			"Three Norwegian ferry operators said their booking sites were knocked offline on Monday in a wave of denial-of-service attacks.", firstActs, false},
		{"the act in the background", "Norwegian ferry operators targeted in wave of cyberattacks",
			"Three Norwegian ferry operators said hackers had broken into their booking systems on Monday, after denial-of-service attacks on Saturday.", allOn, false},
		{"both acts", "Norwegian ferry operators targeted in wave of cyberattacks",
			"Three Norwegian ferry operators said a ransomware attack and denial-of-service attacks had hit their booking systems on Monday.", allOn, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := item("AFP", "https://a.example/"+tc.name, tc.title, tc.text, mon.Add(3*time.Hour))
			if got := firstAndLastJoin(v, []*model.Item{event, it}, time.UTC, tc.off); got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
		})
	}
}

// TestFirstSentenceVouchesForNoOtherReport checks that a report that joined
// a story because its first sentence says what the story's act was
// (firstActs: a headline of cyberattacks, a lead of denial-of-service
// attacks) links no later report of that act to the story by what else
// its lead tells, when the story holds reports whose headline names the
// act: a hacktivist group's claim of a DDoS on a lottery, which shares
// the group's name with that lead only, is another event. A report that
// fits the story's own DDoS report still joins, and so does one that has
// only the first-sentence report to join, which is what firstActs is for.
func TestFirstSentenceVouchesForNoOtherReport(t *testing.T) {
	v := setVocabulary(t, "testdata/cyber.toml")
	sun := time.Date(2027, 6, 6, 13, 0, 0, 0, time.UTC)
	mon := sun.Add(20 * time.Hour)
	// Other stories of the window, so that a shared word weighs as it
	// would among a desk's day of reports.
	window := []*model.Item{
		item("Reuters", "https://r.example/trust", "Danish hospital trust hit by ransomware attack",
			"A Danish hospital trust said on Sunday that ransomware had encrypted its patient records. Hacktivist groups had claimed DDoS attacks on Danish sites in May.", sun),
		item("AP", "https://p.example/port", "Finnish port operator fined over data breach",
			"Finland's data regulator fined a port operator on Sunday over a breach of staff records. The operator had also faced DDoS attacks claimed by a hacktivist group.", sun.Add(time.Hour)),
		item("BBC", "https://b.example/council", "Police arrest teenager over council hack",
			"Police arrested a 17-year-old on Sunday over a hack of a council's email system. Officers said the suspect was not linked to recent DDoS attacks.", sun.Add(2*time.Hour)),
	}
	event := item("Reuters", "https://r.example/fjord", "Norwegian ferry booking sites hit by DDoS attacks",
		"Booking sites of three Norwegian ferry operators were knocked offline on Monday by distributed denial-of-service attacks, the companies said.", mon)
	wave := item("AFP", "https://a.example/fjord", "Norwegian ferry operators targeted in wave of cyberattacks",
		"Three Norwegian ferry operators said their booking sites were knocked offline on Monday in a wave of denial-of-service attacks claimed by the hacktivist group Skrelling.", mon.Add(time.Hour))
	lottery := item("DPA", "https://d.example/lottery", "Hacktivist group Skrelling claims DDoS on Swedish state lottery",
		"The hacktivist group Skrelling claimed an attack that took the Swedish state lottery's website down for two hours.", mon.Add(3*time.Hour))
	ferries := item("NTB", "https://n.example/fjord", "Ferry booking sites back after DDoS attacks, Norwegian operators say",
		"Booking sites of the three Norwegian ferry operators knocked offline by distributed denial-of-service attacks on Monday were back by the evening, the companies said.", mon.Add(8*time.Hour))
	tests := []struct {
		name  string
		story []*model.Item // the first is the story's, the last the report that joins it or not
		join  bool
	}{
		{"another event sharing the first sentence's words", []*model.Item{event, wave, lottery}, false},
		{"a report of the story's act", []*model.Item{event, wave, ferries}, true},
		{"the first-sentence report alone", []*model.Item{wave, event}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := grouperWithout(v, allOn)
			var ids []string
			for _, it := range append(slices.Clone(window), tc.story...) {
				cp := *it
				g.Add(&cp, time.UTC)
				ids = append(ids, cp.StoryID)
			}
			first, last := ids[len(window)], ids[len(ids)-1]
			if got := first == last; got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
		})
	}
}

// TestActAnsweredIsNoSecondAct checks that an act a headline names
// after "over", "against" or "about" is what its own act answers, no
// second act it reports: a summons the day after a ramming, "over Natuna
// ramming", is the foreign ministry's own act and stays apart from the
// ramming (twoActs and nextDayActs had joined it), while a headline that
// names a second act in its own words still names it.
func TestActAnsweredIsNoSecondAct(t *testing.T) {
	v := setVocabulary(t, "testdata/seasia.toml")
	kindNamed := func(name string) kind {
		i := slices.Index(v.kindNames, name)
		if i < 0 {
			t.Fatalf("no act %q", name)
		}
		return kind(i)
	}
	confrontation, seizure := kindNamed("confrontation"), kindNamed("seizure")
	heads := []struct {
		title string
		other kind // the second act
		names bool
	}{
		{"Jakarta summons Chinese envoy over Natuna ramming", confrontation, false},
		{"Hanoi lodges protest against coast guard ramming of fishing boat", confrontation, false},
		{"Manila files protest about rammed supply boat", confrontation, false},
		{"Chinese coast guard rams Vietnamese boat, seizes its 9 fishermen", seizure, true},
		{"Navy rams boat and detains over 30 fishermen off Sabah", seizure, true},
	}
	for _, tc := range heads {
		t.Run(tc.title, func(t *testing.T) {
			f, _, _ := v.extract(&model.Item{Title: tc.title}, time.UTC)
			if got := f.acts&(1<<tc.other) != 0; got != tc.names {
				t.Fatalf("names %s: %v, want %v", v.kindNames[tc.other], got, tc.names)
			}
		})
	}
	mon := time.Date(2028, 3, 6, 6, 0, 0, 0, time.UTC)
	ramming := item("Reuters", "https://r.example/natuna", "Chinese coast guard ship rams Indonesian patrol boat off Natuna",
		"A Chinese coast guard ship rammed an Indonesian patrol boat off the Natuna Islands on Monday, Indonesia's maritime security agency said.", mon)
	summons := item("Antara", "https://a.example/natuna-summons", "Jakarta summons Chinese envoy over Natuna ramming",
		"Indonesia's foreign ministry on Tuesday summoned China's ambassador to protest the ramming of a patrol boat off the Natuna Islands on Monday.", mon.Add(25*time.Hour))
	if firstAndLastJoin(v, []*model.Item{ramming, summons}, time.UTC, allOn) {
		t.Error("the next day's summons joined the ramming it answers")
	}
}

// TestDespiteNamesAnotherStory checks that a report whose headline shares
// words with a story's headlines only in its "despite" clause does not
// join the story, however much its lead tells of the story's event: a
// carmaker's forecast "despite Vellmar port strike" is not the strike. A
// report whose headline names the story's event outside such a clause
// joins, and so does one whose clause names the event a headline of the
// story also names only in its own.
func TestDespiteNamesAnotherStory(t *testing.T) {
	v := setVocabulary(t, "testdata/labour.toml")
	mon := time.Date(2027, 9, 6, 8, 0, 0, 0, time.UTC)
	strike := []*model.Item{
		item("Reuters", "https://r.example/vellmar", "Vellmar dockworkers strike over pay, container port shut",
			"Dockworkers at the port of Vellmar went on strike on Monday over pay, shutting the country's largest container terminal, their union said.", mon),
		item("AP", "https://p.example/vellmar", "Container port of Vellmar at standstill as dockworkers strike",
			"The container port of Vellmar was at a standstill on Monday as dockworkers walked out in a dispute over pay.", mon.Add(2*time.Hour)),
	}
	markets := []*model.Item{
		item("Reuters", "https://r.example/autos", "Carmakers' shares rise despite Vellmar port strike",
			"Shares of the country's carmakers rose on Monday, shrugging off the dockworkers' strike that shut the container port of Vellmar.", mon.Add(6*time.Hour)),
	}
	tests := []struct {
		name  string
		story []*model.Item
		last  *model.Item
		join  bool
	}{
		{"the despite clause names the story's event", strike,
			item("Bloomberg", "https://b.example/ostrava", "Ostrava Motors lifts output forecast despite Vellmar port strike",
				"Ostrava Motors raised its full-year output forecast on Monday, brushing aside the dockworkers' strike that has shut the container port of Vellmar, its main export route.", mon.Add(5*time.Hour)), false},
		{"the headline names the story's event outside it", strike,
			item("DPA", "https://d.example/vellmar", "Vellmar dockworkers stay out despite improved pay offer",
				"Dockworkers at the port of Vellmar kept up their strike on Monday evening despite an improved pay offer, their union said.", mon.Add(9*time.Hour)), true},
		{"both headlines name it in such a clause", markets,
			item("AFP", "https://a.example/autos", "Motor sector holds firm, investors unmoved by Vellmar strike",
				"Carmakers' shares held firm on Monday as investors shrugged off the dockworkers' strike at the container port of Vellmar.", mon.Add(7*time.Hour)), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := firstAndLastJoin(v, append(slices.Clone(tc.story), tc.last), time.UTC, allOn); got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
		})
	}
}

// TestReactionNamesActInLead checks that a reaction whose first sentence
// names the act of a report of its day (a ministry's "Statement on the
// Note Verbale ...", whose first sentence tells of the note "protesting"
// the blocking) counts that day in full and joins the act, and stays
// apart without reactionDays.
func TestReactionNamesActInLead(t *testing.T) {
	v := setVocabulary(t, "testdata/seasia.toml")
	tue := time.Date(2028, 4, 11, 3, 0, 0, 0, time.UTC)
	items := []*model.Item{
		item("Daily", "https://d.example/protest", "Manila protests to Beijing over blocked resupply run",
			"Manila on Tuesday lodged a diplomatic protest with Beijing over the blocking of a resupply boat on Monday.", tue),
		item("DFA", "https://dfa.example/note", "Statement on the Note Verbale Conveyed to the Embassy of China",
			"The DFA today conveyed a note verbale to the Embassy of China protesting the blocking of a Philippine mission by the China Coast Guard.", tue.Add(time.Hour)),
	}
	if !firstAndLastJoin(v, items, time.UTC, allOn) {
		t.Error("the ministry's statement on its note apart from the protest")
	}
	if firstAndLastJoin(v, items, time.UTC, reactionDays) {
		t.Error("joined even with reactionDays off: the test does not show it")
	}
}

// TestReactionDayWhenApart checks that a reaction naming a story's act
// (reactionDays) counts its day as a report of another kind does when a
// report of the act names something apart from the story: the day of one
// act is then no evidence (namesApart), but the reaction's is still that
// of a report of the day. Analysts' words on the passage, whose headline
// names the army the story's reports call by its command's name, join.
func TestReactionDayWhenApart(t *testing.T) {
	v := setVocabulary(t, "testdata/taiwan.toml")
	thu := time.Date(2031, 5, 8, 2, 0, 0, 0, time.UTC)
	items := []*model.Item{
		item("Fleet", "https://fleet.example/transit", "USS Harlan Reed conducts routine Taiwan Strait transit",
			"The destroyer USS Harlan Reed made a scheduled Taiwan Strait transit on Thursday in international waters, the fleet's press office said.", thu),
		item("Command", "https://etc.example/statement", "Eastern Theater Command spokesperson's statement on US destroyer's passage",
			"The Harlan Reed, a US destroyer, passed through the Taiwan Strait on Thursday in a deliberate show of force. The Eastern Theater Command sent naval and air units to follow it throughout, a spokesperson said.", thu.Add(time.Hour)),
		item("Wire", "https://wire.example/destroyer", "US destroyer Harlan Reed sails through Taiwan Strait",
			"A U.S. Navy destroyer sailed through the Taiwan Strait on Thursday, its second such voyage since January, prompting Chinese warnings.", thu.Add(2*time.Hour)),
		item("Paper", "https://paper.example/experts", "US warship's passage 'a reckless gamble', PLA ready to respond: analysts",
			"The warship's voyage on Thursday was a reckless gamble aimed at Beijing, mainland analysts said, after the PLA Eastern Theater Command followed it.", thu.Add(8*time.Hour)),
	}
	tests := []struct {
		name string
		off  mechanism
		join bool
	}{
		{"the reaction's day counts", allOn, true},
		{"reactionDays off: a day of another kind", reactionDays, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := firstAndLastJoin(v, items, time.UTC, tc.off); got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
		})
	}
}

// TestSaidBeforeAct checks that a follow-up whose only day is that of its
// own words, published days before a dated act, is not that act's story:
// a ministry's welcome of a neighbour's casino closures is no ceasefire
// its spokesman announces three days later (saidBefore). Words of the
// day before may still be the act's (dayTolerance).
func TestSaidBeforeAct(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "ceasefire"
verbs = ["ceasefire", "truce"]
`)
	mon := time.Date(2031, 6, 2, 11, 0, 0, 0, time.UTC)
	welcome := func(pub time.Time, day string) *model.Item {
		return item("Daily", "https://d.example/welcome", "Foreign ministry welcomes Varland move against border casinos",
			"The foreign ministry welcomes Varland's decision to shut casinos along the Osk river border, spokesperson Lin Haowen said on "+day+" at a briefing in Kunming.", pub)
	}
	truce := item("Wire", "https://w.example/truce", "Army and Delta Front agree ceasefire in Kunming talks",
		"The army and the Delta Front agreed on Thursday to an immediate ceasefire after talks in Kunming, foreign ministry spokesperson Lin Haowen said at a briefing.", mon.Add(69*time.Hour))
	tests := []struct {
		name  string
		story *model.Item
		off   mechanism
		join  bool
	}{
		{"said three days before the truce", welcome(mon, "Monday"), allOn, false},
		{"mechanism off", welcome(mon, "Monday"), saidBeforeActs, true},
		{"said the day before", welcome(mon.Add(48*time.Hour), "Wednesday"), allOn, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := firstAndLastJoin(v, []*model.Item{tc.story, truce}, time.UTC, tc.off); got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
		})
	}
}

// TestNextDayClaimOfTheAct checks that a next day's report of another
// kind of act whose headline also names the event's act ("claims Tessalit
// attack"), naming the event's day as that of what it follows and a name
// few stories use that the event's report gives, joins the event; a claim
// of another place's attack stays apart, and so does the first without
// nextDayActs.
func TestNextDayClaimOfTheAct(t *testing.T) {
	v := setVocabulary(t, "testdata/sahel.toml")
	thu := time.Date(2027, 10, 7, 15, 0, 0, 0, time.UTC)
	event := item("Reuters", "https://r.example/tessalit", "Jihadists attack Mali army camp at Tessalit, sources say",
		"Islamist militants attacked a Malian army camp at Tessalit at dawn on Thursday, two security sources said.", thu)
	tests := []struct {
		name        string
		title, text string
		off         mechanism
		join        bool
	}{
		{"the claim", "JNIM claims Tessalit attack, says it killed 30 soldiers",
			"JNIM on Friday claimed responsibility for Thursday's attack on an army camp at Tessalit, saying it had killed 30 soldiers.", allOn, true},
		{"mechanism off", "JNIM claims Tessalit attack, says it killed 30 soldiers",
			"JNIM on Friday claimed responsibility for Thursday's attack on an army camp at Tessalit, saying it had killed 30 soldiers.", nextDayActs, false},
		{"another attack's claim", "JNIM claims Ansongo attack, says it killed 30 soldiers",
			"JNIM on Friday claimed responsibility for Thursday's attack on an army camp at Ansongo, saying it had killed 30 soldiers.", allOn, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := item("AFP", "https://a.example/"+tc.name, tc.title, tc.text, thu.Add(20*time.Hour))
			if got := firstAndLastJoin(v, []*model.Item{event, it}, time.UTC, tc.off); got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
		})
	}
}

// TestNextDayClaimNamesThePlace checks that a next day's claim whose
// headline names the event's act but no name few stories use ("claims
// deadly attack on army camp") joins the event when its first sentence
// gives the place a report of the event gives, with the event's day as
// that of what it follows; a claim of an attack elsewhere stays apart,
// and so does the first without claimedPlaces.
func TestNextDayClaimNamesThePlace(t *testing.T) {
	v := setVocabulary(t, "testdata/sahel.toml")
	thu := time.Date(2027, 10, 7, 15, 0, 0, 0, time.UTC)
	event := item("Reuters", "https://r.example/tessalit", "Jihadists attack Mali army camp at Tessalit, sources say",
		"Islamist militants attacked a Malian army camp at Tessalit at dawn on Thursday, two security sources said.", thu)
	claim := func(place string) string {
		return "JNIM on Friday claimed responsibility for Thursday's attack on an army camp at " + place + " in northern Mali, according to a statement on its channels."
	}
	tests := []struct {
		name string
		text string
		off  mechanism
		join bool
	}{
		{"the claim", claim("Tessalit"), allOn, true},
		{"mechanism off", claim("Tessalit"), claimedPlaces, false},
		{"another attack's claim", claim("Ansongo"), allOn, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := item("AFP", "https://a.example/"+tc.name, "JNIM claims deadly attack on army camp", tc.text, thu.Add(20*time.Hour))
			if got := firstAndLastJoin(v, []*model.Item{event, it}, time.UTC, tc.off); got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
		})
	}
}

// TestNextDayActOfAnotherActor checks that a next day's report of the
// event's kind of act whose headline names one of the desk's usual actors
// (an agency) that the event's report does not name tells of that
// actor's own act: an agency's order to patch, the day after the vendor's
// patch, stays apart; a next day's report whose actor the event's report
// names still joins as the act going on.
func TestNextDayActOfAnotherActor(t *testing.T) {
	v := setVocabulary(t, "testdata/cyber.toml")
	tue := time.Date(2027, 6, 8, 17, 0, 0, 0, time.UTC)
	event := item("Reuters", "https://r.example/orion", "Microsoft patches Orion zero-day exploited in attacks",
		"Microsoft on Tuesday released a patch for a zero-day flaw in its Orion server software that attackers have exploited, the company said.", tue)
	tests := []struct {
		name        string
		title, text string
		off         mechanism
		join        bool
	}{
		{"an agency's order", "CISA orders agencies to patch Orion zero-day",
			"CISA on Wednesday ordered federal agencies to install the patch for the Orion zero-day flaw that Microsoft released on Tuesday.", allOn, false},
		{"the event's actor", "Microsoft reissues Orion zero-day patch for older servers",
			"Microsoft on Wednesday reissued the patch for the Orion zero-day flaw it released on Tuesday, after reports that it failed on older servers.", allOn, true},
		{"the event's actor, mechanism off", "Microsoft reissues Orion zero-day patch for older servers",
			"Microsoft on Wednesday reissued the patch for the Orion zero-day flaw it released on Tuesday, after reports that it failed on older servers.", nextDayActs, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := item("AP", "https://ap.example/"+tc.name, tc.title, tc.text, tue.Add(20*time.Hour))
			if got := firstAndLastJoin(v, []*model.Item{event, it}, time.UTC, tc.off); got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
		})
	}
}

// TestTwoPartiesOfOneEvent checks that a report whose headline names
// another value of a fact than a story's report (the attacker's country,
// where the other names the place struck) joins it when each report names
// the other's value in its headline or lead; a report that never names
// the story's value stays apart, and so does one whose headline shares no
// word with the story's (its lead alone links them: market news of the
// strike), and the first without twoParties.
func TestTwoPartiesOfOneEvent(t *testing.T) {
	v := setVocabulary(t, "testdata/mideast.toml")
	tue := time.Date(2028, 5, 9, 8, 0, 0, 0, time.UTC)
	event := item("Reuters", "https://r.example/wadi-mira", "Air strike kills five in Gaza's Wadi Mira",
		"An Israeli air strike killed five people in Wadi Mira in central Gaza on Tuesday, the civil defence agency said.", tue)
	tests := []struct {
		name        string
		title, text string
		off         mechanism
		join        bool
	}{
		{"each names the other", "Israeli strike kills five in Wadi Mira, medics say",
			"An Israeli strike killed five people in the Wadi Mira area of Gaza on Tuesday, medics at a nearby hospital said.", allOn, true},
		{"mechanism off", "Israeli strike kills five in Wadi Mira, medics say",
			"An Israeli strike killed five people in the Wadi Mira area of Gaza on Tuesday, medics at a nearby hospital said.", twoParties, false},
		{"the story's party never named", "Israeli strike kills five in Wadi Mira village, Lebanon says",
			"An Israeli drone strike killed five people in the village of Wadi Mira in southern Lebanon on Tuesday, the health ministry in Beirut said.", allOn, false},
		{"no headline word shared", "Israeli bonds slip on security fears",
			"Israeli government bond prices fell on Tuesday after an air strike killed five people in Wadi Mira in central Gaza, traders said.", allOn, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := item("AP", "https://a.example/"+tc.name, tc.title, tc.text, tue.Add(3*time.Hour))
			if got := firstAndLastJoin(v, []*model.Item{event, it}, time.UTC, tc.off); got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
		})
	}
}

// TestBackgroundPartyIsNoParty checks that a report whose headline names
// a story's value of a fact only in its background clause ("as ... erode
// Monday's pill rally") names it as what came before its own news, not as
// the other party of one event: a later day's slide is no report of the
// rally, though a report of the rally names a fall ("dropped out") in a
// later sentence and the slide's lead names the rally's day.
func TestBackgroundPartyIsNoParty(t *testing.T) {
	v := setVocabulary(t, "testdata/pharma.toml")
	mon := time.Date(2029, 3, 5, 7, 0, 0, 0, time.UTC)
	surge := []*model.Item{
		item("Wire", "https://w.example/roche-surge", "Roche jumps most in a decade as Alzheimer pill tops forecasts",
			"Roche Holding AG shares rose as much as 11% in Zurich on Monday after its experimental Alzheimer's pill slowed decline by 38% in a late-stage study. About 7% of patients dropped out of the trial.", mon),
		item("Paper", "https://p.example/roche-rally", "Roche shares soar on Alzheimer pill results",
			"Roche's shares rose sharply on Monday after the Swiss drugmaker published results for its Alzheimer's pill.", mon.Add(2*time.Hour)),
	}
	wed := mon.Add(49 * time.Hour)
	checkLastJoins(t, v, surge, []joinCase{
		{"the rally only in the background clause", item("Wire", "https://w.example/roche-slides",
			"Roche slides as Biogen's Alzheimer infusion results erode Monday's pill rally",
			"Roche Holding AG shares fell as much as 5% in Zurich, giving back part of Monday's gain, after Biogen published late-stage results for its rival Alzheimer's infusion.", wed), false},
	})
}

// TestTalksOverDays checks that talks reported the next day are not kept
// by the day veto from a story of those talks that also holds a dated act
// (the ceasefire they discuss), while talks three days on, or the next
// day's with talksDays off, are.
func TestTalksOverDays(t *testing.T) {
	v := setVocabulary(t, "testdata/mideast.toml")
	mon := time.Date(2028, 6, 5, 9, 0, 0, 0, time.UTC)
	feat := func(title, text string, pub time.Time) features {
		f, _, _ := v.extract(item("X", "https://x.example/"+title, title, text, pub), time.UTC)
		return f
	}
	talks := feat("Mediators open Gaza ceasefire talks in Cairo",
		"Egyptian and Qatari mediators opened talks in Cairo on Monday on extending the Gaza ceasefire, officials said.", mon)
	truce := feat("Ceasefire holds in Gaza as envoys meet",
		"A ceasefire in Gaza held on Monday, residents said.", mon.Add(2*time.Hour))
	if v.kindNames[talks.kind] != "talks" || !v.dated[truce.kind] {
		t.Fatalf("kinds %s and %s (dated %v): want talks and a dated act", v.kindNames[talks.kind], v.kindNames[truce.kind], v.dated[truce.kind])
	}
	s := &story{members: []features{talks, truce}}
	tests := []struct {
		name  string
		after time.Duration
		when  string
		off   mechanism
		veto  bool
	}{
		{"the next day", 26 * time.Hour, "Tuesday", allOn, false},
		{"the next day, mechanism off", 26 * time.Hour, "Tuesday", talksDays, true},
		{"three days on", 74 * time.Hour, "Thursday", allOn, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := feat("Cairo talks end with no breakthrough, Hamas official says",
				"Talks in Cairo on the Gaza ceasefire ended on "+tc.when+" with no breakthrough, a Hamas official said.", mon.Add(tc.after))
			vc := *v
			vc.off = tc.off
			if got := vc.vetoed(s, &f, nil); got != tc.veto {
				t.Fatalf("vetoed %v, want %v (kind %s)", got, tc.veto, v.kindNames[f.kind])
			}
		})
	}
}

// TestLeadFactOfOthersTouched checks that a report whose headline names
// no act and no sector, whose first sentence names another sector than a
// story's (the buses commuters took), joins the story when its headline
// or lead names the story's sector too; it stays apart when it never
// does, when it reports an act of its own, and without leadFacts.
func TestLeadFactOfOthersTouched(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[stories.vocabulary.facts.sector]
rail = ["rail", "train", "trains", "railway"]
transit = ["bus", "buses", "tram", "trams"]
[[stories.vocabulary.acts]]
kind = "strike"
verbs = ["strike", "walkout"]
`)
	wed := time.Date(2029, 3, 14, 6, 0, 0, 0, time.UTC)
	event := item("Wire", "https://w.example/rail-strike", "Dutch train drivers begin 24-hour strike",
		"Train drivers across the Netherlands began a 24-hour strike over pay on Wednesday, halting most railway services.", wed)
	tests := []struct {
		name        string
		title, text string
		off         mechanism
		join        bool
	}{
		{"names the strike's trains too", "Empty platforms in Utrecht as drivers stay home",
			"Commuters in Utrecht and Amersfoort crowded onto buses on Wednesday as the train drivers' strike shut the railway.", allOn, true},
		{"mechanism off", "Empty platforms in Utrecht as drivers stay home",
			"Commuters in Utrecht and Amersfoort crowded onto buses on Wednesday as the train drivers' strike shut the railway.", leadFacts, false},
		{"an act of its own", "Drivers strike again in Utrecht",
			"Bus drivers in Utrecht began a strike on Wednesday, hours after train drivers began theirs on the railway.", allOn, false},
		{"buses only", "Empty depots in Utrecht as drivers stay home",
			"Bus drivers in Utrecht and Amersfoort stayed home on Wednesday in a strike that kept most city buses in their depots.", allOn, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := item("Paper", "https://p.example/"+tc.name, tc.title, tc.text, wed.Add(3*time.Hour))
			if got := firstAndLastJoin(v, []*model.Item{event, it}, time.UTC, tc.off); got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
		})
	}
}

// TestLeadFactBackdrop checks that a report whose headline names a
// story's value only in its background clause, its main clause naming no
// value of the story's, and whose first sentence puts its own news at
// another value, is not the story's: the story's event is the backdrop
// (backdropOnly). A main clause that names the story's country is the
// event's effects and joins, as does a headline that leaves the value to
// its lead.
func TestLeadFactBackdrop(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[stories.vocabulary.facts.sector]
rail = ["rail", "train", "trains", "railway"]
transit = ["bus", "buses", "tram", "trams", "depot"]
[stories.vocabulary.facts.country]
netherlands = ["dutch", "netherlands"]
belgium = ["belgian", "belgium"]
[[stories.vocabulary.acts]]
kind = "strike"
verbs = ["strike", "walkout"]
`)
	wed := time.Date(2029, 3, 14, 6, 0, 0, 0, time.UTC)
	event := item("Wire", "https://w.example/rail-strike", "Dutch train drivers begin 24-hour strike",
		"Train drivers across the Netherlands began a 24-hour strike over pay on Wednesday, halting most railway services.", wed)
	tests := []struct {
		name, title, text string
		join              bool
	}{
		{"the strike only a backdrop", "Mayor cuts ribbon in Utrecht as train drivers strike",
			"Utrecht's mayor opened the city's new bus depot on Wednesday, hours after train drivers began a strike that shut the railway.", false},
		{"the strike's country in the main clause", "Empty platforms across the Netherlands as train drivers strike",
			"Commuters in Utrecht crowded onto buses on Wednesday, hours after train drivers began a strike that shut the railway.", true},
		{"the strike's trains in the lead only", "Empty platforms in Utrecht as drivers stay home",
			"Commuters in Utrecht crowded onto buses on Wednesday as the train drivers' strike shut the railway.", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := item("Paper", "https://p.example/"+tc.name, tc.title, tc.text, wed.Add(3*time.Hour))
			if got := firstAndLastJoin(v, []*model.Item{event, it}, time.UTC, allOn); got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
		})
	}
}

// TestBestDay: the story's day is the one most reports name, on a tie the
// one more reports of an act name, then the earliest; a plan's day that is all a report names does not vote; a day
// a report gives in UTC votes for it.
func TestBestDay(t *testing.T) {
	tests := []struct {
		name string
		ms   []features
		want int32 // 0: no day
	}{
		{"most votes", []features{{day: 11}, {day: 12}, {day: 12}}, 12},
		{"a tie goes to the earliest", []features{{day: 12}, {day: 11}}, 11},
		{"an undated report does not vote", []features{{}, {}, {day: 12}}, 12},
		{"a plan's day alone: no day", []features{{day: 30, ahead: true}}, 0},
		{"a plan's day yields to an act's", []features{{day: 30, ahead: true}, {day: 30, ahead: true}, {day: 10}}, 10},
		{"a report's UTC day votes for it", []features{{day: 17, utcDay: 18}, {day: 17}, {day: 18}}, 18},
		{"a tie goes to the day of more reports of an act", []features{{day: 16}, {day: 17, kind: firstActKind}}, 17},
		{"follow-ups weigh as reports of no act on a tie", []features{{day: 16, kind: kindReaction}, {day: 17, kind: kindAnalysis}}, 16},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := bestDay(tc.ms)
			if ok != (tc.want != 0) || got != tc.want {
				t.Fatalf("bestDay = %d, %v; want %d", got, ok, tc.want)
			}
		})
	}
}

// TestDeskBestDay: at the desk, a report's day in the desk's zone votes
// for it, and so does the time's day of a report that names no day but
// its act's time, and so does a report that names only the day whose
// desk day the story's other reports of it tell; bestDay, which matching
// reads, counts the days named.
func TestDeskBestDay(t *testing.T) {
	tests := []struct {
		name       string
		ms         []features
		desk, best int32 // 0: no day
	}{
		{"a desk day votes for it", []features{{day: 12, deskDay: 11}, {day: 11}, {day: 12}}, 11, 12},
		{"a named day votes for the desk day its other reports tell", []features{{day: 12, deskDay: 11}, {day: 12}, {day: 12}}, 11, 12},
		{"another named day keeps its own", []features{{day: 12, deskDay: 11}, {day: 13}, {day: 13}}, 13, 13},
		{"the desk days its reports tell disagree: the named day stays", []features{{day: 12, deskDay: 11}, {day: 12, deskDay: 13}, {day: 12}, {day: 12}}, 12, 12},
		{"a plan's day does not map", []features{{day: 12, deskDay: 11, ahead: true}, {day: 12}, {day: 12}}, 12, 12},
		{"a time's day when no day is named", []features{{deskDay: 11}}, 11, 0},
		{"two times' days against one named day", []features{{deskDay: 11}, {deskDay: 11}, {day: 12}}, 11, 12},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, ok := deskBestDay(tc.ms); ok != (tc.desk != 0) || got != tc.desk {
				t.Errorf("deskBestDay = %d, %v; want %d", got, ok, tc.desk)
			}
			if got, ok := bestDay(tc.ms); ok != (tc.best != 0) || got != tc.best {
				t.Errorf("bestDay = %d, %v; want %d", got, ok, tc.best)
			}
		})
	}
}

// TestAheadDayIsItsReportsDay checks that a report whose only day is a
// plan's within a month ahead ("vote Tuesday, December 8") joins the
// story of the act made known the day it was published, and stays apart
// without aheadDays, or when the day is months ahead (a date with no
// year read into the next one).
func TestAheadDayIsItsReportsDay(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "deal"
verbs = ["deal", "agreement"]
`)
	sat := time.Date(2029, 12, 1, 17, 0, 0, 0, time.UTC)
	event := item("Wire", "https://w.example/deal", "Harbour pilots and port agency reach wage deal",
		"Harbour pilots in Lisbon reached a wage deal with the port agency on Saturday, ending a two-month dispute.", sat)
	tests := []struct {
		name  string
		title string
		off   mechanism
		join  bool
	}{
		{"a plan a week ahead", "Pilots' wage deal reached: members vote Saturday, December 8", allOn, true},
		{"mechanism off", "Pilots' wage deal reached: members vote Saturday, December 8", aheadDays, false},
		{"months ahead", "Pilots' wage deal reached: members vote Tuesday, January 15", allOn, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := item("Union", "https://u.example/"+tc.name, tc.title,
				"The pilots' committee has reached a wage deal with the port agency and recommends it to members.", sat.Add(time.Hour))
			if got := firstAndLastJoin(v, []*model.Item{event, it}, time.UTC, tc.off); got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
		})
	}
	// The same day counts in the score too: the plan's report was made
	// known the day of the story's.
	plan := item("Union", "https://u.example/plan", "Pilots' wage deal reached: members vote Saturday, December 8",
		"The pilots' committee has reached a wage deal with the port agency and recommends it to members.", sat.Add(time.Hour))
	score := func(off mechanism) float64 {
		g := grouperWithout(v, off)
		g.Add(event, time.UTC)
		f, _, _ := g.voc.extract(plan, time.UTC)
		for _, s := range g.slots {
			if s != nil {
				return g.score(s, &f, g.weigher())
			}
		}
		return 0
	}
	if on, off := score(allOn), score(aheadDays); on < off+sameDayBonus/2 {
		t.Errorf("score %.3f, %.3f without aheadDays: want the same day's bonus", on, off)
	}
}

// TestDeskZoneEventDate: a story's date is read in the desk's zone when its
// reports tell the act's moment; matching still reads the days they name.
func TestDeskZoneEventDate(t *testing.T) {
	manila := mustZone(t, "Asia/Manila")
	tests := []struct {
		name string
		desk *time.Location
		want string
	}{
		{"desk in UTC", time.UTC, "2030-03-04"},
		{"desk in Manila", manila, "2030-03-05"},
		{"no desk zone", nil, "2030-03-05"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := NewGrouper(72 * time.Hour)
			g.DeskZone = tc.desk
			a := item("Inquirer", "https://i.example/1", "Ferry capsizes off Samar, 9 dead",
				"A ferry capsized at about 4:10 a.m. today off Samar, killing nine passengers, the coast guard said.",
				time.Date(2030, 3, 5, 7, 20, 0, 0, manila))
			b := item("Star", "https://s.example/1", "Samar ferry capsizes before dawn; 9 dead",
				"Nine passengers died when a ferry capsized off Samar at around 4:10 a.m. today, the coast guard said.",
				time.Date(2030, 3, 5, 8, 0, 0, 0, manila))
			g.Add(a, manila)
			st, isNew := g.Add(b, manila)
			if isNew {
				t.Fatalf("second report began a story of its own")
			}
			if got := st.EventDate.Format(time.DateOnly); got != tc.want {
				t.Fatalf("EventDate = %s, want %s", got, tc.want)
			}
		})
	}
}

// TestFollowUpOfNamedDay: a follow-up a day later whose headline names a
// story's act as what it follows, and whose lead names that act's day as
// the day of what it follows, counts that day as its own in the score;
// one that names another day does not.
func TestFollowUpOfNamedDay(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "flood"
verbs = ["flood"]
`)
	sat := time.Date(2029, 3, 17, 10, 0, 0, 0, time.UTC)
	sun := sat.Add(25 * time.Hour)
	for _, tc := range []struct {
		name, text string
		off        mechanism
		same       bool
	}{
		{"names the day", "Villagers on Sunday dug through mud for relatives missing since Saturday's floods.", allOn, true},
		{"names the day, mechanism off", "Villagers on Sunday dug through mud for relatives missing since Saturday's floods.", sinceFollows, false},
		{"names another day", "Villagers on Sunday dug through mud for relatives missing since Thursday's floods.", allOn, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := grouperWithout(v, tc.off)
			first, _ := g.Add(item("A", "https://a.example/1", "Flash floods kill 17 in Kessel province",
				"Flash floods caused by heavy rain killed at least 17 people in Kessel province on Saturday, officials said.", sat), time.UTC)
			later, _ := g.Add(item("B", "https://b.example/2", "Villagers search for missing after Kessel floods", tc.text, sun), time.UTC)
			if got := later.ID == first.ID; got != tc.same {
				t.Fatalf("one story %v, want %v", got, tc.same)
			}
		})
	}
}

// TestPlacedApart: a report of the story's kind of act whose headline and
// first sentence name a place the story never names, while the story's
// headlines agree on one the report never names, is that act elsewhere
// (two derailments on one network on one day); a report of the story's
// derailment that names a nearby town is kept when its first sentence
// ties it to the story's place or its headline gives the story's count.
func TestPlacedApart(t *testing.T) {
	v := setVocabulary(t, "testdata/rail.toml")
	at := func(d, h int) time.Time { return time.Date(2027, 5, d, h, 0, 0, 0, time.UTC) }
	story := []*model.Item{
		item("Rail Daily", "https://rd.example/1", "Train hits fallen tree and derails near Glenbrae, six hurt",
			"A passenger train derailed after striking a fallen tree near Glenbrae on Monday morning, injuring six people.", at(3, 8)),
		item("Northern Post", "https://np.example/1", "Glenbrae derailment: line closed as carriages are lifted",
			"The line through Glenbrae will stay shut after Monday's derailment, in which a train hit a fallen tree.", at(3, 12)),
	}
	tests := []struct {
		name string
		last *model.Item
		same bool
		off  mechanism // switched off, the report joins (for reports kept apart)
	}{
		{"another derailment on the network", item("Transport Bulletin", "https://tb.example/1", "Freight train derails near Ashcombe Junction",
			"A freight train derailed after hitting a fallen tree near Ashcombe Junction on Monday evening, the operator said.", at(3, 19)),
			// actsElsewhere keeps it apart too: each headline places its
			// derailment near a name the other report never gives.
			false, placesApart.with(actsElsewhere)},
		{"the derailment by a nearby town", item("Valley Times", "https://vt.example/1", "Train derails near Kilmory after hitting tree",
			"The train derailed near Kilmory, two miles from Glenbrae, after striking a fallen tree on Monday.", at(3, 14)),
			true, allOn},
		{"the derailment by a nearby town, with its count", item("Valley Times", "https://vt.example/2", "Train derails near Kilmory, six hurt",
			"Six people were hurt when a train derailed near Kilmory after striking a fallen tree on Monday.", at(3, 14)),
			true, allOn},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkLastJoin(t, v, story, tc.last, tc.same, tc.off)
		})
	}
}

// TestLabelledDecision: a headline whose label names the story's act and
// whose statement after the colon is a body's decision ("Heatwave: Karrow
// council orders schools shut") tells that decision, no report of the
// act: of a later day than the story's, it is news of its own; a report
// of the heat labelled so joins.
func TestLabelledDecision(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
[[stories.vocabulary.acts]]
kind = "heatwave"
verbs = ["heatwave"]
undated = true
`)
	sun := time.Date(2031, 6, 8, 9, 0, 0, 0, time.UTC)
	story := []*model.Item{
		item("Wire", "https://w.example/1", "Heatwave grips Karrow as mercury hits 46C, hottest June day in a decade",
			"Karrow recorded a maximum temperature of 46 degrees Celsius on Sunday as a heatwave gripped the city, the weather office said.", sun),
		item("Daily", "https://d.example/1", "Karrow heatwave: city records 46C, schools and hospitals strained",
			"The heatwave in Karrow pushed temperatures to 46 degrees Celsius on Sunday, the hottest June day in a decade, the weather office said.", sun.Add(4*time.Hour)),
	}
	tests := []struct {
		name string
		last *model.Item
		same bool
		off  mechanism // switched off, the report joins (for reports kept apart)
	}{
		{"the council's order two days on", item("Courier", "https://c.example/1", "Heatwave: Karrow council orders schools to close for summer",
			"The Karrow council on Tuesday ordered all schools in the city to close for the summer as the heatwave entered its third day with temperatures above 45 degrees Celsius.", sun.Add(50*time.Hour)),
			false, labelledActs},
		{"the heat, labelled", item("Courier", "https://c.example/2", "Heatwave: Karrow sizzles at 46C as hottest June day in a decade",
			"Karrow recorded 46 degrees Celsius on Sunday, the hottest June day in a decade, as a heatwave gripped the city, the weather office said.", sun.Add(8*time.Hour)),
			true, allOn},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkLastJoin(t, v, story, tc.last, tc.same, tc.off)
		})
	}
}

// TestAtMeetingIsNoActOfAnother checks that a report whose headline names
// no act but the meeting where its news was made ("... at Dalmar
// summit") stays apart from a story of a dated act of its day that shares
// its names but whose reports never name the meeting, and still joins a
// story whose report tells of that meeting in its lead.
func TestAtMeetingIsNoActOfAnother(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "capsize"
verbs = ["capsize"]
needs = ["boat"]
[[stories.vocabulary.acts]]
kind = "sanctions"
verbs = ["sanction"]
[[stories.vocabulary.acts]]
kind = "summit"
verbs = ["summit"]
undated = true
`)
	fri := time.Date(2031, 5, 9, 9, 0, 0, 0, time.UTC)
	capsize := []*model.Item{
		item("Wire", "https://w.example/boat", "Boat carrying Ostel families to Norland capsizes on Lake Varn",
			"At least 18 people drowned on Friday when a boat carrying families fleeing Ostel province to Norland capsized on Lake Varn, Norland police said.", fri),
		item("Radio", "https://r.example/boat", "Lake Varn: boat bound for Norland capsizes, 18 dead",
			"A boat carrying families from Ostel province to Norland capsized on Lake Varn on Friday, killing at least 18, officials said.", fri.Add(time.Hour)),
	}
	sanctions := []*model.Item{
		item("Wire", "https://w.example/bloc", "Bloc sanctions Varnia junta, closes borders",
			"The regional bloc on Friday imposed sanctions on Varnia's military rulers, closing borders with the country. The decision came at the end of a summit in Dalmar.", fri),
	}
	tests := []struct {
		name  string
		story []*model.Item
		last  *model.Item
		join  bool
	}{
		{"a meeting the story never names", capsize,
			item("Daily", "https://d.example/force", "Norland backs monitoring force for Ostel at Dalmar summit",
				"Norland on Friday backed a monitoring force for Ostel province at a summit in Dalmar, officials said, as families fled Ostel for Norland across Lake Varn.", fri.Add(3*time.Hour)), false},
		{"a meeting the story's lead names", sanctions,
			item("Agency", "https://a.example/freeze", "Bloc freezes Varnia assets at Dalmar summit",
				"The regional bloc on Friday froze Varnia's assets and closed borders with the country.", fri.Add(2*time.Hour)), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := firstAndLastJoin(v, append(slices.Clone(tc.story), tc.last), time.UTC, allOn); got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
			if !tc.join && !firstAndLastJoin(v, append(slices.Clone(tc.story), tc.last), time.UTC, atMeetings) {
				t.Fatal("apart even with atMeetings off: the test does not show it")
			}
		})
	}
}

// TestNextDayClaimByCount checks that a next day's claim whose headline
// names no place but gives the count the event's headline gives ("claims
// army camp attack, says it killed 30 soldiers") joins the event whose day its lead
// names as that of what it follows, as a shared rare name would make it;
// a claim of another count stays apart.
func TestNextDayClaimByCount(t *testing.T) {
	v := setVocabulary(t, "testdata/sahel.toml")
	thu := time.Date(2027, 10, 7, 15, 0, 0, 0, time.UTC)
	event := item("Reuters", "https://r.example/camp", "Jihadists kill 30 soldiers in attack on Mali army camp",
		"Islamist militants killed 30 soldiers in an attack on a Malian army camp at Tessalit at dawn on Thursday, two security sources said.", thu)
	for _, tc := range []struct {
		name, title string
		join        bool
	}{
		{"the count the event gives", "JNIM claims army camp attack, says it killed 30 soldiers", true},
		{"another count", "JNIM claims army camp attack, says it killed 12 soldiers", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			it := item("AFP", "https://a.example/"+tc.name, tc.title,
				"JNIM on Friday claimed responsibility for Thursday's attack on an army camp in northern Mali.", thu.Add(20*time.Hour))
			if got := firstAndLastJoin(v, []*model.Item{event, it}, time.UTC, allOn); got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
		})
	}
}

// TestSyndicatedCopyKeepsItsReport checks that a copy of a report, reposted
// the next morning under another headline, joins that report's story
// though the day it reads from the same words ("have arrived since
// Friday", a tally of the day it was told) is a day later.
func TestSyndicatedCopyKeepsItsReport(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "displacement"
verbs = ["arrive", "flee"]
needs = ["refugees"]
`)
	mon := time.Date(2031, 3, 17, 9, 0, 0, 0, time.UTC)
	text := "Some 5,400 refugees from Norland have arrived at the Ostel transit centre since Friday, fleeing clashes near the border, the agency reports. The centre, built for 1,500 people, hosts over 4,000."
	items := []*model.Item{
		item("Agency", "https://a.example/ostel", "5,400 refugees arrive in Ostel in three days", text, mon),
		item("Weekly", "https://w.example/ostel", "Ostel centre overflows", text, mon.Add(22*time.Hour)),
	}
	if !firstAndLastJoin(v, items, time.UTC, allOn) {
		t.Error("the next morning's copy apart from its report")
	}
}

// TestMergeLinksByMainClauseNames: a headline whose main clause names a
// place no headline of a story gives, while its background clause names
// what that story's headlines give, tells of that story only in its
// background clause and links it to no other: "Three navies sail off
// Palawan as China counters with its own patrol" links the joint sail to
// no story of China's patrol.
func TestMergeLinksByMainClauseNames(t *testing.T) {
	v := setVocabulary(t, "testdata/seasia.toml")
	at := func(h, m int) time.Time { return time.Date(2027, 3, 12, h, m, 0, 0, time.UTC) }
	items := []*model.Item{
		item("State Daily", "https://sd.example/1", "China's navy patrols near Corvo Reef",
			"China's navy said its warships carried out a combat readiness patrol near Corvo Reef on Friday.", at(2, 0)),
		item("Wire Asia", "https://wa.example/1", "Corvo Reef patrolled by China's warships",
			"Chinese warships patrolled the waters around Corvo Reef on Friday, the navy said.", at(3, 0)),
		item("Manila Daily", "https://md.example/1", "Japan, Australia, Philippines sail together off Palawan",
			"Warships from Japan, Australia and the Philippines sailed together off Palawan on Friday in a joint maritime activity.", at(4, 0)),
		item("Naval Wire", "https://nw.example/1", "Three navies hold joint sail off Palawan",
			"Warships of Japan, Australia and the Philippines held a joint sail off Palawan on Friday.", at(5, 0)),
		item("Regional Times", "https://rt.example/1", "Three navies sail off Palawan as China counters with its own patrol",
			"Warships from Japan, Australia and the Philippines sailed together off Palawan on Friday, while China's navy patrolled near Corvo Reef.", at(6, 0)),
	}
	if anyMerge(v, items, allOn) {
		t.Errorf("the sail and the patrol merged")
	}
	if !anyMerge(v, items, coreLinks) {
		t.Errorf("not merged even with the mechanism off: the test does not show it")
	}
}

// TestLeadFollowsAnotherAct checks that a report of no act whose lead
// opens with the act its news follows ("Following today's judgment,
// ...") stays apart from a story of another dated act that its lead
// retells (the coast guard's rescue of that morning), and still joins a
// story of the act it follows.
func TestLeadFollowsAnotherAct(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "rescue"
verbs = ["rescue"]
[stories.vocabulary.words]
judgment = "rule"
[[stories.vocabulary.acts]]
kind = "ruling"
verbs = ["rule"]
needs = ["court"]
`)
	thu := time.Date(2031, 6, 5, 7, 0, 0, 0, time.UTC)
	rescue := []*model.Item{
		item("Wire", "https://w.example/rescue", "Coast guard rescues 310 migrants south of Varos",
			"The Norland coast guard rescued 310 people from a fishing boat south of the islet of Varos on Thursday morning, officials said.", thu),
		item("Agency", "https://a.example/rescue", "Rescue of 310 people south of Varos",
			"Coast guard vessels rescued 310 people from a fishing boat south of Varos early on Thursday.", thu.Add(time.Hour)),
	}
	ruling := []*model.Item{
		item("Wire", "https://w.example/court", "Regional court rules Norland broke law in pushback of migrants",
			"The regional human rights court ruled on Thursday that Norland broke the law when its coast guard forced migrants back out to sea.", thu.Add(2*time.Hour)),
	}
	statement := item("Ministry", "https://m.example/statement", "Ministry of Shipping: our coast guard saves lives every day; we will study the judgment",
		"Following today's judgment of the regional human rights court, the Ministry of Shipping states that the coast guard has rescued more than 100,000 people at sea in the last decade, as it did again this morning south of Varos.",
		thu.Add(5*time.Hour))
	thanks := item("Ministry", "https://m.example/thanks", "Ministry of Shipping: our coast guard saves lives every day",
		"Following this morning's rescue of 310 people south of Varos, the Ministry of Shipping states that the coast guard has saved more than 100,000 people at sea in the last decade.",
		thu.Add(5*time.Hour))
	for _, tc := range []struct {
		name  string
		story []*model.Item
		last  *model.Item
		join  bool
	}{
		{"the rescue its lead retells", rescue, statement, false},
		{"the judgment it follows", ruling, statement, true},
		{"the rescue it follows", rescue, thanks, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := firstAndLastJoin(v, append(slices.Clone(tc.story), tc.last), time.UTC, allOn); got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
		})
	}
}

// TestActApartFromNoActStory checks that a report of a dated act (a
// launch) stays apart from a story whose reports name no act and no day
// and share no headline name or count with it (a licence, whose lead
// names the launcher as a rival), and still joins such a story whose
// headline gives its name, or whose report names the day.
func TestActApartFromNoActStory(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "launch"
verbs = ["launch"]
`)
	tue := time.Date(2031, 3, 4, 12, 0, 0, 0, time.UTC)
	licence := []*model.Item{
		item("Wire", "https://w.example/orvane", "Orvane cleared to sell satellite broadband in Kestria",
			"Orvane's satellite broadband service has been given the go-ahead by the Kestrian regulator, setting up a contest with Skyfield's satellite network in rural areas.", tue),
	}
	tests := []struct {
		name string
		last *model.Item
		same bool
		off  mechanism // switched off, the report joins (for reports kept apart)
	}{
		{"the rival's launch", item("Space Desk", "https://sd.example/1", "Skyfield launches 24 more satellites for its broadband network",
			"A rocket carrying 24 Skyfield broadband satellites lifted off from Port Ardel on Tuesday evening.", tue.Add(10*time.Hour)),
			false, placesApart},
		{"a launch of the cleared firm", item("Space Desk", "https://sd.example/2", "Orvane launches 24 more broadband satellites",
			"A rocket carrying 24 Orvane broadband satellites lifted off from Port Ardel on Tuesday evening, hours after the Kestrian regulator cleared its service.", tue.Add(10*time.Hour)),
			true, allOn},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkLastJoin(t, v, licence, tc.last, tc.same, tc.off)
		})
	}
}

// TestFollowUpOfTheStorysDay checks that a later day's report whose
// headline names the event's act as what it follows joins the event
// when it is of the day after the story's day, not the day after a report
// whose outlet, a zone ahead, named the next day: two days on, "Kestria
// sends relief team ... after Cyclone Tamsin" is Kestria's act, and a
// story must not creep from day to day one report at a time.
func TestFollowUpOfTheStorysDay(t *testing.T) {
	v := setVocabulary(t, "testdata/disasters.toml")
	ahead := time.FixedZone("UTC+13", 13*3600)
	sat := time.Date(2027, 3, 6, 4, 0, 0, 0, time.UTC)
	story := []struct {
		it   *model.Item
		zone *time.Location
	}{
		{item("Reuters", "https://r.example/tamsin", "Cyclone Tamsin makes landfall in Mozambique near Beira",
			"Tropical Cyclone Tamsin made landfall near the Mozambican port city of Beira early on Saturday with winds of about 190 km/h, the meteorological institute said.", sat), time.UTC},
		// Published at 03:00 on Sunday in its outlet's zone.
		{item("Island Radio", "https://ir.example/tamsin", "Cyclone Tamsin knocks out power across Beira",
			"Cyclone Tamsin cut power across Beira early on Sunday as it moved inland with winds of about 190 km/h.", sat.Add(10*time.Hour)), ahead},
	}
	tests := []struct {
		name string
		text string
		pub  time.Time
		zone *time.Location
		join bool
	}{
		{"the day after the story's day", "Kestria flew a relief team and 40 tonnes of supplies to Beira on Sunday for people left without power by Cyclone Tamsin.",
			sat.Add(30 * time.Hour), time.UTC, true},
		{"the day after a report's next day", "Kestria flew a relief team and 40 tonnes of supplies to Beira on Monday for people left without power by Cyclone Tamsin.",
			sat.Add(43 * time.Hour), ahead, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := NewGrouperWith(72*time.Hour, v)
			var id string
			for i, s := range story {
				it := *s.it
				st, _ := g.Add(&it, s.zone)
				if i > 0 && st.ID != id {
					t.Fatalf("the story's report %d began a story of its own", i)
				}
				id = st.ID
			}
			got, j := g.AddJoin(item("Kestria Foreign Ministry", "https://k.example/tamsin", "Kestria sends relief team to Mozambique after Cyclone Tamsin",
				tc.text, tc.pub), tc.zone)
			if (got.ID == id) != tc.join {
				t.Fatalf("joined %v (score %.3f), want %v", got.ID == id, j.Score, tc.join)
			}
		})
	}
}

// TestPartiesNamedInOneHeadline checks that a report whose headline
// names only one party of an event (the country struck) joins a story
// whose reports agree on the other (the country that struck) when a
// report of the story names both in its headline, though the report
// never names the story's party; without such a headline, or without
// namedParties, it stays apart.
func TestPartiesNamedInOneHeadline(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "airstrike"
verbs = ["airstrike", "strike", "bomb"]
[stories.vocabulary.facts.country]
norland = ["norland", "norlandian"]
sudavia = ["sudavia", "sudavian"]
`)
	tue := time.Date(2029, 4, 10, 6, 0, 0, 0, time.UTC)
	both := item("Wire", "https://w.example/strikes", "Norlandian air strikes hit villages in eastern Sudavia",
		"Norlandian jets struck three villages in the Kessel valley of eastern Sudavia on Tuesday, killing at least nine civilians, local officials said.", tue)
	one := item("Agency", "https://a.example/strikes", "Norland says its jets struck militant hideouts in Kessel valley",
		"Norland's military said on Tuesday its jets had struck militant hideouts in the Kessel valley, killing nine fighters.", tue.Add(time.Hour))
	only := item("Daily", "https://d.example/strikes", "Norland strikes militant hideouts in Kessel valley, military says",
		"Norland's military said on Tuesday that its jets had struck militant hideouts in the Kessel valley overnight.", tue.Add(2*time.Hour))
	side := item("UN News", "https://un.example/kessel", "UN concerned by civilian deaths in Sudavia's Kessel valley",
		"The UN mission in Sudavia said on Tuesday it was concerned by reports that nine civilians were killed in air strikes on villages in the Kessel valley.", tue.Add(4*time.Hour))
	for _, tc := range []struct {
		name  string
		items []*model.Item
		off   mechanism
		join  bool
	}{
		{"a headline names both", []*model.Item{both, one, side}, allOn, true},
		{"mechanism off", []*model.Item{both, one, side}, namedParties, false},
		{"no headline names both", []*model.Item{one, only, side}, allOn, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := firstAndLastJoin(v, tc.items, time.UTC, tc.off); got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
		})
	}
}

// TestUnnamedActShareARareName checks that a report of a dated act joins
// the story of a report of its day that names no act when both
// headlines or first sentences give a rare name that is no fact's value
// (the dam the loan is for), and stays apart when they share only the
// two countries and the day, the minister being named only further on.
func TestUnnamedActShareARareName(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
[stories.vocabulary.aliases]
"new sudavia" = "sudavia"
"new sudavian" = "sudavia"
[[stories.vocabulary.acts]]
kind = "loan"
verbs = ["loan", "sign", "signing"]
[stories.vocabulary.facts.country]
norland = ["norland", "norlandian"]
sudavia = ["sudavia"]
`)
	tue := time.Date(2029, 5, 8, 6, 0, 0, 0, time.UTC)
	deal := item("Wire", "https://w.example/loan", "Norland and New Sudavia sign loan to rebuild Kestrel Dam",
		"Norland and New Sudavia signed a $300 million loan on Tuesday to rebuild the Kestrel Dam, which burst in March and flooded three valleys. The money will pay for a new spillway and turbines. Defence Minister Alden Pryce attended the signing in the capital.", tue)
	for _, tc := range []struct {
		name, title, text string
		join              bool
	}{
		{"a dam both name", "Repairs to Kestrel Dam to start in autumn",
			"Repairs at the Kestrel Dam will start in the autumn once engineers finish surveying its cracked wall, New Sudavia's water ministry said on Tuesday. Thousands of farmers downstream still lack water for their orchards.", true},
		{"countries, the day and a minister", "First New Sudavian cadets join army",
			"Norland on Tuesday welcomed the first 40 New Sudavian cadets to join its army under a recruitment scheme agreed last year. The recruits will train for 18 months at a coastal base before their first postings. Defence Minister Alden Pryce greeted them at the gate.", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := NewGrouperWith(72*time.Hour, v)
			st, _ := g.Add(item("Daily", "https://d.example/"+tc.name, tc.title, tc.text, tue.Add(time.Hour)), time.UTC)
			it := *deal
			it.Published = tue.Add(3 * time.Hour)
			got, j := g.AddJoin(&it, time.UTC)
			if (got.ID == st.ID) != tc.join {
				t.Fatalf("joined %v (score %.3f), want %v", got.ID == st.ID, j.Score, tc.join)
			}
		})
	}
}

// TestArrestsHeldOverAnAct checks that a report of arrests whose headline
// says what they follow ("after", "over") joins the story of that act,
// though the vocabulary pairs arrests with no such kind and the headline
// names the act in words of its own ("disturbance", "unrest"); a report of
// arrests that follows nothing is another event, and "over" as a count
// ("over 40 held") says nothing it follows.
func TestArrestsHeldOverAnAct(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "riot"
verbs = ["riot", "loot"]
[[stories.vocabulary.acts]]
kind = "arrest"
verbs = ["arrest"]
`)
	at := func(d, h int) time.Time { return time.Date(2031, 5, d, h, 0, 0, 0, time.UTC) }
	riot := []*model.Item{
		item("Port Veyla Herald", "https://h.example/riot-1", "Rioters loot shops in Port Veyla market district",
			"Rioters looted and burned dozens of shops in the Kessin market district of Port Veyla on Monday night, police said.", at(4, 23)),
		item("Veyla Broadcasting", "https://b.example/riot-2", "Night of rioting leaves Kessin market in ruins",
			"Shops in the Kessin market of Port Veyla lay in ruins on Tuesday after rioters looted the district on Monday night.", at(5, 6)),
	}
	tests := []struct {
		name string
		last *model.Item
		same bool
	}{
		{"arrests after the unrest", item("Islands Wire", "https://w.example/held-1", "31 arrested after Port Veyla disturbance",
			"Police in Port Veyla arrested 31 people during Monday night's disturbance in the Kessin market district, the police commissioner said.", at(5, 9)), true},
		{"arrests over the unrest", item("Pacific Daily", "https://d.example/held-2", "Police detain 12 over Kessin market unrest",
			"Police detained 12 people on Tuesday on suspicion of taking part in Monday night's unrest in the Kessin market district of Port Veyla.", at(5, 11)), true},
		{"arrests that follow nothing", item("Pacific Daily", "https://d.example/held-3", "Police arrest 12 in Port Veyla fraud probe",
			"Police in Port Veyla arrested 12 people on Tuesday in an investigation into fraud at the Kessin market traders' fund.", at(5, 11)), false},
		{"over as a count", item("Pacific Daily", "https://d.example/held-4", "Police detain over 40 in Port Veyla fraud probe",
			"Police in Port Veyla detained more than 40 people on Tuesday in an investigation into fraud at the Kessin market traders' fund.", at(5, 11)), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			items := append(append([]*model.Item{}, riot...), tc.last)
			if got := firstAndLastJoin(v, items, time.UTC, allOn); got != tc.same {
				t.Fatalf("one story: %v, want %v", got, tc.same)
			}
			if tc.same && firstAndLastJoin(v, items, time.UTC, heldOvers) {
				t.Errorf("joins with held overs off: the test does not reach the rule")
			}
		})
	}
}

// TestActsNamingEachOther checks that two reports of one day of kinds the
// vocabulary keeps apart, each of which names the other's act in its
// headline or first sentence, are one event told by either of its acts
// (namesEachOther). A report that names the story's act is kept apart
// when the story's reports never name its own (told by one side only, it
// may be news of its own), and when it tells of a later day.
func TestActsNamingEachOther(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "coup"
verbs = ["coup", "putsch"]
[[stories.vocabulary.acts]]
kind = "arrest"
verbs = ["arrest", "detain"]
`)
	at := func(d, h int) time.Time { return time.Date(2031, 6, d, h, 0, 0, 0, time.UTC) }
	coup := []*model.Item{
		item("Veskia Herald", "https://h.example/coup-1", "Veskia army says it foiled coup bid by junior officers",
			"The Veskian army said on Tuesday it had foiled a coup plotted by junior officers at the Dranik barracks and that 14 of them had been arrested.", at(3, 9)),
		item("Veskia Broadcasting", "https://b.example/coup-2", "Government says attempted putsch thwarted at Dranik barracks",
			"Veskia's government said on Tuesday that an attempted putsch by officers of the Dranik barracks had been thwarted and those behind it arrested.", at(3, 11)),
	}
	// The same coup told without its arrests: arrests that name it are
	// told by one side only, and may be news of their own.
	untold := []*model.Item{
		item("Veskia Herald", "https://h.example/coup-3", "Veskia army says it foiled coup bid by junior officers",
			"The Veskian army said on Tuesday it had foiled a coup plotted by junior officers at the Dranik barracks.", at(3, 9)),
		item("Veskia Broadcasting", "https://b.example/coup-4", "Government says attempted putsch thwarted at Dranik barracks",
			"Veskia's government said on Tuesday that an attempted putsch by officers of the Dranik barracks had been thwarted.", at(3, 11)),
	}
	cases := []struct {
		name  string
		story []*model.Item
		last  *model.Item
		same  bool
	}{
		{"arrests telling the coup bid", coup, item("Continental Wire", "https://w.example/arrest-1", "Veskia detains 14 officers accused of plotting to seize power",
			"Veskian authorities detained 14 junior officers of the Dranik barracks on Tuesday, accusing them of plotting a coup against the government.", at(3, 14)), true},
		{"arrests the coup's reports never tell", untold, item("Continental Wire", "https://w.example/arrest-3", "Veskia detains 14 officers accused of plotting to seize power",
			"Veskian authorities detained 14 junior officers of the Dranik barracks on Tuesday, accusing them of plotting a coup against the government.", at(3, 14)), false},
		{"arrests of a later day", coup, item("Continental Wire", "https://w.example/arrest-2", "Veskia detains 30 more officers in barracks purge",
			"Veskian authorities detained 30 officers of the Dranik barracks on Thursday, two days after the army said it had foiled a coup.", at(5, 14)), false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			items := append(append([]*model.Item{}, tc.story...), tc.last)
			if got := firstAndLastJoin(v, items, time.UTC, allOn); got != tc.same {
				t.Fatalf("one story: %v, want %v", got, tc.same)
			}
			if tc.same && firstAndLastJoin(v, items, time.UTC, mutualActs) {
				t.Errorf("joins with mutual acts off: the test does not reach the rule")
			}
		})
	}
}

// TestNameFormsAgree checks that a named operation whose words a story's
// headlines and first sentences all give ("the Norland-Veskia cable", of
// a cable between Norland and Veskia), or a story's name whose words the
// report gives ("Heron", of "Iron Heron"), is the story's name in
// another form, while another name keeps a report apart.
func TestNameFormsAgree(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[stories.vocabulary.names]
heads = ["cable", "exercise"]
[[stories.vocabulary.acts]]
kind = "cut"
verbs = ["cut", "damage", "fault"]
[[stories.vocabulary.acts]]
kind = "drill"
verbs = ["exercise", "drill"]
`)
	at := func(d, h int) time.Time { return time.Date(2031, 9, d, h, 0, 0, 0, time.UTC) }
	cable := []*model.Item{
		item("Norland Radio", "https://r.example/cable-1", "Norland says Kerrin cable to Veskia damaged off Harrow Point",
			"The Kerrin data cable linking Norland with Veskia was damaged off Harrow Point early on Saturday, its operator Telvia said.", at(6, 8)),
	}
	heron := []*model.Item{
		item("Darsk Times", "https://t.example/heron-1", "Troops open Heron exercise near Darsk",
			"Some 3,000 troops began the Heron exercise near Darsk on Monday, the army said.", at(8, 8)),
	}
	tests := []struct {
		name  string
		story []*model.Item
		last  *model.Item
		same  bool
	}{
		{"a route for a name", cable, item("Baltic Wire", "https://w.example/cable-2", "Navy joins search after Norland-Veskia cable fault",
			"A navy patrol ship joined the search on Saturday after the fault on the cable between Norland and Veskia off Harrow Point, Telvia said.", at(6, 14)), true},
		{"another cable", cable, item("Baltic Wire", "https://w.example/cable-3", "Navy joins search after Osprey cable fault",
			"A navy patrol ship joined the search on Saturday after the fault on the Osprey cable between Norland and Veskia off Harrow Point, Telvia said.", at(6, 14)), false},
		{"a longer form", heron, item("Army News", "https://a.example/heron-2", "Army opens Iron Heron exercise near Darsk",
			"The Iron Heron exercise began near Darsk on Monday with some 3,000 troops, the army said.", at(8, 12)), true},
		{"another exercise", heron, item("Army News", "https://a.example/heron-3", "Troops open Falcon exercise near Darsk",
			"Some 3,000 troops began the Falcon exercise near Darsk on Monday, the army said.", at(8, 12)), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkLastJoin(t, v, tc.story, tc.last, tc.same, allOn)
			if tc.same && firstAndLastJoin(v, append(append([]*model.Item{}, tc.story...), tc.last), time.UTC, nameForms) {
				t.Errorf("joins with name forms off: the test does not reach the rule")
			}
		})
	}
}

// TestLateReportOfAnotherKind: past a story's window, a report of a dated
// act that names the story's day joins it only when the story holds that
// kind of act: a report that an export ban was lifted, which names the
// day it was imposed, tells of an act of its own; a late report of the
// ban itself, or an analysis of it, still joins.
func TestLateReportOfAnotherKind(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "ban"
verbs = ["ban"]
[[stories.vocabulary.acts]]
kind = "ban-end"
verbs = ["lift"]
`)
	monday := time.Date(2031, 9, 8, 10, 0, 0, 0, time.UTC)
	late := monday.Add(5*24*time.Hour + 3*time.Hour) // Saturday, past the 72h window
	halt := []*model.Item{item("Calder Ledger", "https://l.example/halt", "Mirefield grain stuck at Port Calder terminal",
		"Grain from the Mirefield farms piled up at the Port Calder terminal on Monday after Valdoria stopped its exports.", monday)}
	ban := []*model.Item{item("Calder Ledger", "https://l.example/ban", "Valdoria bans Mirefield grain exports from Port Calder",
		"Valdoria banned exports of Mirefield grain from the Port Calder terminal on Monday, the trade ministry said.", monday)}
	lifted := item("Valdoria Wire", "https://w.example/lift", "Valdoria lifts Mirefield grain ban at Port Calder terminal",
		"Valdoria lifted the ban on Mirefield grain exports from the Port Calder terminal, the trade ministry said on Saturday. It had stopped the exports from Port Calder on Monday.", late)
	t.Run("lifted, to the halt", func(t *testing.T) { checkLastJoin(t, v, halt, lifted, false, allOn) })
	t.Run("analysis, to the halt", func(t *testing.T) {
		checkLastJoin(t, v, halt, item("Valdoria Wire", "https://w.example/analysis", "Analysis: Mirefield grain halt at Port Calder terminal exposes farms",
			"The halt of Mirefield grain at the Port Calder terminal on Monday exposed how much the farms rely on one port.", late), true, allOn)
	})
	t.Run("the ban, to the ban", func(t *testing.T) {
		checkLastJoin(t, v, ban, item("Valdoria Wire", "https://w.example/ban-late", "Valdoria's Mirefield grain ban at Port Calder cost farms $40 million",
			"The ban Valdoria imposed on Mirefield grain exports from the Port Calder terminal on Monday cost the farms $40 million, the trade ministry said on Saturday.", late), true, allOn)
	})
}

// TestLateReportDayAside: past a story's window, a report whose first
// sentence names the story's day only aside, in a relative clause, a
// participle clause or as a span's start, tells of an act of its own that
// followed the story's (the signing of a law passed that day, a town's
// loss another side claimed that day, a port reopened after a strike
// begun that day) and does not join it; a late report whose subject is
// the story's act, or that names it by a possessive day, still does.
func TestLateReportDayAside(t *testing.T) {
	monday := time.Date(2031, 9, 8, 10, 0, 0, 0, time.UTC)
	late := monday.Add(5*24*time.Hour + 3*time.Hour) // Saturday, past the 72h window
	for _, tc := range []struct {
		name  string
		story []*model.Item
		last  *model.Item
		same  bool
	}{
		{"a relative clause's day", []*model.Item{
			item("Valdoria Wire", "https://w.example/pass", "Valdoria's parliament passes Mirefield grain export law",
				"Valdoria's parliament on Monday passed a law lifting the cap on Mirefield grain exports through Port Calder.", monday)},
			item("Calder Ledger", "https://l.example/sign", "Valdoria's president signs Mirefield grain export law",
				"President Ilse Varga has signed the law lifting the cap on Mirefield grain exports through Port Calder, which parliament passed on Monday.", late), false},
		{"the act as the subject", []*model.Item{
			item("Valdoria Wire", "https://w.example/pass", "Valdoria's parliament passes Mirefield grain export law",
				"Valdoria's parliament on Monday passed a law lifting the cap on Mirefield grain exports through Port Calder.", monday)},
			item("Calder Ledger", "https://l.example/vote", "What Valdoria's Mirefield grain export law means for Port Calder",
				"The law parliament passed on Monday lifting the cap on Mirefield grain exports through Port Calder will double the port's grain traffic, traders say.", late), true},
		{"a participle clause's day", []*model.Item{
			item("Borduvia Post", "https://p.example/claim", "Borduvian rebels say they captured Kessel garrison town",
				"Borduvian rebels said on Monday they had captured the garrison town of Kessel after a week of fighting.", monday)},
			item("Borduvia Post", "https://p.example/loss", "Borduvian army pulls out of Kessel garrison town",
				"Borduvian troops have withdrawn from the garrison town of Kessel, the army said on Saturday, confirming a loss the rebels had claimed on Monday.", late), false},
		{"a possessive day", []*model.Item{
			item("Borduvia Post", "https://p.example/claim", "Borduvian rebels say they captured Kessel garrison town",
				"Borduvian rebels said on Monday they had captured the garrison town of Kessel after a week of fighting.", monday)},
			item("Borduvia Post", "https://p.example/footage", "Footage backs Borduvian rebels' Kessel garrison town capture",
				"Footage geolocated by analysts backs Monday's rebel claim of the capture of the garrison town of Kessel.", late), true},
		{"a span's start", []*model.Item{
			item("Calder Ledger", "https://l.example/strike", "Dockers strike at Port Calder grain terminal",
				"Dockers at the Port Calder grain terminal began an indefinite strike on Monday, demanding safety changes.", monday)},
			item("Calder Ledger", "https://l.example/end", "Port Calder grain terminal dockers return as strike ends",
				"Dockers at the Port Calder grain terminal returned to work after unions approved a deal ending a strike that had shut the terminal since Monday.", late), false},
	} {
		t.Run(tc.name, func(t *testing.T) { checkLastJoin(t, nil, tc.story, tc.last, tc.same, allOn) })
	}
}

// TestLateReportDayOfLaterSentence: past a story's window, a report
// whose headline and first sentence tell an act of their own, with no day
// but that of the report's words, and whose later sentence recalls the
// story's event by its day, reports no news of that event and does not
// join it; a late report whose first sentence names the day still does.
func TestLateReportDayOfLaterSentence(t *testing.T) {
	monday := time.Date(2031, 9, 8, 10, 0, 0, 0, time.UTC)
	late := monday.Add(5*24*time.Hour + 3*time.Hour) // Saturday, past the 72h window
	strike := []*model.Item{item("Calder Ledger", "https://l.example/strike", "Dockers walk out at Port Calder grain terminal",
		"Dockers at the Port Calder grain terminal walked out on Monday, demanding safety changes after a crane collapse.", monday)}
	checkLastJoins(t, nil, strike, []joinCase{
		{"a later sentence's day", item("Calder Ledger", "https://l.example/cranes", "Crane drivers walk out at Port Calder grain terminal",
			"Crane drivers at the Port Calder grain terminal walked out overnight, the port authority said on Saturday. Dockers at the terminal walked out on Monday over safety.", late), false},
		{"the first sentence's day", item("Calder Ledger", "https://l.example/cost", "Port Calder grain terminal walkout cost farms $40 million",
			"The walkout of dockers at the Port Calder grain terminal on Monday cost farms $40 million, the port authority said on Saturday.", late), true},
	})
}

// TestFollowUpByKindDays: a report whose headline names a story's event
// only by its kind of act ("after acid spill"), and whose first sentence
// gives the event's names and day as what it follows, is of that event in
// the days its news runs; four days on, what it tells is an act of its own
// that the event led to.
func TestFollowUpByKindDays(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "spill"
verbs = ["spill", "burst"]
`)
	sat := time.Date(2031, 3, 8, 9, 0, 0, 0, time.UTC)
	story := []*model.Item{
		item("Lenna Wire", "https://w.example/burst", "Tailings dam bursts at Orvik copper plant, acid flows into Lenna river",
			"A tailings dam at the Orvik copper plant burst on Saturday, sending acid into the Lenna river, the environment agency said.", sat),
		item("Lenna Wire", "https://w.example/bigger", "Orvik tailings spill bigger than first thought, agency says",
			"The environment agency said on Sunday that 50,000 cubic metres of acid escaped when a dam burst at the Orvik copper plant on Saturday.", sat.Add(30*time.Hour)),
	}
	followUp := func(day string, after int, n string) *model.Item {
		return item("Copper Daily", "https://c.example/licence", "Regulator suspends smelter's licence after acid spill",
			"The mines regulator suspended the smelter's licence on "+day+" and ordered it to clean up the Lenna river, "+n+" days after a tailings dam burst at its Orvik plant.", sat.Add(time.Duration(after)*24*time.Hour+3*time.Hour))
	}
	for _, tc := range []struct {
		name string
		last *model.Item
		same bool
	}{
		{"two days on", followUp("Monday", 2, "two"), true},
		{"four days on", followUp("Wednesday", 4, "four"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkLastJoin(t, v, story, tc.last, tc.same, allOn)
			if tc.same && firstAndLastJoin(v, append(append([]*model.Item{}, story...), tc.last), time.UTC, followUps) {
				t.Errorf("joins with follow-ups off: the test does not show them")
			}
		})
	}
}

// TestDayOnlyTies checks that a report that names no act and no day,
// published on the day of a dated act, does not join that act's story by
// the countries, the desk's words and the day alone: another government's
// support for the coast guard a deal is about is news of its own. One
// that shares a name with the act's headlines still joins.
func TestDayOnlyTies(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "deal"
verbs = ["sign", "deal"]
[stories.vocabulary.facts.country]
norland = ["norland", "norlandian"]
sudavia = ["sudavia", "sudavian"]
`)
	at := func(h int) time.Time { return time.Date(2030, 4, 9, h, 0, 0, 0, time.UTC) }
	deal := []*model.Item{
		item("Norland Wire", "https://n.example/deal-1", "Norland, Sudavia sign deal to deepen coast guard cooperation",
			"Norland and Sudavia on Tuesday signed a deal to deepen coast guard cooperation, under which Norland will train Sudavian coast guard officers and provide patrol equipment.", at(6)),
		item("Sudavia Times", "https://s.example/deal-2", "Sudavia signs expanded coast guard deal with Norland",
			"Sudavia on Tuesday signed an expanded coast guard deal with Norland that will double the number of Norlandian officers training Sudavian crews in its ports.", at(7)),
	}
	support := func(h int) *model.Item {
		return item("Estria Foreign Ministry", "https://e.example/support", "More patrol boats for the Kessel Strait",
			"Estria will give 40 million euros over four years for new boats and radar stations along the Kessel Strait. The strait's coast guard crews come from Sudavia and Norland.", at(h))
	}
	trainers := item("Sudavia Times", "https://s.example/trainers", "Norland trainers to reach Sudavian ports within weeks",
		"The first Norlandian coast guard trainers will reach Sudavian ports within weeks to train officers and crews, the coast guard said.", at(9))
	for _, tc := range []struct {
		name  string
		items []*model.Item
		check int // the report that joins the first's story or not
		same  bool
		off   bool // it joins with the mechanism off
	}{
		{"another government's support, after the deal", []*model.Item{deal[0], support(9)}, 1, false, true},
		{"another government's support, after both the deal's reports", []*model.Item{deal[0], deal[1], support(9)}, 2, false, false},
		{"a report naming the deal's party", []*model.Item{deal[0], deal[1], trainers}, 2, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := joinsFirst(v, tc.items, tc.check, allOn); got != tc.same {
				t.Fatalf("one story: %v, want %v", got, tc.same)
			}
			if tc.off && !joinsFirst(v, tc.items, tc.check, dayOnly) {
				t.Errorf("apart even with the mechanism off: the test does not show it")
			}
		})
	}
}

// joinsFirst adds items in order, the mechanisms off switched off, and
// tells whether the first and items[check] end in one story.
func joinsFirst(v *Vocabulary, items []*model.Item, check int, off mechanism) bool {
	g := grouperWithout(v, off)
	ids := make([]string, len(items))
	for i, it := range items {
		cp := *it
		g.Add(&cp, time.UTC)
		ids[i] = cp.StoryID
	}
	return ids[0] == ids[check]
}

// TestEarliestReportCapsDate: a story's act is no later, at the desk, than
// the desk's day its earliest report of a done act was published on: a
// "Tuesday morning" ruling in a zone 13 hours ahead, first reported on
// Monday evening in UTC, is Monday's at a desk in UTC. A report out after
// UTC's midnight, a preview ("to rule", "will"), or no desk zone leaves
// the day the reports name.
func TestEarliestReportCapsDate(t *testing.T) {
	tonga := mustZone(t, "Pacific/Tongatapu") // UTC+13
	done := func(at time.Time) *model.Item {
		return item("Tonga Herald", "https://th.example/1", "Appeal court quashes former minister Vaea's conviction, orders retrial",
			"The Court of Appeal has quashed the bribery conviction of former minister Sione Vaea and ordered a retrial.", at)
	}
	tests := []struct {
		name  string
		desk  *time.Location
		first *model.Item
		want  string
	}{
		{"first report before UTC midnight", time.UTC, done(time.Date(2030, 3, 5, 10, 30, 0, 0, tonga)), "2030-03-04"},
		{"first report after UTC midnight", time.UTC, done(time.Date(2030, 3, 5, 14, 30, 0, 0, tonga)), "2030-03-05"},
		{"first report a preview with to", time.UTC, item("Tonga Herald", "https://th.example/1", "Appeal court to rule on former minister Vaea's conviction",
			"The Court of Appeal is expected to deliver its ruling on the bribery conviction of former minister Sione Vaea.", time.Date(2030, 3, 5, 8, 0, 0, 0, tonga)), "2030-03-05"},
		{"first report a preview with will", time.UTC, item("Tonga Herald", "https://th.example/1", "Vaea conviction ruling this week",
			"The Court of Appeal will give its ruling on the bribery conviction of former minister Sione Vaea.", time.Date(2030, 3, 5, 8, 0, 0, 0, tonga)), "2030-03-05"},
		{"no desk zone", nil, done(time.Date(2030, 3, 5, 10, 30, 0, 0, tonga)), "2030-03-05"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := NewGrouper(72 * time.Hour)
			g.DeskZone = tc.desk
			g.Add(tc.first, tonga)
			later := item("Pacific Wire", "https://pw.example/1", "Tonga appeal court overturns former minister Vaea's conviction",
				"Tonga's Court of Appeal overturned the bribery conviction of former minister Sione Vaea on Tuesday and ordered a retrial.",
				time.Date(2030, 3, 5, 16, 0, 0, 0, tonga))
			st, isNew := g.Add(later, tonga)
			if isNew {
				t.Fatalf("second report began a story of its own")
			}
			if got := st.EventDate.Format(time.DateOnly); got != tc.want {
				t.Fatalf("EventDate = %s, want %s", got, tc.want)
			}
		})
	}
}

// TestDeskDaysTellers: a report that gives its act's day in UTC tells the
// others that name the same day their desk's day, as a report giving its
// act's time of day does; a report whose desk day rests on a night phrase
// away from its day ("the overnight rate") tells the others nothing.
func TestDeskDaysTellers(t *testing.T) {
	fri := dayNumber(time.Date(2031, 5, 9, 0, 0, 0, 0, time.UTC))
	thu := fri - 1
	named := func(n int) []features {
		out := make([]features, n)
		for i := range out {
			out[i] = features{day: fri, deskPubDay: fri, kind: firstActKind}
		}
		return out
	}
	tests := []struct {
		name   string
		teller features
		others int
		want   int32
	}{
		{"a UTC day tells the others", features{day: fri, utcDay: thu, deskPubDay: fri, kind: firstActKind}, 3, thu},
		{"a time of day tells the others", features{day: fri, deskDay: thu, deskPubDay: fri, kind: firstActKind}, 3, thu},
		{"a night phrase aside tells no other", features{day: fri, deskDay: thu, deskAside: true, deskPubDay: fri, kind: firstActKind}, 3, fri},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := append([]features{tc.teller}, named(tc.others)...)
			if got, ok := deskBestDay(ms); !ok || got != tc.want {
				t.Fatalf("deskBestDay = %d, %v; want %d", got, ok, tc.want)
			}
		})
	}
}

// TestBoundingDay: the desk's day of the earliest report of a done act
// bounds the story's date when a day voted for is at most a day after it
// (a zone ahead of the desk); when every voted day is two or more days
// later, that report is of another act and bounds nothing.
func TestBoundingDay(t *testing.T) {
	mon := dayNumber(time.Date(2031, 5, 5, 0, 0, 0, 0, time.UTC))
	tests := []struct {
		name  string
		first features // the earliest report, naming no day
		votes []int32  // days the later reports name, each out the day it names
		want  int32
	}{
		{"votes a day after: the bound", features{deskPubDay: mon}, []int32{mon + 1, mon + 1}, mon},
		{"votes two days after: no bound", features{deskPubDay: mon}, []int32{mon + 2, mon + 2}, mon + 2},
		{"a vote within the bound", features{deskPubDay: mon}, []int32{mon, mon + 3, mon + 3}, mon},
		{"no earliest done act", features{}, []int32{mon + 2}, mon + 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := []features{tc.first}
			for _, d := range tc.votes {
				ms = append(ms, features{day: d, deskPubDay: d, kind: firstActKind})
			}
			if got, ok := deskBestDay(ms); !ok || got != tc.want {
				t.Fatalf("deskBestDay = %d, %v; want %d", got, ok, tc.want)
			}
		})
	}
}

// TestSameDayActsJoin checks that a report of a dated act that names the
// day it was published joins, on a score below joinScore, a story whose
// report tells of that kind of act on that day within a news cycle, when
// their headlines share a name (one many stories of the window use) and
// one of the two names nothing the other report never gives; another
// network's outage that day, a story whose headline names a place of its
// own, and a next day's report that names the day stay apart, as the
// first does with sameDayActs off.
func TestSameDayActsJoin(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "outage"
verbs = ["outage", "blackout"]
`)
	fri := time.Date(2031, 9, 12, 19, 0, 0, 0, time.UTC)
	at := func(h int) time.Time { return fri.Add(time.Duration(h) * time.Hour) }
	// Other stories that name the network, so its name is no rare one.
	window := []*model.Item{
		item("Courier", "https://c.example/fine", "Regulator fines Orbinet over roaming fees",
			"The Kessian telecom regulator fined Orbinet 2 million crowns on Thursday over roaming fees it called unfair.", at(-30)),
		item("Space", "https://s.example/launch", "Orbinet adds 40 spacecraft to its constellation",
			"A rocket carrying 40 Orbinet spacecraft lifted off from Tarrow on Thursday, the firm said.", at(-20)),
		item("Tech", "https://t.example/prices", "Orbinet raises subscription prices in Kessia",
			"Orbinet will charge Kessian subscribers 12 percent more from October, the company said on Friday.", at(-6)),
	}
	global := item("Wire", "https://w.example/global", "Orbinet users report global outage",
		"Subscribers of the Orbinet satellite network on every continent lost service on Friday evening, the company said, blaming a software fault.", at(0))
	sorland := item("Wire", "https://w.example/sorland", "Orbinet users in Sorland report outage",
		"Subscribers of the Orbinet satellite network in Sorland lost service on Friday evening, the company said, blaming a software fault.", at(0))
	clinics := func(h int, network, said string) *model.Item {
		return item("Daily", "https://d.example/clinics", network+" outage briefly hits rural clinics and ambulance crews in Velmar highlands",
			"Health centres and ambulance crews across the Velmar highlands fell back on old radio links for two hours on Friday as "+network+" terminals went dark, regional medical officials said"+said+".", at(h))
	}
	tests := []struct {
		name        string
		event, last *model.Item
		off         mechanism
		join        bool
	}{
		{"reworded report of the day", global, clinics(1, "Orbinet", ""), allOn, true},
		{"mechanism off", global, clinics(1, "Orbinet", ""), sameDayActs, false},
		{"another network's outage that day", global, clinics(1, "Kestrel", ""), allOn, false},
		{"a place of each headline's own", sorland, clinics(1, "Orbinet", ""), allOn, false},
		{"next day's report naming the day", global, clinics(20, "Orbinet", " on Saturday"), allOn, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := grouperWithout(v, tc.off)
			for _, it := range window {
				cp := *it
				g.Add(&cp, time.UTC)
			}
			event, last := *tc.event, *tc.last
			g.Add(&event, time.UTC)
			g.Add(&last, time.UTC)
			if got := event.StoryID == last.StoryID; got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
		})
	}
}

// TestMergeLinkTies: a report that fits two stories links them only when
// it fits at least half the reports of each on their own (linkTies). A
// Ukrainian strike on a Russian depot does not link the depot's fire with
// a count of the night's drones whose story holds one stray report that
// names the depot's region. Two stories of the depot it links.
func TestMergeLinkTies(t *testing.T) {
	v := setVocabulary(t, "testdata/ukraine.toml")
	at := func(h, m int) time.Time { return time.Date(2027, 4, 13, h, m, 0, 0, time.UTC) }
	downedAF := item("Kyiv Daily", "https://kd.example/2", "Air defence downs 71 of 84 drones overnight",
		"Ukrainian air defence shot down 71 of 84 Russian drones overnight, the Air Force said on Tuesday.", at(7, 0))
	launched := item("Ukrinform", "https://ukr.example/1", "Russia launches 84 drones at Ukraine, 71 downed",
		"Russia launched 84 Shahed drones at Ukraine overnight, of which 71 were shot down, the Air Force said on Tuesday.", at(7, 10))
	fire := item("TASS", "https://tass.example/1", "Drone debris sparks fire at fuel depot in Saratov - governor",
		"Debris from a downed Ukrainian drone sparked a fire at a fuel depot in Saratov early on Tuesday, the regional governor said.", at(6, 30))
	overRegion := item("Interfax", "https://ifx.example/1", "Air defences destroy 40 Ukrainian drones over Saratov region",
		"Russian air defences destroyed 40 Ukrainian drones over the Saratov region early on Tuesday, the defence ministry said.", at(7, 30))
	strike := item("Kyiv Post", "https://kp.example/1", "Ukrainian drones strike Saratov oil depot, source says",
		"Ukrainian long-range drones struck an oil depot in Saratov overnight, setting it ablaze, the General Staff said on Tuesday.", at(9, 0))
	tests := []struct {
		name    string
		stories [][]*model.Item
		merge   bool
	}{
		{"one stray report of a story", [][]*model.Item{{downedAF, launched, overRegion}, {fire}}, false},
		{"two stories of the depot", [][]*model.Item{{overRegion}, {fire}}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := linksStories(v, tc.stories, strike, allOn); got != tc.merge {
				t.Fatalf("merged %v, want %v", got, tc.merge)
			}
			if !tc.merge && !linksStories(v, tc.stories, strike, linkTies) {
				t.Errorf("not merged even with the mechanism off: the test does not show it")
			}
		})
	}
}

// linksStories files each list of stories as one story of its own
// (fileStories), then adds last with
// merges on and the mechanisms off switched off, and tells whether it
// made two stories one.
func linksStories(v *Vocabulary, stories [][]*model.Item, last *model.Item, off mechanism) bool {
	g := grouperWithout(v, off)
	g.Merges = true
	fileStories(g, stories)
	cp := *last
	g.Add(&cp, time.UTC)
	return len(g.TakeMerges()) > 0
}

// TestWholeFirst: of two stories a report fits strongly, it goes to one
// it fits by at least half its reports rather than to the best, when it
// fits the best by one stray report only (wholeFits): a Ukrainian strike
// on a Russian depot goes to the depot's fire, not to the night's drone
// count that took in an earlier report of the strike. A report that fits
// most of its best story stays there.
func TestWholeFirst(t *testing.T) {
	v := setVocabulary(t, "testdata/ukraine.toml")
	at := func(h, m int) time.Time { return time.Date(2027, 4, 13, h, m, 0, 0, time.UTC) }
	downed := item("Kyiv Daily", "https://kd.example/1", "Air defence downs 71 of 84 drones overnight",
		"Ukrainian air defence shot down 71 of 84 Russian drones overnight, the Air Force said on Tuesday.", at(7, 0))
	launched := item("Ukrinform", "https://ukr.example/1", "Russia launches 84 drones at Ukraine, 71 downed",
		"Russia launched 84 Shahed drones at Ukraine overnight, of which 71 were shot down, the Air Force said on Tuesday.", at(7, 10))
	stray := item("Ukrainska Pravda", "https://up.example/1", "SBU drones hit Saratov oil depot overnight, source says",
		"Drones of Ukraine's security service hit an oil depot in Saratov overnight, setting it ablaze, a source said on Tuesday.", at(8, 0))
	fire := item("TASS", "https://tass.example/1", "Drone debris sparks fire at fuel depot in Saratov - governor",
		"Debris from a downed Ukrainian drone sparked a fire at a fuel depot in Saratov early on Tuesday, the regional governor said.", at(6, 30))
	strike := item("Kyiv Post", "https://kp.example/1", "Ukrainian drones strike Saratov oil depot, source says",
		"Ukrainian long-range drones struck an oil depot in Saratov overnight, setting it ablaze, a source said on Tuesday.", at(9, 0))
	tests := []struct {
		name    string
		stories [][]*model.Item
		want    int // the story the report joins
	}{
		{"a count that took in one report of the strike", [][]*model.Item{{downed, launched, stray}, {fire}}, 1},
		{"a story of the strike", [][]*model.Item{{stray}, {fire}}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := joinedStory(v, tc.stories, strike, allOn); got != tc.want {
				t.Fatalf("joined story %d, want %d", got, tc.want)
			}
			if tc.want != 0 && joinedStory(v, tc.stories, strike, wholeFits) != 0 {
				t.Errorf("with wholeFits off it does not join the best story either: the case tests nothing")
			}
		})
	}
}

// joinedStory files each list of stories as one story of its own, then
// adds last with merges off and the mechanisms off switched off, and
// returns the index of the story it joined; -1 for none.
func joinedStory(v *Vocabulary, stories [][]*model.Item, last *model.Item, off mechanism) int {
	g := grouperWithout(v, off)
	ids := fileStories(g, stories)
	cp := *last
	g.Add(&cp, time.UTC)
	return slices.Index(ids, cp.StoryID)
}

// fileStories files each list of stories in g as one story of its own,
// as reports that matched none of the others would be, and returns the
// stories' IDs.
func fileStories(g *Grouper, stories [][]*model.Item) []string {
	var ids []string
	for _, items := range stories {
		slot := g.create()
		ids = append(ids, g.slots[slot].st.ID)
		for _, it := range items {
			cp := *it
			f, _, _ := g.extract(&cp, time.UTC)
			f.lead = g.leadOf(&cp)
			g.join(slot, g.slots[slot], f, &cp)
		}
	}
	return ids
}

// TestRewordedActsJoin checks that a report of a dated act of the day it
// was published joins, on a score below joinScore, a story of that day
// whose report of that kind of act within a news cycle shares two words
// of what happened with its headline, though the two headlines name who
// and where in words of their own (rewordsActOfDay); the same act that
// day in a place the story never names, and a headline that names no
// act, stay apart, as the first does with rewordedActs off.
func TestRewordedActsJoin(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "curfew"
verbs = ["curfew"]
`)
	thu := time.Date(2031, 3, 13, 19, 0, 0, 0, time.UTC)
	at := func(h int) time.Time { return thu.Add(time.Duration(h) * time.Hour) }
	// Other stories that name the city, so its name is no rare one.
	window := []*model.Item{
		item("Courier", "https://c.example/ferry", "Dunmere ferry line adds night sailings",
			"The ferry operator in Dunmere will add two night sailings from April, it said on Tuesday.", at(-50)),
		item("Courier", "https://c.example/market", "Dunmere traders protest market fees",
			"Stallholders in Dunmere marched on the town hall on Wednesday over higher market fees.", at(-30)),
		item("Courier", "https://c.example/port", "Dunmere port handles record cargo",
			"The Kessian port of Dunmere handled a record tonnage in February, its operator said on Wednesday.", at(-26)),
	}
	event := item("Gazette", "https://g.example/curfew", "Army orders night curfew across Dunmere after market riots",
		"Soldiers began enforcing a dusk-to-dawn curfew in the port city of Dunmere on Thursday evening after two days of looting, the Kessian army's northern command said in a broadcast.", at(0))
	reworded := func(place, act, source string) *model.Item {
		return item("Wire", "https://w.example/"+place, place+" port placed under night "+act+" as looting spreads",
			"Residents were told to stay indoors from sunset to sunrise, with checkpoints on every main road and shops shuttered, "+source+" reported.", at(2))
	}
	tests := []struct {
		name string
		last *model.Item
		off  mechanism
		join bool
	}{
		{"reworded report of the day", reworded("Kessian", "curfew", "a local radio station"), allOn, true},
		{"mechanism off", reworded("Kessian", "curfew", "a local radio station"), rewordedActs, false},
		{"the same act in a place of its own", reworded("Velmar", "curfew", "a radio station in Velmar"), allOn, false},
		{"a headline of no act", reworded("Kessian", "watch", "a local radio station"), allOn, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := grouperWithout(v, tc.off)
			for _, it := range window {
				cp := *it
				g.Add(&cp, time.UTC)
			}
			ev, last := *event, *tc.last
			g.Add(&ev, time.UTC)
			_, j := g.AddJoin(&last, time.UTC)
			t.Logf("score %.3f", j.Score)
			if got := ev.StoryID == last.StoryID; got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
		})
	}
}

// TestUndatedLateIsNewsOfItsDay: a report that names no day and looks back
// to none, whose headline puts its act after nothing, published two days
// after the first report of a story of a dated act, tells news of its own
// day and does not join the story, however many names it shares with it;
// one that looks back ("this week's cyclone", "three days after"), whose
// headline names what it follows, or that comes the next day, does.
func TestUndatedLateIsNewsOfItsDay(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "cyclone"
verbs = ["cyclone"]
`)
	monday := time.Date(2031, 3, 3, 8, 0, 0, 0, time.UTC)
	wednesday := monday.Add(50 * time.Hour)
	story := []*model.Item{
		item("Tarvelle Herald", "https://h.example/hit", "Cyclone Orla hits Tarvelle islands, port of Ossan flooded",
			"Cyclone Orla struck the Tarvelle islands on Monday, flooding the port of Ossan and cutting power to most of the main island, the islands' disaster office said.", monday),
		item("Coral Wire", "https://c.example/hit", "Cyclone Orla batters Tarvelle, floods Ossan port",
			"A powerful cyclone battered the Tarvelle islands on Monday, flooding the port of Ossan, officials said.", monday.Add(3*time.Hour)),
	}
	checkLastJoins(t, v, story, []joinCase{
		{"news of its own day", item("Coral Wire", "https://c.example/flights", "Relief flights head for Tarvelle islands and Ossan port",
			"Military planes loaded with water, tents and generators are heading to the port of Ossan on the Tarvelle islands, whose government has asked for help.", wednesday), false},
		{"looks back", item("Coral Wire", "https://c.example/look", "Ossan port on Tarvelle islands counts the cost of Cyclone Orla",
			"Traders in the port of Ossan on the Tarvelle islands are counting the cost of this week's cyclone, which flooded most of the harbour.", wednesday), true},
		{"names what it follows", item("Coral Wire", "https://c.example/after", "Relief flights head for Tarvelle islands after Cyclone Orla",
			"Military planes loaded with water, tents and generators are heading to the port of Ossan on the Tarvelle islands, whose government has asked for help.", wednesday), true},
		{"the next day", item("Coral Wire", "https://c.example/next", "Relief flights head for Tarvelle islands and Ossan port",
			"Military planes loaded with water, tents and generators are heading to the port of Ossan on the Tarvelle islands, whose government has asked for help.", monday.Add(26*time.Hour)), true},
	})
	// With the mechanism off, the report of its own day joins the story.
	checkLastJoin(t, v, story, item("Coral Wire", "https://c.example/flights", "Relief flights head for Tarvelle islands and Ossan port",
		"Military planes loaded with water, tents and generators are heading to the port of Ossan on the Tarvelle islands, whose government has asked for help.", wednesday), false, undatedLate)
}

// TestRewordedActsApart checks what keeps a report of a dated act of its
// day from joining, on a score below joinScore, a story whose report of
// that kind shares two words of what happened with it (rewordsActOfDay):
// a place of its own in each headline, read as headNames read them (a
// title-cased headline's by its lead's capitals, a desk's phrase written
// with capitals, which specifics pass over; ownPlaces), and a figure no
// report of the story gives (rewordedFigures). With each switch off, the
// report joins.
func TestRewordedActsApart(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[stories.vocabulary.aliases]
"port velmar" = "portvelmar"
[[stories.vocabulary.acts]]
kind = "curfew"
verbs = ["curfew"]
# A word of the desk's acts, so no name of one event's (specifics).
[[stories.vocabulary.acts]]
kind = "closure"
verbs = ["close"]
needs = ["portvelmar"]
`)
	thu := time.Date(2031, 3, 13, 19, 0, 0, 0, time.UTC)
	at := func(h int) time.Time { return thu.Add(time.Duration(h) * time.Hour) }
	// Other stories that name the city, so its name is no rare one.
	window := []*model.Item{
		item("Courier", "https://c.example/ferry", "Dunmere ferry line adds night sailings",
			"The ferry operator in Dunmere will add two night sailings from April, it said on Tuesday.", at(-50)),
		item("Courier", "https://c.example/market", "Dunmere traders protest market fees",
			"Stallholders in Dunmere marched on the town hall on Wednesday over higher market fees.", at(-30)),
		item("Courier", "https://c.example/port", "Dunmere port handles record cargo",
			"The Kessian port of Dunmere handled a record tonnage in February, its operator said on Wednesday.", at(-26)),
	}
	event := item("Gazette", "https://g.example/curfew", "Army orders night curfew across Dunmere after market riots",
		"Soldiers began enforcing a dusk-to-dawn curfew in the port city of Dunmere on Thursday evening after two days of looting, the Kessian army's northern command said in a broadcast.", at(0))
	// The same, title-cased, its place a district only its lead names.
	district := item("Gazette", "https://g.example/oldgate", "Army Orders Night Curfew in Dunmere's Oldgate District",
		"Soldiers began enforcing a dusk-to-dawn curfew in the Oldgate district of the port city of Dunmere on Thursday evening after two days of looting, the Kessian army's northern command said in a broadcast.", at(0))
	velmar := item("Wire", "https://w.example/velmar", "Port Velmar placed under night curfew as looting spreads",
		"Residents were told to stay indoors from sunset to sunrise, with checkpoints on every main road and shops shuttered, a local radio station reported.", at(2))
	kessian := item("Wire", "https://w.example/kessian", "Kessian port placed under night curfew as looting spreads",
		"Residents were told to stay indoors from sunset to sunrise, with checkpoints on every main road and shops shuttered, a local radio station reported.", at(2))
	towns := item("Wire", "https://w.example/towns", "Kessian port placed under night curfew as looting spreads to 40 shops",
		"Residents were told to stay indoors from sunset to sunrise, with checkpoints on every main road and shops shuttered, a local radio station reported.", at(2))
	tests := []struct {
		name        string
		event, last *model.Item
		off         mechanism
		join        bool
	}{
		{"a place of its own in each headline", district, velmar, allOn, false},
		{"ownPlaces off", district, velmar, ownPlaces, true},
		// A place one headline alone gives may name the other's closer.
		{"a place only one headline gives", district, kessian, allOn, true},
		{"a figure of its own", event, towns, allOn, false},
		{"rewordedFigures off", event, towns, rewordedFigures, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := grouperWithout(v, tc.off)
			for _, it := range window {
				cp := *it
				g.Add(&cp, time.UTC)
			}
			ev, last := *tc.event, *tc.last
			g.Add(&ev, time.UTC)
			_, j := g.AddJoin(&last, time.UTC)
			t.Logf("score %.3f", j.Score)
			if got := ev.StoryID == last.StoryID; got != tc.join {
				t.Fatalf("joined %v, want %v", got, tc.join)
			}
		})
	}
}

// TestCategoriesOnly: a report of no act that shares with a dated act's
// report of the day before no word of what happened and no name but the
// desk's country ("Velmoria", "Velmorian") is tied to it by no name or
// day; one that shares a name of its own with it (the quarry's town) is.
func TestCategoriesOnly(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[stories.vocabulary.words]
velmorian = "velmoria"
[[stories.vocabulary.acts]]
kind = "landslide"
verbs = ["landslide"]
[stories.vocabulary.facts.country]
velmoria = ["velmoria"]
`)
	sun := time.Date(2033, 5, 8, 14, 0, 0, 0, time.UTC)
	slide := item("Wire", "https://w.example/slide", "Landslide at Velmorian copper dump kills at least nine miners",
		"At least nine miners were killed when a landslide buried them at a copper waste dump in Velmoria's north on Sunday, police said.", sun)
	deal := item("Herald", "https://h.example/deal", "Lenders Reach Staff-Level Agreement with Velmoria on Third Review",
		"A team of lenders has reached staff-level agreement with the Velmorian authorities on the third review of the programme, which will give Velmoria access to about $190 million.", sun.Add(20*time.Hour))
	town := item("Herald", "https://h.example/town", "Tarnec buries its dead",
		"Families in Tarnec, the Velmorian mining town, buried their dead as the search at the copper waste dump went on.", sun.Add(20*time.Hour))
	slideTarnec := item("Wire", "https://w.example/slide2", "Landslide at Velmorian copper dump kills at least nine miners",
		"At least nine miners were killed when a landslide buried them at a copper waste dump near Tarnec in Velmoria on Sunday, police said.", sun)
	tests := []struct {
		name        string
		event, next *model.Item
		off         mechanism
		join        bool
	}{
		{"only the country", slide, deal, allOn, false},
		{"categoriesOnly off", slide, deal, categoriesOnly, true},
		{"a town of its own shared", slideTarnec, town, allOn, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if joined := firstAndLastJoin(v, []*model.Item{tc.event, tc.next}, time.UTC, tc.off); joined != tc.join {
				t.Errorf("%q joined %q: %v, want %v", tc.next.Title, tc.event.Title, joined, tc.join)
			}
		})
	}
}

// TestSecondActTime: a report whose headline tells two events, a second
// act after a semicolon ("...; villagers cross river"), gives the moment
// of its first ("at dawn on Thursday", the day before in UTC east of it)
// as its own vote only: the story's reports of the second act, which
// name Thursday, keep Thursday. A headline of one act lends its moment.
func TestSecondActTime(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "attack"
verbs = ["attack"]
[[stories.vocabulary.acts]]
kind = "exodus"
verbs = ["flee", "cross"]
`)
	dhaka := mustZone(t, "Asia/Dhaka")
	thu := time.Date(2031, 5, 8, 18, 0, 0, 0, dhaka)
	flight := []*model.Item{
		item("A", "https://a.example/1", "Thousands flee into Ardonia as fighting spreads",
			"Thousands of villagers fled across the Selva river into Ardonia on Thursday, officials said.", thu),
		item("B", "https://b.example/1", "Villagers flee Varno fighting into Ardonia",
			"About 3,000 villagers crossed into Ardonia on Thursday to escape fighting near Varno, border police said.", thu.Add(time.Hour)),
	}
	for _, tc := range []struct {
		name, title string
		off         mechanism
		want        string
	}{
		{"two events", "Rebels attack army posts near Varno; villagers cross Selva river", allOn, "2031-05-08"},
		{"two events, mechanism off", "Rebels attack army posts near Varno; villagers cross Selva river", secondActTimes, "2031-05-07"},
		{"one act", "Rebels attack army posts near Varno at dawn", allOn, "2031-05-07"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := grouperWithout(v, tc.off)
			g.DeskZone = time.UTC
			var ms []features
			for _, it := range append([]*model.Item{item("C", "https://c.example/1", tc.title,
				"Rebels attacked four army posts near Varno at dawn on Thursday, officials said. Villagers crossed the Selva river into Ardonia throughout the day.", thu)}, flight...) {
				f, _, _ := g.extract(it, dhaka)
				ms = append(ms, f)
			}
			day, _ := deskBestDay(ms)
			if got := dayNoonUTC(day).Format(time.DateOnly); got != tc.want {
				t.Fatalf("story's day %s, want %s", got, tc.want)
			}
		})
	}
}

// TestFollowedClauses: a report of an act of its own whose lead names
// the event it follows only in a clause of what it follows ("The
// proposal follows the killing of ...") is no report of that event: the
// names and words of that clause tie it to no report of the killing
// (followedClauses). Off, the town, the victims and the evening join it.
func TestFollowedClauses(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "shooting"
verbs = ["shoot", "shot", "kill"]
`)
	tue := time.Date(2033, 9, 13, 9, 0, 0, 0, time.UTC)
	shooting := item("Wire", "https://w.example/shot", "Two men shot dead in Brastavik",
		"Two men were shot dead and a third wounded in Brastavik, east of Korvel, on Tuesday morning, police said.", tue)
	proposal := item("Herald", "https://h.example/curfew", "Velmoria proposes night curfew for under-16s",
		"Velmoria's government proposed on Tuesday a night curfew for children under 16. The proposal follows the killing of two men in Brastavik, east of Korvel, on Tuesday morning.", tue.Add(6*time.Hour))
	// A reaction answers what it follows: its clause's words still tie it.
	reaction := item("Herald", "https://h.example/condemns", "President condemns 'cowardly' attack",
		"President Ana Petrel on Tuesday condemned what she called a cowardly attack. Her words follow the killing of two men in Brastavik, east of Korvel, on Tuesday morning.", tue.Add(6*time.Hour))
	tests := []struct {
		name string
		next *model.Item
		off  mechanism
		join bool
	}{
		{"followed clause", proposal, allOn, false},
		{"followedClauses off", proposal, followedClauses, true},
		{"a reaction", reaction, allOn, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if joined := firstAndLastJoin(v, []*model.Item{shooting, tc.next}, time.UTC, tc.off); joined != tc.join {
				t.Errorf("%q joined %q: %v, want %v", tc.next.Title, shooting.Title, joined, tc.join)
			}
		})
	}
}

// TestTollRisen: a report of an attack whose headline says its toll rose,
// of the day after the next, whose lead names the attack's day, is of the
// attack for the day veto.
func TestTollRisen(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "bombing"
verbs = ["bombing", "bomber", "bomb"]
`)
	mon := time.Date(2033, 9, 5, 8, 0, 0, 0, time.UTC)
	attack := item("Wire", "https://w.example/attack", "Suicide bomber kills seven at Dravik army post",
		"A suicide bomber drove an explosives-laden truck into an army post in Dravik on Monday, killing at least seven soldiers, officials said.", mon)
	toll := item("Agency", "https://a.example/toll", "Death toll from suicide bombing on army post rises to 12",
		"The death toll from a suicide truck bombing on an army post rose to 12 on Wednesday after five wounded soldiers died in hospital, officials said. The soldiers were hurt in Monday's bombing in Dravik.", mon.Add(50*time.Hour))
	for _, tc := range []struct {
		name string
		off  mechanism
		join bool
	}{
		{"toll risen", allOn, true},
		{"tollRises off", tollRises, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if joined := firstAndLastJoin(v, []*model.Item{attack, toll}, time.UTC, tc.off); joined != tc.join {
				t.Errorf("%q joined %q: %v, want %v", toll.Title, attack.Title, joined, tc.join)
			}
		})
	}
}

// TestTollCounted: a risen toll whose lead names only the day it was
// counted ("rose to 14 on Wednesday"), not the attack's, is of the
// attack the day before when its headline gives the attack headline's
// rare name (tollNames); one that names another town is not.
func TestTollCounted(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "bombing"
verbs = ["bombing", "bomber", "bomb"]
`)
	tue := time.Date(2033, 9, 6, 9, 0, 0, 0, time.UTC)
	attack := item("Wire", "https://w.example/market", "Suicide bomber kills nine at Dravik market",
		"A suicide bomber blew himself up at a crowded cattle market in Dravik on Tuesday, killing nine people, a local official said.", tue)
	toll := item("Agency", "https://a.example/toll", "Death toll from Dravik market bombing rises to 14",
		"The number of people killed by a suicide bomber at a market rose to 14 on Wednesday as several of the wounded died in hospital, a local official said.", tue.Add(24*time.Hour))
	other := item("Agency", "https://a.example/other", "Death toll from Olmera market bombing rises to 14",
		"The number of people killed by a suicide bomber at a market in Olmera rose to 14 on Wednesday as several of the wounded died in hospital, a local official said.", tue.Add(24*time.Hour))
	for _, tc := range []struct {
		name string
		last *model.Item
		off  mechanism
		join bool
	}{
		{"toll counted", toll, allOn, true},
		{"tollNames off", toll, tollNames, false},
		{"another town's toll", other, allOn, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if joined := firstAndLastJoin(v, []*model.Item{attack, tc.last}, time.UTC, tc.off); joined != tc.join {
				t.Errorf("%q joined %q: %v, want %v", tc.last.Title, attack.Title, joined, tc.join)
			}
		})
	}
}

// TestTollDirection: a toll that rises gives no direction of news
// English's (tollDirections), so a shipwreck's risen toll is not kept
// from the boat that "sinks" as "close higher" is from "plunge"; a
// market that rises still is.
func TestTollDirection(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "shipwreck"
verbs = ["shipwreck", "capsize", "capsizes", "capsized"]
`)
	mon := time.Date(2033, 3, 7, 7, 0, 0, 0, time.UTC)
	sinks := item("Wire", "https://w.example/boat", "Migrant boat sinks off Varnos, 20 dead",
		"A boat carrying about 60 migrants capsized off the port of Varnos early on Monday, and 20 bodies have been recovered, the coast guard said.", mon)
	toll := item("Agency", "https://a.example/toll", "Varnos shipwreck toll rises to 27",
		"The death toll from the capsizing of a migrant boat off Varnos rose to 27 on Monday as divers recovered more bodies, the coast guard said.", mon.Add(9*time.Hour))
	market := item("Agency", "https://a.example/bourse", "Varnos shipping shares rise as port reopens",
		"Shares of Varnos shipping companies rose on Monday as the port reopened to traffic, traders said.", mon.Add(9*time.Hour))
	for _, tc := range []struct {
		name string
		last *model.Item
		off  mechanism
		join bool
	}{
		{"toll rises", toll, allOn, true},
		{"tollDirections off", toll, tollDirections, false},
		{"shares rise", market, allOn, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if joined := firstAndLastJoin(v, []*model.Item{sinks, tc.last}, time.UTC, tc.off); joined != tc.join {
				t.Errorf("%q joined %q: %v, want %v", tc.last.Title, sinks.Title, joined, tc.join)
			}
		})
	}
}

// TestPlacedParty: a neighbour's report of an attack whose headline
// places it in the story's country ("as rebels attack base in Varnia")
// is not kept from the attack by the neighbour it names as teller
// (placedParties); the neighbour's report of an attack on its own side,
// which places nothing in Varnia, still is.
func TestPlacedParty(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[stories.vocabulary.facts.country]
varnia = ["varnia", "varnian"]
dorland = ["dorland", "dorlandian"]
[[stories.vocabulary.acts]]
kind = "attack"
verbs = ["attack", "attacks", "attacked", "raid", "raids"]
`)
	wed := time.Date(2033, 10, 12, 8, 0, 0, 0, time.UTC)
	attack := item("Wire", "https://w.example/base", "Rebels attack peacekeepers' base in Varnia with car bombs",
		"Rebels attacked a peacekeepers' base near Kelmor in Varnia with car bombs on Wednesday, killing several soldiers, officials said.", wed)
	told := item("Agency", "https://a.example/dorland", "Dorland says 7 soldiers killed as rebels attack peacekeepers' base in Varnia",
		"Dorland said on Wednesday that seven of its soldiers serving with the peacekeeping force were killed when rebels attacked their base near Kelmor with car bombs.", wed.Add(6*time.Hour))
	own := item("Agency", "https://a.example/post", "Dorland says 7 soldiers killed as rebels attack border post in Dorland",
		"Dorland said on Wednesday that seven of its soldiers were killed when rebels attacked a border post in its north with car bombs.", wed.Add(6*time.Hour))
	for _, tc := range []struct {
		name string
		last *model.Item
		off  mechanism
		join bool
	}{
		{"told from Dorland", told, allOn, true},
		{"placedParties off", told, placedParties, false},
		{"Dorland's own post", own, allOn, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if joined := firstAndLastJoin(v, []*model.Item{attack, tc.last}, time.UTC, tc.off); joined != tc.join {
				t.Errorf("%q joined %q: %v, want %v", tc.last.Title, attack.Title, joined, tc.join)
			}
		})
	}
}

// TestActDaysCounted: a later report whose headline counts the days of
// the story's act that goes on ("walkout enters third day") is of the
// story when the count's first day is the story's (actDaysCounted); one
// whose count starts on another day is not.
func TestActDaysCounted(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "strike"
verbs = ["strike", "strikes", "walkout"]
`)
	fri := time.Date(2033, 6, 3, 9, 0, 0, 0, time.UTC)
	story := []*model.Item{
		item("Wire", "https://w.example/walkout", "Tarnport dock workers stage walkout over pay",
			"Dock workers at the port of Tarnport staged a walkout on Friday over pay, halting container traffic, their union said.", fri),
		item("Agency", "https://a.example/walkout", "Strike halts container traffic at Tarnport",
			"A strike by dock workers halted container traffic at Tarnport on Friday, the port authority said.", fri.Add(2*time.Hour)),
	}
	third := item("Herald", "https://h.example/third", "Tarnport dock workers' walkout enters third day",
		"Tarnport dock workers kept up their walkout over pay on Sunday as a dozen container ships queued offshore, union leaders said.", fri.Add(50*time.Hour))
	deserted := item("Courier", "https://c.example/deserted", "Walkout enters day three: Tarnport cranes idle, trucks turned away",
		"Cranes stood idle and trucks were turned away at Tarnport on Sunday as the walkout entered its third day.", fri.Add(50*time.Hour))
	checkLastJoins(t, v, story, []joinCase{
		{"third day on Sunday", third, true},
		{"day three, few words shared", deserted, true},
		{"second day on Sunday", item("Herald", "https://h.example/second", "Tarnport dock workers' walkout enters second day",
			"Tarnport dock workers kept up their walkout over pay on Sunday as a dozen container ships queued offshore, union leaders said.", fri.Add(50*time.Hour)), false},
	})
	// Switched off, the day veto keeps the third day from the walkout.
	for _, last := range []*model.Item{third, deserted} {
		if firstAndLastJoin(v, append(append([]*model.Item{}, story...), last), time.UTC, actDaysCounted) {
			t.Errorf("%q joined the walkout with actDaysCounted off", last.Title)
		}
	}
}

// TestLaterDecision: a report whose headline names no act the vocabulary
// knows but tells a body's decision, of a later day than a story of dated
// acts, is that body's new act, not of the story (laterDecision): the
// truce announced the day after the clashes. The same decision of the
// story's own day, and a later report that tells no decision, still join.
func TestLaterDecision(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "clash"
verbs = ["clash", "clashes", "fighting"]
`)
	mon := time.Date(2033, 4, 4, 19, 0, 0, 0, time.UTC)
	story := []*model.Item{
		item("Wire", "https://w.example/clash", "Heavy clashes erupt in Varnel between rival militias",
			"Heavy clashes broke out between two rival militias in the port city of Varnel on Monday evening, residents said.", mon),
		item("Agency", "https://a.example/toll", "Six killed in Varnel clashes between rival militias",
			"Six people were killed in clashes between rival militias in Varnel on Monday, the health ministry said.", mon.Add(3*time.Hour)),
	}
	checkLastJoins(t, v, story, []joinCase{
		{"truce the next day", item("Herald", "https://h.example/truce", "Council announces truce in Varnel after deadly clashes",
			"The presidential council announced a ceasefire in Varnel on Tuesday after clashes between rival militias killed six people.", mon.Add(20*time.Hour)), false},
		{"curfew the same day", item("Herald", "https://h.example/curfew", "Council imposes curfew in Varnel after deadly clashes",
			"The presidential council imposed a night curfew in Varnel on Monday after clashes between rival militias killed six people.", mon.Add(4*time.Hour)), true},
		{"no decision the next day", item("Herald", "https://h.example/losses", "Varnel traders count losses after deadly clashes",
			"Traders in Varnel counted their losses on Tuesday after clashes between rival militias on Monday killed six people.", mon.Add(20*time.Hour)), true},
	})
	// Switched off, the truce joins the clashes it follows.
	truce := item("Herald", "https://h.example/truce", "Council announces truce in Varnel after deadly clashes",
		"The presidential council announced a ceasefire in Varnel on Tuesday after clashes between rival militias killed six people.", mon.Add(20*time.Hour))
	checkLastJoin(t, v, story, truce, false, undatedLate)
}

// TestLaterDecisionDaysAfter: a body's decision that names no day of its
// own but puts its act days after the story's ("has launched an inquiry
// ..., a day after clashes ... killed six") is of the day it was
// published, a later one than the story's, and joins it no more than a
// decision that names its day does; "launches" tells a decision as
// "announces" does. A report of the next day that tells no decision
// still joins.
func TestLaterDecisionDaysAfter(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "clash"
verbs = ["clash", "clashes", "fighting"]
`)
	mon := time.Date(2033, 4, 4, 19, 0, 0, 0, time.UTC)
	story := []*model.Item{
		item("Wire", "https://w.example/clash", "Heavy clashes erupt in Varnel between rival militias",
			"Heavy clashes broke out between two rival militias in the port city of Varnel on Monday evening, residents said.", mon),
		item("Agency", "https://a.example/toll", "Six killed in Varnel clashes between rival militias",
			"Six people were killed in clashes between rival militias in Varnel on Monday, the health ministry said.", mon.Add(3*time.Hour)),
	}
	inquiry := item("Herald", "https://h.example/inquiry", "Interior ministry launches inquiry into rival militias in Varnel",
		"The interior ministry has launched an inquiry into the rival militias of the port city of Varnel, a day after clashes between them killed six people.", mon.Add(20*time.Hour))
	sweep := item("Herald", "https://h.example/sweep", "Army launches sweep of Varnel after deadly clashes",
		"The army launched a sweep of the port district of Varnel on Tuesday after clashes between rival militias killed six people on Monday.", mon.Add(20*time.Hour))
	checkLastJoins(t, v, story, []joinCase{
		{"undated inquiry a day after", inquiry, false},
		{"sweep of the next day", sweep, false},
		{"no decision, a day after", item("Herald", "https://h.example/mourn", "Varnel mourns six killed in militia clashes",
			"Hundreds gathered in Varnel to mourn the six people killed in clashes between rival militias, a day after the fighting.", mon.Add(20*time.Hour)), true},
	})
	// Switched off, the undated inquiry joins the clashes it follows.
	checkLastJoin(t, v, story, inquiry, false, daysAfterActs)
}

// TestStatesDeclared: a headline declaring a state of calamity or
// emergency tells the authority's act of its own day, a body's decision,
// no report of the disaster it answers, even when it names the storm
// that struck the places it covers ("hit by Cyclone Orla", "flood-hit"):
// of a later day than the disaster's story it joins it no more than a
// truce does (laterDecision), in English or Portuguese. Declared the
// same day, it joins, as the desks label it.
func TestStatesDeclared(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "cyclone"
verbs = ["cyclone", "storm", "flood", "floods", "enchente"]
`)
	mon := time.Date(2033, 4, 4, 9, 0, 0, 0, time.UTC)
	story := []*model.Item{
		item("Wire", "https://w.example/orla", "Cyclone Orla floods coastal towns of Marena, four dead",
			"Cyclone Orla flooded the coastal towns of Marena province on Monday, killing four people, the disaster agency said.", mon),
		item("Agency", "https://a.example/orla2", "Four killed as Cyclone Orla floods Marena coast",
			"Four people were killed when Cyclone Orla flooded towns on the Marena coast on Monday, officials said.", mon.Add(3*time.Hour)),
	}
	next := item("Wire", "https://w.example/calamity", "Marena declares state of calamity after Cyclone Orla floods coastal towns",
		"Marena province declared a state of calamity on Tuesday in its coastal towns flooded by Cyclone Orla on Monday, when four people died.", mon.Add(25*time.Hour))
	passive := item("Wire", "https://w.example/declared", "State of calamity declared in Marena coastal towns after four killed",
		"Marena province declared a state of calamity on Tuesday in its coastal towns, where Cyclone Orla killed four people on Monday.", mon.Add(25*time.Hour))
	checkLastJoins(t, v, story, []joinCase{
		{"declared the next day", next, false},
		{"declared the next day, passive", passive, false},
		{"hit by the cyclone, the next day", item("Herald", "https://h.example/calamity", "President declares state of calamity in Marena towns hit by Cyclone Orla",
			"The president declared a state of calamity on Tuesday in the Marena towns flooded by Cyclone Orla, freeing relief funds.", mon.Add(26*time.Hour)), false},
		{"declared the next day, in Portuguese", item("Diário", "https://d.example/calamidade", "Governo reconhece estado de calamidade em Marena após ciclone Orla",
			"O governo reconheceu nesta terça-feira o estado de calamidade em Marena, atingida pelo ciclone Orla.", mon.Add(27*time.Hour)), false},
		{"declared the same day", item("Wire", "https://w.example/same", "Marena declares state of calamity after Cyclone Orla floods coastal towns",
			"Marena province declared a state of calamity on Monday in its coastal towns flooded by Cyclone Orla hours earlier, when four people died.", mon.Add(6*time.Hour)), true},
	})
	// Switched off, the next day's declarations join the cyclone they answer.
	checkLastJoin(t, v, story, next, false, statesDeclared)
	checkLastJoin(t, v, story, passive, false, statesDeclared)
}

// allOn switches no mechanism off.
var allOn mechanism

// TestUnspacedGrams: two Chinese reports of one event, worded apart, share
// the pairs of characters of the words they have in common, and so one
// story (unspacedGrams); read whole, each clause is one word of its own
// and they share none. A Chinese report of another event of the same
// city and day stays apart, and so does an English report of another
// event against a Chinese one whose characters it could not share.
func TestUnspacedGrams(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[stories.vocabulary.aliases]
"化工厂" = "chemical plant"
[[stories.vocabulary.acts]]
kind = "blast"
verbs = ["explosion", "blast"]
[stories.vocabulary.words]
"爆炸" = "explosion"
`)
	pub := time.Date(2034, 9, 12, 2, 0, 0, 0, time.UTC)
	first := item("Agency", "https://a.example/cn1", "宁川一化工厂发生爆炸 已致3人受伤",
		"9月12日上午，宁川市东郊一家化工厂发生爆炸，已造成3人受伤，事故原因正在调查中。", pub)
	second := item("Daily", "https://d.example/cn2", "宁川化工厂爆炸事故致3人受伤 消防救援仍在进行",
		"宁川市东郊化工厂12日上午发生爆炸事故，3名工人受伤送医，消防救援人员仍在现场处置。", pub.Add(90*time.Minute))
	other := item("Daily", "https://d.example/cn3", "宁川地铁二号线因信号故障停运两小时",
		"9月12日上午，宁川地铁二号线因信号系统故障停运约两小时，大批乘客滞留车站。", pub.Add(2*time.Hour))
	english := item("Wire", "https://w.example/en", "Ningchuan metro line halted by signal fault",
		"Ningchuan's metro line 2 was halted for two hours on Thursday after a signal fault, the operator said.", pub.Add(3*time.Hour))
	if !firstAndLastJoin(v, []*model.Item{first, second}, time.UTC, mechanism{}) {
		t.Errorf("%q and %q, one explosion, are two stories", first.Title, second.Title)
	}
	if firstAndLastJoin(v, []*model.Item{first, second}, time.UTC, unspacedGrams) {
		t.Errorf("%q and %q share a story with unspacedGrams off", first.Title, second.Title)
	}
	if firstAndLastJoin(v, []*model.Item{first, other}, time.UTC, mechanism{}) {
		t.Errorf("%q joined the explosion of the same city and day", other.Title)
	}
	if firstAndLastJoin(v, []*model.Item{first, english}, time.UTC, mechanism{}) {
		t.Errorf("%q joined the explosion", english.Title)
	}
}

// TestGramSpans: a run of an unspaced script is read as its overlapping
// pairs of characters (a Thai letter with its marks is one character),
// a name and a number written in it as words of their own.
func TestGramSpans(t *testing.T) {
	tests := []struct{ in, want string }{
		{"央行PBOC宣布降准0.5个百分点", "央行 pboc 宣布 布降 降准 0.5 个百 百分 分点"},
		{"中 美", "中 美"},
		{"リコール", "リコ コー ール"},
		{"북한이 동해상으로", "북한 한이 동해 해상 상으 으로"},
		{"จับกุม", "จับ บกุ กุม"},
		{"Sea of Japan", "sea of japan"},
	}
	checkSplitWords(t, tests)
}

// TestBackdropDays: a report of the story's act whose only day is
// background to it, named aside in its sentence or only in a later
// sentence, before the day it was published, is compared by the day
// veto by its publication day too (backdropDay): it tells of that day's
// act. One whose first sentence names the earlier day as its act's, and
// one whose background day is more than a week back, are not.
func TestBackdropDays(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "closure"
verbs = ["close", "closes", "closed", "closing", "shut", "shuts", "closure"]
`)
	wed := time.Date(2033, 6, 8, 9, 0, 0, 0, time.UTC)
	story := []*model.Item{
		item("Wire", "https://w.example/close", "Varsland closes two border crossings with Norland",
			"Varsland closed two of its border crossings with Norland on Wednesday after a week of drone incursions, the interior ministry said.", wed),
	}
	later := item("Herald", "https://h.example/shuts", "Varsland shuts Norland border crossings after drone incursions",
		"Varsland is closing two of its border crossings with Norland, the government has announced, after a week of drone incursions. The move mirrors Kestria's closure of its own crossing on Monday.", wed.Add(5*time.Hour))
	aside := item("Courier", "https://c.example/shuts", "Varsland shuts Norland border crossings after drone incursions",
		"Varsland has shut two of its border crossings with Norland over drone incursions that have gone on since Monday.", wed.Add(5*time.Hour))
	checkLastJoins(t, v, story, []joinCase{
		{"later sentence's day", later, true},
		{"relative clause's day", aside, true},
		{"first sentence's own day", item("Herald", "https://h.example/monday", "Varsland shuts Norland border crossings after drone incursions",
			"Varsland closed two of its border crossings with Norland on Monday after drone incursions, the government has announced.", wed.Add(5*time.Hour)), false},
		{"day weeks back", item("Herald", "https://h.example/weeks", "Varsland shuts Norland border crossings after drone incursions",
			"Varsland is closing two of its border crossings with Norland, the government has announced, after drone incursions. The move mirrors Kestria's closure of its own crossing on May 9.", wed.Add(5*time.Hour)), false},
	})
	// Switched off, the background day keeps them from the closure.
	for _, last := range []*model.Item{later, aside} {
		if firstAndLastJoin(v, append(append([]*model.Item{}, story...), last), time.UTC, backdropDays) {
			t.Errorf("%q joined the closure with backdropDays off", last.Title)
		}
	}
}

// TestOtherScripts: an Arabic report and an English one of one company's
// results share only the figures both write and the company's name, as
// the desk's vocabulary reads it: read against the English
// report, the Arabic words weigh little in its norm (otherScripts), and
// the two are one story; with their full weight they are not. An Arabic
// report of another company's results, whose figures differ, stays apart.
func TestOtherScripts(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[stories.vocabulary.aliases]
"القلية للبترول" = "qaliyah petroleum"
`)
	pub := time.Date(2034, 5, 9, 6, 0, 0, 0, time.UTC)
	english := item("Wire", "https://w.example/results", "Qaliyah Petroleum first-quarter profit falls 7% to $14.6 billion",
		"Qaliyah Petroleum posted net income of $14.6 billion in the first quarter of 2034, down 7% from a year earlier, and kept its quarterly dividend at $3.8 billion.", pub)
	arabic := item("Daily", "https://d.example/ar-results", "«القلية للبترول» تحقق 14.6 مليار دولار أرباحاً في الربع الأول",
		"أعلنت شركة «القلية للبترول»، الثلاثاء، تحقيق صافي دخل بلغ 14.6 مليار دولار في الربع الأول من عام 2034، بانخفاض 7 في المائة عن الفترة ذاتها من العام الماضي، مع الإبقاء على توزيعات الأرباح عند 3.8 مليار دولار.", pub.Add(3*time.Hour))
	other := item("Daily", "https://d.example/ar-other", "«مصرف الوادي» يحقق 2.1 مليار دولار أرباحاً في الربع الأول",
		"أعلن «مصرف الوادي»، الثلاثاء، تحقيق صافي دخل بلغ 2.1 مليار دولار في الربع الأول من عام 2034، بارتفاع 12 في المائة عن الفترة ذاتها من العام الماضي.", pub.Add(3*time.Hour))
	if !firstAndLastJoin(v, []*model.Item{english, arabic}, time.UTC, mechanism{}) {
		t.Errorf("%q and %q, one company's results, are two stories", english.Title, arabic.Title)
	}
	if firstAndLastJoin(v, []*model.Item{english, arabic}, time.UTC, otherScripts) {
		t.Errorf("%q and %q share a story with otherScripts off", english.Title, arabic.Title)
	}
	if firstAndLastJoin(v, []*model.Item{english, other}, time.UTC, mechanism{}) {
		t.Errorf("%q joined another company's results", other.Title)
	}
}

// TestOtherScriptDigits: digits of other scripts are read as ASCII ones,
// so a figure a Nepali, Bengali or Persian report writes is the figure an
// English report writes.
func TestOtherScriptDigits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"५.९ रेक्टर", "5.9 रेक्टर"},
		{"১,২০০ জন", "1200 জন"},
		{"۱۴ ملوان", "14 ملوان"},
		{"٢٧ مليار", "27 مليار"},
		{"1,025 prisoners", "1025 prisoners"},
	}
	checkSplitWords(t, tests)
}

// checkSplitWords checks splitWords' lower-cased words of each in, joined
// by spaces.
func checkSplitWords(t *testing.T, tests []struct{ in, want string }) {
	t.Helper()
	for _, tt := range tests {
		var got []string
		for _, w := range splitWords(tt.in) {
			got = append(got, w.lower)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("splitWords(%q) = %q, want %q", tt.in, strings.Join(got, " "), tt.want)
		}
	}
}

// TestActElsewhere checks that a report of a dated act whose headline
// places it at a name no report of a story of that act has, while the
// story's report places its own at a name the report lacks, stays apart
// (two capsizes of one afternoon off two coasts), and that a report of
// the story's act placed by a nearby name still joins when its lead gives
// the story's place, or a count the story's headline gives.
func TestActElsewhere(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "capsize"
verbs = ["capsize"]
needs = ["boat", "trawler"]
`)
	at := func(h, m int) time.Time { return time.Date(2027, 4, 14, h, m, 0, 0, time.UTC) }
	story := []*model.Item{
		item("Harbour Wire", "https://hw.example/1", "Fishing boat capsizes off Tarvik, five missing",
			"A fishing boat with eight crew capsized off Tarvik on Wednesday afternoon, leaving five missing, the coastguard said. Three men were pulled from the water by a passing ferry.", at(14, 10)),
	}
	checkLastJoin(t, v, story, item("Coast Radio", "https://cr.example/1", "Fishing boat capsizes off Morrow Head; two dead",
		"A small fishing boat capsized off Morrow Head on Wednesday afternoon, killing two of its crew, the coastguard said. Rescuers found both men clinging to the hull.", at(14, 40)),
		false, actsElsewhere)
	checkLastJoins(t, v, story, []joinCase{
		{"the capsize by a nearby point, its lead naming the town", item("Coast Radio", "https://cr.example/2", "Fishing boat capsizes off Kessock Point",
			"A fishing boat capsized off Kessock Point near Tarvik on Wednesday afternoon, the coastguard said; five of its eight crew are missing.", at(15, 5)), true},
		{"the capsize by a nearby point, with the story's count", item("Coast Radio", "https://cr.example/3", "Five missing as fishing boat capsizes off Kessock Point",
			"A fishing boat capsized off Kessock Point on Wednesday afternoon; five of its eight crew are missing, the coastguard said.", at(15, 20)), true},
	})
}
