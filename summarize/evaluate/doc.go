// Package evaluate measures the summarizer and the article extractor on the
// public data sets in shared/eval-data (read by path at run time, never
// copied into the repository):
//
//   - cnndm-frank-250: CNN/DailyMail test articles; ROUGE-1/2/L F1 (ROUGE-1.5.5
//     rules, stemmed) of 3-sentence summaries against the highlights;
//   - bbc-news-summary: BBC articles with extractive references; ROUGE at the
//     reference's sentence count, and sentence-selection precision/recall;
//   - article-extraction-benchmark: shingle F1 of extracted text against the
//     gold article body, next to the stored outputs of other Go extractors,
//     and page by page against go-trafilatura's (cleaning must not lose what
//     the library found); 30 pages chosen by a fixed rule (SplitFrozen) are
//     held out of tuning and scored only as a whole.
//
// Every system is scored with the same scorer on the same documents, so the
// comparison with Lead-3 is within one run.
package evaluate
