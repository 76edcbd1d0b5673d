package bot_test

import (
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"wirewatch/bot"
	"wirewatch/bot/discordtest"
	"wirewatch/feeds"
	"wirewatch/model"
)

// articlePage is a news article in the shape outlets publish: navigation,
// the story in paragraphs, a footer. The text is written for this test.
const articlePage = `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>N. Korea fires missiles | Example Wire</title>
<meta property="og:title" content="North Korea fires two short-range ballistic missiles @everyone">
</head><body>
<nav><a href="/">Home</a> | <a href="/politics">Politics</a> | <a href="/world">World</a></nav>
<article>
<h1>North Korea fires two short-range ballistic missiles</h1>
<p class="byline">By Desk Reporter, Example Wire</p>
<p>SEOUL, March 3 -- North Korea fired two short-range ballistic missiles toward the East Sea on Monday morning, South Korea's Joint Chiefs of Staff said, days after Seoul and Washington began their annual spring exercise.</p>
<p>The missiles were launched from an area near Pyongyang at about 7:40 a.m. and flew roughly 350 kilometers before falling outside Japan's exclusive economic zone, the military said in a text message to reporters.</p>
<p>Japan's defense ministry said it had detected the launches and lodged a protest through diplomatic channels in Beijing, calling the firings a threat to the peace and safety of the region.</p>
<p>Pyongyang has denounced the allied drills as rehearsals for invasion and warned this week of "overwhelming countermeasures" through its official news agency, without giving details.</p>
<p>Analysts said the launch appeared timed to the exercise and to a visit by a senior American envoy, and that more tests were likely in the coming weeks as the North seeks to refine its weapons.</p>
</article>
<footer><p>Copyright Example Wire. All rights reserved.</p><p>Subscribe to our newsletter</p></footer>
</body></html>`

// exemptClient is a guarded client that lets exactly one test server
// through: every other address must pass the feed guard's rules. It is
// what lets a test server on loopback redirect somewhere forbidden.
func exemptClient(exempt string) *http.Client {
	dialer := &net.Dialer{Timeout: 2 * time.Second, Control: func(_, address string, _ syscall.RawConn) error {
		if address == exempt {
			return nil
		}
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return err
		}
		return feeds.CheckAddress(ap.Addr())
	}}
	return &http.Client{Transport: &http.Transport{DialContext: dialer.DialContext}, Timeout: 5 * time.Second}
}

func newArticleServer(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(articlePage))
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/article", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-metadata", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/iam/", http.StatusFound)
	})
	mux.HandleFunc("/to-localhost", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://localhost:1/admin", http.StatusFound)
	})
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		_, _ = w.Write([]byte("%PDF-1.7"))
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte("<html><body><p>" + strings.Repeat("word ", 1<<20) + "</p></body></html>"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// summaryOf runs /summary and waits for the answer after the deferral.
func summaryOf(t *testing.T, h *cmdHarness, link string) (discordtest.Callback, *discordtest.Interaction) {
	t.Helper()
	in := h.command(cmdAnalyst, "summary", str("url", link))
	cb := first(t, in)
	if cb.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("/summary answered type %d first; it must always defer (5)", cb.Type)
	}
	cmdWaitFor(t, "the summary", func() bool {
		m, ok := in.Original()
		return len(in.Followups()) > 0 || (ok && m.Edits > 0)
	})
	return cb, in
}

func wantRefusal(t *testing.T, in *discordtest.Interaction, parts ...string) {
	t.Helper()
	fs := in.Followups()
	if len(fs) != 1 || fs[0].Flags&int(discordgo.MessageFlagsEphemeral) == 0 {
		t.Fatalf("want one ephemeral follow-up, got %+v", fs)
	}
	for _, p := range parts {
		if !strings.Contains(fs[0].Content, p) {
			t.Errorf("refusal %q lacks %q", fs[0].Content, p)
		}
	}
	if _, ok := in.Original(); ok {
		t.Error("the public deferred message was left behind")
	}
}

