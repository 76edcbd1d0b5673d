package summarize

import (
	"bufio"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestRunJSONL(t *testing.T) {
	article := readFixture(t, "drill-article.txt")
	page := readFixture(t, "extract/article.html")
	lines := []string{
		mustJSON(t, map[string]any{"id": "a1", "title": drillTitle, "text": article, "sentences": 2}),
		mustJSON(t, map[string]any{"id": 42, "html": page, "url": "https://example.com/x"}),
		`{"id": "bad", "text": 17}`,
		`not json at all`,
		``,
		mustJSON(t, map[string]any{"id": "none"}),
		mustJSON(t, map[string]any{"id": "fallback", "html": "<p>hi</p>", "text": "North Korea fired a missile on Monday. Japan protested."}),
		mustJSON(t, map[string]any{"id": "toomany", "text": "A b c d.", "sentences": 1000}),
	}
	var out strings.Builder
	if err := RunJSONL(strings.NewReader(strings.Join(lines, "\n")), &out, 3); err != nil {
		t.Fatalf("RunJSONL: %v", err)
	}
	type result struct {
		ID      json.RawMessage `json:"id"`
		Line    int             `json:"line"`
		Summary []string        `json:"summary"`
		Error   string          `json:"error"`
	}
	var got []result
	sc := bufio.NewScanner(strings.NewReader(out.String()))
	for sc.Scan() {
		var r result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("output line %q: %v", sc.Text(), err)
		}
		got = append(got, r)
	}
	// One output per non-empty input line, in order.
	want := []struct {
		id       string
		line     int
		nSummary int
		err      string
	}{
		{`"a1"`, 0, 2, ""},
		{`42`, 0, 3, ""},
		{`"bad"`, 3, 0, "bad JSON"},
		{``, 4, 0, "bad JSON"},
		{`"none"`, 6, 0, "no \"text\" or \"html\""},
		{`"fallback"`, 0, 2, ""},
		{`"toomany"`, 8, 0, "sentences must be between"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d output lines, want %d:\n%s", len(got), len(want), out.String())
	}
	for i, w := range want {
		g := got[i]
		if string(g.ID) != w.id || g.Line != w.line || len(g.Summary) != w.nSummary || !strings.Contains(g.Error, w.err) || (w.err == "" && g.Error != "") {
			t.Errorf("line %d: got id=%s line=%d summary=%d error=%q; want id=%s line=%d summary=%d error~%q",
				i, g.ID, g.Line, len(g.Summary), g.Error, w.id, w.line, w.nSummary, w.err)
		}
	}
}

func TestRunJSONLLongLine(t *testing.T) {
	long := `{"id":"big","text":"` + strings.Repeat("a", maxJSONLLine+10) + `"}` + "\n" + `{"id":"next","text":"Seoul said the drill ended on Friday."}`
	var out strings.Builder
	if err := RunJSONL(strings.NewReader(long), &out, 1); err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(got) != 2 || !strings.Contains(got[0], "longer than") || !strings.Contains(got[1], `"next"`) {
		t.Errorf("output:\n%s", out.String())
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestRunJSONLWriteError(t *testing.T) {
	in := strings.Repeat(`{"id":1,"text":"Seoul said the drill ended on Friday."}`+"\n", 5000)
	if err := RunJSONL(strings.NewReader(in), failingWriter{}, 1); err == nil {
		t.Error("RunJSONL ignored a write error")
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestRunExtractJSONL(t *testing.T) {
	page := readFixture(t, "extract/article.html")
	lines := []string{
		mustJSON(t, map[string]any{"id": "p1", "html": page, "url": "https://example.com/asia/north-korea-missiles"}),
		`{"id": "bad", "html": 17}`,
		`not json`,
		``,
		mustJSON(t, map[string]any{"id": 7, "html": readFixture(t, "extract/empty.html")}),
		mustJSON(t, map[string]any{"id": "nohtml", "url": "https://example.com/"}),
		mustJSON(t, map[string]any{"id": "p2", "html": page}),
	}
	var out strings.Builder
	if err := RunExtractJSONL(strings.NewReader(strings.Join(lines, "\n")), &out); err != nil {
		t.Fatalf("RunExtractJSONL: %v", err)
	}
	type result struct {
		ID    json.RawMessage `json:"id"`
		Line  int             `json:"line"`
		Text  string          `json:"text"`
		Error string          `json:"error"`
	}
	var got []result
	sc := bufio.NewScanner(strings.NewReader(out.String()))
	for sc.Scan() {
		var r result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("output line %q: %v", sc.Text(), err)
		}
		got = append(got, r)
	}
	want := []struct {
		id   string
		line int
		text string
		err  string
	}{
		{`"p1"`, 0, "North Korea fired two short-range ballistic missiles", ""},
		{`"bad"`, 2, "", "bad JSON"},
		{``, 3, "", "bad JSON"},
		{`7`, 5, "", ErrNoArticle.Error()},
		{`"nohtml"`, 6, "", `no "html"`},
		{`"p2"`, 0, "North Korea fired two short-range ballistic missiles", ""},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d output lines, want %d:\n%s", len(got), len(want), out.String())
	}
	for i, w := range want {
		g := got[i]
		if string(g.ID) != w.id || g.Line != w.line || !strings.Contains(g.Text, w.text) || (w.text == "") != (g.Text == "") ||
			!strings.Contains(g.Error, w.err) || (w.err == "") != (g.Error == "") {
			t.Errorf("line %d: got %+v, want id %s line %d text ~%q error ~%q", i, g, w.id, w.line, w.text, w.err)
		}
	}
}
