package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"wirewatch/words"
)

// Limits on one query, so that a typo or a hostile config cannot make
// matching slow.
const (
	MaxQueryBytes = 4096 // length of a rule's query
	MaxDepth      = 32   // nesting of parentheses, NOT and field scopes
	MaxTerms      = 200  // words, phrases, regexes and topic references
	MaxNear       = 100  // largest NEAR/N distance
	minPrefix     = 2    // letters before a '*'
)

type nodeKind uint8

const (
	nodeLeaf nodeKind = iota
	nodeAnd
	nodeOr
	nodeNot
	nodeNear
	nodeNever // stands in for a term that had an error
)

// operatorNames are the operators' names in queries.
var operatorNames = map[nodeKind]string{nodeAnd: "AND", nodeOr: "OR", nodeNot: "NOT"}

// node is one operator or term of a compiled query.
type node struct {
	kind nodeKind
	kids []*node
	dist int   // NEAR distance
	leaf int32 // index into Engine.leaves for nodeLeaf
	off  int   // byte offset in the query, for messages
}

// qtok is one token of a word or phrase; prefix means it ends in '*'.
type qtok struct {
	text   string
	prefix bool
	id     int32 // its id in the index's table of words or prefixes
}

// kind is the kind of index key q is: a word or, with its '*', a prefix.
func (q qtok) kind() keyKind {
	if q.prefix {
		return keyPrefix
	}
	return keyWord
}

// key is q as an index key in the fields of mask.
func (q qtok) key(mask fieldMask) key { return key{id: q.id, kind: q.kind(), mask: mask} }

// leaf is a term that looks at the item itself. Identical leaves of
// different rules are shared, so each is evaluated once per item.
type leaf struct {
	toks  []qtok         // a word or phrase: consecutive tokens
	re    *regexp.Regexp // else a regex
	lits  []string       // literals one of which every regex match contains (see regexLiterals)
	mask  fieldMask
	label string
	topic bool // an alias of a topic (for the choice of index keys only)

	anchor int // the first whole word, else the first token (see scratch.anchor)

	// A regex whose every match starts with one of a few literals is run
	// only where they occur (see Engine.matchRegexAt).
	leading   []int32        // ids of those literals in the index
	leadingRE *regexp.Regexp // finds them, as (?i) does
	atStart   *regexp.Regexp // the regex anchored at the start of the text
	afterRune *regexp.Regexp // the regex anchored after one rune of context
}

// key identifies l among the leaves of a config, for sharing.
func (l *leaf) key() string {
	if l.re != nil {
		return fmt.Sprintf("%d/%s", l.mask, l.re)
	}
	return fmt.Sprintf("%d%v", l.mask, l.toks) // [{text prefix id}...]
}

// queryError is a mistake at a byte offset of a query.
type queryError struct {
	off int
	msg string
}

type lexKind uint8

const (
	lexEOF lexKind = iota
	lexLParen
	lexRParen
	lexAnd
	lexOr
	lexNot
	lexNear
	lexField
	lexWord
	lexPhrase
	lexRegex
)

// lexeme is one token of the query language.
type lexeme struct {
	kind lexKind
	text string // word, phrase content, regex pattern, field name
	num  int    // NEAR distance
	off  int    // byte offset of its first character
	end  int    // byte offset after it
}

func (l lexeme) describe(q string) string {
	switch l.kind {
	case lexEOF:
		return "end of query"
	case lexPhrase:
		return "phrase " + strconv.Quote(l.text)
	}
	return strconv.Quote(q[l.off:l.end])
}

