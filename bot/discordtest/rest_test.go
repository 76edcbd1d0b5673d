package discordtest_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"wirewatch/bot/discordtest"
)

func assertCode(t *testing.T, err error, status, code int) {
	t.Helper()
	var rest *discordgo.RESTError
	if !errors.As(err, &rest) {
		t.Fatalf("error %v (%T), want a REST error %d/%d", err, err, status, code)
	}
	if rest.Response.StatusCode != status || rest.Message == nil || rest.Message.Code != code {
		t.Fatalf("error %v, want status %d code %d", err, status, code)
	}
}

// post sends a raw JSON request through the fake's client and returns the
// status, headers and decoded body.
func post(t *testing.T, srv *discordtest.Server, method, path string, body any) (int, http.Header, map[string]any) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, "https://discord.com/api/v9"+path, rd)
	req.Header.Set("Authorization", "Bot tok")
	req.Header.Set("Content-Type", "application/json")
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	var out map[string]any
	raw, _ := io.ReadAll(resp.Body)
	_ = json.Unmarshal(raw, &out)
	return resp.StatusCode, resp.Header, out
}

func newChannelServer(t *testing.T, opts discordtest.Options) (*discordtest.Server, *discordgo.Session) {
	t.Helper()
	srv := discordtest.New(t, opts)
	srv.AddChannel("500", "501", "alerts")
	srv.AddChannel("500", "502", "digest")
	dg, err := srv.Session("tok")
	if err != nil {
		t.Fatal(err)
	}
	dg.ShouldRetryOnRateLimit = false
	dg.MaxRestRetries = 0
	return srv, dg
}

