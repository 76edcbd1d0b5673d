package evaluate

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"wirewatch/summarize"
	"wirewatch/summarize/rouge"
)

// Summarizer is anything that picks n sentences from an article.
type Summarizer func(title, text string, n int) []string

// System is a named summarizer to score.
type System struct {
	Name string
	Run  Summarizer
}

// Row is one system's corpus average.
type Row struct {
	System string
	Docs   int
	Scores rouge.Scores
	// Sentence selection against an extractive reference (BBC only), at
	// the reference's sentence count.
	SelP, SelR, SelF float64
	// PrecisionAt3 (BBC only): the share of the 3 sentences chosen per
	// article that appear in the reference summary, averaged over
	// PrecisionDocs articles (every article read, whatever its reference).
	PrecisionAt3  float64
	PrecisionDocs int
}

// DefaultSystems are Lead-3 and DefaultRanker, both after Clean.
func DefaultSystems() []System {
	return []System{
		{"lead", summarize.Lead},
		{"wirewatch", summarize.Summarize},
	}
}

// cnndmDoc is the part of a FRANK CNN/DM file we use.
type cnndmDoc struct {
	Article      string   `json:"article"`
	ArticleLines []string `json:"article_lines"`
	Reference    string   `json:"bart_reference"`
	URL          string   `json:"url"`
}

// CNNDM scores 3-sentence summaries on dir (cnndm-frank-250). The row
// "lead3-frank" is Lead-3 on the data set's own sentence split, the row the
// official ROUGE-1.5.5 averages were computed for. Titles come from the
// article URL's slug (the headline), as a feed item would carry one;
// systems named with suffix "-notitle" get no title.
func CNNDM(dir string, systems []System) ([]Row, error) {
	files, err := filepath.Glob(filepath.Join(dir, "articles", "*.json"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no CNN/DM articles in %s", dir)
	}
	sort.Strings(files)
	scorer := rouge.Scorer{Stem: true}
	all := make(map[string][]rouge.Scores)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", f, err)
		}
		var d cnndmDoc
		if err := json.Unmarshal(data, &d); err != nil {
			return nil, fmt.Errorf("parse %s: %w", f, err)
		}
		ref := splitPTB(d.Reference)
		all["lead3-frank"] = append(all["lead3-frank"], scorer.Score(firstNonEmpty(d.ArticleLines, 3), ref))
		title := titleFromURL(d.URL)
		for _, s := range systems {
			t := title
			if strings.HasSuffix(s.Name, "-notitle") {
				t = ""
			}
			all[s.Name] = append(all[s.Name], scorer.Score(s.Run(t, d.Article, 3), ref))
		}
	}
	rows := []Row{{System: "lead3-frank", Docs: len(files), Scores: rouge.Average(all["lead3-frank"])}}
	for _, s := range systems {
		rows = append(rows, Row{System: s.Name, Docs: len(files), Scores: rouge.Average(all[s.Name])})
	}
	return rows, nil
}