// lex splits a query into lexemes; it stops at the first error.
func lex(q string) ([]lexeme, *queryError) {
	var out []lexeme
	afterField := false
	i := 0
	for {
		if afterField && i < len(q) && isSpace(q[i]) {
			return nil, &queryError{i, fmt.Sprintf("expected a term right after %q, found a space", out[len(out)-1].text+":")}
		}
		for i < len(q) && isSpace(q[i]) {
			i++
		}
		if i >= len(q) {
			out = append(out, lexeme{kind: lexEOF, off: len(q), end: len(q)})
			return out, nil
		}
		wasField := afterField
		afterField = false
		c := q[i]
		switch {
		case c == '(':
			out = append(out, lexeme{kind: lexLParen, off: i, end: i + 1})
			i++
		case c == ')':
			out = append(out, lexeme{kind: lexRParen, off: i, end: i + 1})
			i++
		case c == '"' || strings.HasPrefix(q[i:], "“"):
			body := i + len(nextRune(q[i:]))
			j := strings.IndexAny(q[body:], "\"”")
			if j < 0 {
				return nil, &queryError{i, "unterminated phrase: expected a closing '\"'"}
			}
			j += body
			end := j + len(nextRune(q[j:]))
			out = append(out, lexeme{kind: lexPhrase, text: q[body:j], off: i, end: end})
			i = end
		case c == '/':
			j := i + 1
			for ; j < len(q) && q[j] != '/'; j++ {
				if q[j] == '\\' && j+1 < len(q) && q[j+1] == '/' {
					j++ // an escaped '/' is part of the regex
				}
			}
			if j == len(q) {
				return nil, &queryError{i, "unterminated regex: expected a closing '/'"}
			}
			j++
			if j < len(q) && !isSpace(q[j]) && q[j] != '(' && q[j] != ')' {
				return nil, &queryError{j, fmt.Sprintf("expected a space or ')' after the regex, found %q", nextRune(q[j:]))}
			}
			out = append(out, lexeme{kind: lexRegex, text: strings.ReplaceAll(q[i+1:j-1], `\/`, "/"), off: i, end: j})
			i = j
		default:
			j := i
			for j < len(q) && !isSpace(q[j]) && q[j] != '(' && q[j] != ')' && q[j] != '"' &&
				!strings.HasPrefix(q[j:], "“") {
				j++
			}
			w := q[i:j]
			k := strings.IndexByte(w, ':')
			// After a scope only "topic:" and the field names start
			// another scope, so that link:https://... stays a word.
			if k > 0 && isIdent(w[:k]) && (!wasField || isScopeName(w[:k])) {
				out = append(out, lexeme{kind: lexField, text: w[:k], off: i, end: i + k + 1})
				i += k + 1
				afterField = true
				if i >= len(q) {
					return nil, &queryError{i, fmt.Sprintf("expected a term after %q, found end of query", w[:k+1])}
				}
				continue
			}
			lx := lexeme{kind: lexWord, text: w, off: i, end: j}
			if !wasField { // right after a scope, "and" is a word
				var err *queryError
				if lx, err = lexOperator(lx); err != nil {
					return nil, err
				}
			}
			out = append(out, lx)
			i = j
		}
	}
}

// operators are AND, OR and NOT, in upper case.
var operators = map[string]lexKind{"AND": lexAnd, "&&": lexAnd, "OR": lexOr, "||": lexOr, "NOT": lexNot}

