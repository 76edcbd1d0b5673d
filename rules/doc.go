// Package rules compiles the admins' keyword rules and topics and matches
// items against them: the query language, topics and matching, and nothing
// else. It does no I/O and keeps no state between items but a bounded
// cache of what its index says of recent tokens. What a match leads to
// (posts, quiet hours, cooldowns, digests) is the pipeline's; how it is
// shown is the sink's.
//
// # Query language
//
// The full grammar, with examples, is in GRAMMAR.md next to this file.
//
//	query   = or
//	or      = and { "OR" and }
//	and     = unary { [ "AND" ] unary }        juxtaposition means AND
//	unary   = "NOT" unary | near
//	near    = primary { "NEAR/" N primary }    N = 0..100 words between
//	primary = "(" or ")" | field ":" primary | "topic:" name
//	        | word | word* | "phrase" | /regex/
//	field   = title | text | summary | feed | link | author | category
//
// Precedence, tightest first: NEAR, NOT, AND, OR. AND, OR and NOT are
// recognised in any case; quote them ("not") to search for the word.
// Matching is case- and accent-insensitive (Unicode case folding, marks
// removed: "Séoul" = "seoul") on word tokens (package words): runs of
// letters, digits and combining marks. Anything else separates words, so
// "Kim Jong-un" is the tokens kim, jong, un, and a query word with
// punctuation in it is a phrase: Jong-un matches "Jong-un" and "Jong Un";
// Hwasong-19 matches "Hwasong-19" and "Hwasong 19". A word of Hangul matches as a prefix, so
// 북한 finds 북한이 and 북한의 (Korean attaches particles to nouns).
// Regexes are Go RE2 (linear time), case-insensitive, and run on the raw
// text of each field; they are not accent-folded.
//
// Unscoped terms and topics look at the title, text and summary. topic:x
// means any alias of config topic x.
//
// # Rules
//
//   - Compile reports every mistake of every rule at once, as config.Errors
//     at file:line:col inside the query, with the offending token.
//   - A query has at most MaxQueryBytes bytes, MaxDepth levels of nesting
//     and MaxTerms terms.
//   - Matching goes through an index from folded tokens, prefixes and regex
//     literals to rules, so its cost grows with the item, not with the
//     number of rules. Each item is tokenized once, and each token looked up
//     once in a map that remembers what the index says of it. A candidate
//     rule is checked against its must groups (keys one of which every
//     match contains) before its query tree is evaluated, and a regex whose
//     every match starts with one of a few literals is tried only where they
//     occur. None of this changes what matches: the fuzz test compares it
//     with running every rule's own regular expressions.
//   - A match's terms are the rule's words, phrases, prefixes, regexes and
//     topic aliases outside NOT that occur in the item, in query order, at
//     most 10 (see GRAMMAR.md).
//   - Explain evaluates every rule's whole query for one item and says, per
//     rule, the terms of a match or the clauses it missed and the NOT
//     clauses that vetoed it; TestExplainAgreesWithMatch holds it to Match.
package rules
