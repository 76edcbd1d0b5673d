package summarize

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Ranker holds the weights of the extractive ranking. The zero value is not
// useful; start from DefaultRanker.
//
// A sentence's score is
//
//	Position·exp(-(k/PositionDecay)^PositionShape) + Centrality·c
//	  + Frequency·f + Title·sim(title)
//	  - penalties (short/long, quote without context, question, mid-thought start)
//
// where k is its rank among prose sentences (with PositionShape 2 the
// prior is flat over the lead and falls after it), c is a PacSum-style
// directed centrality: similarity to later sentences counts fully, to
// earlier ones with weight Backward (news states the point first and
// elaborates after), and f is SumBasic's mean article frequency of the
// sentence's content words (both normalised to [0,1]). Sentences are then
// picked greedily by maximal marginal relevance, where only similarity
// above RedundancyFloor to a picked sentence counts against a candidate,
// and returned in article order.
type Ranker struct {
	Position        float64 // weight of the position prior
	PositionDecay   float64 // sentences; larger spreads the prior further
	PositionShape   float64 // exponent of the prior: 1 decays from the first sentence, larger keeps a flat lead window
	Centrality      float64 // weight of directed centrality (normalised to [0,1])
	Frequency       float64 // weight of the mean article frequency of the sentence's terms (normalised to [0,1])
	Backward        float64 // weight of edges to earlier sentences in centrality
	Title           float64 // weight of similarity with the title
	Redundancy      float64 // MMR: weight of the maximal similarity to a picked sentence
	RedundancyFloor float64 // similarity to a picked sentence below which MMR does not count it
	Duplicate       float64 // similarity to a picked sentence above which a sentence is skipped
	MinWords        int     // shorter sentences are penalised
	MaxWords        int     // longer sentences are penalised
	LengthPenalty   float64 // penalty for a sentence at half MinWords or twice MaxWords
	QuotePenalty    float64 // a quote with no speaker in it
	QuestionPenalty float64 // a question (news summaries state, they do not ask)
	DanglingStart   float64 // starts with a connective ("But", "However") or pronoun
}

// DefaultRanker is the ranking Summarize uses, tuned (TestTune in
// summarize/evaluate) for precision@3 on BBC News Summary while keeping
// ROUGE on CNN/DailyMail at or above the official Lead-3. The two pull
// apart: CNN/DailyMail's highlights favour the lead, BBC's machine-made
// extractive references favour central, frequent-word sentences and no
// redundancy penalty. The CNN/DailyMail margin is thin (see the README).
var DefaultRanker = Ranker{
	Position:        0.9,
	PositionDecay:   6,
	PositionShape:   2,
	Centrality:      0.75,
	Frequency:       0.2,
	Backward:        0.8,
	Title:           0.2,
	Redundancy:      2,
	RedundancyFloor: 0.18,
	Duplicate:       0.8,
	MinWords:        8,
	MaxWords:        50,
	LengthPenalty:   0.3,
	QuotePenalty:    0.15,
	QuestionPenalty: 0.1,
	DanglingStart:   0,
}

// connectives open a sentence that continues the one before it.
var connectives = map[string]bool{
	"but": true, "and": true, "or": true, "so": true, "however": true, "also": true,
	"meanwhile": true, "still": true, "yet": true, "instead": true, "additionally": true,
	"moreover": true, "furthermore": true, "then": true, "thus": true, "therefore": true,
	"nevertheless": true, "nonetheless": true, "besides": true, "otherwise": true,
	"likewise": true, "similarly": true, "indeed": true, "though": true, "although": true,
	"because": true,
}

// pronouns open a sentence whose subject was named before it.
var pronouns = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "this": true, "that": true,
	"these": true, "those": true, "his": true, "her": true, "their": true, "its": true,
	"there": true, "we": true, "such": true,
}

// attribution words make a quote understandable on its own.
var attribution = []string{
	"said", "says", "say", "told", "according", "stated", "added", "warned",
	"wrote", "announced", "insisted", "claimed", "explained", "declared", "noted",
	"tweeted", "posted", "argued", "asked", "replied", "urged", "vowed", "accused",
}

type candidate struct {
	text  string
	index int // position among candidates, article order
	words int
	vec   vector
	score float64
}

