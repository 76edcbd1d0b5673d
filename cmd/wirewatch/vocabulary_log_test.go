package main

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"wirewatch/config"
)

// TestLogVocabularyFindings: run logs the vocabulary's findings as check
// reports them, one WARN line each after one with the counts, and nothing
// for a vocabulary without any.
func TestLogVocabularyFindings(t *testing.T) {
	tests := []struct {
		name  string
		vocab string
		want  []string // lines, in order, as substrings
	}{
		{"none", "[stories.vocabulary]\nreplace = true\n[stories.vocabulary.words]\nprobes = \"probe\"\n", nil},
		{"not set", "", nil},
		{"mistake and warning", "[stories.vocabulary]\nreplace = true\n[stories.vocabulary.aliases]\n\"dprk\" = \"nkorea\"\n[stories.vocabulary.words]\nreported = \"report\"\nnorthern = \"dprk\"\n", []string{
			`level=WARN msg="vocabulary entries that never apply or apply otherwise than written; the config runs as it is" config=desk.toml mistakes=1 warnings=1`,
			`level=WARN msg="vocabulary mistake" finding="desk.toml:6:12: words \"reported\": \"reported\" is a stop-word`,
			`level=WARN msg="vocabulary warning" finding="desk.toml:7:12: warning: words \"northern\": a report's \"dprk\" is read \"nkorea\"`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := config.Parse("desk.toml", []byte(tt.vocab))
			if cfg == nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
				if a.Key == slog.TimeKey {
					return slog.Attr{}
				}
				return a
			}}))
			logVocabularyFindings(log, "desk.toml", cfg)
			lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
			if buf.Len() == 0 {
				lines = nil
			}
			if len(lines) != len(tt.want) {
				t.Fatalf("%d lines, want %d:\n%s", len(lines), len(tt.want), buf.String())
			}
			for i, w := range tt.want {
				if !strings.Contains(lines[i], w) {
					t.Errorf("line %d:\n got %s\nwant %s...", i, lines[i], w)
				}
			}
		})
	}
}
