package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"wirewatch/lookup"
	"wirewatch/model"
	"wirewatch/storage"
)

// Page buttons carry their whole state in the custom_id (at most 100
// characters), so they work for anyone, later, and after a restart:
//
//	tl:<topic>:<from>:<to>:<page>            timeline
//	sr:<page>:<from>:<to>:<topic>:=<query>   search, query inline
//	sr:<page>:<from>:<to>:<topic>:#<hash>    search, query kept in Meta
//
// from and to are Unix seconds in base 36.
const (
	timelineButton  = "tl"
	searchButton    = "sr"
	maxCustomID     = 100
	maxPage         = 1000
	searchMetaKey   = "search-query:"
	defaultRuleDays = 30
)

// topicOption reads a topic and checks it is configured; "" when optional
// and absent.
func topicOption(in *request, required bool) (string, error) {
	topic := strings.TrimSpace(in.opts.string("topic"))
	if topic == "" {
		if required {
			return "", userErrorf("Pick a topic: type /%s topic: and choose one from the list.", commandName(in))
		}
		return "", nil
	}
	if err := lookup.CheckTopic(in.cfg, topic); err != nil {
		return "", err
	}
	return topic, nil
}

// lookupWork answers a lookup's slash command: its options read as the
// lookup's arguments, its result shown by type (view).
func (c *Commands) lookupWork(lc lookup.Command) func(context.Context, *request) (reply, error) {
	return func(ctx context.Context, in *request) (reply, error) {
		if lc.Admin && !canManageServer(in.i) {
			return reply{}, errNotManager
		}
		a, err := c.lookupArgs(in, lc)
		if err != nil {
			return reply{}, err
		}
		res, err := lc.Run(ctx, lookup.Env{Store: c.store, Config: in.cfg, Now: c.opts.Now()}, a)
		if err != nil {
			return reply{}, err
		}
		return c.view(ctx, in, lc, res)
	}
}

// lookupArgs reads a lookup's options; a number not given takes chat's
// default. Results come a page at a time: TimelinePage timeline entries,
// SearchPage items (a lookup with a count option shows count instead).
func (c *Commands) lookupArgs(in *request, lc lookup.Command) (lookup.Args, error) {
	a := lookup.Args{Texts: map[string]string{}, Numbers: map[string]int{}, PerPage: c.opts.SearchPage}
	if lc.Name == "timeline" {
		a.PerPage = c.opts.TimelinePage
	}
	for _, p := range lc.Params {
		if !p.In(lookup.Chat) {
			continue
		}
		switch p.Type {
		case lookup.Number:
			n, err := in.opts.int(p.Name, p.Min, p.MaxIn(lookup.Chat))
			if err != nil {
				return a, err
			}
			if n == 0 {
				n = p.DefaultIn(lookup.Chat)
			}
			a.Numbers[p.Name] = n
		case lookup.Topic:
			topic, err := topicOption(in, p.Required)
			if err != nil {
				return a, err
			}
			a.Texts[p.Name] = topic
		default:
			a.Texts[p.Name] = in.opts.string(p.Name)
		}
	}
	return a, nil
}

// view shows a lookup's result, by its type.
func (c *Commands) view(ctx context.Context, in *request, lc lookup.Command, res any) (reply, error) {
	switch r := res.(type) {
	case lookup.TimelinePage:
		return c.timelineView(in, r), nil
	case lookup.ItemPage:
		if r.Query != "" {
			return c.searchView(ctx, in, r)
		}
		return c.itemsView(ctx, in, lc, r)
	case lookup.FeedReport:
		return feedsView(r), nil
	}
	return reply{}, fmt.Errorf("/%s: no view of a %T", lc.Name, res)
}

func (c *Commands) timelineButton(ctx context.Context, in *request, id string) (reply, error) {
	parts := strings.Split(id, ":")
	if len(parts) != 5 {
		return reply{}, errStaleButton
	}
	r, ok := decodeRange(parts[2], parts[3])
	pageNo, err := strconv.Atoi(parts[4])
	if !ok || err != nil || pageNo < 0 || pageNo > maxPage {
		return reply{}, errStaleButton
	}
	p, err := lookup.TimelinePaged(ctx, c.store, in.cfg, parts[1], r, pageNo, c.opts.TimelinePage)
	if err != nil {
		return reply{}, err
	}
	return c.timelineView(in, p), nil
}

var errStaleButton = &userError{msg: "This button no longer works; run the command again."}