func TestSendEditList(t *testing.T) {
	t.Parallel()
	srv, dg := newChannelServer(t, discordtest.Options{})
	var ids []string
	for _, c := range []string{"one", "two", "three"} {
		m, err := dg.ChannelMessageSendComplex("501", &discordgo.MessageSend{Content: c,
			Embeds: []*discordgo.MessageEmbed{{Title: "t-" + c, Footer: &discordgo.MessageEmbedFooter{Text: "ref:" + c}}}})
		if err != nil {
			t.Fatal(err)
		}
		if m.Author == nil || m.Author.ID != srv.BotUserID() || m.Timestamp.IsZero() {
			t.Fatalf("message %+v", m)
		}
		ids = append(ids, m.ID)
	}
	newContent := "two, edited"
	if _, err := dg.ChannelMessageEditComplex(&discordgo.MessageEdit{ID: ids[1], Channel: "501", Content: &newContent}); err != nil {
		t.Fatal(err)
	}
	list, err := dg.ChannelMessages("501", 2, "", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != ids[2] || list[1].Content != "two, edited" || list[1].EditedTimestamp == nil {
		t.Fatalf("listed %+v", list)
	}
	if len(list[1].Embeds) != 1 || list[1].Embeds[0].Footer.Text != "ref:two" {
		t.Fatalf("edit without embeds must keep them: %+v", list[1].Embeds)
	}
	older, err := dg.ChannelMessages("501", 10, ids[1], "", "")
	if err != nil || len(older) != 1 || older[0].ID != ids[0] {
		t.Fatalf("before=%s: %+v, %v", ids[1], older, err)
	}
	msgs := srv.Messages("501")
	if len(msgs) != 3 || msgs[0].Content != "one" || msgs[1].Edits != 1 {
		t.Fatalf("channel shows %+v", msgs)
	}
	_, err = dg.ChannelMessageSend("999", "nowhere")
	assertCode(t, err, 404, 10003)
	if v := srv.Violations(); len(v) != 0 {
		t.Fatalf("violations %q", v)
	}
}

// Every size limit is answered with 400/50035 naming the field, counted in
// code points (a Hangul syllable is one character, three bytes).
func TestMessageLimits(t *testing.T) {
	t.Parallel()
	ko := func(n int) string { return strings.Repeat("한", n) }
	fields := func(n int) []*discordgo.MessageEmbedField {
		out := make([]*discordgo.MessageEmbedField, n)
		for i := range out {
			out[i] = &discordgo.MessageEmbedField{Name: "n", Value: "v"}
		}
		return out
	}
	embeds := func(n int) []*discordgo.MessageEmbed {
		out := make([]*discordgo.MessageEmbed, n)
		for i := range out {
			out[i] = &discordgo.MessageEmbed{Title: "e"}
		}
		return out
	}
	tests := []struct {
		name  string
		msg   *discordgo.MessageSend
		field string // "" means accepted
	}{
		{"content 2000", &discordgo.MessageSend{Content: ko(2000)}, ""},
		{"content 2001", &discordgo.MessageSend{Content: ko(2001)}, "content"},
		{"title 256", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Title: ko(256)}}}, ""},
		{"title 257", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Title: ko(257)}}}, "embeds.0.title"},
		{"description 4097", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Description: ko(4097)}}}, "embeds.0.description"},
		{"25 fields", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Title: "t", Fields: fields(25)}}}, ""},
		{"26 fields", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Title: "t", Fields: fields(26)}}}, "embeds.0.fields"},
		{"field name 257", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Fields: []*discordgo.MessageEmbedField{{Name: ko(257), Value: "v"}}}}}, "embeds.0.fields.0.name"},
		{"field value 1025", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Fields: []*discordgo.MessageEmbedField{{Name: "n", Value: ko(1025)}}}}}, "embeds.0.fields.0.value"},
		{"footer 2049", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Footer: &discordgo.MessageEmbedFooter{Text: ko(2049)}}}}, "embeds.0.footer.text"},
		{"author 257", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Author: &discordgo.MessageEmbedAuthor{Name: ko(257)}}}}, "embeds.0.author.name"},
		{"6000 across embeds", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Description: ko(3000)}, {Description: ko(3000)}}}, ""},
		{"6001 across embeds", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Description: ko(3000)}, {Description: ko(3000), Title: "x"}}}, "embeds"},
		{"10 embeds", &discordgo.MessageSend{Embeds: embeds(10)}, ""},
		{"11 embeds", &discordgo.MessageSend{Embeds: embeds(11)}, "embeds"},
	}
	srv, dg := newChannelServer(t, discordtest.Options{MessageLimit: 1000})
	wantViolations := 0
	for _, tt := range tests {
		_, err := dg.ChannelMessageSendComplex("501", tt.msg)
		if tt.field == "" {
			if err != nil {
				t.Errorf("%s: refused: %v", tt.name, err)
			}
			continue
		}
		wantViolations++
		var rest *discordgo.RESTError
		if !errors.As(err, &rest) || rest.Response.StatusCode != 400 || rest.Message == nil || rest.Message.Code != 50035 {
			t.Errorf("%s: error %v, want 400/50035", tt.name, err)
			continue
		}
		var body struct {
			Errors map[string]any `json:"errors"`
		}
		_ = json.Unmarshal(rest.ResponseBody, &body)
		node := any(body.Errors)
		for _, part := range strings.Split(tt.field, ".") {
			m, _ := node.(map[string]any)
			node = m[part]
		}
		if m, _ := node.(map[string]any); m["_errors"] == nil {
			t.Errorf("%s: errors %s do not name %s", tt.name, rest.ResponseBody, tt.field)
		}
	}
	if v := srv.Violations(); len(v) != wantViolations {
		t.Fatalf("%d violations, want %d: %q", len(v), wantViolations, v)
	}
	_, err := dg.ChannelMessageSendComplex("501", &discordgo.MessageSend{})
	assertCode(t, err, 400, 50006)
}

func TestChannelRateLimit(t *testing.T) {
	t.Parallel()
	srv, _ := newChannelServer(t, discordtest.Options{MessageWindow: 300 * time.Millisecond})
	for i := range 5 {
		status, h, _ := post(t, srv, "POST", "/channels/501/messages", map[string]any{"content": "x"})
		if status != 200 || h.Get("X-RateLimit-Remaining") != string(rune('4'-i)) || h.Get("X-RateLimit-Limit") != "5" {
			t.Fatalf("send %d: %d, remaining %q", i, status, h.Get("X-RateLimit-Remaining"))
		}
	}
	status, h, body := post(t, srv, "POST", "/channels/501/messages", map[string]any{"content": "sixth"})
	if status != 429 || body["retry_after"] == nil || body["global"] != false || h.Get("X-RateLimit-Reset-After") == "" ||
		h.Get("X-RateLimit-Bucket") == "" || h.Get("X-RateLimit-Reset") == "" || h.Get("Retry-After") == "" {
		t.Fatalf("sixth send: %d %v %v", status, h, body)
	}
	// Another channel has its own bucket.
	if status, _, _ := post(t, srv, "POST", "/channels/502/messages", map[string]any{"content": "x"}); status != 200 {
		t.Fatalf("other channel: %d", status)
	}
	time.Sleep(350 * time.Millisecond)
	if status, _, _ := post(t, srv, "POST", "/channels/501/messages", map[string]any{"content": "x"}); status != 200 {
		t.Fatalf("after the reset: %d", status)
	}
	if v := srv.Violations(); len(v) != 1 || !strings.Contains(v[0], "429") {
		t.Fatalf("violations %q", v)
	}
	if got := len(srv.Messages("501")); got != 6 {
		t.Fatalf("%d messages, want 6", got)
	}
}

