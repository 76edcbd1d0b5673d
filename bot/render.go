package bot

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"wirewatch/model"
)

// Discord's limits, in Unicode code points (research-discord.md §3.1).
const (
	limitContent     = 2000
	limitTitle       = 256
	limitDescription = 4096
	limitFieldName   = 256
	limitFieldValue  = 1024
	limitFooter      = 2048
	limitAuthor      = 256
	limitEmbedsTotal = 6000
	limitEmbeds      = 10
	limitFields      = 25

	// summaryRunes keeps an alert readable: a lead, not the article.
	summaryRunes = 700
	// maxURL keeps absurd feed links out of embeds.
	maxURL = 2048
)

// Severity colours of the embed's side bar.
var severityColor = map[model.Severity]int{
	model.SeverityInfo:   0x3498DB,
	model.SeverityAlert:  0xE67E22,
	model.SeverityUrgent: 0xE74C3C,
}

// mergedColor is the side bar of the note on an alert whose story was
// merged into another: grey, as it is no longer the event's alert.
const mergedColor = 0x95A5A6

const zwsp = "\u200b"

// clean drops what must never reach Discord from untrusted text: control
// characters other than newlines and tabs, and the bidirectional overrides
// that can make text display in another order than it reads. Ordinary
// right-to-left letters are kept.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\r':
			return -1
		case unicode.IsControl(r):
			return -1
		case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
			return -1
		}
		return r
	}, s)
}

// defuse makes mentions inert: a zero-width space after every '@' breaks
// @everyone, @here and <@id>, and one after every '<' breaks <@&id>, <#id>
// and </command:id>.
func defuse(s string) string {
	if !strings.ContainsAny(s, "@<") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		b.WriteRune(r)
		if r == '@' || r == '<' {
			b.WriteString(zwsp)
		}
	}
	return b.String()
}

