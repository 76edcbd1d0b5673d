package outbox

import (
	"strings"
	"unicode/utf8"

	"wirewatch/model"
)

// The marker is how a message in a channel is traced back to its post after
// a crash: "ref:" followed by the post id, written at the very end of the
// last embed's footer ("Yonhap · 3 sources · ref:<post id>"), or, for a
// message without embeds, on a last line of small text ("-# ref:<post id>").
// A Sink's Recent reports it in Sent.Marker; FindMarker and MessageMarker
// extract it from a footer, content or whole message.
const markerPrefix = "ref:"

// Discord's limits, in code points (research-discord.md §3.1).
const (
	maxContent     = 2000
	maxFooter      = 2048
	maxEmbedsTotal = 6000
	footerSep      = " · "
	contentSep     = "\n-# "
	maxMarkerToken = 64
)

// Marker returns the marker of a post: "ref:" + post id.
func Marker(p model.Post) string {
	return markerPrefix + p.ID
}

// Stamp returns a copy of msg with marker appended at the end of the last
// embed's footer, or as a last line of content when msg has no embed. It
// trims what it must (footer, then the longest description or content) so the
// stamped message stays within Discord's limits; msg itself is not changed.
func Stamp(msg model.Message, marker string) model.Message {
	if marker == "" {
		return msg
	}
	if len(msg.Embeds) == 0 {
		msg.Content = stampContent(msg.Content, marker)
		return msg
	}
	embeds := make([]model.Embed, len(msg.Embeds))
	copy(embeds, msg.Embeds)
	last := &embeds[len(embeds)-1]
	last.Footer = stampFooter(last.Footer, marker)
	fitEmbeds(embeds)
	msg.Embeds = embeds
	return msg
}

func stampContent(content, marker string) string {
	if content == "" {
		return "-# " + marker
	}
	room := maxContent - utf8.RuneCountInString(contentSep+marker)
	return truncateRunes(content, room) + contentSep + marker
}

func stampFooter(footer, marker string) string {
	if footer == "" {
		return marker
	}
	room := maxFooter - utf8.RuneCountInString(footerSep+marker)
	return truncateRunes(footer, room) + footerSep + marker
}

// fitEmbeds shortens the longest descriptions until the embeds' text adds up
// to at most Discord's 6000 code points; the stamped footer is kept whole.
func fitEmbeds(embeds []model.Embed) {
	over := embedsLength(embeds) - maxEmbedsTotal
	for over > 0 {
		longest := -1
		for i := range embeds {
			if longest < 0 || utf8.RuneCountInString(embeds[i].Description) > utf8.RuneCountInString(embeds[longest].Description) {
				longest = i
			}
		}
		n := utf8.RuneCountInString(embeds[longest].Description)
		if n == 0 {
			return // nothing left to cut; the sink will report the 400
		}
		cut := min(over, n)
		embeds[longest].Description = truncateRunes(embeds[longest].Description, n-cut)
		over = embedsLength(embeds) - maxEmbedsTotal
	}
}

func embedsLength(embeds []model.Embed) int {
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

// truncateRunes cuts s to at most n code points, ending with "…" when cut.
func truncateRunes(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	return strings.TrimRight(string(runes[:n-1]), " ") + "…"
}

// FindMarker returns the marker at the end of text (a footer or message
// content), or "" when text does not end with one. Only the end counts:
// Stamp writes the marker last, and feed text earlier in a footer cannot
// pass for one.
func FindMarker(text string) string {
	text = strings.TrimRight(text, " \t\n")
	i := strings.LastIndex(text, markerPrefix)
	if i < 0 {
		return ""
	}
	token := text[i+len(markerPrefix):]
	if token == "" || len(token) > maxMarkerToken {
		return ""
	}
	for j := 0; j < len(token); j++ {
		if !isMarkerByte(token[j]) {
			return ""
		}
	}
	return markerPrefix + token
}

func isMarkerByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_'
}

// MessageMarker returns the marker Stamp put into msg: at the end of the
// last embed's footer, or of the content when msg has no embed; "" when there
// is none.
func MessageMarker(msg model.Message) string {
	if n := len(msg.Embeds); n > 0 {
		return FindMarker(msg.Embeds[n-1].Footer)
	}
	return FindMarker(msg.Content)
}
