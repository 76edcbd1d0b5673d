package summarize

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"wirewatch/feeds"
)

// badInputs are the kinds of input the issue names: each must give a
// summary or a clear error, never a panic, in bounded time and memory.
// With -short the "5 MB" inputs are 1 MB, still past every cap.
func badInputs(t testing.TB) map[string]string {
	huge := 5 << 20
	if testing.Short() {
		huge = 1 << 20 // still four times every cap
	}
	prose := "North Korea fired a missile into the sea on Monday, the military said. Japan protested the launch and called it a threat.\n"
	return map[string]string{
		"empty":          "",
		"white space":    " \n\t\r\n ",
		"one sentence":   "North Korea fired a missile on Monday.",
		"5 MB of prose":  strings.Repeat(prose, huge/len(prose)),
		"5 MB one line":  strings.Repeat("word ", huge/5),
		"5 MB of lines":  strings.Repeat("Missile launch\n", huge/15),
		"no punctuation": strings.Repeat("north korea fired a missile on monday and japan protested ", 50),
		"non-article":    readFixture(t, "extract/empty.html"),
		"binary":         "\x00\x01\x02\xff\xfe\x89PNG\r\n\x1a\n" + strings.Repeat("\x00\x10\x80", 1000),
		"invalid UTF-8":  "North Korea \xff\xfe fired a missile \xc3 on Monday. Japan \xed\xa0\x80 protested the launch on Tuesday, officials said.",
		"only marks":     strings.Repeat(". ! ? … ", 1000),
	}
}

func TestSummarizeBadInput(t *testing.T) {
	for name, text := range badInputs(t) {
		t.Run(name, func(t *testing.T) {
			got := Summarize("Missile launch", text, 3)
			checkSummary(t, text, 3, got)
			lead := Lead("Missile launch", text, 3)
			checkSummary(t, text, 3, lead)
		})
	}
	// Text past MaxSummarizeBytes is not read.
	late := strings.Repeat("Seoul reacts.\n", MaxSummarizeBytes/14+1) + "The hidden sentence comes after the limit, officials said."
	for _, s := range Summarize("", late, 3) {
		if strings.Contains(s, "hidden") {
			t.Errorf("read past MaxSummarizeBytes: %q", s)
		}
	}
}

// checkSummary holds the invariants of any summary: at most n sentences,
// none empty, none over maxSentenceBytes (plus the mark of a cut), each
// from the text unless cut, valid UTF-8 when the text was.
func checkSummary(t *testing.T, text string, n int, got []string) {
	t.Helper()
	if len(got) > n {
		t.Errorf("%d sentences, want at most %d", len(got), n)
	}
	for _, s := range got {
		switch {
		case strings.TrimSpace(s) == "":
			t.Errorf("empty sentence in %q", got)
		case len(s) > maxSentenceBytes+len("…"):
			t.Errorf("sentence of %d bytes", len(s))
		case utf8.ValidString(text) && !utf8.ValidString(s):
			t.Errorf("invalid UTF-8 from valid input: %q", s)
		}
	}
}

func TestReadArticleBadInput(t *testing.T) {
	inputs := badInputs(t)
	para := "<p>North Korea fired a missile into the sea on Monday, the military said, and Japan protested the launch.</p>"
	huge := len(inputs["5 MB of lines"])
	inputs["5 MB page"] = "<html><body><article>" + strings.Repeat(para, huge/len(para)) + "</article></body></html>"
	inputs["5 MB of script"] = "<html><head><script>" + strings.Repeat("var x = 1;\n", huge/11) + "</script></head><body><article>" + readFixture(t, "extract/article.html") + "</article></body></html>"
	inputs["unclosed tags"] = strings.Repeat("<div><p><span>", 20000) + "text"
	for name, page := range inputs {
		t.Run(name, func(t *testing.T) {
			a, err := ReadArticle([]byte(page), "", "")
			checkArticle(t, a, err)
		})
	}
	// A long page keeps its text when its length is scripts.
	a, err := ReadArticle([]byte(inputs["5 MB of script"]), "", "")
	if err != nil || !strings.Contains(a.Text, "North Korea fired two short-range ballistic missiles") {
		t.Errorf("page with 5 MB of script: %v %q", err, a.Text)
	}
}

