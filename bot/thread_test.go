package bot_test

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"wirewatch/bot"
	"wirewatch/bot/discordtest"
	"wirewatch/model"
	"wirewatch/outbox"
	"wirewatch/storage/sqlite"
)

// threadFixture is SQLite, the outbox, the Discord sink and the loopback
// Discord with one channel, 701.
type threadFixture struct {
	srv  *discordtest.Server
	st   *sqlite.Store
	sink *bot.Discord
	path string
}

func newThreadFixture(t *testing.T) *threadFixture {
	t.Helper()
	f := &threadFixture{path: filepath.Join(t.TempDir(), "wirewatch.db")}
	f.srv = discordtest.New(t, discordtest.Options{MessageWindow: 100 * time.Millisecond})
	f.srv.AddChannel("500", "701", "korea-urgent")
	f.open(t)
	return f
}

func (f *threadFixture) open(t *testing.T) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), f.path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	dg, err := f.srv.Session("tok")
	if err != nil {
		t.Fatal(err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	dg.Client.Transport = bot.NewLimiter(f.srv.Transport(), bot.LimiterOptions{ChannelWindow: 100 * time.Millisecond, Logger: quiet})
	f.st, f.sink = st, bot.NewDiscord(dg, bot.WithSinkLogger(quiet))
}

func (f *threadFixture) flush(t *testing.T) {
	t.Helper()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	ob := outbox.New(f.st, outbox.Sinks{"discord": f.sink}, outbox.Options{BackoffMin: 10 * time.Millisecond, EditInterval: -1, Logger: quiet})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := ob.Flush(ctx); err != nil {
		t.Fatalf("flush: %v", err)
	}
}

// answer is a thread (or reply) post of one more source, answering alert.
func answer(id, alert string, thread bool, sources int) model.Post {
	p := storyPost(id, model.PostAlert, "", launchStory(sources))
	p.Priority = model.PriorityLow
	p.Content.Reply, p.Content.Thread, p.Content.Answers = true, thread, alert
	return p
}

// The answer waits for its alert, even written first; the thread is
// started on the alert, named after its headline.
func TestThreadAnswerWaitsForAlert(t *testing.T) {
	t.Parallel()
	f := newThreadFixture(t)
	ctx := context.Background()
	alert := storyPost("alert-0", model.PostAlert, "", launchStory(1))
	if err := f.st.AddPosts(ctx, []model.Post{answer("answer-1", alert.ID, true, 2), alert}); err != nil {
		t.Fatal(err)
	}
	f.flush(t)
	msgs := f.srv.Messages("701")
	if len(msgs) != 1 {
		t.Fatalf("channel shows %d messages, want the alert only", len(msgs))
	}
	name, parent, ok := f.srv.Thread(msgs[0].ID)
	if !ok || parent != "701" || name != alert.Content.Headline {
		t.Errorf("thread %q in %q (exists %v), want %q in 701", name, parent, ok, alert.Content.Headline)
	}
	if n := len(f.srv.Messages(msgs[0].ID)); n != 1 {
		t.Errorf("thread holds %d messages, want 1", n)
	}
}

// A bot that may not start threads replies to the alert instead; the
// channel is not taken for broken, and nothing is lost.
func TestThreadForbiddenFallsBackToReply(t *testing.T) {
	t.Parallel()
	f := newThreadFixture(t)
	ctx := context.Background()
	f.srv.Fail(discordtest.FaultSpec{Kind: discordtest.FaultForbidden, Path: "/channels/*/messages/*/threads", Times: discordtest.Always})
	alert := storyPost("alert-0", model.PostAlert, "", launchStory(1))
	if err := f.st.AddPosts(ctx, []model.Post{alert, answer("answer-1", alert.ID, true, 2)}); err != nil {
		t.Fatal(err)
	}
	f.flush(t)
	msgs := f.srv.Messages("701")
	if len(msgs) != 2 || msgs[1].ReplyTo != msgs[0].ID {
		t.Fatalf("channel shows %d messages (second replies to %q), want the alert and a reply to it", len(msgs), msgs[len(msgs)-1].ReplyTo)
	}
	if broken, _ := f.st.ChannelStates(ctx); len(broken) != 0 {
		t.Errorf("channel recorded broken: %+v", broken)
	}
}

// A thread message sent by an earlier run that died before recording it is
// found in the thread by the next run and not sent again.
func TestThreadMessageReconciledAfterRestart(t *testing.T) {
	t.Parallel()
	f := newThreadFixture(t)
	ctx := context.Background()
	alert := storyPost("alert-0", model.PostAlert, "", launchStory(1))
	if err := f.st.AddPosts(ctx, []model.Post{alert}); err != nil {
		t.Fatal(err)
	}
	f.flush(t)
	sentAlert, err := f.st.Post(ctx, alert.ID)
	if err != nil {
		t.Fatal(err)
	}
	ans := answer("answer-1", alert.ID, true, 2)
	ans.CreatedAt = time.Now().Add(-time.Hour).UTC()
	if err := f.st.AddPosts(ctx, []model.Post{ans}); err != nil {
		t.Fatal(err)
	}
	// The earlier run: first attempt recorded, message sent, then it died.
	if err := f.st.MarkFirstAttempt(ctx, ans.ID, time.Now().Add(-time.Minute)); err != nil {
		t.Fatal(err)
	}
	sending := ans
	sending.AnswersMessage = sentAlert.MessageID
	msgID, err := f.sink.Send(ctx, "701", sending, "other-nonce")
	if err != nil {
		t.Fatal(err)
	}
	f.open(t) // the next run
	f.flush(t)
	if n := len(f.srv.Messages(sentAlert.MessageID)); n != 1 {
		t.Errorf("thread holds %d messages, want 1 (found, not sent again)", n)
	}
	if p, err := f.st.Post(ctx, ans.ID); err != nil || p.State != model.PostSent || p.MessageID != msgID {
		t.Errorf("answer post: %+v, %v; want sent as %s", p, err, msgID)
	}
}
