package rouge

// Score is one ROUGE measure of one summary: precision, recall and F1.
type Score struct {
	P, R, F float64
}

// Scores holds ROUGE-1, ROUGE-2 and ROUGE-L of one summary.
type Scores struct {
	R1, R2, RL Score
}

// Scorer computes ROUGE for sentence-split summaries.
type Scorer struct {
	Stem bool // ROUGE-1.5.5's -m: WordNet exceptions, then Porter stemming
}

// Score compares a system summary with one reference summary; both are
// given as sentences (ROUGE-L needs the sentence boundaries).
func (s Scorer) Score(system, reference []string) Scores {
	sys := s.tokenizeAll(system)
	ref := s.tokenizeAll(reference)
	return Scores{
		R1: NGram(sys, ref, 1),
		R2: NGram(sys, ref, 2),
		RL: LCS(sys, ref),
	}
}

func (s Scorer) tokenizeAll(sentences []string) [][]string {
	out := make([][]string, 0, len(sentences))
	for _, sent := range sentences {
		out = append(out, Tokenize(sent, s.Stem))
	}
	return out
}

func newScore(hits, sysTotal, refTotal int) Score {
	var sc Score
	if sysTotal > 0 {
		sc.P = float64(hits) / float64(sysTotal)
	}
	if refTotal > 0 {
		sc.R = float64(hits) / float64(refTotal)
	}
	if sc.P > 0 && sc.R > 0 {
		sc.F = 2 * sc.P * sc.R / (sc.P + sc.R)
	}
	return sc
}

// NGram is ROUGE-N over tokenized sentences. N-grams run across sentence
// boundaries, as in ROUGE-1.5.5, which reads a summary as one token stream.
func NGram(system, reference [][]string, n int) Score {
	sysCounts, sysTotal := ngramCounts(system, n)
	refCounts, refTotal := ngramCounts(reference, n)
	hits := 0
	for g, rc := range refCounts {
		hits += min(rc, sysCounts[g])
	}
	return newScore(hits, sysTotal, refTotal)
}

func ngramCounts(sentences [][]string, n int) (map[string]int, int) {
	var flat []string
	for _, s := range sentences {
		flat = append(flat, s...)
	}
	counts := make(map[string]int, len(flat))
	total := 0
	key := make([]byte, 0, 64)
	for i := 0; i+n <= len(flat); i++ {
		key = key[:0]
		for j := i; j < i+n; j++ {
			if j > i {
				key = append(key, ' ')
			}
			key = append(key, flat[j]...)
		}
		counts[string(key)]++
		total++
	}
	return counts, total
}

// LCS is summary-level ROUGE-L: for every reference sentence the tokens on
// an LCS with any system sentence are united, and each united token counts
// while both summaries still have an unused occurrence of it.
func LCS(system, reference [][]string) Score {
	sysBudget, sysTotal := ngramCounts(system, 1)
	refBudget, refTotal := ngramCounts(reference, 1)
	hits := 0
	for _, ref := range reference {
		marked := make([]bool, len(ref))
		for _, sys := range system {
			markLCS(ref, sys, marked)
		}
		for i, tok := range ref {
			if !marked[i] {
				continue
			}
			if refBudget[tok] > 0 && sysBudget[tok] > 0 {
				hits++
				refBudget[tok]--
				sysBudget[tok]--
			}
		}
	}
	return newScore(hits, sysTotal, refTotal)
}

// markLCS marks the positions of ref that lie on one longest common
// subsequence with sys. Ties prefer moving up in ref, which decides which
// LCS is found exactly as ROUGE-1.5.5's backtracking does.
func markLCS(ref, sys []string, marked []bool) {
	m, n := len(ref), len(sys)
	if m == 0 || n == 0 {
		return
	}
	const (
		diag = iota + 1
		up
		left
	)
	c := make([]int, (m+1)*(n+1))
	dir := make([]uint8, (m+1)*(n+1))
	w := n + 1
	for i := 1; i <= m; i++ {
		for j := 1; j <= n; j++ {
			switch {
			case ref[i-1] == sys[j-1]:
				c[i*w+j] = c[(i-1)*w+j-1] + 1
				dir[i*w+j] = diag
			case c[(i-1)*w+j] >= c[i*w+j-1]:
				c[i*w+j] = c[(i-1)*w+j]
				dir[i*w+j] = up
			default:
				c[i*w+j] = c[i*w+j-1]
				dir[i*w+j] = left
			}
		}
	}
	for i, j := m, n; i > 0 && j > 0; {
		switch dir[i*w+j] {
		case diag:
			marked[i-1] = true
			i--
			j--
		case up:
			i--
		default:
			j--
		}
	}
}

// Average is the mean of per-document scores, the corpus figure ROUGE-1.5.5
// reports.
func Average(all []Scores) Scores {
	var sum Scores
	if len(all) == 0 {
		return sum
	}
	add := func(a *Score, b Score) {
		a.P += b.P
		a.R += b.R
		a.F += b.F
	}
	for _, s := range all {
		add(&sum.R1, s.R1)
		add(&sum.R2, s.R2)
		add(&sum.RL, s.RL)
	}
	k := float64(len(all))
	div := func(a *Score) {
		a.P /= k
		a.R /= k
		a.F /= k
	}
	div(&sum.R1)
	div(&sum.R2)
	div(&sum.RL)
	return sum
}
