package evaluate

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// Extractor turns a page into article text.
type Extractor func(page []byte, pageURL string) (string, error)

// ExtractionRow is one extractor's score on the benchmark.
type ExtractionRow struct {
	System       string
	Pages        int
	Failed       int // pages where the extractor returned an error (scored as empty)
	P, R, F1     float64
	ExactMatches int
}

type benchmarkPage struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

// Extraction scores extract on dir (article-extraction-benchmark) with the
// benchmark's metric: per page, 4-gram shingle TP/FP/FN normalised by their
// sum; precision and recall averaged over pages; F1 of the two averages.
// The extractors' outputs stored in dir/output are scored on the same pages.
func Extraction(dir string, extract Extractor, name string) ([]ExtractionRow, error) {
	truth, err := readBenchmarkJSON(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)

	var rows []ExtractionRow
	ours := ExtractionRow{System: name}
	var scores [][3]float64
	for _, id := range ids {
		page, err := readGzip(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, err
		}
		text, err := extract(page, truth[id].URL)
		if err != nil {
			ours.Failed++
			text = ""
		}
		scores = append(scores, shingleMatch(truth[id].ArticleBody, text))
		if equalTokens(truth[id].ArticleBody, text) {
			ours.ExactMatches++
		}
	}
	ours.Pages = len(ids)
	ours.P, ours.R, ours.F1 = prf(scores)
	rows = append(rows, ours)

	stored, _ := filepath.Glob(filepath.Join(dir, "output", "*.json"))
	sort.Strings(stored)
	for _, f := range stored {
		out, err := readBenchmarkJSON(f)
		if err != nil {
			return nil, err
		}
		row := ExtractionRow{System: strings.TrimSuffix(filepath.Base(f), ".json"), Pages: len(ids)}
		var sc [][3]float64
		for _, id := range ids {
			sc = append(sc, shingleMatch(truth[id].ArticleBody, out[id].ArticleBody))
			if equalTokens(truth[id].ArticleBody, out[id].ArticleBody) {
				row.ExactMatches++
			}
		}
		row.P, row.R, row.F1 = prf(sc)
		rows = append(rows, row)
	}
	return rows, nil
}

func readBenchmarkJSON(name string) (map[string]benchmarkPage, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	var m map[string]benchmarkPage
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("parse %s: %w", name, err)
	}
	return m, nil
}

func readGzip(name string) ([]byte, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", name, err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", name, err)
	}
	return out, nil
}

// benchTokens is the benchmark's `\w+` tokenizer.
func benchTokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_')
	})
}

func equalTokens(a, b string) bool {
	ta, tb := benchTokens(a), benchTokens(b)
	if len(ta) != len(tb) {
		return false
	}
	for i := range ta {
		if ta[i] != tb[i] {
			return false
		}
	}
	return true
}

func shingles(s string) map[string]int {
	const n = 4
	toks := benchTokens(s)
	m := map[string]int{}
	if len(toks) == 0 {
		return m
	}
	// Like the benchmark: a text shorter than n is one shingle.
	for i := 0; i < max(1, len(toks)-n+1); i++ {
		m[strings.Join(toks[i:min(i+n, len(toks))], "\x00")]++
	}
	return m
}

// shingleMatch is the normalised (TP, FP, FN) of one page.
func shingleMatch(truth, pred string) [3]float64 {
	ts, ps := shingles(truth), shingles(pred)
	var tp, fp, fn float64
	for k, tc := range ts {
		pc := ps[k]
		tp += float64(min(tc, pc))
		fn += float64(max(0, tc-pc))
	}
	for k, pc := range ps {
		fp += float64(max(0, pc-ts[k]))
	}
	if s := tp + fp + fn; s > 0 {
		return [3]float64{tp / s, fp / s, fn / s}
	}
	return [3]float64{}
}

func prf(scores [][3]float64) (p, r, f float64) {
	var ps, rs []float64
	for _, s := range scores {
		tp, fp, fn := s[0], s[1], s[2]
		if tp+fp > 0 {
			ps = append(ps, ratio(tp, fp, fn, fp))
		}
		if tp+fn > 0 {
			rs = append(rs, ratio(tp, fp, fn, fn))
		}
	}
	p, r = mean(ps), mean(rs)
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// ratio is tp/(tp+miss) with the benchmark's edge cases.
func ratio(tp, fp, fn, miss float64) float64 {
	switch {
	case fp == 0 && fn == 0:
		return 1
	case tp == 0 && miss == 0:
		return 0
	}
	return tp / (tp + miss)
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	var s float64
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}
