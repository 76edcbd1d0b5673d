package stories

import (
	"math"
	"sort"
	"time"

	"wirewatch/model"
)

// mergeSimilarity is how alike two stories' headlines must be for the
// timeline to show them as one entry when their days touch; launches of the
// same weapon class into the same sea need less.
const (
	mergeSimilarity       = 0.45
	mergeLaunchSimilarity = 0.25
)

// Entry is one line of a timeline: one event, possibly several stories
// (the same event reported on adjacent days).
type Entry struct {
	Date     time.Time // the event's day, midnight in the timeline's zone
	Title    string    // headline of the best-sourced story
	Link     string    // link of that story
	Summary  string    // that story's summary, else another merged story's; "" if none has one
	Sources  int       // reports across the merged stories
	StoryIDs []string  // best-sourced first
	Links    []string  // each story's link, in StoryIDs order
}

// Timeline orders stories by event day, newest first, and merges stories
// whose days are equal or adjacent and whose headlines report the same
// event. The result does not depend on the order of stories, and ties are
// broken by story ID, so pages cut from it are stable. To page by dates,
// pass the stories of a date range; entries near its edges may merge with
// stories just outside it, so fetch a day more on each side when that
// matters.
func Timeline(stories []model.Story, loc *time.Location) []Entry {
	return TimelineWith(stories, loc, nil)
}

// TimelineWith is Timeline reading headlines with a desk's vocabulary (nil:
// the default), so its facts and kinds of act keep its events apart.
func TimelineWith(stories []model.Story, loc *time.Location, voc *Vocabulary) []Entry {
	if loc == nil {
		loc = time.UTC
	}
	if voc == nil {
		voc = DefaultVocabulary()
	}
	rows := make([]timelineRow, 0, len(stories))
	df := map[uint32]int{}
	for _, st := range stories {
		r := newTimelineRow(st, loc, voc)
		for _, t := range r.f.terms {
			df[t]++
		}
		rows = append(rows, r)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].before(rows[j]) })

	n := float64(len(rows))
	weight := func(t uint32) float64 {
		v := math.Log(1 + (n+1)/float64(df[t]+1))
		if voc.commonIDs[t] {
			v *= commonWeight
		}
		return v
	}
	w := &weigher{cache: map[uint32]float64{}}
	for t := range df {
		w.cache[t] = weight(t)
	}

	var groups [][]*timelineRow
	for i := range rows {
		r := &rows[i]
		placed := false
		for gi := range groups {
			if sameEvent(voc, groups[gi], r, w) {
				groups[gi] = append(groups[gi], r)
				placed = true
				break
			}
		}
		if !placed {
			groups = append(groups, []*timelineRow{r})
		}
	}

	entries := make([]Entry, 0, len(groups))
	for _, grp := range groups {
		entries = append(entries, entryOf(grp, loc))
	}
	sort.SliceStable(entries, func(i, j int) bool {
		a, b := entries[i], entries[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		if a.Sources != b.Sources {
			return a.Sources > b.Sources
		}
		return a.StoryIDs[0] < b.StoryIDs[0]
	})
	return entries
}

// timelineRow is a story with its day and its headlines' features.
type timelineRow struct {
	st  model.Story
	day int32
	f   features
}

func newTimelineRow(st model.Story, loc *time.Location, voc *Vocabulary) timelineRow {
	t := st.EventDate
	if t.IsZero() {
		t = st.FirstSeen
	}
	r := timelineRow{st: st, day: dayNumber(t.In(loc))}
	title := st.Title
	for _, src := range st.Sources {
		if src.Title != st.Title {
			title += ". " + src.Title
		}
	}
	it := model.Item{Title: title, Published: st.FirstSeen}
	r.f, _, _ = voc.extract(&it, loc)
	r.f.titleTerms = r.f.terms
	r.f.day = 0 // the row's day is the story's, not what its headlines say
	return r
}

// before orders rows: later day first, then more sources, then earlier
// first seen, then ID.
func (a timelineRow) before(b timelineRow) bool {
	if a.day != b.day {
		return a.day > b.day
	}
	if len(a.st.Sources) != len(b.st.Sources) {
		return len(a.st.Sources) > len(b.st.Sources)
	}
	if !a.st.FirstSeen.Equal(b.st.FirstSeen) {
		return a.st.FirstSeen.Before(b.st.FirstSeen)
	}
	return a.st.ID < b.st.ID
}

// sameEvent tells whether r reports the event of a group: a day equal or
// next to one of the group's, alike headlines and no veto. Likeness is
// tried before the veto: most rows are like no group, and the veto needs
// the group as a story, built only then.
func sameEvent(voc *Vocabulary, grp []*timelineRow, r *timelineRow, w *weigher) bool {
	near := false
	for _, m := range grp {
		if abs32(m.day-r.day) <= 1 {
			near = true
			break
		}
	}
	if !near {
		return false
	}
	alike := false
	for _, m := range grp {
		if !intersects(m.f.terms, r.f.terms) {
			continue // no shared term: similarity 0, and a sorted merge costs no weights
		}
		need := mergeSimilarity
		if voc.sameSignature(&m.f, &r.f) {
			need = mergeLaunchSimilarity
		}
		if w.similarity(m.f.terms, r.f.terms) >= need {
			alike = true
			break
		}
	}
	if !alike {
		return false
	}
	s := &story{}
	for _, m := range grp {
		s.members = append(s.members, m.f)
	}
	return !voc.vetoed(s, &r.f, nil)
}

// entryOf makes one entry of a group whose first row is its best-sourced
// story; the entry's day is the day with most sources.
func entryOf(grp []*timelineRow, loc *time.Location) Entry {
	lead := grp[0]
	for _, r := range grp[1:] {
		if len(r.st.Sources) > len(lead.st.Sources) {
			lead = r
		}
	}
	perDay := map[int32]int{}
	e := Entry{Title: lead.st.Title, Link: lead.st.Link, Summary: lead.st.Summary}
	e.StoryIDs = append(e.StoryIDs, lead.st.ID)
	e.Links = append(e.Links, lead.st.Link)
	for _, r := range grp {
		n := len(r.st.Sources)
		if n == 0 {
			n = 1
		}
		e.Sources += n
		perDay[r.day] += n
		if r != lead {
			e.StoryIDs = append(e.StoryIDs, r.st.ID)
			e.Links = append(e.Links, r.st.Link)
			if e.Summary == "" {
				e.Summary = r.st.Summary
			}
		}
	}
	day, best := lead.day, 0
	for d, n := range perDay {
		if n > best || (n == best && d > day) {
			day, best = d, n
		}
	}
	y, m, d := dayNoonUTC(day).Date()
	e.Date = time.Date(y, m, d, 0, 0, 0, 0, loc)
	return e
}
