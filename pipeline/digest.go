package pipeline

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"time"

	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/outbox"
	"wirewatch/storage"
	"wirewatch/stories"
)

// digestKey is the metadata key holding a digest's last run.
func digestKey(name string) string { return "digest:" + name + ":last" }

// Digests posts every digest that is due. A digest whose runs were missed
// while wirewatch was down is posted once, covering the whole gap. On the very
// first start a digest only records the time, so a new install does not post
// a digest of its backlog.
func (p *Pipeline) Digests(ctx context.Context) (int, error) {
	rt := p.runtime.Load()
	now := p.opts.Clock()
	posted := 0
	for _, d := range rt.Config.Digests {
		n, err := p.digest(ctx, rt, d, now)
		if err != nil {
			return posted, fmt.Errorf("digest %s: %w", d.Name, err)
		}
		posted += n
	}
	if posted > 0 {
		p.opts.Notify()
	}
	return posted, nil
}

// digest posts digest d when it is due at now. Its posts and its new last
// run are one write that happens only while the last run is still the one
// read: a crash cannot leave posts whose run is not recorded, and a second
// run of the same slot (a restart, a replica) posts nothing.
func (p *Pipeline) digest(ctx context.Context, rt *Runtime, d config.Digest, now time.Time) (int, error) {
	last, raw, err := lastDigestRun(ctx, p.store, d.Name)
	if err != nil {
		return 0, err
	}
	run := now.UTC().Format(time.RFC3339)
	if raw == "" {
		return 0, p.store.SetMeta(ctx, digestKey(d.Name), run)
	}
	due, _, err := nextDigestRuns(d, last, now)
	if err != nil || !due {
		return 0, err
	}
	posts, err := PlanDigest(ctx, p.store, rt, d, last, now, p.opts.SplitDigest)
	if err != nil {
		return 0, err
	}
	moved, err := p.store.AddPostsMovingMeta(ctx, posts, storage.MetaMove{Key: digestKey(d.Name), Old: raw, New: run})
	if err != nil {
		return 0, err
	}
	if !moved {
		p.log.Info("digest already run", "digest", d.Name, "since", last)
		return 0, nil
	}
	p.log.Info("digest", "digest", d.Name, "since", last, "posts", len(posts))
	return len(posts), nil
}

// MetaReader reads the small values where digests keep their last run.
type MetaReader interface {
	Meta(ctx context.Context, key string) (string, error)
}

// lastDigestRun is when digest name last ran, and the stored value that
// says so; "" when it never did.
func lastDigestRun(ctx context.Context, store MetaReader, name string) (time.Time, string, error) {
	raw, err := store.Meta(ctx, digestKey(name))
	if errors.Is(err, storage.ErrNotFound) || (err == nil && raw == "") {
		return time.Time{}, "", nil
	}
	if err != nil {
		return time.Time{}, "", err
	}
	last, err := time.Parse(time.RFC3339, raw)
	if err != nil {
		return time.Time{}, "", fmt.Errorf("digest %s: last run %q: %w", name, raw, err)
	}
	return last, raw, nil
}

// DigestPeriodStart is where a digest run at `at` starts its period: its
// last run when that was before `at` (the stored time, which a run while
// wirewatch was down never moved), else its schedule's run before `at`.
// The preview (wirewatch digest) uses it; a real run always has a last run.
func DigestPeriodStart(ctx context.Context, store MetaReader, d config.Digest, at time.Time) (time.Time, error) {
	last, raw, err := lastDigestRun(ctx, store, d.Name)
	if err != nil {
		return time.Time{}, err
	}
	if raw != "" && last.Before(at) {
		return last, nil
	}
	sched, err := d.Parsed()
	if err != nil {
		return time.Time{}, err
	}
	// The last scheduled time before at: step through the schedule from a
	// week (or a year, for a rare one) before.
	for _, back := range []time.Duration{8 * 24 * time.Hour, 370 * 24 * time.Hour} {
		prev := time.Time{}
		for t := sched.Next(at.Add(-back)); t.Before(at); t = sched.Next(t) {
			prev = t
		}
		if !prev.IsZero() {
			return prev, nil
		}
	}
	return at.Add(-24 * time.Hour), nil
}

// DigestStore is what planning a digest reads: the stories of its period
// and the mutes in force.
type DigestStore interface {
	Stories(ctx context.Context, q storage.Query) ([]model.Story, error)
	Mutes(ctx context.Context, at time.Time) ([]model.Mute, error)
}

