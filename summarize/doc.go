// Package summarize turns an article into a short extractive summary: the
// few sentences of the article that best say what happened, in article
// order.
//
// The pipeline is Extract (HTML to main text, via go-trafilatura) → Clean
// (drop boilerplate lines and sentences; the rules are data, in
// rules/clean.toml) → Sentences (lines first, then an abbreviation-aware
// Punkt tokenizer) → rank (a flat lead-window position prior, directed
// centrality, SumBasic word frequency, title as a query, penalties) → MMR
// selection.
//
// Bad input is bounded, not refused: ReadArticle gives the extractor at
// most MaxPageBytes (a longer page loses scripts, styles and comments
// first), Summarize reads at most MaxSummarizeBytes and ranks at most 400
// sentences, and a "sentence" over 1,000 bytes comes back cut, marked "…".
// FuzzSummarize and FuzzReadArticle hold this (never a panic, an
// ErrNoArticle error or text within the caps).
//
// Rules: the only network I/O is FetchArticle, through a client the caller
// gives (feeds' guarded client); everything else works on bytes and text
// and is deterministic (same input, same summary). It imports feeds (for
// fetching and charset repair), model and config, nothing downstream. Text from feeds is
// untrusted: nothing here interprets markup beyond extracting text.
// Quality is measured against Lead-3 with ROUGE in summarize/evaluate.
//
// Speed: every new feed item is cleaned and summarized on the poll path,
// so the hot paths avoid work that does not change the result. A cleaning
// rule runs its regexp only when the line contains one of the literals the
// pattern requires (derived from the pattern when the rules load, found for
// all rules in one pass), and rules anchor once ('^(?:a|b)'). Punkt's
// per-token regexps are replaced by string code that tests hold equal to
// the library's. Words are split once per sentence. Language detection
// reads at most the first 2 KB, and text whose words are plainly English
// (about one in ten from a list of English-only function words) skips the
// detector (whatlanggo) altogether. BenchmarkSummarizeCost reports
// articles per second and the cost relative to splitting and stemming;
// BenchmarkClean and BenchmarkSentences measure the parts.
package summarize
