package rules

import (
	"fmt"
	"strings"

	"wirewatch/model"
)

// Explanation says why one rule did or did not match an item: the terms
// that made it match or, when it did not, the clauses that were missing
// and the NOT clauses that vetoed it.
type Explanation struct {
	Rule     string
	Severity model.Severity
	Matched  bool
	Terms    []string // the terms of a match, as Match reports them
	Missing  []string // clauses a failed match needed and did not find
	Vetoed   []string // NOT clauses whose terms the item holds
}

// maxClauses bounds the clauses listed per rule, and maxClauseRunes the
// text of each, so that an explanation of a long query stays readable.
const (
	maxClauses     = 10
	maxClauseRunes = 120
)

// Explain returns, for every rule in config order, whether the item
// matches it and the terms or clauses that decided. It evaluates every
// rule's whole query, without the index's shortcuts, so it is slower than
// Match; it is meant for one item at a time (wirewatch why).
func (e *Engine) Explain(it model.Item) []Explanation {
	s := e.getScratch()
	defer e.pool.Put(s)
	s.d.tokenize(itemFields(it))
	e.index(s)
	clear(s.cands) // the index's candidates are not used here
	out := make([]Explanation, 0, len(e.targets)-e.nTopics)
	for id := e.nTopics; id < len(e.targets); id++ {
		t := &e.targets[id]
		x := Explanation{Rule: t.name, Severity: t.severity, Matched: e.eval(t.root, s)}
		if x.Matched {
			s.terms = s.terms[:0]
			e.addTerms(t, s)
			x.Terms = append([]string(nil), s.terms...)
		} else {
			e.why(t.root, s, &x)
		}
		out = append(out, x)
	}
	return out
}

// why records why n, which did not match, failed: an AND fails by each of
// its failing operands, a NOT by the terms of its operand, anything else
// (a term, OR or NEAR) is a missing clause as a whole.
func (e *Engine) why(n *node, s *scratch, x *Explanation) {
	switch n.kind {
	case nodeAnd:
		for _, k := range n.kids {
			if !e.eval(k, s) {
				e.why(k, s, x)
			}
		}
	case nodeNot:
		if len(x.Vetoed) < maxClauses {
			x.Vetoed = append(x.Vetoed, e.found(n.kids[0], s))
		}
	default:
		if len(x.Missing) < maxClauses {
			x.Missing = append(x.Missing, e.clause(n))
		}
	}
}

// found describes what the item holds of a NOT's operand: the terms it
// found, else the clause itself.
func (e *Engine) found(n *node, s *scratch) string {
	var terms []string
	for _, id := range termLeaves(n, nil) {
		if t := e.term(id, s); t != "" && len(terms) < maxTerms {
			terms = append(terms, t)
		}
	}
	if len(terms) == 0 {
		return e.clause(n)
	}
	return capRunes(strings.Join(terms, ", "), maxClauseRunes)
}

// clause writes n back as query text, capped.
func (e *Engine) clause(n *node) string {
	var b strings.Builder
	e.writeClause(&b, n, false)
	return capRunes(b.String(), maxClauseRunes)
}

func (e *Engine) writeClause(b *strings.Builder, n *node, nested bool) {
	if b.Len() > 4*maxClauseRunes {
		return // capped anyway
	}
	switch n.kind {
	case nodeLeaf:
		l := &e.leaves[n.leaf]
		for name, f := range fieldNames { // a field scope: one field
			if l.mask == 1<<f {
				b.WriteString(name + ":")
			}
		}
		if l.re == nil && strings.Contains(l.label, " ") {
			b.WriteString(`"` + l.label + `"`)
		} else {
			b.WriteString(l.label)
		}
	case nodeAnd, nodeOr:
		if nested {
			b.WriteByte('(')
		}
		for i, k := range n.kids {
			if i > 0 {
				b.WriteString(" " + operatorNames[n.kind] + " ")
			}
			e.writeClause(b, k, true)
		}
		if nested {
			b.WriteByte(')')
		}
	case nodeNot:
		b.WriteString("NOT ")
		e.writeClause(b, n.kids[0], true)
	case nodeNear:
		e.writeClause(b, n.kids[0], true)
		fmt.Fprintf(b, " NEAR/%d ", n.dist)
		e.writeClause(b, n.kids[1], true)
	default:
		b.WriteString("(a term that matches nothing)")
	}
}
