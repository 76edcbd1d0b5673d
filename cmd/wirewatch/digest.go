package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"wirewatch/bot"
	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/pipeline"
)

func init() {
	registerCommand("digest", command{
		summary: "print what a digest would post now, or at a given time, from stored stories",
		args:    "NAME",
		examples: []string{"digest morning-brief", `digest morning-brief --at "2026-12-05 08:00"`,
			"digest morning-brief --at 2026-12-05T08:00:00+09:00 --json"},
		run: runDigest,
	})
}

// previewTimeLayouts are the forms --at takes besides RFC 3339, read in the
// desk's zone.
var previewTimeLayouts = []string{"2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02T15:04:05"}

// parsePreviewTime reads --at: RFC 3339, a date and time in the desk's
// zone, or a time of day (the next such time, in the desk's zone).
func parsePreviewTime(s string, now time.Time, loc *time.Location) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, layout := range previewTimeLayouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	if clock, err := time.ParseInLocation("15:04", s, loc); err == nil {
		n := now.In(loc)
		t := time.Date(n.Year(), n.Month(), n.Day(), clock.Hour(), clock.Minute(), 0, 0, loc)
		if t.Before(n) {
			t = t.AddDate(0, 0, 1)
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf(`--at %q: want a time such as "2026-12-05 08:00" (in the desk's zone), 08:00, or 2026-12-05T08:00:00+09:00`, s)
}

// runDigest previews a digest: the posts it would make at --at (default
// now) for the period since its last run (or, before its first, since its
// schedule's run before --at), from the stored stories, rendered as each
// channel would show them. It writes nothing: the digest's own run is
// neither done nor moved.
func runDigest(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("digest", out)
	cfgPath := fs.String("config", "wirewatch.toml", "config file (names the database)")
	at := fs.String("at", "", `when the digest would run: "2026-12-05 08:00" or 08:00 in the desk's zone, or RFC 3339 (default now)`)
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: want one digest name, e.g. wirewatch digest morning-brief", errUsage)
	}
	cfg, err := config.Load(*cfgPath)
	if err != nil {
		return err
	}
	d := findDigest(cfg, pos[0])
	if d == nil {
		return fmt.Errorf("%w: no digest %q in %s (digests: %s)", errUsage, pos[0], *cfgPath, digestNames(cfg))
	}
	when := time.Now()
	if *at != "" {
		if when, err = parsePreviewTime(*at, when, cfg.Location()); err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
	}
	rt, err := pipeline.NewRuntime(cfg)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg.Bot.Database)
	if err != nil {
		return err
	}
	defer st.Close()
	since, err := pipeline.DigestPeriodStart(ctx, st, *d, when)
	if err != nil {
		return err
	}
	posts, err := pipeline.PlanDigest(ctx, st, rt, *d, since, when, bot.SplitDigest)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(out, newDeskTimes(cfg).digestPreview(d.Name, since, when, posts))
	}
	if len(posts) == 0 {
		noResults(ctx, fmt.Sprintf("digest %s would post nothing at %s: no stories of its topics since %s",
			d.Name, when.In(cfg.Location()).Format("2006-01-02 15:04 MST"), since.In(cfg.Location()).Format("2006-01-02 15:04 MST")))
		return nil
	}
	for _, p := range posts {
		msg, err := bot.Render(p)
		if err != nil {
			return err
		}
		head := "── #" + p.Channel
		if dc := p.Content.Digest; dc.Parts > 1 {
			head += fmt.Sprintf(" · message %d of %d", dc.Part, dc.Parts)
		}
		fmt.Fprintf(out, "%s\n%s\n", head, bot.PlainTimes(bot.MessageText(msg), cfg.Location()))
	}
	return nil
}

func findDigest(cfg *config.Config, name string) *config.Digest {
	for i := range cfg.Digests {
		if cfg.Digests[i].Name == name {
			return &cfg.Digests[i]
		}
	}
	return nil
}

func digestNames(cfg *config.Config) string {
	if len(cfg.Digests) == 0 {
		return "none"
	}
	names := make([]string, len(cfg.Digests))
	for i, d := range cfg.Digests {
		names[i] = d.Name
	}
	return strings.Join(names, ", ")
}

// digestPostJSON is one message a digest would post in one channel
// (digest NAME --json prints a list of them, [] when it would post
// nothing).
type digestPostJSON struct {
	Digest   string              `json:"digest"`
	Since    *string             `json:"since"` // the period the digest covers
	Until    *string             `json:"until"`
	Channel  string              `json:"channel"`
	Part     int                 `json:"part"`  // from 1
	Parts    int                 `json:"parts"` // messages the digest takes in the channel
	Total    int                 `json:"total"` // events of the period, listed or not
	NotShown int                 `json:"not_shown"`
	Sections []digestSectionJSON `json:"sections"`
	Message  string              `json:"message"` // as the channel shows it, times in the desk's zone
}

type digestSectionJSON struct {
	Topic     string            `json:"topic"`
	Title     string            `json:"title"`
	Stories   int               `json:"stories"`
	Continued bool              `json:"continued"`
	Entries   []digestEntryJSON `json:"entries"`
}

type digestEntryJSON struct {
	StoryID   string  `json:"story_id"`
	Headline  string  `json:"headline"`
	Link      string  `json:"link"`
	Summary   string  `json:"summary"`
	Feed      string  `json:"feed"`
	Sources   int     `json:"sources"`
	Severity  string  `json:"severity"`
	EventDate *string `json:"event_date"`
	Updated   *string `json:"updated"`
}

func (d deskTimes) digestPreview(name string, since, until time.Time, posts []model.Post) []digestPostJSON {
	out := []digestPostJSON{}
	for _, p := range posts {
		c := p.Content.Digest
		msg, err := bot.Render(p)
		text := ""
		if err == nil {
			text = bot.PlainTimes(bot.MessageText(msg), d.loc)
		}
		post := digestPostJSON{Digest: name, Since: d.instant(since), Until: d.instant(until), Channel: p.Channel, Part: max(c.Part, 1), Parts: max(c.Parts, 1), Total: c.Total, NotShown: c.NotShown,
			Sections: []digestSectionJSON{}, Message: text}
		for _, sec := range c.Sections {
			s := digestSectionJSON{Topic: sec.Topic, Title: sec.Title, Stories: sec.Stories, Continued: sec.Continued, Entries: []digestEntryJSON{}}
			for _, e := range sec.Entries {
				s.Entries = append(s.Entries, digestEntryJSON{StoryID: e.StoryID, Headline: e.Headline, Link: e.Link, Summary: e.Summary,
					Feed: e.Feed, Sources: e.Sources, Severity: string(e.Severity), EventDate: d.day(e.EventDate), Updated: d.instant(e.Updated)})
			}
			post.Sections = append(post.Sections, s)
		}
		out = append(out, post)
	}
	return out
}
