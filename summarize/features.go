package summarize

import (
	_ "embed"
	"math"
	"slices"
	"strings"

	"wirewatch/words"
)

//go:embed rules/stopwords.txt
var stopwordsTxt string

var stopwords = func() map[string]bool {
	m := make(map[string]bool, 150)
	for _, line := range strings.Split(stopwordsTxt, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			m[line] = true
		}
	}
	return m
}()

// lowerWords splits text into lower-case words (see package words).
func lowerWords(s string) []string { return words.Split(strings.ToLower(s)) }

// terms are the content words among ws, stemmed, without stop words.
func terms(ws []string) []string {
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		if stopwords[w] {
			continue
		}
		out = append(out, words.Stem(w))
	}
	return out
}

// vector is a sparse tf-idf vector with its norm: weights by term id, ids
// ascending.
type vector struct {
	ids  []int32
	w    []float64
	norm float64
}

// tfidf builds one vector per term list; idf is computed over the lists
// themselves (each sentence is a document), plus any extra lists given
// (the title) which get vectors too.
func tfidf(docs [][]string) []vector {
	// Intern the terms: ids in order of first use.
	ids := make(map[string]int32)
	docIDs := make([][]int32, len(docs))
	for i, d := range docs {
		docIDs[i] = make([]int32, len(d))
		for k, t := range d {
			id, ok := ids[t]
			if !ok {
				id = int32(len(ids))
				ids[t] = id
			}
			docIDs[i][k] = id
		}
		slices.Sort(docIDs[i])
	}
	df := make([]int, len(ids))
	for _, d := range docIDs {
		for k, id := range d {
			if k == 0 || d[k-1] != id {
				df[id]++
			}
		}
	}
	n := float64(len(docs))
	vecs := make([]vector, len(docs))
	for i, d := range docIDs {
		v := vector{ids: d[:0]} // reuses the sorted ids, one entry per term
		for k := 0; k < len(d); {
			id, tf := d[k], 1
			for k+tf < len(d) && d[k+tf] == id {
				tf++
			}
			k += tf
			x := (1 + math.Log(float64(tf))) * math.Log(1+n/float64(df[id]))
			v.ids = append(v.ids, id)
			v.w = append(v.w, x)
			v.norm += x * x
		}
		v.norm = math.Sqrt(v.norm)
		vecs[i] = v
	}
	return vecs
}

func cosine(a, b vector) float64 {
	if a.norm == 0 || b.norm == 0 {
		return 0
	}
	var dot float64
	for i, j := 0, 0; i < len(a.ids) && j < len(b.ids); {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			dot += a.w[i] * b.w[j]
			i++
			j++
		}
	}
	return dot / (a.norm * b.norm)
}

// meanFrequency is, for each of the first n term lists, the mean count in
// all n lists of its terms (SumBasic's average word probability, up to a
// constant): sentences made of the words the article keeps repeating score
// high. A list without terms scores 0.
func meanFrequency(docs [][]string, n int) []float64 {
	counts := make(map[string]int)
	for _, d := range docs[:n] {
		for _, t := range d {
			counts[t]++
		}
	}
	out := make([]float64, n)
	for i, d := range docs[:n] {
		if len(d) == 0 {
			continue
		}
		var sum int
		for _, t := range d {
			sum += counts[t]
		}
		out[i] = float64(sum) / float64(len(d))
	}
	return out
}
