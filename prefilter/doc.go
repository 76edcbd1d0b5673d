// Package prefilter finds the literals a regular expression needs, so that
// a pattern can skip its regexp on text that cannot match: most patterns
// need one of a few words ("cookie", "follow us on", "©"), and looking for
// those in folded text is far cheaper than running a case-insensitive RE2
// program at every position. The summarizer's cleaning rules and the alert
// rules' regex terms both use it. It imports nothing of the project.
//
// Rules:
//   - The analysis is conservative: when in doubt it requires nothing. A
//     text the pattern matches always contains one of the literals once
//     folded; the converse need not hold.
//   - Literals and text are folded by FoldRune, rune by rune, as RE2's (?i)
//     compares runes (k, K and the Kelvin sign are one). This is not
//     words.Fold, which also drops accents and may turn one rune into two
//     or two into one: a literal found by the regexp could then be missing
//     from the folded text. FoldRune folds each rune alone, so a scanner
//     can fold text as it reads it, without building the folded copy.
package prefilter
