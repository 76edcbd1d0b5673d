package bot

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"wirewatch/model"
)

var (
	pingRe    = regexp.MustCompile(`@(everyone|here)|<@[!&]?\d+>|<#\d+>`)
	roleRe    = regexp.MustCompile(`<@&(\d+)>`)
	kst       = time.FixedZone("KST", 9*3600)
	published = time.Date(2024, 11, 13, 5, 3, 0, 0, time.UTC)
)

// hostile is text a broken or malicious feed could send.
func hostile(n int) string {
	parts := []string{
		"@everyone", "@here", "<@&123456789012345678>", "<@987654321098765432>", "<@!42>", "<#1111>",
		"**bold** __under__ ~~strike~~ `code` ||spoiler|| [click](https://evil.example/x)",
		"\n# Heading\n> quote\n- list", "e\u0301e\u0301 Ame\u0301lie", "👨‍👩‍👧‍👦 🇰🇷 🚀",
		"مرحبا بالعالم", "\u202Egnp.exe\u202C", "\x00\x07ctl", "북한 미사일 발사",
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(parts[i%len(parts)])
		b.WriteByte(' ')
	}
	return b.String()
}

// checkMessage asserts that nothing in msg can ping except its Roles and
// that every part is within Discord's limits, counted in code points.
func checkMessage(t *testing.T, msg Message) {
	t.Helper()
	texts := []string{msg.Content}
	within := func(what, s string, limit int) {
		t.Helper()
		if n := utf8.RuneCountInString(s); n > limit {
			t.Errorf("%s has %d code points, limit %d", what, n, limit)
		}
		if !utf8.ValidString(s) {
			t.Errorf("%s is not valid UTF-8", what)
		}
		if strings.ContainsAny(s, "\u202E\u202A\x00\x07") {
			t.Errorf("%s keeps a control or bidi override character: %q", what, s)
		}
	}
	within("content", msg.Content, limitContent)
	if len(msg.Embeds) > limitEmbeds {
		t.Errorf("%d embeds", len(msg.Embeds))
	}
	if n := embedsLength(msg.Embeds); n > limitEmbedsTotal {
		t.Errorf("embeds total %d code points", n)
	}
	for i, e := range msg.Embeds {
		within(fmt.Sprintf("embed %d title", i), e.Title, limitTitle)
		within(fmt.Sprintf("embed %d description", i), e.Description, limitDescription)
		within(fmt.Sprintf("embed %d footer", i), e.Footer, limitFooter)
		within(fmt.Sprintf("embed %d author", i), e.Author, limitAuthor)
		if len(e.Fields) > limitFields {
			t.Errorf("embed %d has %d fields", i, len(e.Fields))
		}
		for _, f := range e.Fields {
			within("field name", f.Name, limitFieldName)
			within("field value", f.Value, limitFieldValue)
			texts = append(texts, f.Name, f.Value)
		}
		if e.URL != "" && !strings.HasPrefix(e.URL, "http://") && !strings.HasPrefix(e.URL, "https://") {
			t.Errorf("embed URL %q", e.URL)
		}
		texts = append(texts, e.Title, e.Description, e.Footer, e.Author)
	}
	for _, s := range texts {
		for _, m := range pingRe.FindAllString(s, -1) {
			sub := roleRe.FindStringSubmatch(m)
			if s != msg.Content || sub == nil || !slices.Contains(msg.Roles, sub[1]) {
				t.Errorf("%q can ping in %q", m, Truncate(s, 120))
			}
		}
	}
}

