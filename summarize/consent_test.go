package summarize

import (
	"strings"
	"testing"
)

// consentLines reads testdata/clean/consent.txt: labelled banner lines
// ("drop") and news lines about cookies and consent ("keep").
func consentLines(t testing.TB) (drop, keep []string) {
	t.Helper()
	for i, line := range strings.Split(readFixture(t, "clean/consent.txt"), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		label, text, ok := strings.Cut(line, "\t")
		switch {
		case ok && label == "drop":
			drop = append(drop, text)
		case ok && label == "keep":
			keep = append(keep, text)
		default:
			t.Fatalf("consent.txt line %d: want drop or keep, a tab and the text: %q", i+1, line)
		}
	}
	return drop, keep
}

// TestConsentLines: Clean, the one cleaning of stored text and summaries,
// removes cookie and consent banners in several languages wherever they
// sit, and keeps news sentences about cookies and consent.
func TestConsentLines(t *testing.T) {
	const news = "Seoul said the drill ended on Friday."
	drop, keep := consentLines(t)
	for _, line := range drop {
		for _, tc := range []struct{ in, want string }{
			{line, ""},
			{news + "\n" + line, news},
			{news + " " + line, news},
		} {
			if got := Clean(tc.in); got != tc.want {
				t.Errorf("banner kept: Clean(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		}
	}
	for _, line := range keep {
		for _, in := range []string{line, news + "\n" + line, news + " " + line} {
			if got := Clean(in); got != in {
				t.Errorf("news lost: Clean(%q)\n got %q", in, got)
			}
		}
	}
}