func (c *Commands) timelineView(in *request, p lookup.TimelinePage) reply {
	out := reply{Embeds: []*discordgo.MessageEmbed{timelineEmbed(in.cfg.TopicTitle(p.Topic), p, p.Range, in.cfg.Location())}}
	id := func(pg int) string {
		return fmt.Sprintf("%s:%s:%s:%s:%d", timelineButton, p.Topic, b36(p.Range.From), b36(p.Range.To), pg)
	}
	if p.Page > 0 || p.More {
		if utf8.RuneCountInString(id(p.Page+1)) <= maxCustomID {
			out.Components = pageButtons(id(max(p.Page-1, 0)), id(p.Page+1), p.Page > 0, p.More)
		}
	}
	return out
}

func (c *Commands) searchButton(ctx context.Context, in *request, id string) (reply, error) {
	parts := strings.SplitN(id, ":", 6)
	if len(parts) != 6 || len(parts[5]) < 1 {
		return reply{}, errStaleButton
	}
	pageNo, err := strconv.Atoi(parts[1])
	r, ok := decodeRange(parts[2], parts[3])
	if !ok || err != nil || pageNo < 0 || pageNo > maxPage {
		return reply{}, errStaleButton
	}
	text := parts[5][1:]
	switch parts[5][0] {
	case '=':
	case '#':
		v, err := c.store.Meta(ctx, searchMetaKey+text)
		if errors.Is(err, storage.ErrNotFound) || (err == nil && v == "") {
			return reply{}, userErrorf("This search is no longer known; run /search again.")
		}
		if err != nil {
			return reply{}, fmt.Errorf("search button: %w", err)
		}
		text = v
	default:
		return reply{}, errStaleButton
	}
	p, err := lookup.SearchPage(ctx, c.store, in.cfg, text, parts[4], r, pageNo, c.opts.SearchPage)
	if err != nil {
		return reply{}, err
	}
	return c.searchView(ctx, in, p)
}

func (c *Commands) searchView(ctx context.Context, in *request, p lookup.ItemPage) (reply, error) {
	loc, r := in.cfg.Location(), p.Range
	desc := itemLines(p.Items, p.Page*c.opts.SearchPage, loc, nil, nil)
	if len(p.Items) == 0 {
		desc = "Nothing found."
		if p.Page > 0 {
			desc = "No more results."
		}
	}
	title := "Search · " + code(p.Query)
	footer := fmt.Sprintf("Page %d · %s → %s · best match first", p.Page+1, day(r.From, loc), day(r.To.Add(-time.Nanosecond), loc))
	if p.Topic != "" {
		footer += " · topic " + plainText(p.Topic, 100)
	}
	out := reply{Embeds: []*discordgo.MessageEmbed{embed(title, desc, footer)}}
	if p.Page > 0 || p.More {
		q, err := c.searchRef(ctx, p.Query, p.Page, r, p.Topic)
		if err != nil {
			return reply{}, err
		}
		id := func(pg int) string {
			return fmt.Sprintf("%s:%d:%s:%s:%s:%s", searchButton, pg, b36(r.From), b36(r.To), p.Topic, q)
		}
		if utf8.RuneCountInString(id(p.Page+1)) <= maxCustomID {
			out.Components = pageButtons(id(max(p.Page-1, 0)), id(p.Page+1), p.Page > 0, p.More)
		}
	}
	return out, nil
}

// searchRef is the query as a button carries it: inline when it fits,
// else a hash whose query is kept in Meta (it survives restarts).
func (c *Commands) searchRef(ctx context.Context, text string, pageNo int, r lookup.Range, topic string) (string, error) {
	inline := "=" + text
	probe := fmt.Sprintf("%s:%d:%s:%s:%s:%s", searchButton, pageNo+1, b36(r.From), b36(r.To), topic, inline)
	if utf8.RuneCountInString(probe) <= maxCustomID {
		return inline, nil
	}
	sum := sha256.Sum256([]byte(text))
	h := hex.EncodeToString(sum[:12])
	if err := c.store.SetMeta(ctx, searchMetaKey+h, text); err != nil {
		return "", fmt.Errorf("keep search query for paging: %w", err)
	}
	return "#" + h, nil
}

// itemsView lists items newest first, titled with the command's name
// and what the list is of, each item with its story.
func (c *Commands) itemsView(ctx context.Context, in *request, lc lookup.Command, p lookup.ItemPage) (reply, error) {
	sts, err := lookup.StoriesOf(ctx, c.store, p.Items)
	if err != nil {
		return reply{}, err
	}
	desc := itemLines(p.Items, 0, in.cfg.Location(), nil, sts)
	if len(p.Items) == 0 {
		desc = "Nothing stored yet."
	}
	title := lookup.Capitalize(lc.Name)
	if p.About != "" {
		title += " · " + mdText(p.About, 200)
	}
	return reply{Embeds: []*discordgo.MessageEmbed{embed(title, desc, "newest first")}}, nil
}

