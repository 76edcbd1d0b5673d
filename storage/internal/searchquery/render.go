package searchquery

import "strings"

// FTS5 renders q as an SQLite FTS5 MATCH expression. Every word is a quoted
// string, so nothing the user typed is read as FTS5 syntax.
func (q Query) FTS5() string {
	if q.Empty() {
		return ""
	}
	return q.fts5Must() + q.fts5Not()
}

// FTS5Column renders the positive part of q restricted to one column, to
// tell where the words occur in rows that match the whole query.
func (q Query) FTS5Column(column string) string {
	if q.Empty() {
		return ""
	}
	return "{" + column + "} : " + q.fts5Must()
}

func (q Query) fts5Must() string {
	var b strings.Builder
	b.WriteString("(")
	for i, group := range q.Must {
		if i > 0 {
			b.WriteString(" AND ")
		}
		b.WriteString("(")
		for j, t := range group {
			if j > 0 {
				b.WriteString(" OR ")
			}
			b.WriteString(fts5Term(t))
		}
		b.WriteString(")")
	}
	b.WriteString(")")
	return b.String()
}

func (q Query) fts5Not() string {
	var b strings.Builder
	for _, t := range q.Not {
		b.WriteString(" NOT ")
		b.WriteString(fts5Term(t))
	}
	return b.String()
}

func fts5Term(t Term) string {
	s := `"` + strings.ReplaceAll(strings.Join(t.Words, " "), `"`, `""`) + `"`
	if t.Prefix {
		s += "*"
	}
	return s
}

// TSQuery renders q as a PostgreSQL to_tsquery input. Every word is a quoted
// lexeme, so nothing the user typed is read as tsquery syntax; to_tsquery
// still applies the text search configuration (stemming, stop words).
func (q Query) TSQuery() string {
	if q.Empty() {
		return ""
	}
	var parts []string
	for _, group := range q.Must {
		alts := make([]string, len(group))
		for j, t := range group {
			alts[j] = tsTerm(t)
		}
		parts = append(parts, "("+strings.Join(alts, " | ")+")")
	}
	for _, t := range q.Not {
		parts = append(parts, "!"+tsTerm(t))
	}
	return strings.Join(parts, " & ")
}

func tsTerm(t Term) string {
	lexemes := make([]string, len(t.Words))
	for i, w := range t.Words {
		w = strings.ReplaceAll(w, `\`, `\\`)
		lexemes[i] = "'" + strings.ReplaceAll(w, "'", "''") + "'"
	}
	if t.Prefix {
		lexemes[len(lexemes)-1] += ":*"
	}
	return "(" + strings.Join(lexemes, " <-> ") + ")"
}
