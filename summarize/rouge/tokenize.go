package rouge

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"strings"
	"sync"

	"wirewatch/words"
)

//go:embed wordnet/*.exc
var wordnetFiles embed.FS

// exceptionFiles are read in this order; a later entry for the same word
// replaces an earlier one. This order reproduces the official scores (e.g.
// "best" is "good", not "well").
var exceptionFiles = []string{"adv.exc", "adj.exc", "noun.exc", "verb.exc"}

var (
	exceptionsOnce sync.Once
	exceptions     map[string]string
)

// wordnetExceptions maps an irregular inflection to its base form.
func wordnetExceptions() map[string]string {
	exceptionsOnce.Do(func() {
		exceptions = make(map[string]string, 6000)
		for _, name := range exceptionFiles {
			data, err := wordnetFiles.ReadFile("wordnet/" + name)
			if err != nil {
				panic(fmt.Sprintf("rouge: embedded %s: %v", name, err)) // cannot happen: embedded at build time
			}
			sc := bufio.NewScanner(bytes.NewReader(data))
			for sc.Scan() {
				f := strings.Fields(sc.Text())
				if len(f) >= 2 {
					exceptions[f[0]] = f[1]
				}
			}
		}
	})
	return exceptions
}

// Tokenize splits text into ROUGE-1.5.5 tokens, stemmed when stem is true.
func Tokenize(text string, stem bool) []string {
	var exc map[string]string
	if stem {
		exc = wordnetExceptions()
	}
	var tokens []string
	var b strings.Builder
	flush := func() {
		if b.Len() == 0 {
			return
		}
		t := b.String()
		b.Reset()
		// ROUGE keeps only tokens that start with [a-z0-9$]; "$" never
		// survives the character filter, so this drops lone hyphens.
		if t[0] == '-' {
			return
		}
		if stem && len(t) > 3 {
			if base, ok := exc[t]; ok {
				t = base
			} else {
				t = words.Stem(t) // Porter, as ROUGE-1.5.5
			}
		}
		tokens = append(tokens, t)
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteByte(c)
		case c == '-':
			// "-" becomes " - ": a token of its own, dropped by flush.
			flush()
			b.WriteByte('-')
			flush()
		default:
			flush()
		}
	}
	flush()
	return tokens
}
