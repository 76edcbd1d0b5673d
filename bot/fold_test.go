package bot

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"wirewatch/model"
)

// A fold page as the pipeline pages them (at most 50 items and about 4,000
// characters of links and titles counted to 60) fits Discord's limits with
// room for the marker, links every item whole however long its title, and
// pings nobody.
func TestRenderFold(t *testing.T) {
	for _, tt := range []struct {
		name      string
		items     int
		slug      int // repeats of a 16-byte slug in each link
		titleReps int
	}{
		{"50 short links, long titles", 50, 1, 8},
		{"25 long links, long titles", 25, 7, 12},
		{"1 item", 1, 1, 1},
	} {
		t.Run(tt.name, func(t *testing.T) { renderFoldCase(t, tt.items, tt.slug, tt.titleReps) })
	}
}

func renderFoldCase(t *testing.T, n, slug, titleReps int) {
	var items []model.FoldItem
	for i := range n {
		items = append(items, model.FoldItem{
			Title: fmt.Sprintf("**Breaking** _flashpoint_ %d: %s", i, strings.Repeat("border clash near the river ", titleReps)),
			Link:  fmt.Sprintf("https://news.example/asia/%s-%03d", strings.Repeat("a-very-long-slug", slug), i),
		})
	}
	items = append(items, model.FoldItem{Title: "no scheme", Link: "javascript:alert(1)"})
	post := model.Post{ID: "f1", Kind: model.PostFold, Content: model.Content{Fold: &model.Fold{
		Feed: "Flood Wire", Rule: "flashpoints", Severity: model.SeverityUrgent, Page: 2, Pages: 3, Total: 121, Items: items,
	}, Mentions: []string{"200000000000000001"}}}
	msg, err := Render(post)
	if err != nil {
		t.Fatal(err)
	}
	if msg.Content != "" || len(msg.Roles) != 0 {
		t.Errorf("a fold pings: content %q roles %v", msg.Content, msg.Roles)
	}
	if n := embedsLength(msg.Embeds); n > limitEmbedsTotal-foldReserve {
		t.Errorf("embeds total %d characters, want at most %d (room for the marker)", n, limitEmbedsTotal-foldReserve)
	}
	var text strings.Builder
	for _, e := range msg.Embeds {
		if n := utf8.RuneCountInString(e.Description); n > limitDescription {
			t.Errorf("description of %d characters", n)
		}
		text.WriteString(e.Title + "\n" + e.Description + "\n" + e.Footer + "\n")
	}
	got := text.String()
	if want := fmt.Sprintf("%d more items from Flood Wire matched flashpoints", n+1); !strings.HasPrefix(got, want) {
		t.Errorf("title: %q", msg.Embeds[0].Title)
	}
	for _, it := range items[:n] {
		if !strings.Contains(got, "("+it.Link+")") && !strings.Contains(got, "<"+it.Link+">") {
			t.Fatalf("link %s not shown:\n%s", it.Link, got)
		}
	}
	if strings.Contains(got, "javascript:") || !strings.Contains(got, "• no scheme") {
		t.Errorf("an unsafe link is linked, or its title lost:\n%s", got)
	}
	if strings.Contains(got, "**Breaking**") {
		t.Errorf("markdown from the feed not escaped")
	}
	if !strings.Contains(got, "page 2 of 3, 121 items in all") {
		t.Errorf("footer %q", msg.Embeds[len(msg.Embeds)-1].Footer)
	}
}

func TestPageFold(t *testing.T) {
	items := func(n, linkLen, titleLen int) []model.FoldItem {
		var out []model.FoldItem
		for i := range n {
			link := fmt.Sprintf("https://x.example/%d/", i)
			out = append(out, model.FoldItem{Title: strings.Repeat("t", titleLen), Link: link + strings.Repeat("a", max(0, linkLen-len(link)))})
		}
		return out
	}
	tests := []struct {
		name  string
		items []model.FoldItem
		want  []int // items per page
	}{
		{"none", nil, nil},
		{"one", items(1, 30, 200), []int{1}},
		{"short links: 50 a page", items(120, 10, 20), []int{50, 50, 20}},
		{"long links: by characters", items(60, 140, 200), []int{20, 20, 20}},
		{"a link over the budget has a page of its own", items(2, 5000, 200), []int{1, 1}},
	}
	for _, tt := range tests {
		var got []int
		total := 0
		for _, p := range pageFold(tt.items) {
			got = append(got, len(p))
			total += len(p)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) || total != len(tt.items) {
			t.Errorf("%s: pages of %v, want %v", tt.name, got, tt.want)
		}
	}
}

