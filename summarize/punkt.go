package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"
)

// The English Punkt tokenizer of github.com/neurosnap/sentences runs
// several regular expressions on every pair of words (abbreviation,
// list-number and coordinate tests) and allocates every word token on its
// own; that was most of the time Sentences took. punktWords and
// multiPunctAnnotation are the same word tokenizer and English annotation
// with those tests written as plain string code. They must decide exactly
// as the library does: TestPunktMatchesLibrary compares them token by
// token, and TestPunktSentencesMatchLibrary sentence by sentence.

// newPunkt builds the English tokenizer as english.NewSentenceTokenizer
// does, with punktWords and multiPunctAnnotation in place of the library's
// word tokenizer and multi-punctuation annotation.
func newPunkt(storage *sentences.Storage) *sentences.DefaultSentenceTokenizer {
	lang := sentences.NewPunctStrings()
	word := &punktWords{}
	word.PunctStrings = lang
	annotations := sentences.NewAnnotations(storage, lang, word)
	ortho := &sentences.OrthoContext{Storage: storage, PunctStrings: lang, TokenType: word, TokenFirst: word}
	annotations = append(annotations, &multiPunctAnnotation{Storage: storage, words: word, ortho: ortho})
	return &sentences.DefaultSentenceTokenizer{
		Storage:       storage,
		PunctStrings:  lang,
		WordTokenizer: word,
		Annotations:   annotations,
	}
}

// punktWords is english.WordTokenizer with the regexp-based token tests
// replaced. Every method that calls another one is overridden too: the
// embedded type would call its own versions.
type punktWords struct {
	english.WordTokenizer
}

// Tokenize is sentences.DefaultWordTokenizer.Tokenize (quirks included: a
// last word that ends in a multi-byte character is not a token of its
// own), with the tokens allocated together.
func (p *punktWords) Tokenize(text string, onlyPeriodContext bool) []*sentences.Token {
	textLength := len(text)
	if textLength == 0 {
		return nil
	}
	toks := make([]sentences.Token, 0, strings.Count(text, " ")+1)
	lastSpace := 0
	lineStart, paragraphStart, getNextWord := false, false, false
	for i, char := range text {
		cjk := sentences.IsCjkPunct(char)
		if !unicode.IsSpace(char) && !cjk && i != textLength-1 {
			continue
		}
		if cjk {
			i += utf8.RuneLen(char)
		}
		if char == '\n' {
			if lineStart {
				paragraphStart = true
			}
			lineStart = true
		}
		cursor := i
		if i == textLength-1 {
			cursor = textLength
		}
		word := strings.TrimSpace(text[lastSpace:cursor])
		if word == "" {
			continue
		}
		hasSentencePunct := onlyPeriodContext && p.PunctStrings.HasSentencePunct(word)
		if onlyPeriodContext && !hasSentencePunct && !getNextWord {
			lastSpace = cursor
			continue
		}
		tok := sentences.NewToken(word)
		tok.Position = cursor
		tok.ParaStart = paragraphStart
		tok.LineStart = lineStart
		toks = append(toks, *tok)
		lastSpace = cursor
		lineStart, paragraphStart = false, false
		getNextWord = hasSentencePunct
	}
	if len(toks) == 0 {
		tok := sentences.NewToken(text)
		tok.Position = textLength
		toks = append(toks, *tok)
	}
	out := make([]*sentences.Token, len(toks))
	for i := range toks {
		out[i] = &toks[i]
	}
	return out
}

// Type is the word lower-cased, with a trailing number replaced by
// "##number##" (regexp `-?[\.,]?\d[\d,\.-]*\.?$`) and commas removed.
func (p *punktWords) Type(t *sentences.Token) string {
	typ := replaceTrailingNumber(strings.ToLower(t.Tok))
	if len(typ) == 1 {
		return typ
	}
	return strings.ReplaceAll(typ, ",", "")
}

// replaceTrailingNumber replaces the leftmost match of
// `-?[\.,]?\d[\d,\.-]*\.?$` in s by "##number##".
func replaceTrailingNumber(s string) string {
	// Every match lies in the longest suffix of number characters.
	j := len(s)
	for j > 0 && isNumberByte(s[j-1]) {
		j--
	}
	for i := j; i < len(s); i++ {
		k := i
		if s[k] == '-' {
			k++
		}
		if k < len(s) && (s[k] == '.' || s[k] == ',') {
			k++
		}
		if k < len(s) && isDigit(s[k]) {
			return s[:i] + "##number##"
		}
	}
	return s
}

func isNumberByte(c byte) bool { return isDigit(c) || c == ',' || c == '.' || c == '-' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isWordByte is RE2's \w.
func isWordByte(c byte) bool { return isASCIILetter(c) || isDigit(c) || c == '_' }

func (p *punktWords) TypeNoPeriod(t *sentences.Token) string {
	typ := p.Type(t)
	if len(typ) > 1 && typ[len(typ)-1] == '.' {
		return typ[:len(typ)-1]
	}
	return typ
}

func (p *punktWords) TypeNoSentPeriod(t *sentences.Token) string {
	if t.SentBreak {
		return p.TypeNoPeriod(t)
	}
	return p.Type(t)
}

func (p *punktWords) FirstUpper(t *sentences.Token) bool {
	if t.Tok == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Tok)
	return unicode.IsUpper(r)
}

func (p *punktWords) FirstLower(t *sentences.Token) bool {
	if t.Tok == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Tok)
	return unicode.IsLower(r)
}