func TestRenderAlertHostile(t *testing.T) {
	c := model.Content{
		Feed:       "@everyone <@&1> Feed",
		Headline:   "@everyone North Korea fires **missile** <@&123456789012345678> " + strings.Repeat("長", 400),
		Summary:    []string{hostile(3000), hostile(3000)},
		Link:       "javascript:alert(1)",
		Published:  published,
		StoryTitle: "story",
		Sources:    []model.Source{{Feed: "a", Link: "https://news.example/story(1)"}, {Feed: "b"}},
		Rule:       "nk-launch <@&5>", Severity: model.SeverityUrgent,
		Mentions: []string{"111", "not-a-snowflake", "<@&999>", "222"},
		Terms:    []string{"@here", "missile", strings.Repeat("x", 2000)},
		TimeZone: "Asia/Seoul",
	}
	msg, err := Render(model.Post{Kind: model.PostAlert, Content: c})
	if err != nil {
		t.Fatal(err)
	}
	checkMessage(t, msg)
	if !slices.Equal(msg.Roles, []string{"111", "222"}) {
		t.Errorf("roles = %v", msg.Roles)
	}
	// The ping line names the rule, not the headline the embed shows.
	if !strings.HasPrefix(msg.Content, "<@&111> <@&222> urgent · nk-launch ") || strings.Contains(msg.Content, "North Korea") {
		t.Errorf("content = %q", msg.Content)
	}
	e := msg.Embeds[0]
	if e.URL != "https://news.example/story%281%29" {
		t.Errorf("URL = %q (javascript: must fall back to the story link)", e.URL)
	}
	if !strings.Contains(e.Title, `\*\*missile\*\*`) {
		t.Errorf("title markdown not escaped: %q", e.Title)
	}
	if !strings.Contains(e.Description, `\[click\](https://evil.example/x)`) {
		t.Errorf("masked link not defused: %q", Truncate(e.Description, 300))
	}
	if e.Color != severityColor[model.SeverityUrgent] {
		t.Errorf("color %x", e.Color)
	}
	// One compact line; times as Discord timestamps, so no clock of the
	// desk's zone and no footer but the marker's place.
	when := fmt.Sprintf("<t:%d:f> (<t:%d:R>)", published.Unix(), published.Unix())
	for _, want := range []string{"**@\u200beveryone <\u200b@\u200b&1> Feed** · urgent · nk-launch <\u200b@\u200b&5> · *@\u200bhere*, *missile*", when, "**2 sources**", "• [a](https://news.example/story%281%29)", "• b"} {
		if !strings.Contains(e.Description, want) {
			t.Errorf("description lacks %q:\n%s", want, Truncate(e.Description, 600))
		}
	}
	if e.Footer != "" || e.Author != "" || !e.Timestamp.IsZero() || len(e.Fields) != 0 {
		t.Errorf("footer %q author %q timestamp %v fields %v: the compact line says it once", e.Footer, e.Author, e.Timestamp, e.Fields)
	}
	if n := strings.Count(e.Title+e.Description+msg.Content, "North Korea fires"); n != 1 {
		t.Errorf("headline shown %d times", n)
	}
}

func TestRenderAlertPlain(t *testing.T) {
	c := model.Content{Feed: "Yonhap", Headline: "N. Korea fires ballistic missile", Link: "https://en.yna.co.kr/view/1",
		Summary: []string{"The JCS said the missile flew 350 km.", "Japan protested."}, Published: published,
		Rule: "nk-launch", Severity: model.SeverityAlert, Mentions: []string{"111"}, Terms: []string{"N. Korea", "missile", "fires"},
		Sources: []model.Source{{Feed: "Yonhap"}}}
	msg := renderAlert(c, kst)
	checkMessage(t, msg)
	if msg.Content != "" || msg.Roles != nil {
		t.Errorf("a non-urgent alert pings: %q %v", msg.Content, msg.Roles)
	}
	e := msg.Embeds[0]
	want := Embed{
		Title: "N. Korea fires ballistic missile", URL: "https://en.yna.co.kr/view/1",
		Description: "The JCS said the missile flew 350 km. Japan protested.\n\n" +
			fmt.Sprintf("**Yonhap** · alert · nk-launch · *N. Korea*, *missile*, *fires* · <t:%d:f> (<t:%d:R>)", published.Unix(), published.Unix()),
		Color: severityColor[model.SeverityAlert],
	}
	if fmt.Sprint(e) != fmt.Sprint(want) {
		t.Errorf("embed\n got %+v\nwant %+v", e, want)
	}
}

