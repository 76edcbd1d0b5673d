package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"wirewatch/feeds"
	"wirewatch/summarize"
	"wirewatch/summarize/evaluate"
)

func init() {
	registerCommand("summarize", command{
		summary:  "extractive summary of text or HTML (a file, a URL or standard input)",
		args:     "[FILE|URL|-]",
		examples: []string{"summarize article.txt", "summarize -n 2 https://example.org/news/1", `summarize --jsonl < batch.jsonl`},
		run:      runSummarize,
	})
	registerCommand("extract", command{
		summary:  "main text of an article page (a file, a URL or standard input)",
		args:     "[FILE|URL|-]",
		examples: []string{"extract page.html", "extract https://example.org/news/1", "extract --jsonl < pages.jsonl"},
		run:      runExtract,
	})
	registerCommand("eval", command{
		summary:  "score summaries and extraction on public data sets",
		examples: []string{"eval", "eval --bbc 200 --extraction=false"},
		run:      runEval,
	})
}

// maxInput caps what summarize and extract read, like a feed body.
const maxInput = 10 << 20

func runSummarize(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("summarize", out)
	n := intFlag(fs, "n", 3, 1, 50, "sentences in the summary (1 to 50)")
	title := fs.String("title", "", "the article's title (helps ranking)")
	jsonl := fs.Bool("jsonl", false, `batch mode: read {"id","title","text"|"html","sentences"} lines, write {"id","summary"} lines`)
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return fmt.Errorf("%w: one input at a time (FILE, URL or -)", errUsage)
	}
	src := ""
	if len(pos) == 1 {
		src = pos[0]
	}
	if *jsonl {
		in, closeIn, err := openInput(src)
		if err != nil {
			return err
		}
		defer closeIn()
		return summarize.RunJSONL(in, out, *n)
	}
	text, err := inputText(ctx, src)
	if err != nil {
		return err
	}
	for _, s := range summarize.Summarize(*title, text, *n) {
		fmt.Fprintln(out, s)
	}
	return nil
}

func runExtract(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("extract", out)
	jsonl := fs.Bool("jsonl", false, `batch mode: read {"id","html","url"} lines, write {"id","text"} lines`)
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return fmt.Errorf("%w: one input at a time (FILE, URL or -)", errUsage)
	}
	if *jsonl {
		in, closeIn, err := openInput(strings.Join(pos, ""))
		if err != nil {
			return err
		}
		defer closeIn()
		return summarize.RunExtractJSONL(in, out)
	}
	text, err := inputText(ctx, strings.Join(pos, ""))
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(out, text)
	return err
}

func runEval(_ context.Context, args []string, out io.Writer) error {
	fs := newFlags("eval", out)
	dir := fs.String("data", "../shared/eval-data", "folder of the evaluation data sets")
	bbc := intFlag(fs, "bbc", 0, 0, 1_000_000, "BBC articles to score (0: all 1,537)")
	extraction := fs.Bool("extraction", true, "also score article extraction (about 10 s)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	return evaluate.Evaluate(out, *dir, evaluate.Options{BBCSample: *bbc, Extraction: *extraction})
}

// inputText reads a file, stdin or an http(s) URL (through the guarded
// client: no private addresses); a web page is reduced to its main text.
func inputText(ctx context.Context, src string) (string, error) {
	if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
		ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		a, err := summarize.FetchArticle(ctx, feeds.NewHTTPClient(feeds.Options{}, false), src, maxInput)
		return a.Text, err
	}
	in, closeIn, err := openInput(src)
	if err != nil {
		return "", err
	}
	defer closeIn()
	raw, err := io.ReadAll(io.LimitReader(in, maxInput+1))
	if err != nil {
		return "", fmt.Errorf("read %s: %w", src, err)
	}
	if len(raw) > maxInput {
		return "", fmt.Errorf("read %s: larger than %d bytes", src, maxInput)
	}
	if strings.Contains(http.DetectContentType(raw), "html") {
		a, err := summarize.ReadArticle(raw, "", "")
		return a.Text, err
	}
	return summarize.Clean(feeds.PlainParagraphs(string(raw), feeds.MaxTextBytes)), nil
}

// openInput opens a file, or stdin for "" and "-".
func openInput(src string) (io.Reader, func(), error) {
	if src == "" || src == "-" {
		return os.Stdin, func() {}, nil
	}
	f, err := os.Open(src)
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}
