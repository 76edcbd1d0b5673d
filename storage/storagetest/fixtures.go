package storagetest

import (
	"fmt"
	"time"

	"wirewatch/model"
)

// base is a fixed instant in the past; fixtures sit around it so results
// do not depend on the clock, except where a test says so.
var base = time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)

var seoul = time.FixedZone("KST", 9*60*60)

func day(n int) time.Time { return base.AddDate(0, 0, n) }

// newItem returns a complete item; key, feed and published are enough to
// tell fixtures apart.
func newItem(key, feed string, published time.Time, topics ...string) model.Item {
	return model.Item{
		Key:        "guid:" + feed + ":" + key,
		Feed:       feed,
		GUID:       key,
		Link:       "https://news.example/" + feed + "/" + key,
		Title:      "Report " + key,
		Text:       "Officials said the situation was being monitored closely.",
		Author:     "Desk " + feed,
		Categories: []string{"Politics", "North Korea"},
		Lang:       "en",
		Published:  published,
		FirstSeen:  published.Add(90 * time.Second),
		Summary:    []string{"First sentence of " + key + ".", "Second sentence."},
		Topics:     topics,
		StoryID:    "story-" + key,
		EventDate:  published.Truncate(24 * time.Hour),
	}
}

// newStory returns a story for one item.
func newStory(id string, it model.Item, eventDate time.Time, topics ...string) model.Story {
	return model.Story{
		ID:        id,
		Title:     it.Title,
		Link:      it.Link,
		FirstSeen: it.Published,
		Updated:   it.Published,
		EventDate: eventDate,
		Sources:   []model.Source{{Feed: it.Feed, Title: it.Title, Link: it.Link, Published: it.Published}},
		Topics:    topics,
	}
}

// newPost returns a pending alert post for a channel.
func newPost(id, channel string, created time.Time) model.Post {
	return model.Post{
		ID:        id,
		Kind:      model.PostAlert,
		Priority:  model.PriorityAlert,
		Channel:   channel,
		ChannelID: "1100" + fmt.Sprint(len(channel)),
		StoryID:   "story-1",
		Rule:      "missile-launch",
		Nonce:     "n-" + id,
		Content: model.Content{
			Headline:   "North Korea fires ballistic missile",
			Link:       "https://news.example/a/1",
			Feed:       "Yonhap",
			Published:  base,
			Summary:    []string{"The missile flew about 800 km.", "Japan protested."},
			Items:      []string{"link:https://news.example/a/1"},
			Severity:   model.SeverityUrgent,
			Rule:       "missile-launch",
			Terms:      []string{"missile", "fires"},
			Mentions:   []string{"42"},
			StoryTitle: "North Korea fires ballistic missile",
			Updated:    base,
			Sources: []model.Source{
				{Feed: "Yonhap", Title: "North Korea fires ballistic missile", Link: "https://news.example/a/1", Published: base},
				{Feed: "KCNA Watch", Title: "DPRK tests missile", Link: "https://kcna.example/2", Published: base.Add(time.Minute)},
			},
			TimeZone: "Asia/Seoul",
		},
		State:     model.PostPending,
		CreatedAt: created,
	}
}

// stored is what a backend must return for a value it was given: times in
// UTC, to the microsecond; empty lists as nil.
func storedTime(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC().Truncate(time.Microsecond)
}

func storedList(l []string) []string {
	if len(l) == 0 {
		return nil
	}
	return l
}

func storedItem(it model.Item) model.Item {
	it.Published, it.FirstSeen, it.EventDate = storedTime(it.Published), storedTime(it.FirstSeen), storedTime(it.EventDate)
	it.Categories, it.Summary, it.Topics = storedList(it.Categories), storedList(it.Summary), storedList(it.Topics)
	return it
}

func storedStory(st model.Story) model.Story {
	st.FirstSeen, st.Updated, st.EventDate = storedTime(st.FirstSeen), storedTime(st.Updated), storedTime(st.EventDate)
	st.Topics = storedList(st.Topics)
	if len(st.Sources) == 0 {
		st.Sources = nil
	}
	sources := make([]model.Source, len(st.Sources))
	for i, s := range st.Sources {
		s.Published = storedTime(s.Published)
		sources[i] = s
	}
	if st.Sources != nil {
		st.Sources = sources
	}
	return st
}

func storedPost(p model.Post) model.Post {
	p.CreatedAt, p.SentAt, p.FirstAttemptAt = storedTime(p.CreatedAt), storedTime(p.SentAt), storedTime(p.FirstAttemptAt)
	return p
}

func storedFeedState(st model.FeedState) model.FeedState {
	st.LastPoll, st.LastSuccess, st.NextPoll = storedTime(st.LastPoll), storedTime(st.LastSuccess), storedTime(st.NextPoll)
	return st
}