func TestRenderUpdate(t *testing.T) {
	st := model.Content{StoryTitle: "North Korea fires missile", Updated: published, Rule: "nk-launch", Severity: model.SeverityUrgent, Mentions: []string{"111"}}
	for i := 0; i < 20; i++ {
		st.Sources = append(st.Sources, model.Source{Feed: fmt.Sprintf("Outlet %d", i), Title: hostile(500), Link: "https://c.example/" + fmt.Sprint(i)})
	}
	st.Sources = append(st.Sources,
		model.Source{Feed: "Yonhap", Title: "N. Korea fires missile", Link: "https://a.example/1", Published: published},
		model.Source{Feed: "@everyone", Title: "[x](javascript:alert(1)) <@&1>", Link: "javascript:alert(1)", Published: published},
		model.Source{Feed: "Kyodo", Title: "Missile lands outside EEZ", Link: "https://b.example/2(x)"})
	msg := renderUpdate(st, kst)
	checkMessage(t, msg)
	if msg.Roles != nil || msg.Content != "" {
		t.Errorf("an update must not ping: %+v", msg)
	}
	e := msg.Embeds[0]
	if e.URL != "" {
		t.Errorf("update embed has URL %q: Discord would merge it with the alert", e.URL)
	}
	// The newest ten sources, without their headlines: the alert it
	// follows says what happened.
	for _, want := range []string{"**23 sources** · nk-launch", "+13 earlier", "• [Yonhap](https://a.example/1) <t:", "• @\u200beveryone <t:", "• [Kyodo](https://b.example/2%28x%29)", "• [Outlet 19]"} {
		if !strings.Contains(e.Description, want) {
			t.Errorf("description lacks %q:\n%s", want, e.Description)
		}
	}
	for _, unwanted := range []string{"Outlet 12]", "N. Korea fires missile", "javascript"} {
		if strings.Contains(e.Description, unwanted) {
			t.Errorf("description has %q:\n%s", unwanted, e.Description)
		}
	}
	one := renderUpdate(model.Content{StoryTitle: "t", Sources: []model.Source{{Feed: "Yonhap"}}, Rule: "r"}, time.UTC)
	if d := one.Embeds[0].Description; d != "**1 source** · r\n• Yonhap" {
		t.Errorf("single source: %q", d)
	}
}

