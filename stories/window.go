package stories

import (
	"slices"
	"sort"
	"time"

	"wirewatch/model"
)

// Load replaces the window with stored stories and their items (items with
// StoryID set), as at start-up. Each story keeps its ID and Sources; its
// derived fields are recomputed from its items. A source without a matching
// item is matched by its link and title only. Items of unknown stories are
// ignored. Dates are resolved again in LocationOf(item.Feed).
func (g *Grouper) Load(items []model.Item, stories []model.Story) {
	byStory := map[string][]*model.Item{}
	for i := range items {
		it := &items[i]
		if it.StoryID != "" {
			byStory[it.StoryID] = append(byStory[it.StoryID], it)
		}
	}

	g.mu.Lock()
	defer g.mu.Unlock()
	g.reset()
	for _, st := range stories {
		if st.ID == "" || len(st.Sources) == 0 {
			continue
		}
		if _, dup := g.byID[st.ID]; dup {
			continue
		}
		s := &story{st: cloneStory(st)}
		s.st.Sources = s.st.Sources[:0]
		slot := g.place(s)
		byLink := map[string]*model.Item{}
		for _, it := range byStory[st.ID] {
			byLink[it.Link] = it
		}
		srcs := slices.Clone(st.Sources)
		sort.SliceStable(srcs, func(i, j int) bool { return srcs[i].Published.Before(srcs[j].Published) })
		for _, src := range srcs {
			it, ok := byLink[src.Link]
			if !ok {
				it = &model.Item{Feed: src.Feed, Title: src.Title, Link: src.Link, Published: src.Published}
			}
			f, _, _ := g.extract(it, g.locationOf(it))
			if ok {
				f.lead = g.leadOf(it)
			}
			s.st.Sources = append(s.st.Sources, src)
			s.members = append(s.members, f)
			g.index(slot, s, f)
		}
		g.refresh(s)
	}
}

func (g *Grouper) locationOf(it *model.Item) *time.Location {
	if g.LocationOf != nil {
		if loc := g.LocationOf(it.Feed); loc != nil {
			return loc
		}
	}
	return it.Published.Location()
}

// Prune drops the stories whose newest item is older than Retention at
// now. It rewrites the index, so call it now and then (once per poll
// cycle), not per item: Add already ignores stories out of reach.
func (g *Grouper) Prune(now time.Time) {
	g.mu.Lock()
	defer g.mu.Unlock()
	cutoff := now.Add(-Retention(g.window))
	dead := map[int32]bool{}
	for slot, s := range g.slots {
		if s != nil && s.st.Updated.Before(cutoff) {
			dead[int32(slot)] = true
		}
	}
	if len(dead) == 0 {
		return
	}
	for slot := range dead {
		g.forget(slot, g.slots[slot])
		g.slots[slot] = nil
	}
	keep := func(slot int32) bool { return !dead[slot] }
	filterIndex(g.byTitle, keep)
	filterIndex(g.bands, keep)
	filterIndex(g.post, keep)
	for slot := range dead {
		g.free = append(g.free, slot)
	}
}

// filterIndex keeps in each of an index's lists the slots keep holds, and
// drops the lists left empty.
func filterIndex[K comparable](index map[K][]int32, keep func(int32) bool) {
	for k, list := range index {
		if list = filterSlots(list, keep); len(list) == 0 {
			delete(index, k)
		} else {
			index[k] = list
		}
	}
}

func filterSlots(list []int32, keep func(int32) bool) []int32 {
	out := list[:0]
	for _, s := range list {
		if keep(s) {
			out = append(out, s)
		}
	}
	return out
}