// lexOperator turns the word lx into AND, OR, NOT (any case) or NEAR/N
// when it is one.
func lexOperator(lx lexeme) (lexeme, *queryError) {
	w, off := lx.text, lx.off
	if k, ok := operators[strings.ToUpper(w)]; ok {
		lx.kind = k
		return lx, nil
	}
	if w == "NEAR" {
		return lx, &queryError{off, "expected a distance after NEAR, e.g. NEAR/5"}
	}
	if len(w) >= 5 && strings.EqualFold(w[:5], "near/") {
		n, err := strconv.Atoi(w[5:])
		if err != nil || n < 0 || strings.HasPrefix(w[5:], "+") {
			return lx, &queryError{off + 5, fmt.Sprintf("expected a number after %q, e.g. NEAR/5, found %q", w[:5], w[5:])}
		}
		if n > MaxNear {
			return lx, &queryError{off + 5, fmt.Sprintf("NEAR distance %d is too large: at most %d", n, MaxNear)}
		}
		lx.kind, lx.num = lexNear, n
	}
	return lx, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// isScopeName reports whether s names a field or is "topic", any case.
func isScopeName(s string) bool {
	_, ok := fieldNames[strings.ToLower(s)]
	return ok || strings.EqualFold(s, "topic")
}

func isIdent(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') })
}

func nextRune(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	return s[:n]
}

// parseAbort unwinds the parser after a syntax error.
type parseAbort struct{}

// parser turns lexemes into a tree. Syntax errors stop it; errors in a
// single term (unknown topic, bad regex) are recorded and parsing goes on,
// so one run reports as much as it can.
type parser struct {
	q     string
	lx    []lexeme
	i     int
	depth int
	terms int
	mask  fieldMask // of the field scope in force, else defaultMask
	errs  []queryError
	c     *compiler
}

func (p *parser) peek() lexeme { return p.lx[p.i] }

func (p *parser) next() lexeme {
	l := p.lx[p.i]
	if l.kind != lexEOF {
		p.i++
	}
	return l
}

func (p *parser) fail(off int, format string, args ...any) {
	p.note(off, format, args...)
	panic(parseAbort{})
}

func (p *parser) note(off int, format string, args ...any) {
	p.errs = append(p.errs, queryError{off, fmt.Sprintf(format, args...)})
}

func (p *parser) enter(off int) {
	p.depth++
	if p.depth > MaxDepth {
		p.fail(off, "query nests too deeply: at most %d levels of parentheses, NOT and field scopes", MaxDepth)
	}
}

// parseQuery parses a whole query.
func (c *compiler) parseQuery(q string) (root *node, errs []queryError) {
	if len(q) > MaxQueryBytes {
		return nil, []queryError{{0, fmt.Sprintf("query is %d bytes long: the limit is %d", len(q), MaxQueryBytes)}}
	}
	lx, lerr := lex(q)
	if lerr != nil {
		return nil, []queryError{*lerr}
	}
	p := &parser{q: q, lx: lx, mask: defaultMask, c: c}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(parseAbort); !ok {
				panic(r)
			}
			root, errs = nil, p.errs
		}
	}()
	if p.peek().kind == lexEOF {
		p.fail(0, "empty query: expected a word, phrase, regex or topic")
	}
	root = p.parseOr()
	if l := p.peek(); l.kind != lexEOF {
		if l.kind == lexRParen {
			p.fail(l.off, "unexpected ')' without a matching '('")
		}
		p.fail(l.off, "expected AND, OR or end of query, found %s", l.describe(q))
	}
	if len(p.errs) > 0 {
		return nil, p.errs
	}
	return root, nil
}

func startsTerm(k lexKind) bool {
	return k == lexLParen || k == lexNot || k == lexField || k == lexWord || k == lexPhrase || k == lexRegex
}

func (p *parser) parseOr() *node {
	left := p.parseAnd()
	for p.peek().kind == lexOr {
		op := p.next()
		p.expectTerm(op)
		left = join(nodeOr, left, p.parseAnd(), op.off)
	}
	return left
}

func (p *parser) parseAnd() *node {
	left := p.parseUnary()
	for {
		l := p.peek()
		if l.kind == lexAnd {
			p.next()
			p.expectTerm(l)
		} else if !startsTerm(l.kind) {
			return left
		}
		left = join(nodeAnd, left, p.parseUnary(), l.off)
	}
}

// expectTerm checks that a term follows the operator op.
func (p *parser) expectTerm(op lexeme) {
	if l := p.peek(); !startsTerm(l.kind) {
		p.fail(l.off, "expected a term after %s, found %s", p.q[op.off:op.end], l.describe(p.q))
	}
}

func join(k nodeKind, a, b *node, off int) *node {
	if a.kind == k {
		a.kids = append(a.kids, b)
		return a
	}
	return &node{kind: k, kids: []*node{a, b}, off: off}
}

func (p *parser) parseUnary() *node {
	if l := p.peek(); l.kind == lexNot {
		p.next()
		p.expectTerm(l)
		p.enter(l.off)
		kid := p.parseUnary()
		p.depth--
		return &node{kind: nodeNot, kids: []*node{kid}, off: l.off}
	}
	return p.parseNear()
}

