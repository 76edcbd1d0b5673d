package pipeline

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"time"

	"wirewatch/model"
)

// ReplayItem is one line of Replay's input.
type ReplayItem struct {
	ID        string `json:"id"`
	Feed      string `json:"feed"`
	Timezone  string `json:"timezone"` // the outlet's IANA zone; default the feed's in the config, else the bot's
	Published string `json:"published"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Link      string `json:"link,omitempty"` // optional: the same link is the same report
}

// ReplayResult is one line of Replay's output: the story an item joined
// and that story's event date when the replay ended.
type ReplayResult struct {
	ID    string `json:"id"`
	Story string `json:"story"`
	Date  string `json:"date"` // YYYY-MM-DD in the replay's zone
}

// maxReplayLine caps one input line (an article's text).
const maxReplayLine = 4 << 20

// Replay groups items as the running pipeline would: each is cleaned,
// summarized and given its topics (Prepare), then added to a grouper set
// up as the pipeline's (NewGrouper) with the clock at its publication
// time, in publication order (stable for equal times). It writes one
// result per item, in input order, once all are grouped, so each carries
// its story's final event date, read and written in zone.
func Replay(rt *Runtime, in io.Reader, out io.Writer, zone *time.Location) error {
	if zone == nil {
		zone = rt.Config.Location()
	}
	var items []model.Item
	var locs []*time.Location
	var ids []string
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64<<10), maxReplayLine)
	line := 0
	for sc.Scan() {
		line++
		if len(sc.Bytes()) == 0 {
			continue
		}
		var ri ReplayItem
		if err := json.Unmarshal(sc.Bytes(), &ri); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		it, loc, err := rt.replayItem(ri)
		if err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		items, locs, ids = append(items, it), append(locs, loc), append(ids, ri.ID)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read items: %w", err)
	}

	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return items[order[a]].Published.Before(items[order[b]].Published) })
	g := rt.NewGrouper()
	g.DeskZone = zone // the stories are dated where their dates are read
	final := map[string]model.Story{}
	into := map[string]string{} // merged story → the story it became part of
	var pruned time.Time
	for _, i := range order {
		it := &items[i]
		rt.Prepare(it)
		// Prune as the pipeline does after storing items (at most once a
		// minute): pruned stories no longer weigh in the terms' rarity.
		if it.Published.Sub(pruned) > PruneInterval {
			g.Prune(it.Published)
			pruned = it.Published
		}
		st, _ := g.Add(it, locs[i])
		final[st.ID] = st
		for _, m := range g.TakeMerges() {
			into[m.From] = m.Into
		}
	}
	w := bufio.NewWriter(out)
	enc := json.NewEncoder(w)
	for i, it := range items {
		story := it.StoryID
		for into[story] != "" { // a story merged later is the one it became part of
			story = into[story]
		}
		res := ReplayResult{ID: ids[i], Story: story, Date: final[story].EventDate.In(zone).Format(time.DateOnly)}
		if err := enc.Encode(res); err != nil {
			return err
		}
	}
	return w.Flush()
}

// replayItem turns an input line into an item and its outlet's zone.
func (rt *Runtime) replayItem(ri ReplayItem) (model.Item, *time.Location, error) {
	if ri.ID == "" {
		return model.Item{}, nil, fmt.Errorf(`no "id"`)
	}
	pub, err := time.Parse(time.RFC3339, ri.Published)
	if err != nil {
		return model.Item{}, nil, fmt.Errorf("item %s: published: %w", ri.ID, err)
	}
	cfg := rt.Config
	loc := cfg.FeedLocation(ri.Feed)
	if ri.Timezone != "" {
		if loc, err = time.LoadLocation(ri.Timezone); err != nil {
			return model.Item{}, nil, fmt.Errorf("item %s: timezone: %w", ri.ID, err)
		}
	}
	key := "id:" + ri.ID
	if ri.Link != "" {
		key = "link:" + ri.Link
	}
	it := model.Item{Key: key, Feed: ri.Feed, Link: ri.Link, Title: ri.Title, Text: ri.Text, Published: pub, FirstSeen: pub}
	return it, loc, nil
}
