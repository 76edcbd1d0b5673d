package lookup

import (
	"context"
	"errors"
	"fmt"

	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/rules"
	"wirewatch/storage"
	"wirewatch/stories"
)

// TimelinePage is one page of a topic's timeline, newest first.
type TimelinePage struct {
	Entries []stories.Entry
	Topic   string
	Range   Range
	Page    int  // 0 is the newest page
	More    bool // an older page exists
}

// TimelinePaged returns page page (0 = newest) of a topic's timeline, perPage
// stories a page. Paging is by stories, so a page never needs the ones
// before it: a button can ask for page 7 directly, after a restart too.
func TimelinePaged(ctx context.Context, st Store, cfg *config.Config, topic string, r Range, pageNo, perPage int) (TimelinePage, error) {
	if err := CheckTopic(cfg, topic); err != nil {
		return TimelinePage{}, err
	}
	perPage, offset, err := page(perPage, pageNo*perPage)
	if err != nil || pageNo < 0 {
		return TimelinePage{}, inputf("page %d does not exist", pageNo+1)
	}
	sts, err := st.Timeline(ctx, storage.Query{Topic: topic, Since: r.From, Until: r.To, Limit: perPage + 1, Offset: offset})
	if err != nil {
		return TimelinePage{}, fmt.Errorf("timeline of %s: %w", topic, err)
	}
	p := TimelinePage{Topic: topic, Range: r, Page: pageNo, More: len(sts) > perPage}
	if p.More {
		sts = sts[:perPage]
	}
	p.Entries = stories.TimelineWith(sts, cfg.Location(), Vocabulary(cfg))
	return p, nil
}

// Search runs a full-text query, best match first, optionally within one
// topic, over items published in r. It returns at most limit items from
// offset.
func Search(ctx context.Context, st Store, cfg *config.Config, text, topic string, r Range, limit, offset int) ([]model.Item, error) {
	text, err := CleanQuery(text)
	if err != nil {
		return nil, err
	}
	if err := CheckTopic(cfg, topic); err != nil {
		return nil, err
	}
	limit, offset, err = page(limit, offset)
	if err != nil {
		return nil, err
	}
	items, err := st.Search(ctx, text, storage.Query{Topic: topic, Since: r.From, Until: r.To, Limit: limit, Offset: offset})
	var qe *storage.QueryError
	if errors.As(err, &qe) {
		return nil, inputf("%s", qe.Msg)
	}
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", text, err)
	}
	return items, nil
}

// Latest returns the newest items, optionally of one topic.
func Latest(ctx context.Context, st Store, cfg *config.Config, topic string, limit int) ([]model.Item, error) {
	if err := CheckTopic(cfg, topic); err != nil {
		return nil, err
	}
	limit, _, err := page(limit, 0)
	if err != nil {
		return nil, err
	}
	items, err := st.Latest(ctx, storage.Query{Topic: topic, Limit: limit})
	if err != nil {
		return nil, fmt.Errorf("latest of %q: %w", topic, err)
	}
	return items, nil
}

// StoryStore reads one story: the stories of /latest's items.
type StoryStore interface {
	Story(ctx context.Context, id string) (model.Story, error)
}

// StoriesOf returns the stored stories of items, by ID, each read once;
// an item whose story is not stored (or that has none) has no entry.
func StoriesOf(ctx context.Context, st StoryStore, items []model.Item) (map[string]model.Story, error) {
	out := map[string]model.Story{}
	for _, it := range items {
		if it.StoryID == "" {
			continue
		}
		if _, ok := out[it.StoryID]; ok {
			continue
		}
		story, err := st.Story(ctx, it.StoryID)
		if errors.Is(err, storage.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("story of %s: %w", it.Key, err)
		}
		out[it.StoryID] = story
	}
	return out, nil
}

// ruleScanBatch is how many items RuleTest reads per storage call.
const ruleScanBatch = 500

// RuleHit is a stored item a rule matched, with the words and phrases that
// set it off.
type RuleHit struct {
	Item  model.Item
	Terms []string
}

// RuleTest returns the stored items published in r that the rule would
// have matched, newest first, at most limit of them. It examines at most
// MaxRuleScan items (the newest of the range), so that testing a rule
// never reads a whole archive.
func RuleTest(ctx context.Context, st Store, cfg *config.Config, engine *rules.Engine, rule string, r Range, limit int) ([]RuleHit, error) {
	if _, err := CheckRule(cfg, rule); err != nil {
		return nil, err
	}
	if engine == nil {
		return nil, fmt.Errorf("test rule %s: no compiled rules", rule)
	}
	limit, _, err := page(limit, 0)
	if err != nil {
		return nil, err
	}
	var out []RuleHit
	for offset := 0; offset < MaxRuleScan && len(out) < limit; offset += ruleScanBatch {
		batch, err := st.Latest(ctx, storage.Query{Since: r.From, Until: r.To, Limit: ruleScanBatch, Offset: offset})
		if err != nil {
			return nil, fmt.Errorf("test rule %s: %w", rule, err)
		}
		for _, it := range batch {
			if terms, ok := matchedTerms(engine.Match(it), rule); ok {
				out = append(out, RuleHit{Item: it, Terms: terms})
				if len(out) == limit {
					break
				}
			}
		}
		if len(batch) < ruleScanBatch {
			break
		}
	}
	return out, nil
}

// matchedTerms returns the terms of the rule's match, if it matched.
func matchedTerms(ms []model.Match, rule string) ([]string, bool) {
	for _, m := range ms {
		if m.Rule == rule {
			return m.Terms, true
		}
	}
	return nil, false
}