// PlanDigest returns the posts digest d makes at now for the stories
// updated in [since, now): for each of its channels, its content without
// the topics muted there, split into parts by split (the platform's
// message size; nil keeps one part), one post per part. A channel left
// with nothing to tell gets no post.
func PlanDigest(ctx context.Context, store DigestStore, rt *Runtime, d config.Digest, since, now time.Time, split func(model.DigestContent) []model.DigestContent) ([]model.Post, error) {
	sts, err := store.Stories(ctx, storage.Query{Since: since, Until: now, Limit: -1})
	if err != nil {
		return nil, err
	}
	list, err := store.Mutes(ctx, now)
	if err != nil {
		return nil, fmt.Errorf("read mutes: %w", err)
	}
	muted := mutes{}
	for _, m := range list {
		muted[[2]string{m.Channel, m.Topic}] = m.Until
	}
	var posts []model.Post
	for _, name := range d.Channels {
		ch := rt.Config.Channel(name)
		if ch == nil {
			continue
		}
		content, ok := digestContent(rt, d, sts, func(topic string) bool { return muted.any(ch.Name, []string{topic}, now) }, since, now)
		if !ok {
			continue
		}
		parts := []model.DigestContent{*content}
		if split != nil {
			parts = split(*content)
		}
		for i := range parts {
			part := parts[i]
			post := newPost(model.PostDigest, *ch, now)
			post.Rule = d.Name
			post.Nonce = outbox.Nonce("digest", d.Name, ch.Name, now.UTC().Truncate(time.Minute).Format(time.RFC3339), strconv.Itoa(i))
			post.Content = model.Content{Digest: &part, TimeZone: rt.Config.Location().String()}
			// Parts are written together and go out in this order: the
			// outbox sends one priority's posts oldest first, and equal
			// times in the order written.
			post.CreatedAt = now.Add(time.Duration(i) * time.Microsecond)
			posts = append(posts, post)
		}
	}
	return posts, nil
}

// digestLine is a digest entry with what ranks it.
type digestLine struct {
	entry  model.DigestEntry
	topics []string
	score  float64
}

// digestContent is what digest d says in a channel: the events its topics'
// stories tell (the timeline's entries: a story told over adjacent days is
// one), ranked by DigestScore, grouped under the first of the digest's
// topics each has (the digest's order, else by name), sections ordered by
// their best entry, at most max_stories entries each. A topic muted in the
// channel is left out: its section is absent, and so is a story of no
// other of the digest's topics (a launch that also names a muted Japan
// stays under North Korea). It reports false when nothing is left.
func digestContent(rt *Runtime, d config.Digest, sts []model.Story, muted func(topic string) bool, since, now time.Time) (*model.DigestContent, bool) {
	var topics []string
	if len(d.Topics) > 0 {
		topics = slices.Clone(d.Topics)
	} else {
		for _, t := range rt.Config.Topics {
			topics = append(topics, t.Name)
		}
		sort.Strings(topics)
	}
	topics = slices.DeleteFunc(topics, muted)
	perTopic := d.MaxStories
	if perTopic <= 0 {
		perTopic = config.DefaultDigestStories
	}
	var kept []model.Story
	byID := map[string]model.Story{}
	for _, st := range sts {
		if !slices.ContainsFunc(st.Topics, func(t string) bool { return slices.Contains(topics, t) }) {
			continue
		}
		kept = append(kept, st)
		byID[st.ID] = st
	}
	loc := rt.Config.Location()
	sections := map[string][]digestLine{}
	total := 0
	for _, e := range stories.TimelineWith(kept, loc, rt.Vocabulary) {
		line := digestLineOf(e, byID, now)
		for _, t := range topics {
			if slices.Contains(line.topics, t) {
				sections[t] = append(sections[t], line)
				total++
				break
			}
		}
	}
	content := &model.DigestContent{Name: d.Name, Since: since, Until: now, Total: total}
	order := make([]string, 0, len(sections))
	for _, t := range topics {
		lines := sections[t]
		if len(lines) == 0 {
			continue
		}
		sort.SliceStable(lines, func(i, j int) bool { return lines[i].before(lines[j]) })
		order = append(order, t)
	}
	// Sections by their best entry; the digest's topic order breaks ties.
	sort.SliceStable(order, func(i, j int) bool { return sections[order[i]][0].before(sections[order[j]][0]) })
	for _, t := range order {
		lines := sections[t]
		sec := model.DigestSection{Topic: t, Title: rt.Config.TopicTitle(t), Stories: len(lines)}
		for _, l := range lines[:min(len(lines), perTopic)] {
			sec.Entries = append(sec.Entries, l.entry)
		}
		content.NotShown += sec.Stories - len(sec.Entries)
		content.Sections = append(content.Sections, sec)
	}
	return content, len(content.Sections) > 0
}

