package evaluate

import (
	"os"
	"path/filepath"
	"testing"

	"wirewatch/summarize"
)

// TestTune searches DefaultRanker's weights one at a time on CNN/DM and a
// BBC sample. The objective is the smaller of the two gains over Lead-3
// (mean ROUGE-1/2/L F1), so that a gain on one set cannot buy a loss on the
// other (BBC's references favour central sentences, CNN/DM's the lead).
// It runs only with WIREWATCH_TUNE=1 and prints the best weights; copy them
// into DefaultRanker by hand.
func TestTune(t *testing.T) {
	if os.Getenv("WIREWATCH_TUNE") == "" {
		t.Skip("set WIREWATCH_TUNE=1 to search ranker weights")
	}
	dir := evalDataDir(t)
	objective := func(r summarize.Ranker) float64 {
		sys := []System{{"lead", summarize.Lead}, {"x", r.Summarize}}
		cnn, err := CNNDM(filepath.Join(dir, "cnndm-frank-250"), sys)
		if err != nil {
			t.Fatal(err)
		}
		bbc, err := BBC(filepath.Join(dir, "bbc-news-summary"), sys, 300)
		if err != nil {
			t.Fatal(err)
		}
		m := func(r Row) float64 { return (r.Scores.R1.F + r.Scores.R2.F + r.Scores.RL.F) / 3 }
		return min(m(cnn[2])-m(cnn[1]), m(bbc[1])-m(bbc[0]))
	}
	best := summarize.DefaultRanker
	bestVal := objective(best)
	t.Logf("start %.5f %+v", bestVal, best)
	params := []struct {
		name   string
		field  func(r *summarize.Ranker) *float64
		values []float64
	}{
		{"PositionDecay", func(r *summarize.Ranker) *float64 { return &r.PositionDecay }, []float64{1.5, 2, 3, 4, 6}},
		{"Centrality", func(r *summarize.Ranker) *float64 { return &r.Centrality }, []float64{0, 0.2, 0.4, 0.6, 0.9}},
		{"Backward", func(r *summarize.Ranker) *float64 { return &r.Backward }, []float64{-0.3, 0, 0.2, 0.5, 1}},
		{"Title", func(r *summarize.Ranker) *float64 { return &r.Title }, []float64{0, 0.2, 0.4, 0.7, 1}},
		{"Redundancy", func(r *summarize.Ranker) *float64 { return &r.Redundancy }, []float64{0, 0.25, 0.5, 1}},
		{"Duplicate", func(r *summarize.Ranker) *float64 { return &r.Duplicate }, []float64{0.4, 0.6, 0.8, 1.1}},
		{"LengthPenalty", func(r *summarize.Ranker) *float64 { return &r.LengthPenalty }, []float64{0, 0.15, 0.3, 0.6}},
		{"QuotePenalty", func(r *summarize.Ranker) *float64 { return &r.QuotePenalty }, []float64{0, 0.15, 0.3, 0.6}},
		{"DanglingStart", func(r *summarize.Ranker) *float64 { return &r.DanglingStart }, []float64{0, 0.1, 0.2, 0.4}},
	}
	for round := 0; round < 2; round++ {
		for _, p := range params {
			for _, v := range p.values {
				r := best
				*p.field(&r) = v
				if val := objective(r); val > bestVal+1e-5 {
					best, bestVal = r, val
					t.Logf("%s=%v -> %.5f", p.name, v, val)
				}
			}
		}
	}
	t.Logf("best %.5f %+v", bestVal, best)
}
