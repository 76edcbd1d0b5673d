package summarize

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"
)

// punktBlocks are the blocks Sentences hands to Punkt.
func punktBlocks(t *testing.T) []string {
	var out []string
	for _, text := range equivalenceTexts(t) {
		for _, b := range strings.Split(normalizeSpace(text), "\n") {
			if b = strings.TrimSpace(b); b != "" {
				out = append(out, b)
			}
		}
	}
	return append(out,
		"He wore No. 5. He scored.", "U.S. Sen. J.P. Morgan (D-Mass.) arrived at 3 p.m. Friday.",
		"1. First item 2) second 3.4.5. coordinates N°. 7", "Wait... what?! \"Yes.\" (Really.) [Sure.]",
		"Prices fell -1.5, then ,5 and .25 to 1,000.50. Next", "It ended.” Then", "中文句子。第二句！第三句？",
		"a.. b... c.d. e.f Ms. ms. MS. ‘Quote.’ “Quote.”", "ends with a multibyte quote.”", "x", ".", "..",
	)
}

// libraryAbbrev is english.MultiPunctWordAnnotation's (unexported) reAbbr.
var libraryAbbrev = regexp.MustCompile(`((?:[\w]\.)+[\w]*\.)`)

// TestPunktTokenizeMatchesLibrary: same word tokens, positions and line
// flags as the library's word tokenizer, on whole texts with line breaks.
func TestPunktTokenizeMatchesLibrary(t *testing.T) {
	lib := english.NewWordTokenizer(sentences.NewPunctStrings())
	fast := &punktWords{}
	fast.PunctStrings = sentences.NewPunctStrings()
	texts := append(equivalenceTexts(t), "a\n\nb。c？ d\r\ne", "ends in é", "  ", "x")
	for _, text := range texts {
		for _, only := range []bool{false, true} {
			want, got := lib.Tokenize(text, only), fast.Tokenize(text, only)
			if len(want) != len(got) {
				t.Errorf("%.40q (period context %v): %d tokens, library has %d", text, only, len(got), len(want))
				continue
			}
			for i := range want {
				if *want[i] != *got[i] {
					t.Errorf("%.40q token %d: got %v, library %v", text, i, got[i], want[i])
				}
			}
		}
	}
}

// TestPunktMatchesLibrary checks punktWords' token tests against the
// library's (english.WordTokenizer) on every token of the texts.
func TestPunktMatchesLibrary(t *testing.T) {
	lib := english.NewWordTokenizer(sentences.NewPunctStrings())
	fast := &punktWords{}
	fast.PunctStrings = sentences.NewPunctStrings()
	var toks []string
	for _, b := range punktBlocks(t) {
		toks = append(toks, strings.Fields(b)...)
	}
	toks = append(toks, "", "5", "5)", "5.)", "12a", "12ab", "5\n", "-5", "--5", "-.5", ",5", "5,000.", "a5", "a.b.c", "a_.", "1.2.3.", ".1..", "a.", "A.", "ab.", "...", "é.", "x?(", "x![", "x.[", "x.\"", "x?”", "x!’", "x.)", "x)", "N°.")
	bools := []struct {
		name      string
		lib, fast func(*sentences.Token) bool
	}{
		{"FirstUpper", lib.FirstUpper, fast.FirstUpper},
		{"FirstLower", lib.FirstLower, fast.FirstLower},
		{"IsEllipsis", lib.IsEllipsis, fast.IsEllipsis},
		{"IsInitial", lib.IsInitial, fast.IsInitial},
		{"IsListNumber", lib.IsListNumber, fast.IsListNumber},
		{"IsAlpha", lib.IsAlpha, fast.IsAlpha},
		{"IsCoordinatePartTwo", lib.IsCoordinatePartTwo, fast.IsCoordinatePartTwo},
		{"IsNonPunct", lib.IsNonPunct, fast.IsNonPunct},
		{"HasSentEndChars", lib.HasSentEndChars, fast.HasSentEndChars},
		{"HasUnreliableEndChars", lib.HasUnreliableEndChars, fast.HasUnreliableEndChars},
	}
	for _, tok := range toks {
		for _, sentBreak := range []bool{false, true} {
			a, b := sentences.NewToken(tok), sentences.NewToken(tok)
			a.SentBreak, b.SentBreak = sentBreak, sentBreak
			for _, f := range bools {
				if got, want := f.fast(b), f.lib(a); got != want {
					t.Errorf("%s(%q) = %v, library says %v", f.name, tok, got, want)
				}
			}
			if got, want := fast.TypeNoSentPeriod(b), lib.TypeNoSentPeriod(a); got != want {
				t.Errorf("TypeNoSentPeriod(%q, break=%v) = %q, library says %q", tok, sentBreak, got, want)
			}
			if got, want := fast.TypeNoPeriod(b), lib.TypeNoPeriod(a); got != want {
				t.Errorf("TypeNoPeriod(%q) = %q, library says %q", tok, got, want)
			}
		}
		if got, want := hasAbbrevDots(tok), libraryAbbrev.MatchString(tok); got != want {
			t.Errorf("hasAbbrevDots(%q) = %v, library's regexp says %v", tok, got, want)
		}
	}
}

// TestPunktSentencesMatchLibrary: the tokenizer Sentences uses splits every
// block exactly as the library's English tokenizer, token flags included.
func TestPunktSentencesMatchLibrary(t *testing.T) {
	lib, err := libraryPunkt()
	if err != nil {
		t.Fatal(err)
	}
	fast, err := sentenceTokenizer()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range punktBlocks(t) {
		var want []string
		for _, s := range lib.Tokenize(b) {
			want = append(want, s.Text)
		}
		if got := punktSplit(fast, b); !slices.Equal(got, want) {
			t.Errorf("split %q\n got %q\nwant %q", b, got, want)
		}
		libToks, fastToks := lib.AnnotatedTokens(b), fast.AnnotatedTokens(b)
		if len(libToks) != len(fastToks) {
			t.Errorf("%q: %d tokens, library has %d", b, len(fastToks), len(libToks))
			continue
		}
		for i := range libToks {
			l, f := libToks[i], fastToks[i]
			if l.Tok != f.Tok || l.Position != f.Position || l.SentBreak != f.SentBreak || l.Abbr != f.Abbr || l.ParaStart != f.ParaStart || l.LineStart != f.LineStart {
				t.Errorf("%q token %d: got %v, library %v", b, i, f, l)
			}
		}
	}
}
