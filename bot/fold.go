package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"wirewatch/lookup"
	"wirewatch/model"
)

// A flood's fold is one message: how many items of a feed matched a rule
// over the alert cap, its newest few linked, and Previous/Next buttons
// that page through every item it folded (read back from storage by the
// button's handler, so they work after a restart too). Page 0 is that
// cover; pages 1 to n list the items oldest first.

// foldReserve keeps room in a fold message for the marker the sink adds to
// the last footer.
const foldReserve = 120

// foldRecent is how many of its newest items a fold's cover links.
const foldRecent = 10

// A fold's page holds at most foldPage items and about foldPageChars
// characters of titles (counted up to foldTitleChars each) and links:
// about what one Discord message shows with every link whole.
const (
	foldPage       = 50
	foldPageChars  = 4000
	foldTitleChars = 60
)

// maxFoldPage bounds a button's page number: 5,000,000 folded items.
const maxFoldPage = 100_000

// foldButton starts the custom_id of a fold's page buttons:
// fold:<id of the fold's first post>:<page>.
const foldButton = "fold"

// foldTitleRunes are the lengths a fold page tries for its items' titles,
// longest first, until the page fits; 0 leaves the bare links.
var foldTitleRunes = []int{120, 80, 50, 30, 15, 0}

// pageFold splits a fold's items into pages.
func pageFold(items []model.FoldItem) [][]model.FoldItem {
	var pages [][]model.FoldItem
	start, chars := 0, 0
	for i, it := range items {
		n := len(it.Link) + min(utf8.RuneCountInString(it.Title), foldTitleChars)
		if i > start && (i-start == foldPage || chars+n > foldPageChars) {
			pages = append(pages, items[start:i])
			start, chars = i, 0
		}
		chars += n
	}
	if start < len(items) {
		pages = append(pages, items[start:])
	}
	return pages
}

// renderFold renders a fold post as its message shows it: the cover of
// the fold whose first post is group ("37 more items from FEED matched
// RULE", its newest items, the page buttons). A post of the time when a
// fold was split over messages (Pages set) shows its own page, as then.
func renderFold(f model.Fold, group string) Message {
	if f.Pages > 0 {
		footer := foldFooter
		if f.Pages > 1 {
			footer = fmt.Sprintf("page %d of %d, %d items in all · %s", f.Page, f.Pages, f.Total, footer)
		}
		return foldMessage(f, len(f.Items), f.Items, footer)
	}
	return foldCover(f, group, max(f.Total, len(f.Items)))
}

const foldFooter = "flood control: over the alert cap, listed instead of alerted"

// foldCover is a fold's message: total items in all, the newest of
// f.Items linked, and a button to the first page.
func foldCover(f model.Fold, group string, total int) Message {
	recent := f.Items[max(0, len(f.Items)-foldRecent):]
	footer := fmt.Sprintf("the newest %d shown · %s", len(recent), foldFooter)
	msg := foldMessage(f, total, recent, footer)
	if group != "" && len(group) <= maxCustomID-20 && total > len(recent) {
		msg.Components = foldButtons(group, 0, total > 0)
	}
	return msg
}

// foldPageMessage is page k (from 1) of a fold's items, all of them given
// in f.Items; k past the last page shows the last.
func foldPageMessage(f model.Fold, group string, k int) Message {
	pages := pageFold(f.Items)
	if len(pages) == 0 {
		return foldCover(f, group, 0)
	}
	k = min(max(k, 1), len(pages))
	footer := fmt.Sprintf("page %d of %d, %d items in all, oldest first · %s", k, len(pages), len(f.Items), foldFooter)
	msg := foldMessage(f, len(f.Items), pages[k-1], footer)
	msg.Components = foldButtons(group, k, k < len(pages))
	return msg
}

// foldButtons are Previous (to the cover from page 1) and Next.
func foldButtons(group string, k int, hasNext bool) []discordgo.MessageComponent {
	id := func(pg int) string { return foldButton + ":" + group + ":" + strconv.Itoa(pg) }
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "◀ Previous", Style: discordgo.SecondaryButton, CustomID: id(max(k-1, 0)), Disabled: k == 0},
		discordgo.Button{Label: "Next ▶", Style: discordgo.SecondaryButton, CustomID: id(k + 1), Disabled: !hasNext},
	}}}
}

// parseFoldButton reads a fold button's custom_id back.
func parseFoldButton(id string) (group string, page int, ok bool) {
	parts := strings.Split(id, ":")
	if len(parts) != 3 || parts[0] != foldButton || parts[1] == "" {
		return "", 0, false
	}
	page, err := strconv.Atoi(parts[2])
	if err != nil || page < 0 || page > maxFoldPage {
		return "", 0, false
	}
	return parts[1], page, true
}

// foldButton answers a fold's Previous or Next by showing the page it
// names in the fold's message, as /timeline's buttons do: every item the
// fold holds is read from storage, so the pages reach all of them.
func (c *Commands) foldButton(ctx context.Context, id string) (reply, error) {
	group, page, ok := parseFoldButton(id)
	if !ok {
		return reply{}, errStaleButton
	}
	f, ok, err := lookup.Fold(ctx, c.store, group)
	if err != nil {
		return reply{}, err
	}
	if !ok {
		return reply{}, errStaleButton
	}
	msg := foldCover(f, group, len(f.Items))
	if page > 0 {
		msg = foldPageMessage(f, group, page)
	}
	// The message stays marked as the fold's first post, as the outbox
	// sent it, so that reconciling still finds it.
	msg = Stamp(msg, Marker(group))
	return reply{Embeds: toEmbeds(msg.Embeds), Components: msg.Components}, nil
}

// foldMessage lays out items of a fold of total items, each title linked
// to its article, one a line, in the rule's colour and without any ping.
// Titles are shortened as far as the message needs to fit Discord's 6,000
// characters of embeds; links are kept whole, so every folded item stays
// one click away.
func foldMessage(f model.Fold, total int, items []model.FoldItem, footer string) Message {
	title := Truncate(Markdown(fmt.Sprintf("%d more %s from %s matched %s",
		total, noun(total, "item", "items"), oneLine(f.Feed), oneLine(f.Rule))), limitTitle)
	budget := limitEmbedsTotal - utf8.RuneCountInString(title) - utf8.RuneCountInString(footer) - foldReserve
	var lines []string
	for _, keep := range foldTitleRunes {
		lines = foldLines(items, keep)
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
