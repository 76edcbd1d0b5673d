package bot_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wirewatch/bot"
	"wirewatch/bot/discordtest"
	"wirewatch/model"
	"wirewatch/outbox"
	"wirewatch/storage/sqlite"
)

// A digest of 36 long entries, split by SplitDigest into one post per
// part as the pipeline writes them, goes through the outbox and the
// Discord sink into the loopback Discord: as many messages as parts, in
// order, within every limit Discord checks, each entry's headline in
// exactly one of them, and "… and 9 more" in the last.
func TestSplitDigestDelivered(t *testing.T) {
	t.Parallel()
	srv, sink, _ := newSink(t, discordtest.Options{}, bot.LimiterOptions{})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "wirewatch.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	until := time.Date(2026, 12, 5, 8, 0, 0, 0, time.UTC)
	d := model.DigestContent{Name: "morning-brief", Since: until.Add(-24 * time.Hour), Until: until, Total: 45, NotShown: 9}
	var headlines []string
	for s := range 3 {
		sec := model.DigestSection{Topic: fmt.Sprintf("topic-%d", s), Title: fmt.Sprintf("Topic %d", s), Stories: 15}
		for i := range 12 {
			h := fmt.Sprintf("Headline %d.%d: %s", s, i, strings.Repeat("words of a long headline ", 5))
			headlines = append(headlines, fmt.Sprintf("Headline %d.%d:", s, i))
			sec.Entries = append(sec.Entries, model.DigestEntry{StoryID: fmt.Sprintf("s%d-%d", s, i), Headline: h,
				Link: fmt.Sprintf("https://news.example/%d/%d", s, i), Summary: strings.Repeat("A summary of the event @everyone. ", 6),
				Sources: 2 + i, EventDate: until.Add(-12 * time.Hour), Updated: until.Add(-time.Duration(i) * time.Hour)})
		}
		d.Sections = append(d.Sections, sec)
	}
	parts := bot.SplitDigest(d)
	if len(parts) < 2 {
		t.Fatalf("%d parts, want several", len(parts))
	}
	var posts []model.Post
	for i := range parts {
		part := parts[i]
		posts = append(posts, model.Post{ID: fmt.Sprintf("digest-%d", i+1), Kind: model.PostDigest, Priority: model.PriorityOf(model.PostDigest, ""),
			Channel: "digest", ChannelID: digestID, Rule: d.Name, Nonce: outbox.Nonce("digest", d.Name, "digest", until.Format(time.RFC3339), fmt.Sprint(i)),
			State: model.PostPending, CreatedAt: until.Add(time.Duration(i) * time.Microsecond),
			Content: model.Content{Digest: &part, TimeZone: "Asia/Seoul"}})
	}
	if err := st.AddPosts(ctx, posts); err != nil {
		t.Fatal(err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := outbox.New(st, outbox.Sinks{"discord": sink}, outbox.Options{CallTimeout: 5 * time.Second, Logger: quiet}).Flush(ctx); err != nil {
		t.Fatal(err)
	}
	msgs := srv.Messages(digestID)
	if len(msgs) != len(parts) {
		t.Fatalf("%d messages for %d parts", len(msgs), len(parts))
	}
	seen := map[string]int{}
	for i, m := range msgs {
		if want := fmt.Sprintf("(%d/%d)", i+1, len(parts)); !strings.Contains(m.Content, want) {
			t.Errorf("message %d content %q, want %s", i+1, m.Content, want)
		}
		var text strings.Builder
		for _, e := range m.Embeds {
			text.WriteString(e.Description + "\n")
		}
		for _, h := range headlines {
			seen[h] += strings.Count(text.String(), "**["+h)
		}
		if more := strings.Contains(text.String(), "… and 9 more"); more != (i == len(msgs)-1) {
			t.Errorf("message %d: \"… and 9 more\" %v", i+1, more)
		}
		if m.Mentioned.Everyone || !m.Pinged.Empty() {
			t.Errorf("message %d pings: %+v", i+1, m.Pinged)
		}
	}
	for _, h := range headlines {
		if seen[h] != 1 {
			t.Errorf("%q shown %d times, want once", h, seen[h])
		}
	}
	if v := srv.Violations(); len(v) != 0 {
		t.Errorf("violations of Discord's limits: %q", v)
	}
	t.Logf("36 entries in %d messages", len(msgs))
}