// A fold's message is its cover: the running count, the newest links of
// the post, and a Next button to page 1; its pages list every item once,
// oldest first, each within Discord's limits, Previous leading back and
// Next disabled on the last.
func TestFoldCoverAndPages(t *testing.T) {
	var all []model.FoldItem
	for i := range 120 {
		all = append(all, model.FoldItem{Title: fmt.Sprintf("flashpoint %d", i), Link: fmt.Sprintf("https://news.example/%03d", i)})
	}
	update := model.Post{ID: "u3", Kind: model.PostUpdate, ReplaceOf: "first-post", Content: model.Content{Fold: &model.Fold{
		Feed: "Flood Wire", Rule: "flashpoints", Total: 120, Items: all[100:],
	}}}
	msg, err := Render(update)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(msg.Embeds[0].Title, "120 more items from Flood Wire matched flashpoints") {
		t.Errorf("cover title %q", msg.Embeds[0].Title)
	}
	desc := msg.Embeds[0].Description
	for i := range 120 {
		if want := i >= 110; strings.Contains(desc, all[i].Link+")") != want {
			t.Errorf("cover shows %s: %v, want %v", all[i].Link, !want, want)
		}
	}
	if ids := buttonIDs(msg.Components); ids != "fold:first-post:0 (off) fold:first-post:1" {
		t.Errorf("cover buttons %q", ids)
	}

	f := model.Fold{Feed: "Flood Wire", Rule: "flashpoints", Total: 120, Items: all}
	seen := map[string]int{}
	for k := 1; k <= 3; k++ {
		page := foldPageMessage(f, "first-post", k)
		if n := embedsLength(page.Embeds); n > limitEmbedsTotal-foldReserve {
			t.Errorf("page %d: %d characters", k, n)
		}
		for _, it := range all {
			if strings.Contains(page.Embeds[0].Description, it.Link+")") {
				seen[it.Link]++
			}
		}
		want := fmt.Sprintf("fold:first-post:%d fold:first-post:%d", k-1, k+1)
		if k == 3 {
			want = "fold:first-post:2 fold:first-post:4 (off)"
		}
		if ids := buttonIDs(page.Components); ids != want {
			t.Errorf("page %d buttons %q, want %q", k, ids, want)
		}
	}
	for _, it := range all {
		if seen[it.Link] != 1 {
			t.Errorf("%s on %d pages, want 1", it.Link, seen[it.Link])
		}
	}
}

func buttonIDs(comps []discordgo.MessageComponent) string {
	var ids []string
	for _, c := range comps {
		for _, b := range c.(discordgo.ActionsRow).Components {
			btn := b.(discordgo.Button)
			id := btn.CustomID
			if btn.Disabled {
				id += " (off)"
			}
			ids = append(ids, id)
		}
	}
	return strings.Join(ids, " ")
}

func TestParseFoldButton(t *testing.T) {
	for _, tt := range []struct {
		id    string
		group string
		page  int
		ok    bool
	}{
		{"fold:0b8e-uuid:3", "0b8e-uuid", 3, true},
		{"fold:g:0", "g", 0, true},
		{"fold::3", "", 0, false},
		{"fold:g:-1", "", 0, false},
		{"fold:g:100001", "", 0, false},
		{"fold:g:x", "", 0, false},
		{"fold:g:1:2", "", 0, false},
		{"tl:g:1", "", 0, false},
	} {
		group, page, ok := parseFoldButton(tt.id)
		if group != tt.group || page != tt.page || ok != tt.ok {
			t.Errorf("parseFoldButton(%q) = %q, %d, %v; want %q, %d, %v", tt.id, group, page, ok, tt.group, tt.page, tt.ok)
		}
	}
}
