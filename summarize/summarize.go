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
	if !isEnglish(prose) {
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

// isEnglish is true unless the sentences are reliably detected as another
// language. Short texts are given the benefit of the doubt. Only the first
// languageSample bytes are read: text that is plainly English by its
// function words needs no detector, and the detector's cost grows with its
// input.
func isEnglish(sents []sentence) bool {
	var runes, wordCount, english int
	var sample strings.Builder
	for _, s := range sents {
		if sample.Len() >= languageSample {
			break
		}
		if sample.Len() > 0 {
			sample.WriteByte(' ')
		}
		sample.WriteString(s.text)
		runes += utf8.RuneCountInString(s.text) + 1
		wordCount += len(s.words)
		for _, w := range s.words {
			if englishFunctionWords[w] {
				english++
			}
		}
	}
	if runes < 40 {
		return true
	}
	// Running English prose has about one function word from the list in
	// four or five; other languages written in Latin script have almost
	// none of them.
	if wordCount >= 20 && english*100 >= wordCount*englishFunctionShare {
		return true
	}
	text := sample.String()
	if len(text) > languageSample {
		text = text[:languageSample]
		// Do not cut a rune in two.
		for len(text) > 0 && !utf8.RuneStart(text[len(text)-1]) {
			text = text[:len(text)-1]
		}
		if len(text) > 0 {
			if r, size := utf8.DecodeLastRuneInString(text); r == utf8.RuneError && size <= 1 {
				text = text[:len(text)-1]
			}
		}
	}
	info := whatlanggo.Detect(text)
	return info.Lang == whatlanggo.Eng || !info.IsReliable()
}

// languageSample is how much text (bytes) language detection reads.
const languageSample = 2 << 10

// englishFunctionShare is the percentage of words that must be English
// function words for text to count as English without the detector.
const englishFunctionShare = 10

// englishFunctionWords are frequent English words that are not frequent
// words of other languages written in Latin script ("a", "in", "on", "is",
// "to", "of", "was", "an" are left out for that reason).
var englishFunctionWords = map[string]bool{
	"the": true, "and": true, "with": true, "that": true, "for": true, "are": true,
	"were": true, "has": true, "have": true, "had": true, "it": true, "its": true,
	"this": true, "by": true, "from": true, "which": true, "said": true, "she": true,
	"they": true, "be": true, "been": true, "not": true, "will": true, "would": true,
	"their": true, "his": true, "who": true, "at": true,
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
