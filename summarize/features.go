package summarize

import (
	_ "embed"
	"math"
	"strings"
	"unicode"

	porterstemmer "github.com/blevesearch/go-porterstemmer"
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

// words splits text into lower-case words (letters and digits).
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// terms are the content words of s, stemmed, without stop words.
func terms(s string) []string {
	ws := words(s)
	out := ws[:0]
	for _, w := range ws {
		if stopwords[w] {
			continue
		}
		out = append(out, porterstemmer.StemString(w))
	}
	return out
}

// vector is a sparse tf-idf vector with its norm.
type vector struct {
	w    map[string]float64
	norm float64
}

// tfidf builds one vector per term list; idf is computed over the lists
// themselves (each sentence is a document), plus any extra lists given
// (the title) which get vectors too.
func tfidf(docs [][]string) []vector {
	df := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, t := range d {
			if !seen[t] {
				seen[t] = true
				df[t]++
			}
		}
	}
	n := float64(len(docs))
	vecs := make([]vector, len(docs))
	for i, d := range docs {
		w := make(map[string]float64, len(d))
		for _, t := range d {
			w[t]++
		}
		var norm float64
		for t, tf := range w {
			v := (1 + math.Log(tf)) * math.Log(1+n/float64(df[t]))
			w[t] = v
			norm += v * v
		}
		vecs[i] = vector{w: w, norm: math.Sqrt(norm)}
	}
	return vecs
}

func cosine(a, b vector) float64 {
	if a.norm == 0 || b.norm == 0 {
		return 0
	}
	if len(a.w) > len(b.w) {
		a, b = b, a
	}
	var dot float64
	for t, v := range a.w {
		dot += v * b.w[t]
	}
	return dot / (a.norm * b.norm)
}
