package lookup

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"wirewatch/config"
	"wirewatch/feeds"
	"wirewatch/model"
	"wirewatch/redact"
	"wirewatch/rules"
	"wirewatch/storage"
)

// WhyStore is the part of storage an item's path is read from.
type WhyStore interface {
	ItemByLink(ctx context.Context, link string) (model.Item, error)
	ItemByKey(ctx context.Context, key string) (model.Item, error)
	ItemByGUID(ctx context.Context, guid string) (model.Item, error)
	Decision(ctx context.Context, key string) (model.Decision, error)
	Story(ctx context.Context, id string) (model.Story, error)
	Post(ctx context.Context, id string) (model.Post, error)
	StoryAlerts(ctx context.Context, storyID string) ([]model.Post, error)
}

// MaxRefBytes bounds the URL, key or GUID wirewatch why is asked about.
const MaxRefBytes = 2048

// Why is an item's whole path through wirewatch: how it was found, the
// decisions stored with it, its story, the rules as configured now, and
// its posts.
type Why struct {
	Item    model.Item
	FoundBy string // "link", "canonical link", "key" or "guid"
	// Decision is what the pipeline decided when it stored the item; nil
	// for an item stored before decisions were recorded.
	Decision *model.Decision
	Story    *model.Story // nil when the story is no longer stored
	// Rules are every rule explained against the item as stored, with
	// the rules as configured now (they may have changed since).
	Rules []rules.Explanation
	Posts []WhyPost
}

// WhyPost is one post the item caused or was listed in, as it stands.
type WhyPost struct {
	Route model.RouteDecision // zero for a story alert found without a decision record
	Post  model.Post          // zero when the post is not stored (an edit a later one replaced)
	// Edits is the alert an update edits, for its message.
	Edits *model.Post
	// Link is the post's Discord message: a URL when the guild is known,
	// else "channel C, message M"; "" while it is not sent.
	Link string
}

// WhyItem finds the stored item ref names (its link, canonical link, key
// or GUID) and gathers its path. guild is the Discord server for message
// links ("" when unknown); engine explains the rules as configured now.
// An unknown item is a *NoItemError, an empty or overlong ref an
// *InputError; both satisfy IsInput.
func WhyItem(ctx context.Context, st WhyStore, cfg *config.Config, engine *rules.Engine, ref, guild string) (Why, error) {
	ref = strings.TrimSpace(strings.ToValidUTF8(ref, ""))
	switch {
	case ref == "":
		return Why{}, inputf("give an item's link, key or GUID, such as: https://news.example/2026/12/05/launch")
	case len(ref) > MaxRefBytes:
		return Why{}, inputf("the link is %d bytes long; the limit is %d", len(ref), MaxRefBytes)
	}
	it, how, err := findItem(ctx, st, ref)
	if err != nil {
		return Why{}, err
	}
	w := Why{Item: it, FoundBy: how}
	switch d, err := st.Decision(ctx, it.Key); {
	case err == nil:
		w.Decision = &d
	case !errors.Is(err, storage.ErrNotFound):
		return Why{}, fmt.Errorf("decision of %s: %w", it.Key, err)
	}
	if it.StoryID != "" {
		switch s, err := st.Story(ctx, it.StoryID); {
		case err == nil:
			w.Story = &s
		case !errors.Is(err, storage.ErrNotFound):
			return Why{}, fmt.Errorf("story of %s: %w", it.Key, err)
		}
	}
	if engine != nil {
		w.Rules = engine.Explain(it)
	}
	if w.Posts, err = whyPosts(ctx, st, w, guild); err != nil {
		return Why{}, err
	}
	return w, nil
}

// findItem looks ref up as a link, then its canonical form, a key, a GUID.
func findItem(ctx context.Context, st WhyStore, ref string) (model.Item, string, error) {
	tries := []struct {
		how  string
		find func(context.Context, string) (model.Item, error)
		arg  string
	}{
		{"link", st.ItemByLink, ref},
		{"canonical link", st.ItemByLink, feeds.CanonicalLink(ref)},
		{"key", st.ItemByKey, ref},
		{"guid", st.ItemByGUID, ref},
	}
	for i, t := range tries {
		if t.arg == "" || i == 1 && t.arg == ref {
			continue
		}
		it, err := t.find(ctx, t.arg)
		if err == nil {
			return it, t.how, nil
		}
		if !errors.Is(err, storage.ErrNotFound) {
			return model.Item{}, "", fmt.Errorf("find item %s: %w", t.how, err)
		}
	}
	return model.Item{}, "", &NoItemError{Ref: capRef(ref)}
}

// NoItemError says no stored item has the link, key or GUID asked about.
type NoItemError struct{ Ref string }

func (e *NoItemError) Error() string {
	return fmt.Sprintf("no stored item has the link, key or GUID %q", e.Ref)
}

