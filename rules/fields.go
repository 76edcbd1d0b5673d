package rules

// The searchable fields of an item, in one place: a new field scope is a
// constant, its name and its text below (and a line in GRAMMAR.md).

import (
	"strings"

	"wirewatch/model"
)

// field is one searchable part of an item.
type field uint8

const (
	fieldTitle field = iota
	fieldText
	fieldSummary
	fieldFeed
	fieldLink
	fieldAuthor
	fieldCategory
	numFields
)

// fieldMask is a set of fields.
type fieldMask uint8

// defaultMask is where unscoped terms and topics look.
const defaultMask = fieldMask(1<<fieldTitle | 1<<fieldText | 1<<fieldSummary)

var fieldNames = map[string]field{
	"title":    fieldTitle,
	"text":     fieldText,
	"summary":  fieldSummary,
	"feed":     fieldFeed,
	"link":     fieldLink,
	"author":   fieldAuthor,
	"category": fieldCategory,
}

func (m fieldMask) has(f field) bool { return m&(1<<f) != 0 }

// itemFields lays out the searchable fields of an item.
func itemFields(it model.Item) [numFields]string {
	return [numFields]string{
		fieldTitle:    it.Title,
		fieldText:     it.Text,
		fieldSummary:  strings.Join(it.Summary, "\n"),
		fieldFeed:     it.Feed,
		fieldLink:     it.Link,
		fieldAuthor:   it.Author,
		fieldCategory: strings.Join(it.Categories, "\n"),
	}
}
