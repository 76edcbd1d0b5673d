package bot

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"wirewatch/model"
)

// A digest line's parts are capped before they are escaped, so that any
// one entry fits a message with room to spare (escaping at most doubles
// text): a headline of headlineRunes (150) code points, a summary of 300,
// and a link of at most maxLinkLen bytes (link: a longer one is left off
// and the headline shown bare).
const (
	digestSummaryRunes = 300
	// digestMarkerRoom is kept free of every digest message for the
	// marker Stamp adds to its last footer ("ref:" and a post id).
	digestMarkerRoom = 100
	digestColor      = 0x95A5A6
)

// renderDigest renders a digest post: the first part's content says the
// digest, how many events it covers and its period (Discord timestamps,
// shown in each reader's zone); each section (topic) is an embed, one
// entry per event, most important first:
//
//	<t:…:d> **[Headline](link)** — 6 sources · urgent · <t:…:R>
//	One-sentence summary.
//
// The date is the event's day (dayStamp), the relative time the event's
// newest report, both Discord timestamps that each reader sees in their
// own zone and language. The last
// part ends with "… and N more" pointing to /timeline. Feed text is
// escaped; a digest that SplitDigest cut fits each message whole.
func renderDigest(d model.DigestContent, loc *time.Location) Message {
	msg := digestMessage(d, loc)
	msg.Embeds = fitEmbeds(msg.Embeds)
	return msg
}

// digestMessage is renderDigest before the embeds are fitted to
// Discord's limits, so that SplitDigest can measure it.
func digestMessage(d model.DigestContent, loc *time.Location) Message {
	if loc == nil {
		loc = time.UTC
	}
	name := Markdown(oneLine(d.Name))
	total := d.Total
	if total == 0 {
		for _, sec := range d.Sections {
			total += sec.Stories
		}
	}
	var content string
	switch {
	case d.Part > 1:
		content = fmt.Sprintf("**Digest %s** (%d/%d)", name, d.Part, d.Parts)
	default:
		content = fmt.Sprintf("**Digest %s** · %d %s from %s to %s", name, total, noun(total, "story", "stories"),
			stamp(d.Since, "f"), stamp(d.Until, "f"))
		if d.Parts > 1 {
			content += fmt.Sprintf(" (1/%d)", d.Parts)
		}
	}
	var embeds []Embed
	for _, sec := range d.Sections {
		if len(sec.Entries) == 0 {
			continue
		}
		var b strings.Builder
		for _, e := range sec.Entries {
			b.WriteString(digestLine(e, loc))
		}
		title := oneLine(sec.Title)
		if title == "" {
			title = oneLine(sec.Topic)
		}
		if sec.Continued {
			title += " (continued)"
		} else {
			title = fmt.Sprintf("%s — %d %s", title, sec.Stories, noun(sec.Stories, "story", "stories"))
		}
		embeds = append(embeds, Embed{
			Title:       Truncate(Markdown(title), limitTitle),
			Description: strings.TrimSuffix(b.String(), "\n"),
			Color:       digestColor,
		})
	}
	if len(embeds) == 0 {
		msg := fmt.Sprintf("**Digest %s**: no stories from %s to %s", name, stamp(d.Since, "f"), stamp(d.Until, "f"))
		return Message{Content: Truncate(msg, limitContent)}
	}
	last := &embeds[len(embeds)-1]
	if d.NotShown > 0 && (d.Parts <= 1 || d.Part == d.Parts) {
		last.Description += fmt.Sprintf("\n… and %d more: `/timeline`", d.NotShown)
	}
	last.Footer = Truncate(Plain(fmt.Sprintf("%s · %s – %s", oneLine(d.Name), formatTime(d.Since, loc), formatTime(d.Until, loc))), limitFooter)
	last.Timestamp = d.Until
	return Message{Content: Truncate(content, limitContent), Embeds: embeds}
}