// whyPosts reads the posts the decision record names; without one, the
// story's alerts stand for them.
func whyPosts(ctx context.Context, st WhyStore, w Why, guild string) ([]WhyPost, error) {
	var out []WhyPost
	read := func(id string) (*model.Post, error) {
		if id == "" {
			return nil, nil
		}
		p, err := st.Post(ctx, id)
		if errors.Is(err, storage.ErrNotFound) {
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("post %s: %w", id, err)
		}
		p.LastError = redact.Text(p.LastError)
		return &p, nil
	}
	if w.Decision == nil {
		if w.Item.StoryID == "" {
			return nil, nil
		}
		alerts, err := st.StoryAlerts(ctx, w.Item.StoryID)
		if err != nil {
			return nil, fmt.Errorf("alerts of story %s: %w", w.Item.StoryID, err)
		}
		for _, p := range alerts {
			p.LastError = redact.Text(p.LastError)
			out = append(out, WhyPost{Post: p, Link: MessageLink(guild, p)})
		}
		return out, nil
	}
	for _, rd := range w.Decision.Routes {
		wp := WhyPost{Route: rd}
		p, err := read(rd.Post)
		if err != nil {
			return nil, err
		}
		if p != nil {
			wp.Post, wp.Link = *p, MessageLink(guild, *p)
		}
		if wp.Edits, err = read(rd.Of); err != nil {
			return nil, err
		}
		if wp.Edits != nil && wp.Link == "" {
			wp.Link = MessageLink(guild, *wp.Edits)
		}
		out = append(out, wp)
	}
	// An alert planned when the item's article page arrived, after the
	// item and its record were stored, is not in the record: the story's
	// alerts that list the item are.
	if w.Item.StoryID == "" {
		return out, nil
	}
	listed := make(map[string]bool, len(out))
	for _, wp := range out {
		listed[wp.Post.ID] = true
	}
	alerts, err := st.StoryAlerts(ctx, w.Item.StoryID)
	if err != nil {
		return nil, fmt.Errorf("alerts of story %s: %w", w.Item.StoryID, err)
	}
	for _, p := range alerts {
		if listed[p.ID] || !slices.Contains(p.Content.Items, w.Item.Key) {
			continue
		}
		p.LastError = redact.Text(p.LastError)
		route := model.RouteDecision{Channel: p.Channel, Rule: p.Rule, Outcome: model.RoutePage, Post: p.ID}
		out = append(out, WhyPost{Route: route, Post: p, Link: MessageLink(guild, p)})
	}
	return out, nil
}

// MessageLink is a sent post's Discord message: its URL when the guild is
// known, else its channel and message ids; "" while it is not sent.
func MessageLink(guild string, p model.Post) string {
	if p.MessageID == "" {
		return ""
	}
	if guild != "" && p.ChannelID != "" {
		return "https://discord.com/channels/" + guild + "/" + p.ChannelID + "/" + p.MessageID
	}
	return "channel " + p.ChannelID + ", message " + p.MessageID
}

// Guild is the Discord server wirewatch serves when the config names one,
// for message links; "" when it names none or several.
func Guild(cfg *config.Config) string {
	if len(cfg.Discord.GuildIDs) == 1 {
		return cfg.Discord.GuildIDs[0]
	}
	return ""
}

func capRef(s string) string {
	if utf8.RuneCountInString(s) > 100 {
		return string([]rune(s)[:99]) + "…"
	}
	return s
}

// WriteWhy prints an item's path for a terminal, one fact a line.
func WriteWhy(out io.Writer, cfg *config.Config, w Why) {
	loc := cfg.Location()
	at := func(t time.Time) string { return t.In(loc).Format("2006-01-02 15:04 MST") }
	it := w.Item
	fmt.Fprintf(out, "%s\n%s\n", oneLine(it.Title), it.Link)
	fmt.Fprintf(out, "fetched:   %s from feed %s (published %s; found by %s)\n", at(it.FirstSeen), it.Feed, at(it.Published), w.FoundBy)
	for _, l := range WhyLines(w, loc) {
		fmt.Fprintln(out, l)
	}
}

