// Package rouge scores summaries with ROUGE-1, ROUGE-2 and ROUGE-L F1 the way
// the official ROUGE-1.5.5 script does with `-n 2 -m` (the settings behind
// published CNN/DailyMail numbers), so figures measured here can be put next
// to published ones.
//
// Rules, all taken from ROUGE-1.5.5:
//   - tokens: ASCII lower case, hyphens split off, every other character that
//     is not [a-z0-9] becomes a space, tokens must start with [a-z0-9$];
//   - stemming (-m): tokens longer than three characters are looked up in the
//     WordNet exception lists (went -> go), else Porter-1980 stemmed;
//   - ROUGE-N counts n-grams over the whole summary, clipped by the other side;
//   - ROUGE-L is summary level: the union of each reference sentence's LCS
//     with every system sentence, with each token counted at most as often as
//     it occurs on both sides;
//   - F is the balanced F-measure (alpha 0.5); corpus figures average per
//     document scores.
//
// The WordNet 3.0 exception lists are embedded (wordnet/, with their licence).
package rouge
