package bot

import (
	"fmt"
	"unicode/utf8"

	"wirewatch/model"
)

// foldReserve keeps room in a fold page for the marker the sink adds to
// the last footer.
const foldReserve = 120

// foldTitleRunes are the lengths a fold page tries for its items' titles,
// longest first, until the page fits; 0 leaves the bare links.
var foldTitleRunes = []int{120, 80, 50, 30, 15, 0}

// renderFold renders one page of a fold: "37 more items from FEED matched
// RULE", then each item's title linked to its article, one a line, in the
// rule's colour and without any ping. Titles are shortened as far as the
// page needs to fit Discord's 6,000 characters of embeds; links are kept
// whole, so every folded item stays one click away.
func renderFold(f model.Fold) Message {
	n := len(f.Items)
	title := Truncate(Markdown(fmt.Sprintf("%d more %s from %s matched %s",
		n, noun(n, "item", "items"), oneLine(f.Feed), oneLine(f.Rule))), limitTitle)
	footer := "flood control: over the alert cap, listed instead of alerted"
	if f.Pages > 1 {
		footer = fmt.Sprintf("page %d of %d, %d items in all · %s", f.Page, f.Pages, f.Total, footer)
	}
	budget := limitEmbedsTotal - utf8.RuneCountInString(title) - utf8.RuneCountInString(footer) - foldReserve
	var lines []string
	for _, keep := range foldTitleRunes {
		lines = foldLines(f.Items, keep)
		if linesLength(lines) <= budget {
			break
		}
	}
	embeds := []Embed{{Title: title, Color: severityColor[f.Severity]}}
	for _, line := range lines {
		last := &embeds[len(embeds)-1]
		if utf8.RuneCountInString(last.Description)+utf8.RuneCountInString(line)+1 > limitDescription && len(embeds) < limitEmbeds {
			embeds = append(embeds, Embed{Color: severityColor[f.Severity]})
			last = &embeds[len(embeds)-1]
		}
		if last.Description != "" {
			last.Description += "\n"
		}
		last.Description += line
	}
	embeds[len(embeds)-1].Footer = footer
	return Message{Embeds: fitEmbeds(embeds)}
}

// foldLines lists items, one a line: the title cut to titleRunes and linked
// to the article, the bare link when titleRunes is 0, the title alone when
// the link is not safe to show.
func foldLines(items []model.FoldItem, titleRunes int) []string {
	lines := make([]string, 0, len(items))
	for _, it := range items {
		title := oneLine(it.Title)
		if title == "" {
			title = "(untitled)"
		}
		link := SafeURL(it.Link)
		switch {
		case link == "":
			lines = append(lines, "• "+Markdown(Truncate(title, max(titleRunes, 15))))
		case titleRunes == 0:
			lines = append(lines, "• <"+link+">")
		default:
			lines = append(lines, "• "+maskedLink(Markdown(Truncate(title, titleRunes)), link))
		}
	}
	return lines
}

func linesLength(lines []string) int {
	n := 0
	for _, l := range lines {
		n += utf8.RuneCountInString(l) + 1
	}
	return n
}
