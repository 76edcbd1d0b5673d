package evaluate

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
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

// The benchmark's metric: per page, 4-gram shingle TP/FP/FN normalised by
// their sum; precision and recall averaged over pages; F1 of the two
// averages (ExtractionRows). ExtractionPages scores extract and the
// extractors' outputs stored in the benchmark's output folder page by page.

// LibrarySystem is the stored output of the extraction library Extract
// builds on; PageMargin is how far below it any page's F1 may fall.
// Cleaning removes boilerplate that the benchmark's gold bodies sometimes
// keep (an agency's copyright line, a dateline), which costs a short page a
// few points, but it must never lose a page's content (a table's rows).
const (
	LibrarySystem = "go_trafilatura"
	PageMargin    = 0.05
)

// PageScore is one benchmark page scored for extract and for each stored
// output: the normalised (TP, FP, FN) of its shingles.
type PageScore struct {
	ID     string
	Failed bool // extract returned an error (scored as empty text)
	Exact  bool // extract's tokens equal the gold body's
	Ours   [3]float64
	Stored map[string][3]float64 // by system (file name in dir/output)
	// StoredExact: the stored output's tokens equal the gold body's.
	StoredExact map[string]bool
}

// SplitFrozen splits the benchmark's pages (all of them: the split
// depends on the set) into the part changes to extraction and cleaning
// are tuned on and the held-out part: the frozenPages pages whose ids
// have the smallest SHA-256, chosen before any tuning. The held-out
// part is only ever scored as a whole, to show whether a gain carries over
// to pages not looked at.
func SplitFrozen(pages []PageScore) (tuned, frozen []PageScore) {
	byHash := slices.Clone(pages)
	sort.Slice(byHash, func(i, j int) bool { return idHash(byHash[i].ID) < idHash(byHash[j].ID) })
	held := map[string]bool{}
	for _, p := range byHash[:min(frozenPages, len(byHash))] {
		held[p.ID] = true
	}
	for _, p := range pages {
		if held[p.ID] {
			frozen = append(frozen, p)
		} else {
			tuned = append(tuned, p)
		}
	}
	return tuned, frozen
}

// BelowLibrary returns the pages where extract's F1 is more than
// PageMargin below LibrarySystem's stored output.
func BelowLibrary(pages []PageScore) []PageScore {
	var out []PageScore
	for _, p := range pages {
		if PageF1(p.Ours) < PageF1(p.Stored[LibrarySystem])-PageMargin {
			out = append(out, p)
		}
	}
	return out
}

// frozenPages is the size of the held-out part (of 131 pages).
const frozenPages = 30

func idHash(id string) string {
	h := sha256.Sum256([]byte(id))
	return hex.EncodeToString(h[:])
}

// ExtractionPages runs extract on every page of dir and scores it, and
// the stored outputs, page by page.
func ExtractionPages(dir string, extract Extractor) ([]PageScore, error) {
	truth, err := readBenchmarkJSON(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)

	stored := map[string]map[string]benchmarkPage{}
	files, _ := filepath.Glob(filepath.Join(dir, "output", "*.json"))
	for _, f := range files {
		out, err := readBenchmarkJSON(f)
		if err != nil {
			return nil, err
		}
		stored[strings.TrimSuffix(filepath.Base(f), ".json")] = out
	}

	pages := make([]PageScore, 0, len(ids))
	for _, id := range ids {
		html, err := readGzip(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, err
		}
		gold := truth[id].ArticleBody
		p := PageScore{ID: id, Stored: map[string][3]float64{}, StoredExact: map[string]bool{}}
		text, err := extract(html, truth[id].URL)
		if err != nil {
			p.Failed = true
			text = ""
		}
		p.Ours = shingleMatch(gold, text)
		p.Exact = equalTokens(gold, text)
		for sys, out := range stored {
			p.Stored[sys] = shingleMatch(gold, out[id].ArticleBody)
			p.StoredExact[sys] = equalTokens(gold, out[id].ArticleBody)
		}
		pages = append(pages, p)
	}
	return pages, nil
}

// ExtractionRows adds up page scores as the benchmark does: a row for
// extract (named name) first, then one per stored output, by name.
func ExtractionRows(pages []PageScore, name string) []ExtractionRow {
	ours := ExtractionRow{System: name, Pages: len(pages)}
	var scores [][3]float64
	systems := map[string]bool{}
	for _, p := range pages {
		scores = append(scores, p.Ours)
		if p.Failed {
			ours.Failed++
		}
		if p.Exact {
			ours.ExactMatches++
		}
		for sys := range p.Stored {
			systems[sys] = true
		}
	}
	ours.P, ours.R, ours.F1 = prf(scores)
	rows := []ExtractionRow{ours}
	names := make([]string, 0, len(systems))
	for sys := range systems {
		names = append(names, sys)
	}
	sort.Strings(names)
	for _, sys := range names {
		row := ExtractionRow{System: sys, Pages: len(pages)}
		var sc [][3]float64
		for _, p := range pages {
			sc = append(sc, p.Stored[sys])
			if p.StoredExact[sys] {
				row.ExactMatches++
			}
		}
		row.P, row.R, row.F1 = prf(sc)
		rows = append(rows, row)
	}
	return rows
}

// PageF1 is one page's shingle F1, 2TP/(2TP+FP+FN); 1 when both the gold
// body and the text are empty.
func PageF1(s [3]float64) float64 {
	tp, fp, fn := s[0], s[1], s[2]
	if tp+fp+fn == 0 {
		return 1
	}
	return 2 * tp / (2*tp + fp + fn)
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
