package evaluate

import (
	"fmt"
	"io"
	"path/filepath"

	"wirewatch/summarize"
)

// Options chooses how much of the data Evaluate reads.
type Options struct {
	BBCSample  int  // BBC articles to score; 0 means all
	Extraction bool // also run the extraction benchmark (a few seconds of CPU)
}

// Evaluate scores Lead-3 and the summarizer on the data sets under dataDir
// (shared/eval-data) and, if asked, Extract on the extraction benchmark,
// and writes a plain-text report to w. A missing data set is reported and
// skipped.
func Evaluate(w io.Writer, dataDir string, opt Options) error {
	systems := DefaultSystems()
	fmt.Fprintln(w, "ROUGE F1 x100 (ROUGE-1.5.5 rules, Porter stemming with WordNet exceptions)")
	fmt.Fprintln(w, "targets: cnndm wirewatch >= lead3-frank (official Lead-3: 42.38/18.94/38.25); bbc precision@3 (3 sentences, title apart) >= 0.70")
	cnn, err := CNNDM(filepath.Join(dataDir, "cnndm-frank-250"), systems)
	if err != nil {
		fmt.Fprintf(w, "cnndm: skipped: %v\n", err)
	} else {
		writeRows(w, "cnndm", cnn)
	}
	bbc, err := BBC(filepath.Join(dataDir, "bbc-news-summary"), systems, opt.BBCSample)
	if err != nil {
		fmt.Fprintf(w, "bbc: skipped: %v\n", err)
	} else {
		writeRows(w, "bbc", bbc)
	}
	if !opt.Extraction {
		return nil
	}
	fmt.Fprintln(w, "Extraction: 4-gram shingle precision/recall averaged over pages, F1 of the averages")
	fmt.Fprintf(w, "target: F1 >= %.3f, and no page more than %.2f below %s's stored output; other rows are the stored outputs of other extractors\n",
		ExtractionTarget, PageMargin, LibrarySystem)
	pages, err := ExtractionPages(filepath.Join(dataDir, "article-extraction-benchmark"), summarize.Extract)
	if err != nil {
		fmt.Fprintf(w, "extraction: skipped: %v\n", err)
		return nil
	}
	for _, r := range ExtractionRows(pages, "wirewatch-extract") {
		fmt.Fprintln(w, formatExtractionRow("extract ", r))
	}
	tuned, frozen := SplitFrozen(pages)
	fmt.Fprintln(w, formatExtractionRow("tuned   ", ExtractionRows(tuned, "wirewatch-extract")[0]))
	fmt.Fprintln(w, formatExtractionRow("frozen  ", ExtractionRows(frozen, "wirewatch-extract")[0]))
	below := BelowLibrary(pages)
	if _, err := fmt.Fprintf(w, "extract  pages more than %.2f below %s: %d\n", PageMargin, LibrarySystem, len(below)); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// ExtractionTarget is the least F1 Extract must score on the benchmark
// (what it scored when the per-page check came in).
const ExtractionTarget = 0.960

func formatExtractionRow(prefix string, r ExtractionRow) string {
	return fmt.Sprintf("%s %-22s pages=%d failed=%d P %.3f R %.3f F1 %.3f exact %d",
		prefix, r.System, r.Pages, r.Failed, r.P, r.R, r.F1, r.ExactMatches)
}

func writeRows(w io.Writer, set string, rows []Row) {
	for _, r := range rows {
		fmt.Fprintln(w, formatRow(set, r))
	}
}

func formatRow(set string, r Row) string {
	line := fmt.Sprintf("%-6s %-12s docs=%4d  R-1 %.2f  R-2 %.2f  R-L %.2f", set, r.System, r.Docs,
		100*r.Scores.R1.F, 100*r.Scores.R2.F, 100*r.Scores.RL.F)
	if r.SelF > 0 {
		line += fmt.Sprintf("  sentence-selection P %.3f R %.3f F %.3f", r.SelP, r.SelR, r.SelF)
	}
	if r.PrecisionDocs > 0 {
		line += fmt.Sprintf("  precision@3 %.3f (%d docs)", r.PrecisionAt3, r.PrecisionDocs)
	}
	return line
}
