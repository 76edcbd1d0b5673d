package bot

import (
	"strings"
	"unicode/utf8"
)

// The marker is how a message in a channel is traced back to its post after
// a crash: "ref:" followed by the post id, written at the very end of the
// last embed's footer ("Yonhap · 3 sources · ref:<post id>"), or, for a
// message without embeds, on a last line of small text ("-# ref:<post id>").
// The sinks stamp it when they send or edit, and Recent reports the post id
// it names (outbox.Sent.PostID). FindMarker and MessageMarker extract it
// from a footer, content or whole message.
const markerPrefix = "ref:"

const (
	footerSep      = " · "
	contentSep     = "\n-# "
	maxMarkerToken = 64
)

// Marker returns the marker of a post: "ref:" + post id.
func Marker(postID string) string {
	return markerPrefix + postID
}

// markerPostID is the post id a marker names.
func markerPostID(marker string) string {
	return strings.TrimPrefix(marker, markerPrefix)
}

// Stamp returns a copy of msg with marker appended at the end of the last
// embed's footer, or as a last line of content when msg has no embed. It
// trims what it must (footer, then the longest description, field value or
// content) so the stamped message stays within Discord's limits; msg itself
// is not changed.
func Stamp(msg Message, marker string) Message {
	if marker == "" {
		return msg
	}
	if len(msg.Embeds) == 0 {
		msg.Content = stampContent(msg.Content, marker)
		return msg
	}
	embeds := make([]Embed, len(msg.Embeds))
	copy(embeds, msg.Embeds)
	last := &embeds[len(embeds)-1]
	last.Footer = stampFooter(last.Footer, marker)
	msg.Embeds = fitEmbeds(embeds)
	return msg
}

func stampContent(content, marker string) string {
	if content == "" {
		return "-# " + marker
	}
	room := limitContent - utf8.RuneCountInString(contentSep+marker)
	return truncateRunes(content, room) + contentSep + marker
}

func stampFooter(footer, marker string) string {
	if footer == "" {
		return marker
	}
	room := limitFooter - utf8.RuneCountInString(footerSep+marker)
	return truncateRunes(footer, room) + footerSep + marker
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
func MessageMarker(msg Message) string {
	if n := len(msg.Embeds); n > 0 {
		return FindMarker(msg.Embeds[n-1].Footer)
	}
	return FindMarker(msg.Content)
}