// escapeMarkdown backslash-escapes Discord markdown, so that feed text
// shows as written and cannot make masked links, spoilers or headings.
func escapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	lineStart := true
	for _, r := range s {
		switch r {
		case '\\', '*', '_', '~', '`', '|', '[', ']':
			b.WriteByte('\\')
		case '#', '>', '-', '+':
			if lineStart {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
		if r == '\n' {
			lineStart = true
		} else if r != ' ' && r != '\t' {
			lineStart = false
		}
	}
	return b.String()
}

// Markdown returns untrusted text ready for a markdown-rendering place
// (content, embed title, description, field): cleaned, escaped, defused.
func Markdown(s string) string { return defuse(escapeMarkdown(clean(s))) }

// Plain returns untrusted text for a place Discord shows without markdown
// (author name, footer): cleaned and defused.
func Plain(s string) string { return defuse(clean(s)) }

// oneLine joins the lines and runs of spaces of s.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Truncate cuts s to at most n code points, at a grapheme-cluster boundary
// so that no emoji or accent is split, ending with "…" when cut. It never
// leaves a dangling escape backslash.
func Truncate(s string, n int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	if n <= 0 {
		return ""
	}
	var b strings.Builder
	used := 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		c := g.Str()
		k := utf8.RuneCountInString(c)
		if used+k > n-1 {
			break
		}
		b.WriteString(c)
		used += k
	}
	out := strings.TrimRightFunc(b.String(), unicode.IsSpace)
	if trailing := len(out) - len(strings.TrimRight(out, `\`)); trailing%2 == 1 {
		out = out[:len(out)-1]
	}
	return out + "…"
}

// SafeURL returns raw when it is an absolute http or https URL that is
// safe to put into an embed or a masked link, else "".
func SafeURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > maxURL || strings.IndexFunc(raw, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}) >= 0 {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	default:
		return ""
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.User = nil
	s := u.String()
	// Parentheses and angle brackets would end a masked link early.
	s = strings.NewReplacer("(", "%28", ")", "%29", "<", "%3C", ">", "%3E").Replace(s)
	if len(s) > maxURL {
		return ""
	}
	return s
}

// maskedLink renders escaped text linking to a URL, or the text alone when
// the URL is not safe.
func maskedLink(text, link string) string {
	if u := SafeURL(link); u != "" {
		return "[" + text + "](" + u + ")"
	}
	return text
}

// validRoles keeps the role ids that are snowflakes, so nothing else can be
// smuggled into the content as a mention.
func validRoles(ids []string) []string {
	var out []string
	for _, id := range ids {
		if id != "" && len(id) <= 20 && strings.Trim(id, "0123456789") == "" {
			out = append(out, id)
		}
	}
	return out
}

func formatTime(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	if loc == nil {
		loc = time.UTC
	}
	return t.In(loc).Format("2006-01-02 15:04 MST")
}

// Render turns a post into the Discord message its channel shows: the
// post's Content laid out as embeds, escaped and within Discord's limits,
// with times in the content's time zone. A post written before posts were
// platform-neutral (Content.Legacy) is its old message, unchanged. The
// marker (see Stamp) is added by the sink, not here.
func Render(p model.Post) (Message, error) {
	c := p.Content
	if len(c.Legacy) > 0 {
		var msg Message
		if err := json.Unmarshal(c.Legacy, &msg); err != nil {
			return Message{}, fmt.Errorf("post %s: old message: %w", p.ID, err)
		}
		return msg, nil
	}
	loc := zone(c.TimeZone)
	switch {
	case c.Digest != nil:
		return renderDigest(*c.Digest, loc), nil
	case c.Fold != nil:
		return renderFold(*c.Fold, foldGroup(p)), nil
	case p.Kind == model.PostNotice:
		return renderNotice(c.Notice), nil
	case c.Reply:
		return renderUpdate(c, loc), nil
	case p.Kind == model.PostUpdate && c.MergedInto != nil:
		return renderMerged(c), nil
	case p.Kind == model.PostUpdate:
		// The edited message is the alert as it stands now: the first
		// report with the story's sources so far (none to list when the
		// edit only brings the article's full text to a one-source story).
		return renderAlert(c, loc), nil
	}
	return renderAlert(c, loc), nil
}

// foldGroup names the fold a fold post belongs to: the first post's id,
// which its updates replace.
func foldGroup(p model.Post) string {
	if p.ReplaceOf != "" {
		return p.ReplaceOf
	}
	return p.ID
}

var zones sync.Map // time zone name → *time.Location

// zone is the time zone named by an IANA name, cached; UTC for "" or a
// name this machine does not know.
func zone(name string) *time.Location {
	if name == "" || name == "UTC" {
		return time.UTC
	}
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		loc = time.UTC
	}
	zones.Store(name, loc)
	return loc
}

// renderAlert lays an alert out as a desk reads it on a phone: the
// headline once, as the embed's linked title; the summary; one compact
// line with the source, severity, rule, matched terms and the time as
// Discord timestamps (each reader sees their own zone); and, once other
// outlets report the story, its sources as a short list that grows by
// edit without repeating the headline. The footer is left to the marker
// (see Stamp). An urgent alert's content mentions the rule's roles, and
// only those may ping; it names the rule, not the headline again.
func renderAlert(c model.Content, _ *time.Location) Message {
	title := oneLine(c.Headline)
	if title == "" {
		title = oneLine(c.StoryTitle)
	}
	if title == "" {
		title = "(untitled)"
	}
	link := c.Link
	if SafeURL(link) == "" && len(c.Sources) > 0 {
		link = c.Sources[0].Link // the story's link
	}
	var l lines
	l.budget = limitDescription - 64 // room for "… N more not shown"
	if desc := oneLine(strings.Join(c.Summary, " ")); desc != "" {
		l.add(Markdown(Truncate(desc, summaryRunes)))
		l.add("")
	}
	l.add(alertLine(c))
	if len(c.Sources) > 1 {
		l.add("")
		l.add(fmt.Sprintf("**%d sources**", len(c.Sources)))
		for i, s := range c.Sources {
			if i == maxListedSources {
				l.add(fmt.Sprintf("+%d more", len(c.Sources)-maxListedSources))
				break
			}
			l.add(sourceLine(s))
		}
	}
	e := Embed{
		Title:       Truncate(Markdown(title), limitTitle),
		URL:         SafeURL(link),
		Description: l.String(),
		Color:       severityColor[c.Severity],
	}
	msg := Message{Embeds: []Embed{e}}
	if c.Severity == model.SeverityUrgent {
		if roles := validRoles(c.Mentions); len(roles) > 0 {
			var b strings.Builder
			for _, id := range roles {
				b.WriteString("<@&" + id + "> ")
			}
			b.WriteString("urgent")
			if r := oneLine(c.Rule); r != "" {
				b.WriteString(" · " + Markdown(Truncate(r, 100)))
			}
			msg.Content = Truncate(b.String(), limitContent)
			msg.Roles = roles
		}
	}
	msg.Embeds = fitEmbeds(msg.Embeds)
	return msg
}

// alertLine is an alert's one compact line: "**Yonhap** · urgent ·
// nk-missile · missile, fired · <t:…:f> (<t:…:R>)".
func alertLine(c model.Content) string {
	var parts []string
	if f := oneLine(c.Feed); f != "" {
		parts = append(parts, "**"+Markdown(Truncate(f, 80))+"**")
	}
	if c.Severity != "" {
		parts = append(parts, Markdown(string(c.Severity)))
	}
	if r := oneLine(c.Rule); r != "" {
		parts = append(parts, Markdown(Truncate(r, 100)))
	}
	if len(c.Terms) > 0 {
		terms := make([]string, 0, len(c.Terms))
		for _, t := range c.Terms {
			terms = append(terms, "*"+Markdown(Truncate(oneLine(t), 60))+"*")
		}
		parts = append(parts, Truncate(strings.Join(terms, ", "), 400))
	}
	if !c.Published.IsZero() {
		parts = append(parts, stamp(c.Published, "f")+" ("+stamp(c.Published, "R")+")")
	}
	return strings.Join(parts, " · ")
}

// sourceLine is one source of a story in its alert: the outlet, linked to
// its own report, and when it published. Its headline is left out: the
// alert's title already says what happened.
func sourceLine(s model.Source) string {
	name := oneLine(s.Feed)
	if name == "" {
		name = "(unnamed outlet)"
	}
	line := "• " + link(Markdown(Truncate(name, 80)), s.Link)
	if !s.Published.IsZero() {
		line += " " + stamp(s.Published, "R")
	}
	return line
}

// maxListedSources bounds the sources listed in an alert or update.
const maxListedSources = 10

// renderUpdate renders the sources of an alerted story as a message of
// its own (stories.updates = "reply" or "thread"), under the alert it
// follows: the sources so far, newest last, without the headline the
// alert already shows. It has no embed URL, so that Discord does not merge
// it with the alert's embed, and it never pings.
func renderUpdate(c model.Content, _ *time.Location) Message {
	var l lines
	l.budget = limitDescription - 64
	n := len(c.Sources)
	l.add(fmt.Sprintf("**%d %s** · %s", n, noun(n, "source", "sources"), Markdown(Truncate(oneLine(c.Rule), 100))))
	for i, s := range c.Sources {
		if n > maxListedSources && i == 0 {
			l.add(fmt.Sprintf("+%d earlier", n-maxListedSources))
		}
		if i < n-maxListedSources {
			continue
		}
		l.add(sourceLine(s))
	}
	e := Embed{
		Description: l.String(),
		Color:       severityColor[c.Severity],
	}
	return Message{Embeds: fitEmbeds([]Embed{e})}
}

// renderMerged is what an alert becomes when its story became part of
// another story that has its own alert in the channel: no longer an alert
// but a note naming both, so the channel shows one alert per event. It
// has no embed URL (see renderUpdate) and never pings.
func renderMerged(c model.Content) Message {
	m := *c.MergedInto
	into := oneLine(m.Title)
	if into == "" {
		into = "another story"
	}
	headline := oneLine(c.Headline)
	if headline == "" {
		headline = "This report"
	}
	if feed := oneLine(c.Feed); feed != "" {
		headline += " (" + feed + ")"
	}
	e := Embed{
		Title: "Merged into another story",
		Description: Truncate(maskedLink(Markdown(Truncate(headline, 200)), c.Link)+" reports the same event as "+
			maskedLink("**"+Markdown(Truncate(into, 200))+"**", m.Link)+"; that story's alert in this channel lists every source.", limitDescription),
		Color:  mergedColor,
		Footer: Truncate(Plain(oneLine("rule "+c.Rule)), limitFooter),
	}
	return Message{Embeds: fitEmbeds([]Embed{e})}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// noun is one or many, by n.
func noun(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// renderNotice renders an operational notice for admins. The text may
// quote feed content (titles, error bodies), so it is escaped like any
// other.
func renderNotice(text string) Message {
	t := strings.TrimSpace(text)
	if t == "" {
		t = "(empty notice)"
	}
	return Message{Content: Truncate(Markdown(t), limitContent)}
}

// embedsLength is what Discord counts against the 6000 code points of a
// message's embeds.
func embedsLength(embeds []Embed) int {
	n := 0
	for _, e := range embeds {
		n += utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description) +
			utf8.RuneCountInString(e.Footer) + utf8.RuneCountInString(e.Author)
		for _, f := range e.Fields {
			n += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
		}
	}
	return n
}

// fitEmbeds keeps a message within Discord's ten embeds, then shortens the
// longest descriptions and field values until the embeds add up to at most
// limitEmbedsTotal code points. Footers are never cut: the marker is there.
func fitEmbeds(embeds []Embed) []Embed {
	if len(embeds) > limitEmbeds {
		embeds = embeds[:limitEmbeds]
	}
	for over := embedsLength(embeds) - limitEmbedsTotal; over > 0; over = embedsLength(embeds) - limitEmbedsTotal {
		var longest *string
		for i := range embeds {
			if longest == nil || utf8.RuneCountInString(embeds[i].Description) > utf8.RuneCountInString(*longest) {
				longest = &embeds[i].Description
			}
			for j := range embeds[i].Fields {
				if v := &embeds[i].Fields[j].Value; utf8.RuneCountInString(*v) > utf8.RuneCountInString(*longest) {
					longest = v
				}
			}
		}
		n := utf8.RuneCountInString(*longest)
		if n <= 1 {
			return embeds
		}
		*longest = Truncate(*longest, max(1, n-over))
	}
	return embeds
}
