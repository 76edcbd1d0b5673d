package alerts

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"wirewatch/config"
	"wirewatch/model"
)

// Discord's limits, in Unicode code points (research-discord.md §3.1).
const (
	LimitContent     = 2000
	LimitTitle       = 256
	LimitDescription = 4096
	LimitFieldName   = 256
	LimitFieldValue  = 1024
	LimitFooter      = 2048
	LimitAuthor      = 256
	LimitEmbedsTotal = 6000
	LimitEmbeds      = 10
	LimitFields      = 25

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

// RenderAlert renders the first alert of a story for a rule: an embed with
// the headline linked to the article, the summary, the source and time,
// the rule and the matched terms, coloured by severity. An urgent alert's
// content mentions the rule's roles, and only those may ping.
func RenderAlert(it model.Item, st model.Story, m model.Match, loc *time.Location) model.Message {
	title := oneLine(it.Title)
	if title == "" {
		title = oneLine(st.Title)
	}
	if title == "" {
		title = "(untitled)"
	}
	link := it.Link
	if SafeURL(link) == "" {
		link = st.Link
	}
	desc := oneLine(strings.Join(it.Summary, " "))
	if desc == "" {
		desc = oneLine(it.Text)
	}
	e := model.Embed{
		Title:       Truncate(Markdown(title), LimitTitle),
		URL:         SafeURL(link),
		Description: Truncate(Markdown(Truncate(desc, summaryRunes)), LimitDescription),
		Color:       severityColor[m.Severity],
		Author:      Truncate(Plain(oneLine(it.Feed)), LimitAuthor),
		Timestamp:   it.Published,
	}
	e.Fields = append(e.Fields, model.Field{Name: "Rule", Value: Truncate(Markdown(m.Rule), LimitFieldValue), Inline: true})
	if m.Severity != "" {
		e.Fields = append(e.Fields, model.Field{Name: "Severity", Value: Truncate(Markdown(string(m.Severity)), LimitFieldValue), Inline: true})
	}
	if len(m.Terms) > 0 {
		terms := make([]string, len(m.Terms))
		for i, t := range m.Terms {
			terms[i] = Markdown(oneLine(t))
		}
		e.Fields = append(e.Fields, model.Field{Name: "Matched", Value: Truncate(strings.Join(terms, ", "), LimitFieldValue)})
	}
	if n := len(st.Sources); n > 1 {
		e.Fields = append(e.Fields, model.Field{Name: "Sources", Value: fmt.Sprintf("reported by %d sources", n), Inline: true})
	}
	footer := []string{}
	if it.Feed != "" {
		footer = append(footer, oneLine(it.Feed))
	}
	if ts := formatTime(it.Published, loc); ts != "" {
		footer = append(footer, ts)
	}
	e.Footer = Truncate(Plain(strings.Join(footer, " · ")), LimitFooter)

	msg := model.Message{Embeds: []model.Embed{e}}
	if m.Severity == model.SeverityUrgent {
		if roles := validRoles(m.Mentions); len(roles) > 0 {
			var b strings.Builder
			for _, id := range roles {
				b.WriteString("<@&" + id + "> ")
			}
			b.WriteString("**Urgent:** ")
			msg.Content = Truncate(b.String()+Markdown(title), LimitContent)
			msg.Roles = roles
		}
	}
	fitEmbeds(msg.Embeds)
	return msg
}

// maxListedSources bounds the sources listed in an update or digest line.
const maxListedSources = 10

// RenderUpdate renders the update of an alert when more outlets report the
// story: "also reported by …" and the source count. It has no embed URL,
// so that Discord does not merge it with the original alert's embed, and
// it never pings.
func RenderUpdate(st model.Story, m model.Match, loc *time.Location) model.Message {
	n := len(st.Sources)
	var others []string
	for i, s := range st.Sources {
		if i == 0 {
			continue
		}
		if name := oneLine(s.Feed); name != "" && !contains(others, name) {
			others = append(others, name)
		}
	}
	title := fmt.Sprintf("Reported by %d %s", n, plural(n, "source", "sources"))
	if len(others) > 0 {
		names := strings.Join(others, ", ")
		if len(others) > 5 {
			names = fmt.Sprintf("%s and %d more", strings.Join(others[:5], ", "), len(others)-5)
		}
		title = fmt.Sprintf("Also reported by %s (%d sources)", Truncate(names, 200), n)
	}
	var b strings.Builder
	if t := oneLine(st.Title); t != "" {
		b.WriteString("**" + Truncate(Markdown(t), LimitTitle) + "**\n")
	}
	for i, s := range st.Sources {
		if i == maxListedSources {
			fmt.Fprintf(&b, "… and %d more\n", n-maxListedSources)
			break
		}
		line := Markdown(oneLine(s.Feed))
		if t := oneLine(s.Title); t != "" {
			line += ": " + maskedLink(Markdown(Truncate(t, 150)), s.Link)
		}
		if ts := formatTime(s.Published, loc); ts != "" {
			line += " · " + ts
		}
		b.WriteString("• " + line + "\n")
	}
	e := model.Embed{
		Title:       Truncate(Markdown(title), LimitTitle),
		Description: Truncate(b.String(), LimitDescription),
		Color:       severityColor[m.Severity],
		Footer:      Truncate(Plain(oneLine("rule "+m.Rule)), LimitFooter),
		Timestamp:   st.Updated,
	}
	msg := model.Message{Embeds: []model.Embed{e}}
	fitEmbeds(msg.Embeds)
	return msg
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// RenderDigest renders a digest: one embed per topic (in the digest's topic
// order, else by name) listing its stories since the last run, newest
// first. It returns false when no topic has a story.
func RenderDigest(d config.Digest, byTopic map[string][]model.Story, titles map[string]string, since, now time.Time, loc *time.Location) (model.Message, bool) {
	names := d.Topics
	if len(names) == 0 {
		for name := range byTopic {
			names = append(names, name)
		}
		sort.Strings(names)
	}
	perTopic := d.MaxStories
	if perTopic <= 0 {
		perTopic = 5
	}
	var embeds []model.Embed
	skipped, total := 0, 0
	for _, name := range names {
		stories := byTopic[name]
		if len(stories) == 0 {
			continue
		}
		if len(embeds) == LimitEmbeds {
			skipped++
			continue
		}
		sorted := append([]model.Story(nil), stories...)
		sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Updated.After(sorted[j].Updated) })
		var b strings.Builder
		for i, st := range sorted {
			if i == perTopic {
				fmt.Fprintf(&b, "… and %d more\n", len(sorted)-perTopic)
				break
			}
			t := oneLine(st.Title)
			if t == "" {
				t = "(untitled)"
			}
			line := "• " + maskedLink(Markdown(Truncate(t, 200)), st.Link)
			var meta []string
			if n := len(st.Sources); n > 1 {
				meta = append(meta, fmt.Sprintf("%d sources", n))
			} else if n == 1 && st.Sources[0].Feed != "" {
				meta = append(meta, Markdown(oneLine(st.Sources[0].Feed)))
			}
			if ts := formatTime(st.Updated, loc); ts != "" {
				meta = append(meta, ts)
			}
			if len(meta) > 0 {
				line += " — " + strings.Join(meta, " · ")
			}
			b.WriteString(line + "\n")
		}
		total += len(sorted)
		title := titles[name]
		if title == "" {
			title = name
		}
		embeds = append(embeds, model.Embed{
			Title:       Truncate(Markdown(fmt.Sprintf("%s — %d %s", oneLine(title), len(sorted), plural(len(sorted), "story", "stories"))), LimitTitle),
			Description: Truncate(b.String(), LimitDescription),
			Color:       0x95A5A6,
		})
	}
	if len(embeds) == 0 {
		return model.Message{}, false
	}
	footer := fmt.Sprintf("%s · %s – %s", oneLine(d.Name), formatTime(since, loc), formatTime(now, loc))
	if skipped > 0 {
		footer += fmt.Sprintf(" · %d more %s not shown", skipped, plural(skipped, "topic", "topics"))
	}
	embeds[len(embeds)-1].Footer = Truncate(Plain(footer), LimitFooter)
	embeds[len(embeds)-1].Timestamp = now
	content := fmt.Sprintf("**Digest %s**: %d %s since %s", Markdown(oneLine(d.Name)), total, plural(total, "story", "stories"), formatTime(since, loc))
	msg := model.Message{Content: Truncate(content, LimitContent), Embeds: embeds}
	fitEmbeds(msg.Embeds)
	return msg, true
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// RenderNotice renders an operational notice for admins. The text may
// quote feed content (titles, error bodies), so it is escaped like any
// other.
func RenderNotice(text string) model.Message {
	t := strings.TrimSpace(text)
	if t == "" {
		t = "(empty notice)"
	}
	return model.Message{Content: Truncate(Markdown(t), LimitContent)}
}

// EmbedsLength is what Discord counts against the 6000 code points of a
// message's embeds.
func EmbedsLength(embeds []model.Embed) int {
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

// fitEmbeds shortens the longest descriptions, then field values, until
// the embeds add up to at most LimitEmbedsTotal code points.
func fitEmbeds(embeds []model.Embed) {
	for over := EmbedsLength(embeds) - LimitEmbedsTotal; over > 0; over = EmbedsLength(embeds) - LimitEmbedsTotal {
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
			return
		}
		*longest = Truncate(*longest, max(1, n-over))
	}
}