func TestRenderNotice(t *testing.T) {
	msg, err := Render(model.Post{Kind: model.PostNotice, Content: model.Content{Notice: "feed @everyone broken: " + hostile(5000)}})
	if err != nil {
		t.Fatal(err)
	}
	checkMessage(t, msg)
	if len(msg.Embeds) != 0 || msg.Roles != nil || !strings.HasPrefix(msg.Content, "feed @\u200beveryone broken") {
		t.Errorf("notice = %+v", Truncate(msg.Content, 80))
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"  padded  ", 10, "padded"},
		{"abcdef", 4, "abc…"},
		{"ab cdef", 4, "ab…"},
		{"e\u0301e\u0301e\u0301", 4, "e\u0301…"}, // never splits e + combining acute
		{"👨‍👩‍👧‍👦x", 3, "…"},                     // a family emoji is 7 code points
		{`ab\*cd`, 4, "ab…"},                     // no dangling escape backslash
		{"북한 미사일 발사", 5, "북한 미…"},
		{"abc", 0, ""},
	}
	for _, tt := range tests {
		if got := Truncate(tt.in, tt.n); got != tt.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestSafeURL(t *testing.T) {
	tests := map[string]string{
		"https://example.com/a":                            "https://example.com/a",
		"HTTPS://Example.com/a":                            "https://Example.com/a",
		"http://example.com/a(b)":                          "http://example.com/a%28b%29",
		"https://user:pw@example.com/":                     "https://example.com/",
		"javascript:alert(1)":                              "",
		"data:text/html,<b>":                               "",
		"ftp://example.com/":                               "",
		"//example.com/x":                                  "",
		"https://":                                         "",
		"https://exa mple.com/":                            "",
		"https://example.com/\n":                           "https://example.com/",
		"https://example.com/\x00":                         "",
		"https://example.com/" + strings.Repeat("a", 3000): "",
	}
	for in, want := range tests {
		if got := SafeURL(in); got != want {
			t.Errorf("SafeURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkdownAndDefuse(t *testing.T) {
	tests := map[string]string{
		"@everyone":          "@\u200beveryone",
		"<@&123>":            "<\u200b@\u200b&123>",
		"<#42>":              "<\u200b#42>",
		"a*b_c~d`e|f[g]h":    `a\*b\_c\~d\` + "`" + `e\|f\[g\]h`,
		"# head\n> q\n- l":   "\\# head\n\\> q\n\\- l",
		"Kim Jong-un #1 > 2": "Kim Jong-un #1 > 2",
		`back\slash`:         `back\\slash`,
	}
	for in, want := range tests {
		if got := Markdown(in); got != want {
			t.Errorf("Markdown(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkRender measures what rendering costs the sink per post: an
// urgent alert's update with 20 sources (two embeds, a long source list),
// stamped with its marker, as Send does.
func BenchmarkRender(b *testing.B) {
	c := model.Content{Headline: "North Korea fires ballistic missile into East Sea, JCS says", Link: "https://en.yna.co.kr/view/1",
		Feed: "Yonhap", Published: published, Summary: []string{hostile(300), hostile(300), hostile(300)},
		Severity: model.SeverityUrgent, Rule: "nk-missile-launch", Terms: []string{"missile", "fires", "North Korea"},
		Mentions: []string{"111"}, StoryTitle: "North Korea fires ballistic missile", Updated: published, TimeZone: "Asia/Seoul"}
	for i := range 20 {
		c.Sources = append(c.Sources, model.Source{Feed: fmt.Sprintf("Outlet %d", i), Title: "N. Korea fires missile, report " + fmt.Sprint(i),
			Link: fmt.Sprintf("https://outlet%d.example/launch", i), Published: published.Add(time.Duration(i) * time.Minute)})
	}
	p := model.Post{ID: "0b6f3c4e-8d1a-4c2e-9f00-1a2b3c4d5e6f", Kind: model.PostUpdate, ReplaceOf: "0b6f3c4e-8d1a-4c2e-9f00-1a2b3c4d5e60", Content: c}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := renderFor(p, editedPost(p)); err != nil {
			b.Fatal(err)
		}
	}
}

// An edit of a one-source story (its article's full text arrived) shows
// the alert alone; an edit of a story with more sources lists them in the
// same embed, under the one compact line.
func TestRenderEditSourcesOnlyWhenMany(t *testing.T) {
	one := model.Content{Headline: "N. Korea fires missile", Rule: "r", Severity: model.SeverityAlert,
		Sources: []model.Source{{Feed: "Yonhap", Title: "N. Korea fires missile", Link: "https://a.example/1"}}}
	two := one
	two.Sources = append(append([]model.Source(nil), one.Sources...), model.Source{Feed: "Kyodo", Title: "Missile lands", Link: "https://b.example/2"})
	for _, tc := range []struct {
		c    model.Content
		list bool
	}{{one, false}, {two, true}} {
		msg, err := Render(model.Post{ID: "p", Kind: model.PostUpdate, ReplaceOf: "q", Content: tc.c})
		if err != nil {
			t.Fatal(err)
		}
		if len(msg.Embeds) != 1 || strings.Contains(msg.Embeds[0].Description, "**2 sources**") != tc.list {
			t.Errorf("%d sources: %+v", len(tc.c.Sources), msg.Embeds)
		}
	}
}

// TestRenderMerged: the edit of an alert whose story became part of
// another is a note naming both stories, escaped and linked only to safe
// URLs, without an alert's embed or a URL of its own, and never pings.
func TestRenderMerged(t *testing.T) {
	c := model.Content{Headline: "Tanker hit off Mokha", Link: "https://a.example/1", Feed: "Gulf Wire", Rule: "red-sea", Published: published,
		Severity: model.SeverityUrgent, Mentions: []string{"111"},
		MergedInto: &model.MergedStory{Title: "Drone boat hits *Harbour Tern* <@&1>", Link: "https://b.example/2"}}
	msg, err := Render(model.Post{ID: "p", Kind: model.PostUpdate, ReplaceOf: "a", Content: c})
	if err != nil {
		t.Fatal(err)
	}
	checkMessage(t, msg)
	if len(msg.Embeds) != 1 || msg.Roles != nil || msg.Content != "" {
		t.Fatalf("merged alert = %+v", msg)
	}
	note := msg.Embeds[0]
	for _, want := range []string{"[Tanker hit off Mokha (Gulf Wire)](https://a.example/1)", `[**Drone boat hits \*Harbour Tern\* <`, "](https://b.example/2)"} {
		if !strings.Contains(note.Description, want) {
			t.Errorf("merge note lacks %q: %s", want, note.Description)
		}
	}
	if note.URL != "" || note.Title != "Merged into another story" {
		t.Errorf("merge note = %+v", note)
	}
	c.MergedInto = &model.MergedStory{Title: "Other", Link: "javascript:alert(1)"}
	msg, _ = Render(model.Post{ID: "p", Kind: model.PostUpdate, ReplaceOf: "a", Content: c})
	if d := msg.Embeds[0].Description; strings.Contains(d, "javascript") || !strings.Contains(d, "same event as **Other**;") {
		t.Errorf("merge note with an unsafe link = %q", d)
	}
}
