package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// Summarize returns n sentences of text, in article order, after Clean.
// English text is ranked by DefaultRanker; text in another language gets
// its lead sentences. The same input always gives the same output.
func Summarize(title, text string, n int) []string {
	return DefaultRanker.Summarize(title, text, n)
}

// Summarize is Summarize with this ranker's weights.
func (r Ranker) Summarize(title, text string, n int) []string {
	if n <= 0 {
		return nil
	}
	sents := dropTitleEchoes(title, withWords(cleanSentences(text)))
	prose := proseSentences(sents)
	if len(prose) < n {
		// Mostly headings or a teaser: better something than nothing.
		prose = sents
	}
	if !isEnglish(joinTexts(prose)) {
		return lead(prose, n)
	}
	return r.rank(title, prose, n)
}

// Lead returns the first n sentences after Clean, with headings, captions
// and repeats of the title left out: the Lead-n baseline.
func Lead(title, text string, n int) []string {
	sents := dropTitleEchoes(title, withWords(cleanSentences(text)))
	prose := proseSentences(sents)
	if len(prose) < n {
		prose = sents
	}
	return lead(prose, n)
}

func lead(sents []sentence, n int) []string {
	if len(sents) > n {
		sents = sents[:n]
	}
	return texts(sents)
}

// sentence is a sentence with its words (see words), split once for all
// the tests and features that need them.
type sentence struct {
	text  string
	words []string
}

func withWords(texts []string) []sentence {
	if texts == nil {
		return nil
	}
	out := make([]sentence, len(texts))
	for i, t := range texts {
		out[i] = sentence{text: t, words: words(t)}
	}
	return out
}

// texts is the sentences' texts (nil for nil).
func texts(sents []sentence) []string {
	if sents == nil {
		return nil
	}
	out := make([]string, len(sents))
	for i, s := range sents {
		out[i] = s.text
	}
	return out
}

// joinTexts is the sentences' texts joined by spaces.
func joinTexts(sents []sentence) string {
	var b strings.Builder
	for i, s := range sents {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s.text)
	}
	return b.String()
}

// isEnglish is true unless the text is reliably detected as another
// language. Short texts are given the benefit of the doubt.
func isEnglish(text string) bool {
	if utf8.RuneCountInString(text) < 40 {
		return true
	}
	info := whatlanggo.Detect(text)
	return info.Lang == whatlanggo.Eng || !info.IsReliable()
}

// proseSentences keeps sentences that read as prose: enough words and a
// sentence-final mark. Headings, captions and labels have neither.
func proseSentences(sents []sentence) []sentence {
	var out []sentence
	for _, s := range sents {
		if len(s.words) >= 4 && endsSentence(s.text) {
			out = append(out, s)
		}
	}
	return out
}

func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		switch r {
		case '"', '\'', '”', '’', ')', ']', '»':
			return true
		}
		return unicode.IsSpace(r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '…', '。', '！', '？':
		return true
	}
	return false
}

// dropTitleEchoes removes sentences that repeat the headline (pages often
// print it again above or inside the body).
func dropTitleEchoes(title string, sents []sentence) []sentence {
	tw := words(title)
	if len(tw) == 0 {
		return sents
	}
	titleSet := make(map[string]bool, len(tw))
	for _, w := range tw {
		titleSet[w] = true
	}
	out := sents[:0:0]
	for _, s := range sents {
		sw := s.words
		common := 0
		for _, w := range sw {
			if titleSet[w] {
				common++
			}
		}
		// Nearly all of the sentence is title words and it is not much longer.
		if len(sw) > 0 && float64(common) >= 0.8*float64(len(sw)) && len(sw) <= len(tw)+3 {
			continue
		}
		out = append(out, s)
	}
	return out
}