func TestGlobalRateLimit(t *testing.T) {
	t.Parallel()
	srv, _ := newChannelServer(t, discordtest.Options{GlobalLimit: 3, GlobalWindow: time.Second})
	for range 3 {
		if status, _, _ := post(t, srv, "GET", "/channels/501", nil); status != 200 {
			t.Fatalf("status %d", status)
		}
	}
	status, h, body := post(t, srv, "GET", "/channels/501", nil)
	if status != 429 || h.Get("X-RateLimit-Global") != "true" || body["global"] != true {
		t.Fatalf("fourth request: %d %v %v", status, h, body)
	}
	if v := srv.Violations(); len(v) != 1 || !strings.Contains(v[0], "global") {
		t.Fatalf("violations %q", v)
	}
}

func TestNonceDeduplication(t *testing.T) {
	t.Parallel()
	srv, _ := newChannelServer(t, discordtest.Options{})
	msg := map[string]any{"content": "alert", "nonce": "n-abc", "enforce_nonce": true}
	_, _, first := post(t, srv, "POST", "/channels/501/messages", msg)
	_, _, second := post(t, srv, "POST", "/channels/501/messages", msg)
	if first["id"] == nil || first["id"] != second["id"] {
		t.Fatalf("ids %v and %v, want the same", first["id"], second["id"])
	}
	// Without enforce_nonce Discord does not deduplicate.
	plain := map[string]any{"content": "alert", "nonce": "n-abc"}
	post(t, srv, "POST", "/channels/501/messages", plain)
	if got := len(srv.Messages("501")); got != 2 {
		t.Fatalf("%d messages, want 2", got)
	}
	status, _, _ := post(t, srv, "POST", "/channels/501/messages", map[string]any{"content": "x", "nonce": strings.Repeat("n", 26), "enforce_nonce": true})
	if status != 400 {
		t.Fatalf("26-character nonce: %d", status)
	}
}

func TestMentionsRecorded(t *testing.T) {
	t.Parallel()
	srv, _ := newChannelServer(t, discordtest.Options{})
	content := "@everyone launch <@&123> <@456>"
	post(t, srv, "POST", "/channels/501/messages", map[string]any{"content": content, "allowed_mentions": map[string]any{"parse": []string{}}})
	post(t, srv, "POST", "/channels/501/messages", map[string]any{"content": content})
	post(t, srv, "POST", "/channels/501/messages", map[string]any{"content": content, "allowed_mentions": map[string]any{"parse": []string{}, "roles": []string{"123"}}})
	msgs := srv.Messages("501")
	if !msgs[0].Pinged.Empty() || !msgs[0].Mentioned.Everyone || len(msgs[0].Mentioned.Roles) != 1 || len(msgs[0].Mentioned.Users) != 1 {
		t.Fatalf("parse []: mentioned %+v pinged %+v", msgs[0].Mentioned, msgs[0].Pinged)
	}
	if !msgs[1].Pinged.Everyone || len(msgs[1].Pinged.Roles) != 1 {
		t.Fatalf("no allowed_mentions pings everything: %+v", msgs[1].Pinged)
	}
	if p := msgs[2].Pinged; p.Everyone || len(p.Users) != 0 || len(p.Roles) != 1 || p.Roles[0] != "123" {
		t.Fatalf("roles [123]: pinged %+v", p)
	}
}

func TestFaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		spec   discordtest.FaultSpec
		status int
		code   int
		header string
	}{
		{discordtest.FaultSpec{Kind: discordtest.FaultRateLimit, RetryAfter: 1500 * time.Millisecond}, 429, 0, "X-RateLimit-Reset-After"},
		{discordtest.FaultSpec{Kind: discordtest.FaultGlobalRateLimit}, 429, 0, "X-RateLimit-Global"},
		{discordtest.FaultSpec{Kind: discordtest.FaultServerError, Status: 503}, 503, 0, ""},
		{discordtest.FaultSpec{Kind: discordtest.FaultServerError, Status: 502}, 502, 0, ""},
		{discordtest.FaultSpec{Kind: discordtest.FaultUnknownChannel}, 404, 10003, ""},
		{discordtest.FaultSpec{Kind: discordtest.FaultForbidden}, 403, 50013, ""},
		{discordtest.FaultSpec{Kind: discordtest.FaultUnauthorized}, 401, 0, ""},
		{discordtest.FaultSpec{Kind: discordtest.FaultBadRequest}, 400, 50035, ""},
	}
	for _, tt := range tests {
		t.Run(tt.spec.Kind.String(), func(t *testing.T) {
			t.Parallel()
			srv, _ := newChannelServer(t, discordtest.Options{})
			tt.spec.Path = "/channels/*/messages"
			srv.Fail(tt.spec)
			status, h, body := post(t, srv, "POST", "/channels/501/messages", map[string]any{"content": "x"})
			if status != tt.status || tt.header != "" && h.Get(tt.header) == "" {
				t.Fatalf("status %d headers %v, want %d with %s", status, h, tt.status, tt.header)
			}
			if tt.code != 0 && body["code"] != float64(tt.code) {
				t.Fatalf("body %v, want code %d", body, tt.code)
			}
			if status, _, _ := post(t, srv, "POST", "/channels/501/messages", map[string]any{"content": "x"}); status != 200 {
				t.Fatalf("the fault applied twice: %d", status)
			}
			if v := srv.Violations(); len(v) != 0 {
				t.Fatalf("an injected fault is not a violation: %q", v)
			}
			if got := len(srv.Messages("501")); got != 1 {
				t.Fatalf("%d messages, want 1", got)
			}
		})
	}
}

func TestFaultSlowAndDropped(t *testing.T) {
	t.Parallel()
	srv, dg := newChannelServer(t, discordtest.Options{})
	srv.Fail(discordtest.FaultSpec{Kind: discordtest.FaultSlow, Delay: 150 * time.Millisecond, Channel: "501"})
	start := time.Now()
	if _, err := dg.ChannelMessageSend("501", "slow"); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 150*time.Millisecond {
		t.Fatalf("slow response after %s", d)
	}
	srv.Fail(discordtest.FaultSpec{Kind: discordtest.FaultDropResponse, Method: "POST"})
	if _, err := dg.ChannelMessageSend("501", "dropped"); err == nil {
		t.Fatal("a dropped response returned no error")
	}
	msgs := srv.Messages("501")
	if len(msgs) != 2 || msgs[1].Content != "dropped" {
		t.Fatalf("the dropped request must still be carried out: %+v", msgs)
	}
}

func TestProbabilisticFaultsAreSeeded(t *testing.T) {
	t.Parallel()
	run := func() []int {
		srv, _ := newChannelServer(t, discordtest.Options{Seed: 42})
		srv.Fail(discordtest.FaultSpec{Kind: discordtest.FaultServerError, Path: "/channels/*", Times: discordtest.Always, Probability: 0.3})
		var out []int
		for range 100 {
			status, _, _ := post(t, srv, "GET", "/channels/501", nil)
			out = append(out, status)
		}
		return out
	}
	a, b := run(), run()
	failed := 0
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("request %d: %d vs %d with the same seed", i, a[i], b[i])
		}
		if a[i] == 500 {
			failed++
		}
	}
	if failed < 15 || failed > 45 {
		t.Fatalf("%d of 100 failed, want about 30", failed)
	}
}

func TestUnauthorized(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t, discordtest.Options{Token: "right"})
	srv.AddChannel("500", "501", "alerts")
	dg, _ := srv.Session("wrong")
	dg.MaxRestRetries = 0
	_, err := dg.ChannelMessageSend("501", "x")
	assertCode(t, err, 401, 0)
	if st := srv.Stats(); st.Invalid != 1 {
		t.Fatalf("stats %+v", st)
	}
}