func checkArticle(t *testing.T, a Article, err error) {
	t.Helper()
	if err != nil {
		if !errors.Is(err, ErrNoArticle) {
			t.Errorf("error %v is not ErrNoArticle", err)
		}
		return
	}
	if a.Text == "" || !utf8.ValidString(a.Text) || len(a.Text) > feeds.MaxTextBytes {
		t.Errorf("article text: %d bytes, valid UTF-8 %v", len(a.Text), utf8.ValidString(a.Text))
	}
}

func TestSlimPage(t *testing.T) {
	small := []byte("<html><script>x</script><p>kept</p></html>")
	if got := slimPage(small); !bytes.Equal(got, small) {
		t.Errorf("a short page changed: %q", got)
	}
	big := "<html><head><script type=\"application/ld+json\">{\"headline\":\"H\"}</script><style>" + strings.Repeat("p{}", MaxPageBytes) +
		"</style><!-- " + strings.Repeat("c", 1000) + " --><script>" + strings.Repeat("x", 1000) + "</script></head><body><p>Kept text.</p></body></html>"
	got := string(slimPage([]byte(big)))
	for _, want := range []string{`{"headline":"H"}`, "<p>Kept text.</p>"} {
		if !strings.Contains(got, want) {
			t.Errorf("slimmed page lacks %q: %.200q", want, got)
		}
	}
	if strings.Contains(got, "p{}") || strings.Contains(got, "ccc") || strings.Contains(got, "xxx") {
		t.Errorf("slimmed page keeps style, comment or script: %.200q", got)
	}
	huge := "<p>" + strings.Repeat("text ", MaxPageBytes) + "</p>"
	if n := len(slimPage([]byte(huge))); n > MaxPageBytes {
		t.Errorf("slimmed page of %d bytes, want at most %d", n, MaxPageBytes)
	}
}

func FuzzSummarize(f *testing.F) {
	f.Add("Missile launch", readFixture(f, "drill-article.txt"), uint8(3))
	for _, text := range badInputs(f) {
		if len(text) < 4<<10 {
			f.Add("", text, uint8(2))
		}
	}
	f.Add("U.S. Gen. No Kwang-chol", "Gen. No Kwang-chol met U.S. officials at 3 p.m. on Nov. 7. \"We will respond,\" he said. (It was his first visit.)", uint8(1))
	f.Fuzz(func(t *testing.T, title, text string, n uint8) {
		defer watchdog(len(title) + len(text))()
		k := int(n % 8)
		got := Summarize(title, text, k)
		checkSummary(t, text, k, got)
		if again := Summarize(title, text, k); !reflect.DeepEqual(got, again) {
			t.Errorf("not deterministic: %q then %q", got, again)
		}
		checkSummary(t, text, k, Lead(title, text, k))
	})
}

func FuzzReadArticle(f *testing.F) {
	f.Add([]byte(readFixture(f, "extract/article.html")), "text/html; charset=utf-8")
	f.Add([]byte(readFixture(f, "extract/empty.html")), "")
	for _, text := range badInputs(f) {
		if len(text) < 4<<10 {
			f.Add([]byte(text), "")
		}
	}
	f.Add([]byte("<html><body><article><p>\xff\xfe caf\xe9</p></article></body></html>"), "text/html; charset=iso-8859-1")
	f.Fuzz(func(t *testing.T, page []byte, contentType string) {
		defer watchdog(len(page))()
		a, err := ReadArticle(page, contentType, "https://example.com/a")
		checkArticle(t, a, err)
		if _, err := Extract(page, ""); err != nil && !errors.Is(err, ErrNoArticle) {
			t.Errorf("Extract error %v is not ErrNoArticle", err)
		}
	})
}

// watchdog crashes the fuzzing process (which then keeps the input) when
// one input takes far longer than any should; call the result when done.
func watchdog(size int) (stop func()) {
	tm := time.AfterFunc(fuzzInputTimeout, func() {
		panic(fmt.Sprintf("input of %d bytes still running after %v", size, fuzzInputTimeout))
	})
	return func() { tm.Stop() }
}

// fuzzInputTimeout bounds one fuzz input (a few KB); generous for a busy
// machine.
const fuzzInputTimeout = 10 * time.Second