// rank picks n sentences from sents and returns them in article order.
func (r Ranker) rank(title string, sents []sentence, n int) []string {
	if n <= 0 || len(sents) == 0 {
		return nil
	}
	if len(sents) <= n {
		return texts(sents)
	}
	docs := make([][]string, 0, len(sents)+1)
	for _, s := range sents {
		docs = append(docs, terms(s.words))
	}
	docs = append(docs, terms(lowerWords(title)))
	freq := meanFrequency(docs, len(sents))
	var maxFreq float64
	for _, f := range freq {
		maxFreq = math.Max(maxFreq, f)
	}
	vecs := tfidf(docs)
	titleVec := vecs[len(sents)]

	cands := make([]candidate, len(sents))
	for i, s := range sents {
		cands[i] = candidate{text: s.text, index: i, words: len(s.words), vec: vecs[i]}
	}
	sim := make([][]float64, len(cands))
	cells := make([]float64, len(cands)*len(cands))
	for i := range cands {
		sim[i] = cells[i*len(cands) : (i+1)*len(cands)]
	}
	for i := range cands {
		for j := i + 1; j < len(cands); j++ {
			s := cosine(cands[i].vec, cands[j].vec)
			sim[i][j], sim[j][i] = s, s
		}
	}
	cent := make([]float64, len(cands))
	var maxCent float64
	for i := range cands {
		for j := range cands {
			switch {
			case j > i:
				cent[i] += sim[i][j]
			case j < i:
				cent[i] += r.Backward * sim[i][j]
			}
		}
		maxCent = math.Max(maxCent, cent[i])
	}
	hasTitle := titleVec.norm > 0
	for i := range cands {
		c := &cands[i]
		score := r.Position * r.positionPrior(i)
		if maxCent > 0 {
			score += r.Centrality * math.Max(0, cent[i]) / maxCent
		}
		if maxFreq > 0 {
			score += r.Frequency * freq[i] / maxFreq
		}
		if hasTitle {
			score += r.Title * cosine(c.vec, titleVec)
		}
		score -= r.lengthPenalty(c.words)
		if isQuoteWithoutSpeaker(c.text) {
			score -= r.QuotePenalty
		}
		if i > 0 && startsMidThought(c.text) {
			score -= r.DanglingStart
		}
		if isQuestion(c.text) {
			score -= r.QuestionPenalty
		}
		c.score = score
	}
	return r.pick(cands, sim, n)
}

// positionPrior is exp(-(k/PositionDecay)^PositionShape) for the k-th
// sentence.
func (r Ranker) positionPrior(k int) float64 {
	x := float64(k) / r.PositionDecay
	if r.PositionShape > 0 && r.PositionShape != 1 {
		x = math.Pow(x, r.PositionShape)
	}
	return math.Exp(-x)
}

func (r Ranker) lengthPenalty(w int) float64 {
	switch {
	case w < r.MinWords:
		return r.LengthPenalty * 2 * float64(r.MinWords-w) / float64(r.MinWords)
	case r.MaxWords > 0 && w > r.MaxWords:
		return math.Min(2*r.LengthPenalty, r.LengthPenalty*float64(w-r.MaxWords)/float64(r.MaxWords))
	}
	return 0
}

// pick selects n candidates by maximal marginal relevance, then restores
// article order. A sentence that starts mid-thought gets its penalty back
// when the sentence before it was picked.
func (r Ranker) pick(cands []candidate, sim [][]float64, n int) []string {
	picked := make([]bool, len(cands))
	var order []int
	for len(order) < n {
		best, bestVal := -1, math.Inf(-1)
		for i, c := range cands {
			if picked[i] {
				continue
			}
			var maxSim float64
			for _, j := range order {
				maxSim = math.Max(maxSim, sim[i][j])
			}
			if maxSim > r.Duplicate {
				continue
			}
			v := c.score - r.Redundancy*max(0, maxSim-r.RedundancyFloor)/(1-r.RedundancyFloor)
			if i > 0 && picked[i-1] && startsMidThought(c.text) {
				v += r.DanglingStart
			}
			if v > bestVal {
				best, bestVal = i, v
			}
		}
		if best < 0 {
			break
		}
		picked[best] = true
		order = append(order, best)
	}
	sort.Ints(order)
	out := make([]string, len(order))
	for k, i := range order {
		out[k] = cands[i].text
	}
	return out
}

func firstWord(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	return strings.ToLower(s[:end])
}

// startsMidThought tells whether a sentence leans on the one before it.
func startsMidThought(s string) bool {
	w := firstWord(s)
	return connectives[w] || pronouns[w]
}

// isQuestion tells a sentence that ends with a question mark, inside
// closing quotes or brackets or not.
func isQuestion(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		switch r {
		case '"', '\'', '”', '’', ')', ']', '»':
			return true
		}
		return unicode.IsSpace(r)
	})
	return strings.HasSuffix(s, "?") || strings.HasSuffix(s, "？")
}

// isQuoteWithoutSpeaker tells a sentence that opens with a quotation and
// names no speaker ("We will respond." rather than "We will respond," he said.).
func isQuoteWithoutSpeaker(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '"', '“', '‘', '\'', '«', '„':
	default:
		return false
	}
	lower := strings.ToLower(s)
	for _, a := range attribution {
		if strings.Contains(lower, a) {
			return false
		}
	}
	return true
}