// A thread started on a message has the message's id and takes messages;
// a second start answers 160004, a thread on a thread 50024, a thread on a
// missing message 10008. A reply records the message it answers.
func TestThreads(t *testing.T) {
	t.Parallel()
	srv, _ := newChannelServer(t, discordtest.Options{})
	status, _, msg := post(t, srv, "POST", "/channels/501/messages", map[string]any{"content": "alert"})
	if status != 200 {
		t.Fatalf("create: %d", status)
	}
	id := msg["id"].(string)
	status, _, th := post(t, srv, "POST", "/channels/501/messages/"+id+"/threads", map[string]any{"name": "Launch", "auto_archive_duration": 1440})
	if status != 201 || th["id"] != id || th["parent_id"] != "501" || th["type"] != float64(11) {
		t.Fatalf("start thread: %d %v", status, th)
	}
	tests := []struct {
		path string
		body map[string]any
		code int
	}{
		{"/channels/501/messages/" + id + "/threads", map[string]any{"name": "Again"}, 160004},
		{"/channels/" + id + "/messages/" + id + "/threads", map[string]any{"name": "Nested"}, 50024},
		{"/channels/501/messages/999999999999999999/threads", map[string]any{"name": "Nothing"}, 10008},
	}
	for _, tt := range tests {
		if _, _, body := post(t, srv, "POST", tt.path, tt.body); body["code"] != float64(tt.code) {
			t.Errorf("POST %s: %v, want code %d", tt.path, body, tt.code)
		}
	}
	if status, _, _ := post(t, srv, "POST", "/channels/"+id+"/messages", map[string]any{"content": "in the thread"}); status != 200 {
		t.Fatalf("post in thread: %d", status)
	}
	if name, parent, ok := srv.Thread(id); !ok || name != "Launch" || parent != "501" {
		t.Errorf("Thread(%s) = %q %q %v", id, name, parent, ok)
	}
	if got := srv.Messages(id); len(got) != 1 || got[0].Content != "in the thread" {
		t.Errorf("thread messages %+v", got)
	}
	status, _, reply := post(t, srv, "POST", "/channels/501/messages", map[string]any{"content": "more", "message_reference": map[string]any{"message_id": id}})
	if status != 200 || reply["type"] != float64(19) {
		t.Fatalf("reply: %d %v", status, reply)
	}
	if got := srv.Messages("501"); len(got) != 2 || got[1].ReplyTo != id {
		t.Errorf("reply recorded as %+v", got)
	}
	if v := srv.Violations(); len(v) != 0 {
		t.Errorf("violations: %q", v)
	}
}

// A fault drawn ByContent hits the same messages, attempt by attempt, in
// two servers of one seed whatever the order they are sent in, and about
// its share of them.
func TestFaultByContent(t *testing.T) {
	t.Parallel()
	const n = 400
	hits := func(order []int) map[string]bool {
		srv, _ := newChannelServer(t, discordtest.Options{Seed: 7})
		srv.Fail(discordtest.FaultSpec{Kind: discordtest.FaultServerError, Status: 503, Path: "/channels/*/messages",
			Times: discordtest.Always, Probability: 0.1, ByContent: true})
		hit := map[string]bool{}
		for _, i := range order {
			for attempt := range 2 {
				title := fmt.Sprintf("alert %d", i)
				status, _, _ := post(t, srv, "POST", "/channels/501/messages", map[string]any{"embeds": []map[string]any{{"title": title}}})
				if status == 503 {
					hit[fmt.Sprintf("%s#%d", title, attempt)] = true
				}
			}
		}
		return hit
	}
	forward, backward := make([]int, n), make([]int, n)
	for i := range n {
		forward[i], backward[i] = i, n-1-i
	}
	a, b := hits(forward), hits(backward)
	if !maps.Equal(a, b) {
		t.Errorf("the two orders met different faults: %d and %d hits", len(a), len(b))
	}
	if len(a) < 2*n/20 || len(a) > 2*n*3/20 {
		t.Errorf("%d of %d requests hit, want about 10%%", len(a), 2*n)
	}
}
