package summarize

import (
	"strings"
	"testing"
)

// labelledLines reads a testdata file of labelled lines, such as
// clean/consent.txt: "drop" or "keep", a tab and the text; # starts a
// comment.
func labelledLines(t testing.TB, name string) (drop, keep []string) {
	t.Helper()
	for i, line := range strings.Split(readFixture(t, name), "\n") {
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
			t.Fatalf("%s line %d: want drop or keep, a tab and the text: %q", name, i+1, line)
		}
	}
	return drop, keep
}

// labelledFiles are the testdata files of labelled lines.
var labelledFiles = []string{"clean/consent.txt", "clean/pagination.txt"}

// TestConsentLines: Clean, the one cleaning of stored text and summaries,
// removes cookie and consent banners in several languages wherever they
// sit, and keeps news sentences about cookies and consent.
func TestConsentLines(t *testing.T) {
	const news = "Seoul said the drill ended on Friday."
	drop, keep := labelledLines(t, "clean/consent.txt")
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

// TestPaginationLines: Clean drops a row of page links ("1 | 2 | 3 |
// Next »", "Page 1 of 5") and keeps table rows and prose of numbers.
func TestPaginationLines(t *testing.T) {
	const news, more = "Seoul said the drill ended on Friday.", "Tokyo lodged a protest."
	drop, keep := labelledLines(t, "clean/pagination.txt")
	for _, line := range drop {
		for _, tc := range []struct{ in, want string }{
			{line, ""},
			{news + "\n" + line, news},
			{news + "\n" + line + "\n" + more, news + "\n" + more},
		} {
			if got := Clean(tc.in); got != tc.want {
				t.Errorf("pagination kept: Clean(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		}
	}
	for _, line := range keep {
		for _, in := range []string{line, news + "\n" + line} {
			if got := Clean(in); got != in {
				t.Errorf("line lost: Clean(%q)\n got %q", in, got)
			}
		}
	}
}