// itemLines lists items with their summaries, numbered from first+1,
// giving each the same share of the description. terms, when given, holds
// the words each item matched, shown in bold after its time and feed;
// sts, when given, the items' stories (an item of a story several outlets
// told shows the story's summary and source count).
func itemLines(items []model.Item, first int, loc *time.Location, terms [][]string, sts map[string]model.Story) string {
	var l lines
	l.budget = descriptionBudget
	if len(items) == 0 {
		return ""
	}
	share := descriptionBudget/len(items) - 1
	for n, it := range items {
		head := fmt.Sprintf("**%d.** %s", first+n+1, link(mdText(it.Title, headlineRunes), it.Link))
		meta := fmt.Sprintf("`%s` · %s", it.Published.In(loc).Format("2006-01-02 15:04"), mdText(it.Feed, 60))
		if n < len(terms) && len(terms[n]) > 0 {
			meta += " · matched **" + mdText(strings.Join(terms[n], ", "), 120) + "**"
		}
		summary := strings.Join(it.Summary, " ")
		if summary == "" {
			summary = it.Text
		}
		// An item of a story several outlets told shows the story: how
		// many told it, and its one-sentence summary.
		if st, ok := sts[it.StoryID]; ok {
			if n := len(st.Outlets()); n > 1 {
				meta += " · story of " + plural(n, "source")
				if st.Summary != "" {
					summary = st.Summary
				}
			}
		}
		entry := head + "\n" + meta
		if room := share - utf8.RuneCountInString(entry) - 3; room > 40 && strings.TrimSpace(summary) != "" {
			entry += "\n> " + mdText(summary, min(room, 400))
		}
		l.add(entry)
	}
	return l.String()
}

func pageButtons(prevID, nextID string, hasPrev, hasNext bool) []discordgo.MessageComponent {
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "◀ Newer", Style: discordgo.SecondaryButton, CustomID: prevID, Disabled: !hasPrev},
		discordgo.Button{Label: "Older ▶", Style: discordgo.SecondaryButton, CustomID: nextID, Disabled: !hasNext},
	}}}
}

func b36(t time.Time) string { return strconv.FormatInt(t.Unix(), 36) }

// decodeRange reads a button's range back and checks it is one a command
// could have made.
func decodeRange(from, to string) (lookup.Range, bool) {
	f, err1 := strconv.ParseInt(from, 36, 64)
	t, err2 := strconv.ParseInt(to, 36, 64)
	if err1 != nil || err2 != nil || f >= t || t-f > int64(lookup.MaxDays+1)*86400 || f < -86400 || t > 1<<40 {
		return lookup.Range{}, false
	}
	return lookup.Range{From: time.Unix(f, 0), To: time.Unix(t, 0)}, true
}

func day(t time.Time, loc *time.Location) string { return t.In(loc).Format(time.DateOnly) }

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// timelineEmbed lays out a page of a topic's timeline: one event a line,
// its day as a Discord date (each reader's locale), the headline linked
// to the report, the source count, and the story's summary beneath within
// the entry's share of the page, so every entry of the page fits.
func timelineEmbed(topicTitle string, p lookup.TimelinePage, r lookup.Range, loc *time.Location) *discordgo.MessageEmbed {
	var l lines
	l.budget = descriptionBudget
	share := descriptionBudget/max(len(p.Entries), 1) - 1
	for _, e := range p.Entries {
		entry := fmt.Sprintf("%s %s · %s", dayStamp(e.Date, loc), link(mdText(e.Title, headlineRunes), e.Link), plural(e.Sources, "source"))
		if room := share - utf8.RuneCountInString(entry) - 1; room > 40 && e.Summary != "" {
			entry += "\n" + mdText(e.Summary, min(room, digestSummaryRunes))
		}
		l.add(entry)
	}
	desc := l.String()
	if len(p.Entries) == 0 {
		desc = "No stories in this range."
		if p.Page > 0 {
			desc = "No more stories in this range."
		}
	}
	title := "Timeline · " + mdText(topicTitle, 200)
	footer := fmt.Sprintf("Page %d · %s → %s · newest first", p.Page+1, day(r.From, loc), day(r.To.Add(-time.Nanosecond), loc))
	return embed(title, desc, footer)
}
