package bot_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"wirewatch/bot"
)

func TestStampAndFindMarker(t *testing.T) {
	marker := bot.Marker("0b6f3c4e-8d1a-4c2e-9f00-1a2b3c4d5e6f")
	long := strings.Repeat("가", 5000)
	tests := []struct {
		name string
		msg  bot.Message
		// where the marker must end up
		footer, content string
	}{
		{name: "embed footer appended",
			msg:    bot.Message{Embeds: []bot.Embed{{Title: "t", Footer: "Yonhap · 2 sources"}}},
			footer: "Yonhap · 2 sources · " + marker},
		{name: "empty footer",
			msg:    bot.Message{Embeds: []bot.Embed{{Title: "t"}}},
			footer: marker},
		{name: "last of several embeds",
			msg:    bot.Message{Embeds: []bot.Embed{{Title: "a", Footer: "one"}, {Title: "b", Footer: "two"}}},
			footer: "two · " + marker},
		{name: "content only",
			msg:     bot.Message{Content: "North Korea fires missile"},
			content: "North Korea fires missile\n-# " + marker},
		{name: "empty message",
			msg:     bot.Message{},
			content: "-# " + marker},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.msg
			got := bot.Stamp(tt.msg, marker)
			if tt.footer != "" {
				if f := got.Embeds[len(got.Embeds)-1].Footer; f != tt.footer {
					t.Errorf("footer %q, want %q", f, tt.footer)
				}
				if len(before.Embeds) > 0 && before.Embeds[len(before.Embeds)-1].Footer == tt.footer {
					t.Error("Stamp changed the caller's embeds")
				}
			}
			if tt.content != "" && got.Content != tt.content {
				t.Errorf("content %q, want %q", got.Content, tt.content)
			}
			if m := bot.MessageMarker(got); m != marker {
				t.Errorf("MessageMarker = %q, want %q", m, marker)
			}
		})
	}

	t.Run("limits kept", func(t *testing.T) {
		full := bot.Message{Embeds: []bot.Embed{
			{Title: "a", Description: long[:4096*3], Footer: strings.Repeat("f", 2048)},
			{Title: "b", Description: long[:1900*3]},
		}}
		got := bot.Stamp(full, marker)
		total := 0
		for _, e := range got.Embeds {
			total += utf8.RuneCountInString(e.Title + e.Description + e.Footer + e.Author)
		}
		last := got.Embeds[1].Footer
		if total > 6000 || utf8.RuneCountInString(got.Embeds[0].Footer) > 2048 {
			t.Errorf("stamped message has %d code points in embeds, want ≤ 6000", total)
		}
		if bot.MessageMarker(got) != marker {
			t.Errorf("marker lost when trimming: footer %q", last)
		}
		c := bot.Stamp(bot.Message{Content: long[:2000*3]}, marker)
		if n := utf8.RuneCountInString(c.Content); n > 2000 || bot.MessageMarker(c) != marker {
			t.Errorf("content of %d code points, marker %q", n, bot.MessageMarker(c))
		}
		if !utf8.ValidString(c.Content) {
			t.Error("trimmed content is not valid UTF-8")
		}
	})
}

func TestFindMarker(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Yonhap · ref:abc-123", "ref:abc-123"},
		{"Yonhap · ref:abc-123 \n", "ref:abc-123"},
		{"ref:spoofed from a feed · Yonhap", ""},  // only the end counts
		{"see ref:one · ref:two", "ref:two"},      // the last one
		{"ref:bad token!", ""},                    // not a marker token
		{"ref:", ""},                              // empty token
		{"Yonhap", ""},                            // none
		{"-# ref:" + strings.Repeat("x", 65), ""}, // too long
	}
	for _, tt := range tests {
		if got := bot.FindMarker(tt.text); got != tt.want {
			t.Errorf("FindMarker(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	// Only the last embed carries the marker.
	msg := bot.Message{Embeds: []bot.Embed{{Footer: "ref:first"}, {Footer: "plain"}}}
	if got := bot.MessageMarker(msg); got != "" {
		t.Errorf("MessageMarker found %q in an earlier embed", got)
	}
}
