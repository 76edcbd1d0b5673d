package feeds

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"

	"wirewatch/config"
	"wirewatch/model"
)

// corpusDir finds the feedparser robustness corpus: $WIREWATCH_EVAL_DATA
// (the eval-data directory) or the shared checkout next to the repo.
func corpusDir(t testing.TB) string {
	t.Helper()
	candidates := []string{filepath.Join("..", "..", "shared", "eval-data", "feeds-feedparser")}
	if env := os.Getenv("WIREWATCH_EVAL_DATA"); env != "" {
		candidates = append([]string{filepath.Join(env, "feeds-feedparser"), env}, candidates...)
	}
	for _, dir := range candidates {
		if st, err := os.Stat(filepath.Join(dir, "wellformed")); err == nil && st.IsDir() {
			return dir
		}
	}
	t.Skip("feedparser corpus not found (set WIREWATCH_EVAL_DATA)")
	return ""
}

// corpusFile is one corpus document with what its header comment says.
type corpusFile struct {
	rel     string
	body    []byte
	headers http.Header
	expect  []expectation
}

// expectation is one equality from an "Expect:" line that this package can
// check: the feed title, the first entry's title or link, the feed link.
type expectation struct {
	field string // "feed.title", "entry.title", "entry.link", "feed.link"
	want  string
}

var (
	headerLine = regexp.MustCompile(`(?m)^\s*Header:\s*([A-Za-z-]+):\s*(.*?)\s*$`)
	expectLine = regexp.MustCompile(`(?m)^\s*Expect:\s*(.*?)\s*$`)
	pyString   = `('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")`
	expectRes  = map[string]*regexp.Regexp{
		"feed.title":  regexp.MustCompile(`feed(?:\['title'\]|\.title) == ` + pyString + `\s*$`),
		"entry.title": regexp.MustCompile(`entries\[0\](?:\['title'\]|\.title) == ` + pyString + `\s*$`),
		"entry.link":  regexp.MustCompile(`entries\[0\](?:\['link'\]|\.link) == ` + pyString + `\s*$`),
		"feed.link":   regexp.MustCompile(`feed(?:\['link'\]|\.link) == ` + pyString + `\s*$`),
	}
)

func loadCorpus(t testing.TB, dir string) []corpusFile {
	t.Helper()
	var files []corpusFile
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !(strings.HasSuffix(path, ".xml") || strings.HasSuffix(path, ".json")) {
			return nil
		}
		body, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		files = append(files, readCorpusFile(filepath.ToSlash(rel), body))
		return nil
	})
	if err != nil {
		t.Fatalf("walk corpus: %v", err)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].rel < files[j].rel })
	return files
}

func readCorpusFile(rel string, body []byte) corpusFile {
	f := corpusFile{rel: rel, body: body, headers: http.Header{}}
	comment := body
	if i := bytes.Index(body, []byte("-->")); i >= 0 {
		comment = body[:i]
	}
	for _, m := range headerLine.FindAllSubmatch(comment, -1) {
		f.headers.Add(string(m[1]), string(m[2]))
	}
	if m := expectLine.FindSubmatch(comment); m != nil {
		line := string(m[1])
		for field, re := range expectRes {
			if sm := re.FindStringSubmatch(line); sm != nil {
				if want, ok := pyUnquote(sm[1]); ok {
					f.expect = append(f.expect, expectation{field: field, want: want})
				}
			}
		}
	}
	return f
}

// pyUnquote decodes a Python string literal as written in the corpus.
func pyUnquote(lit string) (string, bool) {
	if len(lit) < 2 {
		return "", false
	}
	s := lit[1 : len(lit)-1]
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case '\\', '\'', '"':
			b.WriteByte(s[i])
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[s[i]]
			if i+1+n > len(s) {
				return "", false
			}
			v, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32)
			if err != nil {
				return "", false
			}
			b.WriteRune(rune(v))
			i += n
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
	}
	return b.String(), true
}

