package summarize

import (
	_ "embed"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

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

// words splits text into lower-case words (letters and digits): the
// fields of strings.ToLower(s) between runes that are neither.
func words(s string) []string {
	lower := strings.ToLower(s)
	out := make([]string, 0, len(lower)/5+1)
	start := -1 // start of the current word, or -1
	for i := 0; i < len(lower); {
		c := lower[i]
		size := 1
		var inWord bool
		if c < utf8.RuneSelf {
			inWord = 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(lower[i:])
			inWord = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, lower[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, lower[start:])
	}
	return out
}

// terms are the content words among ws, stemmed, without stop words.
func terms(ws []string) []string {
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		if stopwords[w] {
			continue
		}
		out = append(out, stem(w))
	}
	return out
}

// stems caches porterstemmer.StemString for the words seen most: a news
// article's words are mostly ones every article uses, and stemming is a
// large part of ranking. The cache stops growing at maxCachedStems
// entries, so untrusted text cannot grow it without bound.
var (
	stems      sync.Map // word -> stem
	stemsCount atomic.Int64
)

const (
	maxCachedStems   = 50000
	maxCachedStemLen = 24 // longer words are rare; not worth keeping
)

func stem(w string) string {
	if v, ok := stems.Load(w); ok {
		return v.(string)
	}
	s := porterstemmer.StemString(w)
	if len(w) <= maxCachedStemLen && stemsCount.Load() < maxCachedStems {
		// Clone: w may be a slice of a large text that the cache would
		// otherwise keep alive.
		if _, loaded := stems.LoadOrStore(strings.Clone(w), strings.Clone(s)); !loaded {
			stemsCount.Add(1)
		}
	}
	return s
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
