// Package words is the one way wirewatch cuts text into words, folds them
// and stems them. The rule matcher, the summarizer, the story grouper and
// search use it, so that a word is the same word to all of them. It
// imports nothing of the project.
//
// Rules:
//   - A word is a maximal run of letters, digits and combining marks;
//     everything else (spaces, punctuation, hyphens, apostrophes) separates
//     words. Callers that need more (the story grouper keeps "1,000" whole)
//     build it on Spans, never on a splitter of their own.
//   - Fold removes case and accents: decompose, drop non-spacing marks,
//     recompose (Hangul stays Hangul), case-fold. ASCII, Hangul and CJK
//     words take a fast path that gives the same result.
//   - Lower lower-cases in composed form (NFC) and keeps accents: the
//     story grouper reads words, and its vocabulary's phrases, so, and a
//     feed's decomposed accents (e, then U+0301) meet composed ones.
//   - Stem is Porter's stemmer (the summarizer's, and ROUGE's), cached for
//     the words seen most; the cache is bounded, so untrusted text cannot
//     grow it. The story grouper uses it too, after its vocabulary's words
//     (stories/text.go), and leaves words of three letters or fewer whole.
package words
