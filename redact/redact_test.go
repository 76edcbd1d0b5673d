package redact

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"no secrets here", "no secrets here"},
		{"wirewatch.db", "wirewatch.db"},
		{"https://news.example/rss.xml", "https://news.example/rss.xml"},
		{"https://user:s3cret@news.example/rss.xml", "https://news.example/rss.xml"},
		{"https://s3cret@news.example/rss.xml", "https://news.example/rss.xml"},
		{"https://news.example/rss?api_key=s3cret&cat=nk", "https://news.example/rss?api_key=REDACTED&cat=REDACTED"},
		{"https://news.example/rss?s3cret", "https://news.example/rss?REDACTED"},
		{"https://news.example/rss?a=1&&b", "https://news.example/rss?a=REDACTED&&REDACTED"},
		{"https://news.example/rss#access_token=s3cret", "https://news.example/rss#REDACTED"},
		{"http://[::1]:8080/feed?k=s3cret", "http://[::1]:8080/feed?k=REDACTED"},
		{"HTTPS://U:s3cret@NEWS.example:443/x", "HTTPS://NEWS.example:443/x"},
		{"postgres://wire:s3cret@db.internal:5432/wirewatch?sslmode=disable", "postgres://db.internal:5432/wirewatch?sslmode=REDACTED"},
		{"host=db.internal user=wire password=s3cret dbname=w", "host=db.internal user=wire password=REDACTED dbname=w"},
		{"host=db password='s3 cret' sslmode=disable", "host=db password=REDACTED sslmode=disable"},
		{`poll feed "Wire" (https://u:s3cret@news.example/rss?token=s3cret): Get "https://news.example/rss?token=s3cret": dial tcp: refused`,
			`poll feed "Wire" (https://news.example/rss?token=REDACTED): Get "https://news.example/rss?token=REDACTED": dial tcp: refused`},
		{"see https://news.example/a?k=s3cret.", "see https://news.example/a?k=REDACTED."},
		{"(https://news.example/a?k=s3cret)", "(https://news.example/a?k=REDACTED)"},
		{"cannot parse `postgres://wire:s3cret@db/w`: bad", "cannot parse `postgres://db/w`: bad"},
		{"cut short https://u:s3cret@news.exa", "cut short https://news.exa"},
		{"X-Api-Key=s3cret; Client_Secret = s3cret, auth_token=s3cret", "X-Api-Key=REDACTED; Client_Secret = REDACTED, auth_token=REDACTED"},
		{"author=Kim design=x", "author=Kim design=x"},
		{"/api/v10/webhooks/1234/aW50ZXJhY3Rpb24.x-y_z/messages/@original", "/api/v10/webhooks/1234/REDACTED/messages/@original"},
		{"route=/api/v10/interactions/99/tok3n/callback", "route=/api/v10/interactions/99/REDACTED/callback"},
		{"https://discord.com/api/webhooks/1234/s3cret?wait=true", "https://discord.com/api/webhooks/1234/REDACTED?wait=REDACTED"},
		{"/api/v10/channels/1234/messages", "/api/v10/channels/1234/messages"},
	}
	for _, tt := range tests {
		got := Text(tt.in)
		if got != tt.want {
			t.Errorf("Text(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
		if strings.Contains(got, "s3cret") || strings.Contains(got, "s3 cret") {
			t.Errorf("Text(%q) kept the secret: %q", tt.in, got)
		}
		if again := Text(got); again != got {
			t.Errorf("Text is not idempotent on %q: %q", got, again)
		}
	}
}

type stringer struct{}

func (stringer) String() string { return "https://u:s3cret@news.example/x?k=s3cret" }

// TestHandler: every text a log record carries is redacted: the message,
// strings, errors, values printed with fmt, attributes added with With and
// inside groups; numbers pass as they are.
func TestHandler(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(Handler(slog.NewTextHandler(&buf, nil)))
	log = log.With("database", "postgres://wire:s3cret@db/w")
	log.Info("polled https://news.example/rss?key=s3cret",
		"url", "https://u:s3cret@news.example/rss",
		"err", errors.New(`Get "https://news.example/rss?api_key=s3cret": EOF`),
		"thing", stringer{},
		"n", 42,
		slog.Group("feed", "url", "https://news.example/rss?token=s3cret"),
	)
	out := buf.String()
	if strings.Contains(out, "s3cret") {
		t.Errorf("a secret reached the log:\n%s", out)
	}
	for _, want := range []string{"database=postgres://db/w", "url=https://news.example/rss", "api_key=REDACTED", "n=42", "feed.url=", "news.example/x?k=REDACTED"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
}