func TestSummaryRefusesInternalAddresses(t *testing.T) {
	t.Parallel()
	pages := newArticleServer(t)
	_, port, _ := net.SplitHostPort(pages.Listener.Addr().String())
	cases := []struct {
		name, link string
		client     bool // use the client that exempts the test server
		want       []string
	}{
		{"loopback", "http://127.0.0.1/", false, []string{"Refused to fetch", "“127.0.0.1” is a loopback address"}},
		{"loopback with port", pages.URL + "/article", false, []string{"loopback address"}},
		{"host name of loopback", "http://localhost:" + port + "/article", false, []string{"is a loopback address"}},
		{"IPv6 loopback", "http://[::1]/", false, []string{"“::1” is a loopback address"}},
		{"private", "http://10.0.0.1/", false, []string{"“10.0.0.1” is a private address"}},
		{"metadata", "http://169.254.169.254/latest/meta-data/", false, []string{"link-local address"}},
		{"redirect to metadata", pages.URL + "/to-metadata", true, []string{"“169.254.169.254” is a link-local address"}},
		{"redirect to a name of loopback", pages.URL + "/to-localhost", true, []string{"is a loopback address"}},
		{"not http", "file:///etc/passwd", false, []string{"is not a web link"}},
		{"credentials", "https://user:pw@example.org/", false, []string{"user name or password"}},
	}
	plain := newCmdHarness(t, bot.CommandOptions{}, "", nil)
	exempt := newCmdHarness(t, bot.CommandOptions{HTTPClient: exemptClient(pages.Listener.Addr().String())}, "", nil)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := plain
			if tc.client {
				h = exempt
			}
			_, in := summaryOf(t, h, tc.link)
			wantRefusal(t, in, tc.want...)
		})
	}
}

func TestSummaryOfLoopbackArticle(t *testing.T) {
	t.Parallel()
	pages := newArticleServer(t)
	// The one case that may fetch loopback: the article is served here.
	h := newCmdHarness(t, bot.CommandOptions{AllowPrivate: true, SummaryMaxBytes: 1 << 20}, "", nil)

	_, in := summaryOf(t, h, pages.URL+"/moved")
	m, ok := in.Original()
	if !ok || len(m.Embeds) != 1 || len(in.Followups()) != 0 {
		t.Fatalf("summary: %+v, follow-ups %+v", m, in.Followups())
	}
	e := m.Embeds[0]
	if e.Title != "North Korea fires two short-range ballistic missiles @\u200beveryone" {
		t.Errorf("title %q", e.Title)
	}
	if e.URL != pages.URL+"/article" {
		t.Errorf("url %q, want the page after the redirect", e.URL)
	}
	bullets := strings.Split(e.Description, "\n")
	if len(bullets) < 2 || len(bullets) > 4 || !strings.HasPrefix(bullets[0], "• ") {
		t.Fatalf("summary:\n%s", e.Description)
	}
	for _, junk := range []string{"Subscribe", "Copyright", "Home |", "Politics"} {
		if strings.Contains(e.Description, junk) {
			t.Errorf("summary has boilerplate %q:\n%s", junk, e.Description)
		}
	}
	if !strings.Contains(e.Description, "ballistic missiles") {
		t.Errorf("summary misses the lead:\n%s", e.Description)
	}
	if e.Footer == nil || !strings.Contains(e.Footer.Text, "extractive summary of 127.0.0.1") {
		t.Errorf("footer %+v", e.Footer)
	}

	for _, tc := range []struct{ path, want string }{
		{"/report.pdf", "not a web page"},
		{"/huge", "larger than 1024 KiB"},
		{"/missing", "“404 Not Found”"},
	} {
		_, in := summaryOf(t, h, pages.URL+tc.path)
		wantRefusal(t, in, tc.want)
	}

	// A stored item is answered from storage: nothing is fetched.
	h.save(model.Item{GUID: "kept", Feed: "Yonhap", Link: "https://en.yna.example/kept", Title: "Stored report",
		Summary: []string{"First stored sentence.", "Second stored sentence."}, Published: h.now.Add(-time.Hour)})
	_, in = summaryOf(t, h, "https://en.yna.example/kept?utm_source=share")
	m, _ = in.Original()
	if len(m.Embeds) != 1 || m.Embeds[0].Description != "• First stored sentence.\n• Second stored sentence." {
		t.Fatalf("stored summary %+v", m.Embeds)
	}
}
