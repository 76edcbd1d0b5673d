package summarize

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxJSONLLine caps one input line (an HTML page can be large).
const maxJSONLLine = 16 << 20

// maxSentences caps the requested summary length.
const maxSentences = 50

// jsonlRequest is one input line of RunJSONL.
type jsonlRequest struct {
	ID        json.RawMessage `json:"id"`
	Title     string          `json:"title"`
	Text      string          `json:"text"`
	HTML      string          `json:"html"`
	URL       string          `json:"url"`
	Sentences int             `json:"sentences"`
}

// jsonlResult is one output line of RunJSONL.
type jsonlResult struct {
	ID      json.RawMessage `json:"id,omitempty"`
	Line    int             `json:"line,omitempty"` // set on errors, 1-based
	Summary []string        `json:"summary,omitempty"`
	Error   string          `json:"error,omitempty"`
}

// RunJSONL summarizes one JSON object per input line:
//
//	{"id": ..., "title": "...", "text": "..." or "html": "...", "url": "...", "sentences": N}
//
// and writes one line per input line, in order:
//
//	{"id": ..., "summary": ["...", ...]}
//
// "html" is extracted first (falling back to "text" when extraction finds
// nothing); "sentences" defaults to defaultN. A bad line yields
// {"line": k, "error": "..."} (with its id when it had one) and processing
// goes on. Only reading or writing failures stop it.
func RunJSONL(r io.Reader, w io.Writer, defaultN int) error {
	return runLines(r, w, func(line []byte, tooLong bool, lineNo int) any {
		res := summarizeLine(line, tooLong, defaultN)
		if res.Error != "" {
			res.Line = lineNo
		}
		return res
	})
}

// extractResult is one output line of RunExtractJSONL.
type extractResult struct {
	ID    json.RawMessage `json:"id,omitempty"`
	Line  int             `json:"line,omitempty"` // set on errors, 1-based
	Text  string          `json:"text,omitempty"`
	Error string          `json:"error,omitempty"`
}

// RunExtractJSONL extracts the main text of one page per input line:
//
//	{"id": ..., "html": "...", "url": "..."}
//
// and writes one line per input line, in order:
//
//	{"id": ..., "text": "..."}
//
// with the text as ReadArticle gives it. A bad line, or a page with no
// article, yields {"id": ..., "line": k, "error": "..."} and processing
// goes on. Only reading or writing failures stop it.
func RunExtractJSONL(r io.Reader, w io.Writer) error {
	return runLines(r, w, func(line []byte, tooLong bool, lineNo int) any {
		res := extractLine(line, tooLong)
		if res.Error != "" {
			res.Line = lineNo
		}
		return res
	})
}

func extractLine(line []byte, tooLong bool) extractResult {
	if tooLong {
		return extractResult{Error: fmt.Sprintf("line longer than %d bytes", maxJSONLLine)}
	}
	var req jsonlRequest
	if err := json.Unmarshal(line, &req); err != nil {
		return extractResult{ID: lineID(line), Error: fmt.Sprintf("bad JSON: %v", err)}
	}
	res := extractResult{ID: req.ID}
	if strings.TrimSpace(req.HTML) == "" {
		res.Error = `no "html" to extract`
		return res
	}
	a, err := ReadArticle([]byte(req.HTML), "", req.URL)
	if err != nil {
		res.Error = err.Error()
		return res
	}
	res.Text = a.Text
	return res
}

// runLines calls handle for every non-empty input line (or line too long
// to hold), with its 1-based number, and writes the result as one JSON
// line.
func runLines(r io.Reader, w io.Writer, handle func(line []byte, tooLong bool, lineNo int) any) error {
	br := bufio.NewReaderSize(r, 64<<10)
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for lineNo := 1; ; lineNo++ {
		line, tooLong, err := readLine(br)
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("read line %d: %w", lineNo, err)
		}
		if strings.TrimSpace(string(line)) != "" || tooLong {
			if werr := enc.Encode(handle(line, tooLong, lineNo)); werr != nil {
				return fmt.Errorf("write result %d: %w", lineNo, werr)
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write results: %w", err)
	}
	return nil
}

// lineID is the "id" of a line that is not a valid request, if it has one,
// so that a result can be matched to its input.
func lineID(line []byte) json.RawMessage {
	var idOnly struct {
		ID json.RawMessage `json:"id"`
	}
	_ = json.Unmarshal(line, &idOnly)
	return idOnly.ID
}

// readLine reads one line; a line longer than maxJSONLLine is consumed and
// reported as too long rather than held in memory.
func readLine(br *bufio.Reader) (line []byte, tooLong bool, err error) {
	for {
		chunk, isPrefix, err := br.ReadLine()
		if !tooLong {
			line = append(line, chunk...)
			if len(line) > maxJSONLLine {
				tooLong, line = true, nil
			}
		}
		if err != nil || !isPrefix {
			return line, tooLong, err
		}
	}
}

func summarizeLine(line []byte, tooLong bool, defaultN int) jsonlResult {
	if tooLong {
		return jsonlResult{Error: fmt.Sprintf("line longer than %d bytes", maxJSONLLine)}
	}
	var req jsonlRequest
	if err := json.Unmarshal(line, &req); err != nil {
		// Keep the id when only another field was wrong.
		return jsonlResult{ID: lineID(line), Error: fmt.Sprintf("bad JSON: %v", err)}
	}
	res := jsonlResult{ID: req.ID}
	n := req.Sentences
	if n == 0 {
		n = defaultN
	}
	if n < 1 || n > maxSentences {
		res.Error = fmt.Sprintf("sentences must be between 1 and %d, got %d", maxSentences, n)
		return res
	}
	text := req.Text
	if req.HTML != "" {
		extracted, err := Extract([]byte(req.HTML), req.URL)
		switch {
		case err == nil:
			text = extracted
		case text == "":
			res.Error = err.Error()
			return res
		}
	}
	if strings.TrimSpace(text) == "" {
		res.Error = `no "text" or "html" to summarize`
		return res
	}
	res.Summary = Summarize(req.Title, text, n)
	if len(res.Summary) == 0 {
		res.Error = "no sentences left after cleaning"
	}
	return res
}
