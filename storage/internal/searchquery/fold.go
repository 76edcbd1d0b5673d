package searchquery

import "wirewatch/words"

// Fold removes diacritics (Pyŏngyang → Pyongyang, as McCune–Reischauer
// romanizations are often typed without them) and case: the one fold
// (words.Fold), so that search folds words as the rules do. Backends whose
// full-text engine does not fold by itself apply it to both the indexed
// text and the query words. Hangul decomposes and recomposes unchanged.
func Fold(s string) string { return words.Fold(s) }

// isWordRune is the one tokenizer's rule (words.IsWordRune): letters,
// digits and combining marks make words.
func isWordRune(r rune) bool { return words.IsWordRune(r) }
