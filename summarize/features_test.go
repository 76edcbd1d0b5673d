package summarize

import (
	"math"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// The functions below have fast paths; each is checked against its plain
// definition on the fixtures and (when present) the evaluation data.

func TestWordsMatchesDefinition(t *testing.T) {
	// Combining marks belong to words (the one tokenizer's rule, package
	// words): a decomposed accent does not split a word.
	for _, s := range append(textPieces(equivalenceTexts(t)), "Pyo\u0306ngyang, Cafe\u0301 — e\u0301te\u0301!") {
		want := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
		})
		if got := lowerWords(s); !slices.Equal(got, want) {
			t.Fatalf("lowerWords(%q)\n got %q\nwant %q", s, got, want)
		}
	}
}

func TestSameLineMatchesDefinition(t *testing.T) {
	fold := strings.NewReplacer("‘", "'", "’", "'", "“", `"`, "”", `"`).Replace
	pieces := textPieces(equivalenceTexts(t))
	pieces = append(pieces, "Kim’s ‘final warning’", "KIM'S 'FINAL WARNING'", "Kim's 'final warning", "\xff", "\ufffd", "İ", "i")
	for i, a := range pieces {
		for _, b := range []string{pieces[(i+1)%len(pieces)], strings.ToUpper(a), fold(a), a + " ", ""} {
			if got, want := sameLine(a, b), fold(strings.ToLower(a)) == fold(strings.ToLower(b)); got != want {
				t.Errorf("sameLine(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}

func TestSpaceIsNormalMatchesRewrite(t *testing.T) {
	texts := equivalenceTexts(t)
	texts = append(texts, textPieces(texts)...)
	texts = append(texts, "a  b", "a\tb", "a\u00a0b", "a\u200bb", "a\r\nb", "a \n b", "\xff", "é ü", "", " ", "a\u2028b", "a\u0085b")
	for _, s := range texts {
		if got, want := spaceIsNormal(s), rewriteSpace(s) == s; got != want {
			t.Errorf("spaceIsNormal(%q) = %v, but rewriteSpace changes it: %v", s, got, !want)
		}
	}
}

func TestLastFieldMatchesFields(t *testing.T) {
	for _, s := range append(textPieces(equivalenceTexts(t)[:5]), "", " ", "a", " a b ", "a\u00a0b", "x\u3000") {
		f := strings.Fields(s)
		w, before := lastField(s)
		switch {
		case len(f) == 0 && w != "":
			t.Errorf("lastField(%q) = %q, want none", s, w)
		case len(f) > 0 && w != f[len(f)-1]:
			t.Errorf("lastField(%q) = %q, want %q", s, w, f[len(f)-1])
		case len(f) > 0 && !slices.Equal(strings.Fields(before), f[:len(f)-1]):
			t.Errorf("lastField(%q): before %q, want the fields %q", s, before, f[:len(f)-1])
		}
	}
}

// TestTfidfMatchesDefinition compares the interned sparse vectors with
// maps of tf-idf weights.
func TestTfidfMatchesDefinition(t *testing.T) {
	var docs [][]string
	for _, s := range Sentences(readFixture(t, "drill-article.txt")) {
		docs = append(docs, terms(lowerWords(s)))
	}
	docs = append(docs, nil, []string{"drill", "drill", "drill"})
	n := float64(len(docs))
	df := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, w := range d {
			if !seen[w] {
				seen[w] = true
				df[w]++
			}
		}
	}
	ref := make([]map[string]float64, len(docs))
	for i, d := range docs {
		tf := map[string]float64{}
		for _, w := range d {
			tf[w]++
		}
		ref[i] = map[string]float64{}
		for w, c := range tf {
			ref[i][w] = (1 + math.Log(c)) * math.Log(1+n/float64(df[w]))
		}
	}
	refCos := func(a, b map[string]float64) float64 {
		var dot, na, nb float64
		for w, x := range a {
			dot += x * b[w]
			na += x * x
		}
		for _, x := range b {
			nb += x * x
		}
		if na == 0 || nb == 0 {
			return 0
		}
		return dot / (math.Sqrt(na) * math.Sqrt(nb))
	}
	vecs := tfidf(docs)
	for i := range docs {
		for j := range docs {
			if got, want := cosine(vecs[i], vecs[j]), refCos(ref[i], ref[j]); math.Abs(got-want) > 1e-12 {
				t.Errorf("cosine(%d, %d) = %v, want %v", i, j, got, want)
			}
		}
	}
}