func (p *parser) parseNear() *node {
	left := p.parsePrimary()
	for p.peek().kind == lexNear {
		op := p.next()
		if l := p.peek(); !startsTerm(l.kind) || l.kind == lexNot {
			p.fail(l.off, "expected a term after %s, found %s (NEAR operands cannot be negated)", p.q[op.off:op.end], l.describe(p.q))
		}
		right := p.parsePrimary()
		p.checkNearOperand(left)
		p.checkNearOperand(right)
		left = &node{kind: nodeNear, kids: []*node{left, right}, dist: op.num, off: op.off}
	}
	return left
}

// checkNearOperand allows only terms, OR groups and NEAR inside NEAR: an
// AND or NOT has no single place in the text to measure from.
func (p *parser) checkNearOperand(n *node) {
	switch n.kind {
	case nodeAnd, nodeNot:
		p.note(n.off, "NEAR operands must be words, phrases, regexes, topics, OR groups or NEAR: found %s", operatorNames[n.kind])
	case nodeOr:
		for _, k := range n.kids {
			p.checkNearOperand(k)
		}
	}
}

func (p *parser) parsePrimary() *node {
	l := p.next()
	switch l.kind {
	case lexLParen:
		p.enter(l.off)
		if p.peek().kind == lexRParen {
			p.fail(p.peek().off, "expected a term after '(', found ')'")
		}
		n := p.parseOr()
		if r := p.peek(); r.kind != lexRParen {
			p.fail(r.off, "expected ')' to close the '(' at column %d, found %s", utf8.RuneCountInString(p.q[:l.off])+1, r.describe(p.q))
		}
		p.next()
		p.depth--
		return n
	case lexField:
		return p.parseScoped(l)
	case lexWord:
		return p.wordLeaf(l)
	case lexPhrase:
		return p.tokensLeaf(l)
	case lexRegex:
		return p.regexLeaf(l)
	case lexRParen:
		p.fail(l.off, "unexpected ')': expected a word, phrase, regex or '('")
	case lexEOF:
		p.fail(l.off, "unexpected end of query: expected a word, phrase, regex or '('")
	}
	p.fail(l.off, "expected a word, phrase, regex or '(', found %s", l.describe(p.q))
	return nil
}

func (p *parser) parseScoped(l lexeme) *node {
	name := strings.ToLower(l.text)
	if name == "topic" {
		v := p.next()
		if v.kind != lexWord {
			p.fail(v.off, "expected a topic name after \"topic:\", found %s", v.describe(p.q))
		}
		p.countTerm(v.off)
		t, ok := p.c.topics[strings.ToLower(v.text)]
		if !ok {
			p.note(v.off, "unknown topic %q%s", v.text, p.c.suggestTopic(v.text))
			return &node{kind: nodeNever, off: v.off}
		}
		return p.c.topicNode(t, p.mask, v.off)
	}
	f, ok := fieldNames[name]
	if !ok {
		p.note(l.off, "unknown field %q: expected one of title, text, summary, feed, link, author, category or topic", l.text)
		p.parsePrimary()
		return &node{kind: nodeNever, off: l.off}
	}
	if p.mask != defaultMask {
		p.note(l.off, "field scope %q inside another field scope", l.text+":")
	}
	p.enter(l.off)
	saved := p.mask
	p.mask = 1 << f
	n := p.parsePrimary()
	p.mask = saved
	p.depth--
	return n
}

func (p *parser) countTerm(off int) {
	p.terms++
	if p.terms > MaxTerms {
		p.fail(off, "too many terms: a rule may have at most %d words, phrases, regexes and topics", MaxTerms)
	}
}