// TestCorpus sends every corpus file through a loopback server, Poll,
// DecodeUTF8 and the parser, and compares with plain gofeed on the same bytes.
func TestCorpus(t *testing.T) {
	dir := corpusDir(t)
	files := loadCorpus(t, dir)
	if len(files) == 0 {
		t.Fatal("corpus is empty")
	}
	byPath := make(map[string]corpusFile, len(files))
	for _, f := range files {
		byPath["/"+f.rel] = f
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, ok := byPath[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		for k, vs := range f.headers {
			for _, v := range vs {
				w.Header().Add(k, v)
			}
		}
		if w.Header().Get("Content-Type") == "" {
			w.Header().Set("Content-Type", "application/octet-stream") // no charset hint
		}
		_, _ = w.Write(f.body)
	}))
	defer srv.Close()

	fetcher := NewFetcher(Options{Timeout: 10 * time.Second, PerHost: 8, Concurrency: 8})
	now := time.Date(2025, 11, 8, 1, 30, 0, 0, time.UTC)
	type outcome struct {
		res       Result
		err       error
		pollTime  time.Duration
		parseTime time.Duration
	}
	out := make([]outcome, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f := files[i]
				feed := config.Feed{Name: f.rel, URL: srv.URL + "/" + f.rel, AllowPrivate: true}
				start := time.Now()
				res, err := fetcher.Poll(context.Background(), feed, model.FeedState{}, now)
				out[i].pollTime = time.Since(start)
				out[i].res, out[i].err = res, err
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	// Time normalize+parse alone, one file at a time, so the figure is not
	// inflated by the parallel polls competing for the CPU.
	for i, f := range files {
		feed := config.Feed{Name: f.rel, URL: srv.URL + "/" + f.rel}
		start := time.Now()
		_, _ = parseFeed(f.body, f.headers.Get("Content-Type"), feed, feed.URL, nil, now)
		out[i].parseTime = time.Since(start)
	}

	var (
		ours, plain       int
		maxPoll, maxParse time.Duration
		slowest           string
		checked, matched  int
		mismatches        []string
		failedNames       []string
		totalParse        time.Duration
	)
	for i, f := range files {
		o := out[i]
		if _, err := gofeed.NewParser().Parse(bytes.NewReader(f.body)); err != nil {
			plain++
		}
		totalParse += o.parseTime
		if o.parseTime > maxParse {
			maxParse, slowest = o.parseTime, f.rel
		}
		maxPoll = max(maxPoll, o.pollTime)
		if o.parseTime > time.Second {
			t.Errorf("%s: parse took %v", f.rel, o.parseTime)
		}
		if o.err != nil {
			ours++
			failedNames = append(failedNames, fmt.Sprintf("%s: %v", f.rel, o.err))
			continue
		}
		checkItemsValid(t, f.rel, o.res.Items)
		for _, e := range f.expect {
			checked++
			got, want := corpusValue(o.res, e.field), normalizeExpected(e, srv.URL)
			if got == want {
				matched++
			} else {
				mismatches = append(mismatches, fmt.Sprintf("%s %s: got %q, want %q", f.rel, e.field, got, want))
			}
		}
	}
	t.Logf("corpus: %d files; failures: ours %d, plain gofeed %d", len(files), ours, plain)
	t.Logf("normalize+parse: max %v (%s), total %v; max poll over loopback %v", maxParse, slowest, totalParse, maxPoll)
	t.Logf("expectations (feed/entry title and link): checked %d, matched %d", checked, matched)
	if testing.Verbose() {
		for _, m := range failedNames {
			t.Logf("failed: %s", m)
		}
		for _, m := range mismatches {
			t.Logf("mismatch: %s", m)
		}
	}
	if ours >= plain {
		t.Errorf("%d failures, plain gofeed has %d: normalization must do better", ours, plain)
	}
	if checked == 0 || float64(matched) < 0.95*float64(checked) {
		t.Errorf("only %d of %d expectations matched", matched, checked)
	}
}

// corpusValue is what we parsed for an expectation's field.
func corpusValue(res Result, field string) string {
	switch field {
	case "feed.title":
		return res.Title
	case "feed.link":
		return res.Link
	}
	if len(res.Items) == 0 {
		return "<no entries>"
	}
	if field == "entry.title" {
		return res.Items[0].Title
	}
	return res.Items[0].Link
}

// normalizeExpected applies our normalization to feedparser's expected
// value: titles are plain text (feedparser keeps sanitized HTML), links are
// canonical. The corpus was written for a test server at 127.0.0.1:8097;
// links to it point at ours.
func normalizeExpected(e expectation, server string) string {
	if strings.HasSuffix(e.field, ".link") {
		return CanonicalLink(strings.Replace(e.want, "http://127.0.0.1:8097", server, 1))
	}
	return PlainText(e.want, maxTitleBytes)
}

// checkItemsValid asserts the guarantees later stages rely on.
func checkItemsValid(t *testing.T, name string, items []model.Item) {
	t.Helper()
	for _, it := range items {
		for field, v := range map[string]string{"title": it.Title, "text": it.Text, "author": it.Author, "link": it.Link, "key": it.Key} {
			if !utf8.ValidString(v) {
				t.Errorf("%s: %s is not valid UTF-8: %q", name, field, v)
			}
		}
		if len(it.Title) > maxTitleBytes || len(it.Text) > maxTextBytes {
			t.Errorf("%s: title %d or text %d bytes over the cap", name, len(it.Title), len(it.Text))
		}
		if it.Link != "" && !strings.HasPrefix(it.Link, "http://") && !strings.HasPrefix(it.Link, "https://") {
			t.Errorf("%s: link %q is not http(s)", name, it.Link)
		}
		if it.Key == "" || it.Published.IsZero() || it.FirstSeen.IsZero() {
			t.Errorf("%s: item without key or dates: %+v", name, it)
		}
	}
}
