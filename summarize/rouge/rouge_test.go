package rouge

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		stem bool
		want []string
	}{
		{"lower case and punctuation", "Kim's U.S. visit, 3.7 miles!", false, []string{"kim", "s", "u", "s", "visit", "3", "7", "miles"}},
		{"hyphens split and dropped", "a 39-year-old -- man", false, []string{"a", "39", "year", "old", "man"}},
		{"PTB brackets", "-LRB- 3.7 miles -RRB-", false, []string{"lrb", "3", "7", "miles", "rrb"}},
		{"non-ASCII is a separator", "Pyongyang’s “drills”", false, []string{"pyongyang", "s", "drills"}},
		{"porter stemming", "launches threatened missiles", true, []string{"launch", "threaten", "missil"}},
		{"wordnet exception beats porter", "went geese mice", true, []string{"go", "goose", "mouse"}},
		{"adjective exception wins over adverb", "best-off", true, []string{"good", "off"}},
		{"short tokens are not stemmed", "was has its", true, []string{"was", "has", "its"}},
		{"empty", " ,;- ", true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tokenize(tt.in, tt.stem); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestScores(t *testing.T) {
	tests := []struct {
		name      string
		sys, ref  []string
		r1, r2, l Score
	}{
		{
			name: "identical",
			sys:  []string{"north korea fired a missile"},
			ref:  []string{"north korea fired a missile"},
			r1:   Score{1, 1, 1}, r2: Score{1, 1, 1}, l: Score{1, 1, 1},
		},
		{
			// Lin (2004), section 3.2: union LCS of r with c1 and c2 is w1 w2 w3 w5.
			name: "summary-level union LCS",
			sys:  []string{"w1 w2 w6 w7 w8", "w1 w3 w8 w9 w5"},
			ref:  []string{"w1 w2 w3 w4 w5"},
			r1:   Score{P: 4.0 / 10, R: 4.0 / 5, F: 2 * 0.4 * 0.8 / 1.2},
			r2:   Score{P: 1.0 / 9, R: 1.0 / 4, F: 2 * (1.0 / 9) * 0.25 / (1.0/9 + 0.25)},
			l:    Score{P: 4.0 / 10, R: 4.0 / 5, F: 2 * 0.4 * 0.8 / 1.2},
		},
		{
			name: "bigrams cross sentence boundaries",
			sys:  []string{"a b", "c d"},
			ref:  []string{"b c"},
			r1:   Score{P: 2.0 / 4, R: 1, F: 2.0 / 3},
			r2:   Score{P: 1.0 / 3, R: 1, F: 0.5},
			l:    Score{P: 2.0 / 4, R: 1, F: 2.0 / 3},
		},
		{
			name: "no overlap",
			sys:  []string{"seoul"},
			ref:  []string{"tokyo"},
		},
		{
			name: "empty system",
			ref:  []string{"tokyo"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Scorer{}.Score(tt.sys, tt.ref)
			for _, c := range []struct {
				name      string
				got, want Score
			}{{"R1", got.R1, tt.r1}, {"R2", got.R2, tt.r2}, {"RL", got.RL, tt.l}} {
				if !closeScore(c.got, c.want, 1e-9) {
					t.Errorf("%s = %+v, want %+v", c.name, c.got, c.want)
				}
			}
		})
	}
}

func closeScore(a, b Score, eps float64) bool {
	return math.Abs(a.P-b.P) <= eps && math.Abs(a.R-b.R) <= eps && math.Abs(a.F-b.F) <= eps
}

// evalDataDir finds the shared evaluation data: $WIREWATCH_EVAL_DATA, else
// the shared folder beside the repository checkout.
func evalDataDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("WIREWATCH_EVAL_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "eval-data")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("evaluation data not found at %s (set WIREWATCH_EVAL_DATA): %v", dir, err)
	}
	return dir
}

type officialScore struct {
	R float64 `json:"r"`
	P float64 `json:"p"`
	F float64 `json:"f"`
}

type officialRow map[string]officialScore // rouge-1, rouge-2, rouge-l

// TestReproducesROUGE155 checks the scorer against scores the official
// ROUGE-1.5.5 script produced on CNN/DailyMail documents: the corpus
// averages must agree within 0.05 points (x100), for two systems, with and
// without stemming.
func TestReproducesROUGE155(t *testing.T) {
	dir := filepath.Join(evalDataDir(t), "cnndm-frank-250", "rouge155-reference")
	f, err := os.Open(filepath.Join(dir, "per-doc.jsonl"))
	if err != nil {
		t.Skipf("no reference scores: %v", err)
	}
	defer f.Close()

	type doc struct {
		Hash     string                 `json:"hash"`
		Ref      []string               `json:"ref"`
		Lead3    []string               `json:"lead3"`
		Bart     []string               `json:"bart"`
		Rouge155 map[string]officialRow `json:"rouge155"`
	}
	ours := map[string][]Scores{}
	var docs int
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var d doc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("per-doc.jsonl line %d: %v", docs+1, err)
		}
		docs++
		for _, run := range []struct {
			key  string
			sys  []string
			stem bool
		}{
			{"lead3/stem", d.Lead3, true}, {"lead3/nostem", d.Lead3, false},
			{"bart/stem", d.Bart, true}, {"bart/nostem", d.Bart, false},
		} {
			got := Scorer{Stem: run.stem}.Score(run.sys, d.Ref)
			ours[run.key] = append(ours[run.key], got)
			want := d.Rouge155[run.key]
			// Per document, ROUGE prints 5 decimals; stemmer differences
			// may move a single document slightly, so only log those.
			if math.Abs(got.R1.F-want["rouge-1"].F) > 0.001 || math.Abs(got.R2.F-want["rouge-2"].F) > 0.001 || math.Abs(got.RL.F-want["rouge-l"].F) > 0.001 {
				t.Logf("%s %s: R1 %.5f vs %.5f, R2 %.5f vs %.5f, RL %.5f vs %.5f", d.Hash[:8], run.key,
					got.R1.F, want["rouge-1"].F, got.R2.F, want["rouge-2"].F, got.RL.F, want["rouge-l"].F)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if docs == 0 {
		t.Fatal("per-doc.jsonl holds no documents")
	}

	data, err := os.ReadFile(filepath.Join(dir, "averages.json"))
	if err != nil {
		t.Fatal(err)
	}
	var averages map[string]officialRow
	if err := json.Unmarshal(data, &averages); err != nil {
		t.Fatalf("averages.json: %v", err)
	}
	for key, official := range averages {
		got := Average(ours[key])
		for _, m := range []struct {
			name string
			got  float64
		}{{"rouge-1", got.R1.F}, {"rouge-2", got.R2.F}, {"rouge-l", got.RL.F}} {
			want := official[m.name].F
			t.Logf("%s %s F: ours %.3f official %.3f", key, m.name, 100*m.got, 100*want)
			if diff := math.Abs(100 * (m.got - want)); diff > 0.05 {
				t.Errorf("%s %s F = %.3f, official %.3f (off by %.3f points)", key, m.name, 100*m.got, 100*want, diff)
			}
		}
	}
}
