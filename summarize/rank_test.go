package summarize

import (
	"math"
	"testing"
)

func TestMeanFrequency(t *testing.T) {
	docs := [][]string{
		{"missil", "launch"},          // counts 3, 1 (the title's "launch" is not counted)
		{"missil", "missil", "japan"}, // 3, 3, 1
		nil,                           // no terms
		{"launch", "titl"},            // the title: not counted, not scored
	}
	got := meanFrequency(docs, 3)
	want := []float64{2, 7.0 / 3, 0}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Errorf("meanFrequency[%d] = %v, want %v", i, got[i], want[i])
		}
	}
}

func TestPositionPrior(t *testing.T) {
	exp := Ranker{PositionDecay: 2, PositionShape: 1}
	flat := Ranker{PositionDecay: 6, PositionShape: 2}
	for k := range 10 {
		if got, want := exp.positionPrior(k), math.Exp(-float64(k)/2); math.Abs(got-want) > 1e-12 {
			t.Errorf("shape 1: prior(%d) = %v, want %v", k, got, want)
		}
	}
	// Shape 2 keeps the lead nearly flat, then falls.
	if p := flat.positionPrior(2); p < 0.85 {
		t.Errorf("shape 2: prior(2) = %v, want the lead nearly flat", p)
	}
	if p := flat.positionPrior(12); p > 0.05 {
		t.Errorf("shape 2: prior(12) = %v, want it gone", p)
	}
}

func TestIsQuestion(t *testing.T) {
	tests := map[string]bool{
		"Will Pyongyang test again?":              true,
		"\"Is this a provocation?\"":              true,
		"He asked: why now? (Nobody answered?)  ": true,
		"Seoul protested.":                        false,
		"What next? Officials would not say.":     false,
	}
	for s, want := range tests {
		if got := isQuestion(s); got != want {
			t.Errorf("isQuestion(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestRedundancyFloor: a sentence that repeats a picked one loses to a
// weaker new one; mild overlap below the floor costs nothing.
func TestRedundancyFloor(t *testing.T) {
	r := Ranker{PositionDecay: 1, Redundancy: 2, RedundancyFloor: 0.5, Duplicate: 2}
	v := func(ids ...int32) vector {
		vec := vector{ids: ids}
		for range ids {
			vec.w = append(vec.w, 1)
		}
		vec.norm = math.Sqrt(float64(len(ids)))
		return vec
	}
	cands := []candidate{
		{text: "a", index: 0, vec: v(1, 2, 3, 4), score: 1.0},
		{text: "b", index: 1, vec: v(1, 2, 3, 5), score: 0.9}, // cosine 0.75 with a
		{text: "c", index: 2, vec: v(1, 6, 7, 8), score: 0.5}, // cosine 0.25 with a
	}
	sim := make([][]float64, 3)
	for i := range cands {
		sim[i] = make([]float64, 3)
		for j := range cands {
			sim[i][j] = cosine(cands[i].vec, cands[j].vec)
		}
	}
	if got := r.pick(cands, sim, 2); len(got) != 2 || got[0] != "a" || got[1] != "c" {
		t.Errorf("pick = %q, want [a c]", got)
	}
	// With the floor above b's similarity to a, b costs nothing and wins
	// on its score.
	r.RedundancyFloor = 0.8
	if got := r.pick(cands, sim, 2); len(got) != 2 || got[1] != "b" {
		t.Errorf("floor 0.8: pick = %q, want [a b]", got)
	}
}