// wordLeaf turns a bare word into a one-token term or, when the word holds
// punctuation (Jong-un, U.S., Hwasong-19), into a phrase of its tokens.
func (p *parser) wordLeaf(l lexeme) *node {
	p.countTerm(l.off)
	w := l.text
	if strings.IndexByte("-+!", w[0]) >= 0 && len(w) > 1 && w != "--" && w != "++" {
		p.note(l.off, "%q is not an operator here: write NOT %s to exclude a word", w[:1], w[1:])
		return &node{kind: nodeNever, off: l.off}
	}
	if i := strings.IndexByte(w, '*'); i >= 0 && i != len(w)-1 {
		p.note(l.off+i, "wildcard '*' is only allowed at the end of a word, in %q", w)
		return &node{kind: nodeNever, off: l.off}
	}
	return p.tokensLeaf(l)
}

// tokensLeaf tokenizes a word or phrase the way item text is tokenized; a
// '*' right after a token makes it a prefix.
func (p *parser) tokensLeaf(l lexeme) *node {
	base, label := l.off, strings.TrimSpace(l.text)
	if l.kind == lexPhrase {
		p.countTerm(l.off)
		base = l.off + len(nextRune(p.q[l.off:])) // after the opening quote
		label = strings.Join(strings.Fields(label), " ")
	}
	toks, qe := queryTokens(l.text, base)
	if qe != nil {
		p.errs = append(p.errs, *qe)
		return &node{kind: nodeNever, off: l.off}
	}
	return p.c.leafNode(&leaf{toks: toks, mask: p.mask, label: label}, l.off)
}

// operatorHints name the operator meant by a term of punctuation alone.
var operatorHints = map[string]string{"&": ": use AND", "&&": ": use AND", "|": ": use OR", "||": ": use OR", "!": ": use NOT", "-": ": use NOT"}

// queryTokens tokenizes a word, phrase or topic alias.
func queryTokens(s string, base int) ([]qtok, *queryError) {
	var toks []qtok
	var qe *queryError
	words.Spans(s, func(start, end int) {
		t := qtok{text: words.Fold(s[start:end])}
		if t.text == "" {
			return // combining marks alone: folding removes them
		}
		if end < len(s) && s[end] == '*' {
			t.prefix = true
			if utf8.RuneCountInString(t.text) < minPrefix && qe == nil {
				qe = &queryError{base + start, fmt.Sprintf("wildcard prefix %q is too short: at least %d letters before '*'", s[start:end+1], minPrefix)}
			}
		} else if isHangul(t.text) && utf8.RuneCountInString(t.text) >= minPrefix {
			t.prefix = true // Korean particles attach to the noun: 북한 matches 북한이, 북한의
		}
		toks = append(toks, t)
	})
	// A short prefix after a whole word (Hwasong-1*) is anchored by that word.
	if qe != nil && !slices.ContainsFunc(toks, func(t qtok) bool { return !t.prefix }) {
		return nil, qe
	}
	if len(toks) == 0 {
		return nil, &queryError{base, fmt.Sprintf("%q has no letters or digits to match", s) + operatorHints[strings.TrimSpace(s)]}
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '*' && (i == 0 || !endsWord(s[:i])) {
			return nil, &queryError{base + i, "wildcard '*' must follow a letter or digit"}
		}
	}
	return toks, nil
}

func endsWord(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return words.IsWordRune(r)
}

func (p *parser) regexLeaf(l lexeme) *node {
	p.countTerm(l.off)
	if l.text == "" {
		p.note(l.off, "empty regex //")
		return &node{kind: nodeNever, off: l.off}
	}
	re, err := regexp.Compile(l.text) // for messages that quote the regex as written
	if err == nil {
		re, err = regexp.Compile("(?i)" + l.text)
	}
	if err != nil {
		p.note(l.off, "invalid regex /%s/: %s", l.text, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
		return &node{kind: nodeNever, off: l.off}
	}
	if re.MatchString("") {
		p.note(l.off, "regex /%s/ matches empty text, so it would match every item", l.text)
		return &node{kind: nodeNever, off: l.off}
	}
	return p.c.leafNode(&leaf{re: re, lits: regexLiterals(re.String()), mask: p.mask, label: "/" + l.text + "/"}, l.off)
}