// splitPTB splits tokenized highlights after each " ." token.
func splitPTB(s string) []string {
	var out []string
	for _, part := range strings.SplitAfter(s, " .") {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func firstNonEmpty(lines []string, n int) []string {
	var out []string
	for _, l := range lines {
		if strings.TrimSpace(l) != "" && len(out) < n {
			out = append(out, l)
		}
	}
	return out
}

// titleFromURL turns a Daily Mail or CNN URL slug into a headline-like
// string ("Bid-to-launch-kite-scuppered.html" -> "Bid to launch kite scuppered").
func titleFromURL(raw string) string {
	// archive.org URLs wrap the original one.
	if i := strings.LastIndex(raw, "http://"); i > 0 {
		raw = raw[i:]
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	p := strings.TrimSuffix(u.Path, "/")
	base := path.Base(p)
	if base == "index.html" {
		base = path.Base(path.Dir(p))
	}
	base = strings.TrimSuffix(base, path.Ext(base))
	if !strings.Contains(base, "-") {
		return ""
	}
	return strings.ReplaceAll(base, "-", " ")
}

// BBC scores summaries on dir (bbc-news-summary), the title given
// separately: ROUGE and sentence selection at the reference's sentence
// count, and precision@3 (see Row.PrecisionAt3). sample > 0 takes every
// k-th article so that about sample articles are scored.
func BBC(dir string, systems []System, sample int) ([]Row, error) {
	root := filepath.Join(dir, "BBC News Summary")
	files, err := filepath.Glob(filepath.Join(root, "News Articles", "*", "*.txt"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no BBC articles in %s", root)
	}
	sort.Strings(files)
	step := 1
	if sample > 0 && len(files) > sample {
		step = len(files) / sample
	}
	scorer := rouge.Scorer{Stem: true}
	all := make(map[string][]rouge.Scores)
	sel := make(map[string][3]float64)
	p3 := make(map[string]float64)
	docs, p3Docs := 0, 0
	for k := 0; k < len(files); k += step {
		f := files[k]
		art, err := readLenient(f)
		if err != nil {
			return nil, err
		}
		rel, _ := filepath.Rel(filepath.Join(root, "News Articles"), f)
		sum, err := readLenient(filepath.Join(root, "Summaries", rel))
		if err != nil {
			return nil, err
		}
		title, body, _ := strings.Cut(art, "\n")
		title = strings.TrimSpace(title)
		inSummary := summaryMatcher(sum)
		p3Docs++
		for _, s := range systems {
			p3[s.Name] += precision(s.Run(title, body, 3), inSummary)
		}
		// The reference is a set of article sentences glued together:
		// recover them by substring match on the article's sentences.
		var ref []string
		refSet := map[string]bool{}
		for _, s := range summarize.Sentences(body) {
			if len(s) > 10 && strings.Contains(sum, s) && !refSet[s] {
				ref = append(ref, s)
				refSet[s] = true
			}
		}
		if len(ref) == 0 {
			continue
		}
		docs++
		for _, s := range systems {
			got := s.Run(title, body, len(ref))
			all[s.Name] = append(all[s.Name], scorer.Score(got, ref))
			hit := 0
			for _, g := range got {
				if refSet[g] {
					hit++
				}
			}
			v := sel[s.Name]
			if len(got) > 0 {
				v[0] += float64(hit) / float64(len(got))
			}
			v[1] += float64(hit) / float64(len(ref))
			sel[s.Name] = v
		}
	}
	var rows []Row
	for _, s := range systems {
		v := sel[s.Name]
		p, r := v[0]/float64(docs), v[1]/float64(docs)
		f := 0.0
		if p+r > 0 {
			f = 2 * p * r / (p + r)
		}
		rows = append(rows, Row{System: s.Name, Docs: docs, Scores: rouge.Average(all[s.Name]), SelP: p, SelR: r, SelF: f,
			PrecisionAt3: p3[s.Name] / float64(p3Docs), PrecisionDocs: p3Docs})
	}
	return rows, nil
}

// summaryMatcher tells whether a sentence appears in an extractive
// reference summary. The BBC summaries glue sentences together with no
// space between them, and the article may space a sentence differently, so
// white space is ignored on both sides.
func summaryMatcher(summary string) func(sentence string) bool {
	ref := withoutSpace(summary)
	return func(s string) bool {
		s = withoutSpace(s)
		return s != "" && strings.Contains(ref, s)
	}
}

func withoutSpace(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// precision is the share of got that inSummary accepts; an empty summary
// scores 0.
func precision(got []string, inSummary func(string) bool) float64 {
	if len(got) == 0 {
		return 0
	}
	hit := 0
	for _, g := range got {
		if inSummary(g) {
			hit++
		}
	}
	return float64(hit) / float64(len(got))
}

// readLenient reads a text file, replacing bytes that are not UTF-8 (one
// BBC file has a Latin-1 byte) by their Latin-1 character.
func readLenient(name string) (string, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return "", fmt.Errorf("read %s: %w", name, err)
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	var b strings.Builder
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size == 1 {
			r = rune(data[0])
		}
		b.WriteRune(r)
		data = data[size:]
	}
	return b.String(), nil
}