// digestLineOf makes a timeline entry a digest line: the best-sourced
// story's headline, link and summary (another merged story's summary when
// it has none), the outlets, highest severity and newest report of all its
// stories.
func digestLineOf(e stories.Entry, byID map[string]model.Story, now time.Time) digestLine {
	lead := byID[e.StoryIDs[0]]
	l := digestLine{entry: model.DigestEntry{StoryID: lead.ID, Headline: e.Title, Link: e.Link, Summary: lead.Summary, EventDate: e.Date}}
	// The headline links to the report it is the title of.
	for _, src := range lead.Sources {
		if src.Title == e.Title && src.Link != "" {
			l.entry.Link = src.Link
			break
		}
	}
	var outlets []string
	for _, id := range e.StoryIDs {
		st := byID[id]
		if l.entry.Summary == "" {
			l.entry.Summary = st.Summary
		}
		if st.Severity.Rank() > l.entry.Severity.Rank() {
			l.entry.Severity = st.Severity
		}
		if st.Updated.After(l.entry.Updated) {
			l.entry.Updated = st.Updated
		}
		for _, src := range st.Outlets() {
			if !slices.Contains(outlets, src.Feed) {
				outlets = append(outlets, src.Feed)
			}
		}
		for _, t := range st.Topics {
			if !slices.Contains(l.topics, t) {
				l.topics = append(l.topics, t)
			}
		}
	}
	l.entry.Sources = len(outlets)
	if len(lead.Sources) > 0 {
		l.entry.Feed = lead.Sources[0].Feed
	}
	l.score = DigestScore(l.entry.Sources, l.entry.Severity, now.Sub(l.entry.Updated))
	return l
}

// before orders digest lines: higher score first, then more outlets, then
// the newer, then by story ID so the order never depends on input order.
func (a digestLine) before(b digestLine) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if a.entry.Sources != b.entry.Sources {
		return a.entry.Sources > b.entry.Sources
	}
	if !a.entry.Updated.Equal(b.entry.Updated) {
		return a.entry.Updated.After(b.entry.Updated)
	}
	return a.entry.StoryID < b.entry.StoryID
}

// The weights of DigestScore.
const (
	digestOutletPoints  = 2.0                 // per doubling of the outlets
	digestUrgentPoints  = 3.0                 // when an urgent rule matched
	digestRecentPoints  = 2.0                 // a report this very moment
	digestRecencyHalves = 12 * time.Hour      // recency's half-life
	digestMaxAge        = 30 * 24 * time.Hour // older is as old
)

// DigestScore is how important a digest entry is, in points:
//
//	2·log2(outlets)              how many outlets told it: 1 → 0, 2 → 2, 6 → 5.2, 16 → 8
//	+ severity rank              the highest severity of the rules it matched:
//	                             none 0, info 1, alert 2, urgent 3
//	+ 3 if urgent                an urgent rule of the desk matched it
//	+ 2·2^(−age/12 h)            recency of its newest report at the digest's
//	                             time: 2 now, 1 after 12 hours, 0.25 after 36
//
// So an event six outlets told outranks a fresh item one outlet told (5.2
// against at most 2), an item an urgent rule matched outranks an event of
// no rule told by fewer than eight outlets at the same age, and among
// equals the newer comes first.
func DigestScore(outlets int, sev model.Severity, age time.Duration) float64 {
	score := 0.0
	if outlets > 1 {
		score += digestOutletPoints * math.Log2(float64(outlets))
	}
	if r := sev.Rank(); r >= 0 {
		score += float64(r + 1)
	}
	if sev == model.SeverityUrgent {
		score += digestUrgentPoints
	}
	age = min(max(age, 0), digestMaxAge)
	score += digestRecentPoints * math.Exp2(-age.Hours()/digestRecencyHalves.Hours())
	return score
}
