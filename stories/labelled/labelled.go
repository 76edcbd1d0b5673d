// Package labelled reads the labelled grouping sets (stories/testdata) and
// scores a grouping against them: pairwise precision and recall of the
// stories, and how many events got their true date.
//
// A set is a text file of records. A record starts with "=== <id>"; header
// lines "key: value" follow until a blank line; the rest is the item's
// text. Lines starting with "#" outside a text are comments. Headers:
// story (the true label: items with one story report one event), feed,
// zone (IANA), published (RFC 3339), link, title, and optionally date
// (YYYY-MM-DD, the event's true day) and copy (start from another record's
// headers and text: a second feed carrying the same article).
//
// Rules: no I/O but reading the file it is given; it imports only model.
package labelled

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"wirewatch/model"
)

// Record is one labelled item.
type Record struct {
	ID    string
	Story string // the true event
	Date  string // the event's true day, YYYY-MM-DD; "" when not labelled
	Zone  *time.Location
	Item  model.Item
}

// Read parses a set and returns its records in publication order (stable
// for equal times).
func Read(path string) ([]Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()

	type raw struct {
		id      string
		headers map[string]string
		text    []string
	}
	var recs []*raw
	var cur *raw
	inText := false
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		switch {
		case strings.HasPrefix(s, "=== "):
			cur = &raw{id: strings.TrimSpace(s[4:]), headers: map[string]string{}}
			recs = append(recs, cur)
			inText = false
		case cur == nil || (strings.HasPrefix(s, "#") && !inText):
		case !inText && s == "":
			inText = true
		case !inText:
			k, v, ok := strings.Cut(s, ":")
			if !ok {
				return nil, fmt.Errorf("%s:%d: %s: bad header %q", path, line, cur.id, s)
			}
			cur.headers[strings.TrimSpace(k)] = strings.TrimSpace(v)
		default:
			cur.text = append(cur.text, s)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}

	byID := map[string]*raw{}
	for _, r := range recs {
		if byID[r.id] != nil {
			return nil, fmt.Errorf("%s: duplicate id %s", path, r.id)
		}
		byID[r.id] = r
	}
	out := make([]Record, 0, len(recs))
	for _, r := range recs {
		h := map[string]string{}
		text := strings.TrimSpace(strings.Join(r.text, "\n"))
		if from := r.headers["copy"]; from != "" {
			src := byID[from]
			if src == nil {
				return nil, fmt.Errorf("%s: %s: copy of unknown %s", path, r.id, from)
			}
			for k, v := range src.headers {
				h[k] = v
			}
			if text == "" {
				text = strings.TrimSpace(strings.Join(src.text, "\n"))
			}
		}
		for k, v := range r.headers {
			h[k] = v
		}
		loc, err := time.LoadLocation(h["zone"])
		if err != nil {
			return nil, fmt.Errorf("%s: %s: zone: %w", path, r.id, err)
		}
		pub, err := time.Parse(time.RFC3339, h["published"])
		if err != nil {
			return nil, fmt.Errorf("%s: %s: published: %w", path, r.id, err)
		}
		for _, k := range []string{"story", "feed", "link", "title"} {
			if h[k] == "" {
				return nil, fmt.Errorf("%s: %s: no %s", path, r.id, k)
			}
		}
		if d := h["date"]; d != "" {
			if _, err := time.Parse(time.DateOnly, d); err != nil {
				return nil, fmt.Errorf("%s: %s: date: %w", path, r.id, err)
			}
		}
		out = append(out, Record{ID: r.id, Story: h["story"], Date: h["date"], Zone: loc, Item: model.Item{
			Key: "link:" + h["link"], Feed: h["feed"], Link: h["link"], Title: h["title"], Text: text,
			Published: pub, FirstSeen: pub,
		}})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Item.Published.Before(out[j].Item.Published) })
	return out, nil
}

// Scores are a grouping's figures against a set's labels.
type Scores struct {
	Items, Events, Stories int     // items, labelled events, stories built
	TP, FP, FN             int     // item pairs: same event and story; same story only; same event only
	Precision, Recall      float64 // pairwise
	DatedEvents            int     // events with a labelled date
	DatesRight             int     // of those, events whose story has the true date
}

// DateAccuracy is the share of dated events whose date is right (1 with none).
func (s Scores) DateAccuracy() float64 {
	if s.DatedEvents == 0 {
		return 1
	}
	return float64(s.DatesRight) / float64(s.DatedEvents)
}

func (s Scores) String() string {
	dates := "dates not labelled"
	if s.DatedEvents > 0 {
		dates = fmt.Sprintf("dates=%d/%d (%.1f%%)", s.DatesRight, s.DatedEvents, 100*s.DateAccuracy())
	}
	return fmt.Sprintf("items=%d events=%d stories=%d pairs tp=%d fp=%d fn=%d precision=%.3f recall=%.3f %s",
		s.Items, s.Events, s.Stories, s.TP, s.FP, s.FN, s.Precision, s.Recall, dates)
}

// Score compares a grouping with the labels: story[i] is the story record
// i was put in, date[i] that story's final event day (YYYY-MM-DD). An
// event's date is the date of the story that holds most of its items (the
// one holding its earliest item on a tie).
func Score(recs []Record, story, date []string) Scores {
	s := Scores{Items: len(recs)}
	for i := range recs {
		for j := i + 1; j < len(recs); j++ {
			same, grouped := recs[i].Story == recs[j].Story, story[i] == story[j]
			switch {
			case same && grouped:
				s.TP++
			case grouped:
				s.FP++
			case same:
				s.FN++
			}
		}
	}
	s.Precision, s.Recall = 1, 1
	if s.TP+s.FP > 0 {
		s.Precision = float64(s.TP) / float64(s.TP+s.FP)
	}
	if s.TP+s.FN > 0 {
		s.Recall = float64(s.TP) / float64(s.TP+s.FN)
	}

	built := map[string]bool{}
	byEvent := map[string][]int{}
	var events []string
	for i, r := range recs {
		built[story[i]] = true
		if byEvent[r.Story] == nil {
			events = append(events, r.Story)
		}
		byEvent[r.Story] = append(byEvent[r.Story], i)
	}
	s.Stories, s.Events = len(built), len(events)
	for _, e := range events {
		idx := byEvent[e]
		want := ""
		for _, i := range idx {
			if recs[i].Date != "" {
				want = recs[i].Date
				break
			}
		}
		if want == "" {
			continue
		}
		s.DatedEvents++
		if date[MainStory(idx, story)] == want {
			s.DatesRight++
		}
	}
	return s
}

// MainStory is the index (among idx) of an item of the story that holds
// most of idx, the earliest such item on a tie.
func MainStory(idx []int, story []string) int {
	count := map[string]int{}
	best := idx[0]
	for _, i := range idx {
		count[story[i]]++
	}
	for _, i := range idx {
		if count[story[i]] > count[story[best]] {
			best = i
		}
	}
	return best
}