// digestLine is one entry: its date, linked headline, sources, severity
// when urgent and the age of its newest report, then its summary.
func digestLine(e model.DigestEntry, loc *time.Location) string {
	var b strings.Builder
	if !e.EventDate.IsZero() {
		b.WriteString(dayStamp(e.EventDate, loc) + " ")
	}
	headline := oneLine(e.Headline)
	if headline == "" {
		headline = "(untitled)"
	}
	b.WriteString("**" + link(Markdown(Truncate(headline, headlineRunes)), e.Link) + "**")
	var meta []string
	switch {
	case e.Sources > 1:
		meta = append(meta, fmt.Sprintf("%d sources", e.Sources))
	case e.Feed != "":
		meta = append(meta, Markdown(Truncate(oneLine(e.Feed), 40)))
	}
	if e.Severity == model.SeverityUrgent {
		meta = append(meta, "urgent")
	}
	if !e.Updated.IsZero() {
		meta = append(meta, stamp(e.Updated, "R"))
	}
	if len(meta) > 0 {
		b.WriteString(" — " + strings.Join(meta, " · "))
	}
	b.WriteString("\n")
	if s := oneLine(e.Summary); s != "" {
		b.WriteString(Markdown(Truncate(s, digestSummaryRunes)) + "\n")
	}
	return b.String()
}

// dayStamp shows an event's day as a Discord date (<t:…:d>, in each
// reader's locale, every line's the same width): the day's noon UTC, as
// stories store event days, which is that day in every zone from UTC-11
// to UTC+11, where a midnight would show the day before west of the desk.
func dayStamp(day time.Time, loc *time.Location) string {
	y, m, d := day.In(loc).Date()
	return stamp(time.Date(y, m, d, 12, 0, 0, 0, time.UTC), "d")
}

// SplitDigest splits a digest into the parts that each fit one Discord
// message (2000 code points of content; ten embeds; 4096 per embed's
// description; 6000 across them, less room for the marker), cutting only
// between entries: no entry is split or shortened. A section cut between
// parts goes on in the next, marked continued. A digest that fits is one
// part (Part and Parts left zero); otherwise parts are numbered from 1,
// and "… and N more" goes with the last.
func SplitDigest(d model.DigestContent) []model.DigestContent {
	if digestFits(d) {
		return []model.DigestContent{d}
	}
	var parts []model.DigestContent
	cur := emptyPart(d)
	for _, sec := range d.Sections {
		for i, e := range sec.Entries {
			next := withEntry(cur, sec, i == 0, e)
			if !digestFits(next) && partEntries(cur) > 0 {
				parts = append(parts, cur)
				cur = withEntry(emptyPart(d), sec, i == 0, e)
				continue
			}
			cur = next
		}
	}
	if partEntries(cur) > 0 || len(parts) == 0 {
		parts = append(parts, cur)
	}
	for i := range parts {
		parts[i].Part, parts[i].Parts = i+1, len(parts)
		if i < len(parts)-1 {
			parts[i].NotShown = 0
		}
	}
	return parts
}

// emptyPart is d without its sections, with its count of what is not
// shown (measured with every part, so a part always has room for it).
func emptyPart(d model.DigestContent) model.DigestContent {
	d.Sections = nil
	return d
}

// withEntry returns part with e added to its section sec, opening the
// section (continued unless first) when the part's last section is
// another.
func withEntry(part model.DigestContent, sec model.DigestSection, first bool, e model.DigestEntry) model.DigestContent {
	secs := make([]model.DigestSection, len(part.Sections), len(part.Sections)+1)
	copy(secs, part.Sections)
	if n := len(secs); n > 0 && secs[n-1].Topic == sec.Topic {
		last := secs[n-1]
		last.Entries = append(append([]model.DigestEntry(nil), last.Entries...), e)
		secs[n-1] = last
	} else {
		open := sec
		open.Continued = !first
		open.Entries = []model.DigestEntry{e}
		secs = append(secs, open)
	}
	part.Sections = secs
	return part
}

func partEntries(d model.DigestContent) int {
	n := 0
	for _, sec := range d.Sections {
		n += len(sec.Entries)
	}
	return n
}

// digestFits tells whether a digest (part) renders as one message within
// Discord's limits, with room for the marker, without shortening.
func digestFits(d model.DigestContent) bool {
	for _, head := range []model.DigestContent{d, withPartHeader(d)} {
		msg := digestMessage(head, time.UTC)
		if utf8.RuneCountInString(msg.Content) > limitContent || len(msg.Embeds) > limitEmbeds ||
			embedsLength(msg.Embeds) > limitEmbedsTotal-digestMarkerRoom {
			return false
		}
		for _, e := range msg.Embeds {
			if utf8.RuneCountInString(e.Description) > limitDescription || utf8.RuneCountInString(e.Title) > limitTitle {
				return false
			}
		}
	}
	return true
}

// withPartHeader is d as the first of several parts, whose header is the
// longest, so a part measured either way fits as any part.
func withPartHeader(d model.DigestContent) model.DigestContent {
	d.Part, d.Parts = 1, 99
	return d
}