// WhyLines are the facts of an item's path after where it came from: its
// newness, summary, story, rules and posts, each a line of plain text
// (indented lines belong to the one above).
func WhyLines(w Why, loc *time.Location) []string {
	at := func(t time.Time) string { return t.In(loc).Format("2006-01-02 15:04 MST") }
	var l []string
	add := func(format string, args ...any) { l = append(l, fmt.Sprintf(format, args...)) }
	d := w.Decision
	switch {
	case d == nil:
		add("new:       yes (stored before decisions were recorded: story and posts as stored)")
	case d.CopyOf != "":
		add("new:       no: a copy of its outlet's own report %s (a new GUID); no alert", d.CopyOf)
	default:
		add("new:       yes")
	}
	if len(w.Item.Summary) == 0 {
		add("summary:   (none)")
	} else {
		add("summary:   %s", oneLine(strings.Join(w.Item.Summary, " ")))
	}
	storyTitle := ""
	if w.Story != nil {
		storyTitle = fmt.Sprintf("%q, %s", oneLine(w.Story.Title), plural(len(w.Story.Sources), "source"))
	}
	switch {
	case d == nil:
		add("story:     %s %s", w.Item.StoryID, storyTitle)
	case d.Story == model.StoryNew:
		add("story:     began a new story %s %s (no story in the window fit it)", d.StoryID, storyTitle)
	case d.Story == model.StoryLink:
		add("story:     joined story %s %s: same canonical link as one of its %s", d.StoryID, storyTitle, plural(d.Sources, "report"))
	default:
		add("story:     joined story %s %s: title and lead similarity score %.2f with its %s (%.2f joins)", d.StoryID, storyTitle, d.Score, plural(d.Sources, "report"), d.Needed)
	}
	if d != nil && len(d.Merged) > 0 {
		add("           and showed stories %s to be the same event (merged)", strings.Join(d.Merged, ", "))
	}
	if w.Story != nil {
		for _, src := range w.Story.Sources {
			mark := " "
			if src.Link == w.Item.Link && src.Feed == w.Item.Feed {
				mark = "*"
			}
			add("         %s %s  %s: %s", mark, at(src.Published), src.Feed, oneLine(src.Title))
		}
	}
	add("rules:     (as configured now)")
	for _, x := range w.Rules {
		switch {
		case x.Matched:
			add("  %-12s matched (%s) on %s", x.Rule, x.Severity, strings.Join(x.Terms, ", "))
		case len(x.Vetoed) > 0 && len(x.Missing) == 0:
			add("  %-12s not matched: vetoed by NOT %s", x.Rule, strings.Join(x.Vetoed, "; NOT "))
		default:
			s := fmt.Sprintf("  %-12s not matched: missing %s", x.Rule, strings.Join(x.Missing, "; "))
			if len(x.Vetoed) > 0 {
				s += "; vetoed by NOT " + strings.Join(x.Vetoed, "; NOT ")
			}
			l = append(l, s)
		}
	}
	if d != nil && d.Unposted != "" {
		switch d.Unposted {
		case model.UnpostedBacklog:
			add("posts:     none: stored with its feed's first poll (the backlog is not posted)")
		default:
			add("posts:     none: too old when found (polling.max_item_age)")
		}
		return l
	}
	if len(w.Posts) == 0 {
		if d != nil && d.CopyOf == "" {
			add("posts:     none: no rule routed it to a channel")
		} else {
			add("posts:     none")
		}
		return l
	}
	add("posts:")
	for _, p := range w.Posts {
		add("  %s", routeLine(p, at))
		if p.Post.ID != "" {
			s := fmt.Sprintf("      post %s: %s, %s", p.Post.ID, p.Post.State, plural(p.Post.Attempts, "attempt"))
			if p.Post.LastError != "" {
				s += ", last error: " + oneLine(p.Post.LastError)
			}
			l = append(l, s)
		}
		if p.Link != "" {
			add("      message: %s", p.Link)
		}
	}
	return l
}

// routeLine says what became of an alert in one channel.
func routeLine(p WhyPost, at func(time.Time) string) string {
	r := p.Route
	if r.Channel == "" { // a story alert, without a decision record
		return fmt.Sprintf("#%s (%s): %s of the story", p.Post.Channel, p.Post.Rule, p.Post.Kind)
	}
	head := fmt.Sprintf("#%s (%s): ", r.Channel, r.Rule)
	var s string
	switch r.Outcome {
	case model.RoutePosted:
		s = "alert posted"
	case model.RouteQuiet:
		s = "alert held by quiet hours until " + at(r.Until)
	case model.RouteUpdated:
		s = "within the rule's cooldown: an update of the story's alert " + r.Of
	case model.RouteNoUpdate:
		s = "within the rule's cooldown; stories.updates is none: no post"
	case model.RouteMuted:
		s = fmt.Sprintf("topic %s muted there until %s: no post", r.Topic, at(r.Until))
	case model.RoutePage:
		s = "alert posted when its article page arrived, after the item was stored"
	case model.RouteFolded:
		capName := "the channel's alert cap (alerts per window)"
		if r.Cap == model.CapFeed {
			capName = "the feed's alerts-per-poll cap"
		}
		s = "over " + capName + ": folded into fold message " + r.Post
	default:
		s = r.Outcome
	}
	if r.NoPing {
		s += ", without its ping (the channel's ping cap)"
	}
	if r.Post != "" && p.Post.ID == "" {
		s += " (that post is no longer stored: a later edit in the same batch replaced it)"
	}
	return head + s
}

// oneLine joins text onto one line, capped, for a terminal.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' ' // feed text must not drive the terminal
		}
		return r
	}, s)), " ")
	if utf8.RuneCountInString(s) > 300 {
		s = string([]rune(s)[:299]) + "…"
	}
	return s
}
