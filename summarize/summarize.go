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
//
// Input is bounded so that time and memory are: only the first
// MaxSummarizeBytes of text are read, only the first maxCandidates
// sentences are ranked, and a "sentence" longer than maxSentenceBytes
// (text without punctuation) is shortened at a word boundary, marked "…".
func Summarize(title, text string, n int) []string {
	return DefaultRanker.Summarize(title, text, n)
}

// Summarize is Summarize with this ranker's weights.
func (r Ranker) Summarize(title, text string, n int) []string {
	if n <= 0 {
		return nil
	}
	prose := candidates(title, text, n)
	if len(prose) <= n {
		// Every sentence is the summary, whatever the language (a teaser):
		// detecting it would cost more than the rest of the summary.
		return shorten(texts(prose))
	}
	if !isEnglish(prose) {
		return shorten(lead(prose, n))
	}
	return shorten(r.rank(title, prose, n))
}

// Bounds on Summarize's input and output.
const (
	// MaxSummarizeBytes is how much text Summarize and Lead read (four
	// times feeds.MaxTextBytes; news articles are far shorter).
	MaxSummarizeBytes = 400 << 10
	// maxCandidates caps the sentences ranked: similarity is quadratic in
	// their number, and summaries come from the first pages of a text.
	maxCandidates = 400
	// maxSentenceBytes is the longest sentence returned whole.
	maxSentenceBytes = 1000
)

// candidates are the sentences of text a summary is chosen from: after
// Clean, without repeats of the title, prose if there is enough of it.
func candidates(title, text string, n int) []sentence {
	sents := dropTitleEchoes(title, withWords(cleanSentences(boundText(text))))
	prose := proseSentences(sents)
	if len(prose) < n {
		// Mostly headings or a teaser: better something than nothing.
		prose = sents
	}
	if len(prose) > maxCandidates {
		prose = prose[:maxCandidates]
	}
	return prose
}

// boundText is the first MaxSummarizeBytes of text, cut at a line break
// if there is one in the last quarter, else at a rune boundary.
func boundText(text string) string {
	if len(text) <= MaxSummarizeBytes {
		return text
	}
	text = text[:MaxSummarizeBytes]
	if i := strings.LastIndexByte(text, '\n'); i >= MaxSummarizeBytes*3/4 {
		return text[:i]
	}
	return trimCutRune(text)
}

// trimCutRune drops the incomplete rune that cutting a string at a byte
// offset may leave at its end.
func trimCutRune(s string) string {
	for i := len(s) - 1; i >= 0 && i >= len(s)-utf8.UTFMax; i-- {
		if utf8.RuneStart(s[i]) {
			if !utf8.FullRuneInString(s[i:]) {
				return s[:i]
			}
			return s
		}
	}
	return s
}

// shorten cuts sentences longer than maxSentenceBytes at their last space
// before the limit (or a rune boundary) and marks the cut with "…".
func shorten(sents []string) []string {
	for i, s := range sents {
		if len(s) <= maxSentenceBytes {
			continue
		}
		cut := s[:maxSentenceBytes]
		if j := strings.LastIndexByte(cut, ' '); j > maxSentenceBytes/2 {
			cut = cut[:j]
		} else {
			cut = trimCutRune(cut)
		}
		sents[i] = strings.TrimRightFunc(cut, unicode.IsSpace) + "…"
	}
	return sents
}

// Lead returns the first n sentences after Clean, with headings, captions
// and repeats of the title left out: the Lead-n baseline.
func Lead(title, text string, n int) []string {
	if n <= 0 {
		return nil
	}
	return shorten(lead(candidates(title, text, n), n))
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
		out[i] = sentence{text: t, words: lowerWords(t)}
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
	// five (never under one in twelve in the evaluation articles); other
	// languages written in Latin script have almost none of them. Only the
	// cases in between, and short texts, need the detector.
	if wordCount >= 20 && english*100 >= wordCount*englishFunctionShare {
		return true
	}
	if wordCount >= 15 && english*100 < wordCount*foreignFunctionShare {
		return false
	}
	text := sample.String()
	if len(text) > languageSample {
		text = trimCutRune(text[:languageSample])
	}
	info := whatlanggo.Detect(text)
	return info.Lang == whatlanggo.Eng || !info.IsReliable()
}

// languageSample is how much text (bytes) language detection reads.
const languageSample = 2 << 10

// englishFunctionShare is the percentage of words that must be English
// function words for text to count as English without the detector;
// under foreignFunctionShare it counts as another language.
const (
	englishFunctionShare = 10
	foreignFunctionShare = 3
)

// englishFunctionWords are frequent English words that are not frequent
// words of other languages written in Latin script ("a", "in", "on", "is",
// "to", "of", "was", "an", "for", "at", "by" are left out for that reason).
var englishFunctionWords = map[string]bool{
	"the": true, "and": true, "with": true, "that": true, "are": true, "were": true,
	"has": true, "have": true, "had": true, "it": true, "its": true, "this": true,
	"from": true, "which": true, "said": true, "she": true, "they": true, "be": true,
	"been": true, "not": true, "will": true, "would": true, "their": true, "his": true,
	"who": true,
}

// proseSentences keeps sentences that read as prose: enough words and a
// sentence-final mark. Headings, captions and labels have neither; table
// rows (cells joined by cellSeparator) stay in the text but are no prose.
func proseSentences(sents []sentence) []sentence {
	var out []sentence
	for _, s := range sents {
		if len(s.words) >= 4 && endsSentence(s.text) && !strings.Contains(s.text, cellSeparator) {
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
	tw := lowerWords(title)
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