// IsEllipsis: `\.\.+$`.
func (p *punktWords) IsEllipsis(t *sentences.Token) bool { return strings.HasSuffix(t.Tok, "..") }

// IsInitial: `^[A-Za-z]\.$`.
func (p *punktWords) IsInitial(t *sentences.Token) bool {
	s := t.Tok
	return len(s) == 2 && isASCIILetter(s[0]) && s[1] == '.'
}

// IsListNumber: `^\d+.?\)?$`.
func (p *punktWords) IsListNumber(t *sentences.Token) bool {
	s := t.Tok
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i == 0 {
		return false
	}
	rest := s[i:]
	if rest == "" || rest == ")" {
		return true
	}
	r, size := utf8.DecodeRuneInString(rest)
	if r == '\n' {
		return false
	}
	return rest[size:] == "" || rest[size:] == ")"
}

// IsAlpha: `^[A-Za-z]+$`.
func (p *punktWords) IsAlpha(t *sentences.Token) bool {
	s := t.Tok
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isASCIILetter(s[i]) {
			return false
		}
	}
	return true
}

// IsCoordinatePartTwo: `^[0-9]*\.[0-9]*\.[0-9]*\.$`.
func (p *punktWords) IsCoordinatePartTwo(t *sentences.Token) bool {
	s := t.Tok
	dots := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '.':
			dots++
		case !isDigit(s[i]):
			return false
		}
	}
	return dots == 3 && s[len(s)-1] == '.'
}

// IsNonPunct: the type has a letter or underscore (`[^\W\d]`).
func (p *punktWords) IsNonPunct(t *sentences.Token) bool {
	typ := p.Type(t)
	for i := 0; i < len(typ); i++ {
		if isASCIILetter(typ[i]) || typ[i] == '_' {
			return true
		}
	}
	return false
}

// HasSentEndChars is english.WordTokenizer.HasSentEndChars: the word ends
// in ? or !, or in . ? ! and a closing quote or bracket, or has . followed
// by ( [ " ' or ? ! followed by ( [.
func (p *punktWords) HasSentEndChars(t *sentences.Token) bool {
	s := t.Tok
	if strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || endsWithCloser(s) {
		return true
	}
	for i := 0; i+1 < len(s); i++ {
		switch s[i] {
		case '.':
			switch s[i+1] {
			case '[', '(', '"', '\'':
				return true
			}
		case '?', '!':
			switch s[i+1] {
			case '[', '(':
				return true
			}
		}
	}
	return false
}

// HasUnreliableEndChars is english.WordTokenizer.HasUnreliableEndChars:
// the word ends in . ? or ! and a closing quote or bracket.
func (p *punktWords) HasUnreliableEndChars(t *sentences.Token) bool {
	return endsWithCloser(t.Tok)
}

// endsWithCloser: s ends in one of . ? ! followed by one of " ' ) ’ ”.
func endsWithCloser(s string) bool {
	r, size := utf8.DecodeLastRuneInString(s)
	switch r {
	case '"', '\'', ')', '’', '”':
	default:
		return false
	}
	if size == len(s) {
		return false
	}
	switch s[len(s)-size-1] {
	case '.', '?', '!':
		return true
	}
	return false
}

// hasAbbrevDots tells whether s contains a match of the English tokenizer's
// `((?:[\w]\.)+[\w]*\.)`: a word character and a period, then word
// characters and another period.
func hasAbbrevDots(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if !isWordByte(s[i]) || s[i+1] != '.' {
			continue
		}
		j := i + 2
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		if j < len(s) && s[j] == '.' {
			return true
		}
	}
	return false
}

// multiPunctAnnotation is english.MultiPunctWordAnnotation (tokens such as
// "F.B.I." are abbreviations) without its regexp.
type multiPunctAnnotation struct {
	*sentences.Storage
	words *punktWords
	ortho sentences.Ortho
}

func (a *multiPunctAnnotation) Annotate(tokens []*sentences.Token) []*sentences.Token {
	for i := 0; i+1 < len(tokens); i++ {
		a.tokenAnnotation(tokens[i], tokens[i+1])
	}
	return tokens
}

func (a *multiPunctAnnotation) tokenAnnotation(tokOne, tokTwo *sentences.Token) {
	w := a.words
	if w.IsListNumber(tokOne) || w.IsCoordinatePartOne(tokOne) {
		tokOne.SentBreak = false
		return
	}
	if strings.HasSuffix(tokOne.Tok, ".") && tokTwo.Tok == "." {
		tokOne.SentBreak = false
		return
	}
	if !hasAbbrevDots(tokOne.Tok) && tokOne.Tok != "." && !w.HasUnreliableEndChars(tokOne) && !w.IsCoordinatePartTwo(tokOne) {
		return
	}
	if w.IsInitial(tokOne) {
		return
	}
	tokOne.Abbr = true
	tokOne.SentBreak = false
	nextTyp := w.TypeNoSentPeriod(tokTwo)
	// Orthographic heuristic: evidence that the next word starts a sentence.
	if a.ortho.Heuristic(tokTwo) == 1 {
		tokOne.SentBreak = true
		return
	}
	// Frequent sentence starter heuristic.
	if w.FirstUpper(tokTwo) && (a.SentStarters[nextTyp] != 0 || w.HasUnreliableEndChars(tokOne) || tokOne.Tok == "." || w.IsCoordinatePartTwo(tokOne)) {
		tokOne.SentBreak = true
	}
}
