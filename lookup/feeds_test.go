package lookup_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"wirewatch/lookup"
	"wirewatch/model"
)

// TestFeedHealthRedacts: a state stored before errors were redacted, and
// the URL a removed feed was polled at, reach /feeds and `wirewatch feeds`
// without their credentials.
func TestFeedHealthRedacts(t *testing.T) {
	cfg, st := setup(t)
	ctx := context.Background()
	old := model.FeedState{Feed: "Old Feed", URL: "https://u:s3cret@old.example/rss?api_key=s3cret", LastPoll: now,
		LastError: `Get "https://u:s3cret@old.example/rss?api_key=s3cret": EOF`, Failures: 2}
	if err := st.SaveFeedState(ctx, old); err != nil {
		t.Fatal(err)
	}
	list, err := lookup.FeedHealth(ctx, st, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	lookup.WriteFeeds(&buf, cfg, list, now)
	for _, f := range list {
		if strings.Contains(f.URL+f.LastError, "s3cret") {
			t.Errorf("feed status holds the secret: %+v", f)
		}
	}
	if out := buf.String(); strings.Contains(out, "s3cret") || !strings.Contains(out, "api_key=REDACTED") {
		t.Errorf("WriteFeeds:\n%s", out)
	}
}
