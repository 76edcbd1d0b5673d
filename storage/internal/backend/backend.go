// Package backend holds what the storage backends do the same way: encoding
// list fields as JSON and a feed's known items as base64, filling post
// defaults, page limits and reading versioned migration files.
//
// Rules: nothing here knows SQL; the SQL both backends share is
// storage/internal/sqlq, the rest (transactions, full-text search, leases,
// migrations) is each backend's.
package backend

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"

	"wirewatch/model"
	"wirewatch/storage"
)

// DefaultLimit is the page size when Query.Limit is zero.
const DefaultLimit = 20

// Limit returns the LIMIT for a query: the default for zero, -1 (no limit)
// for a negative Limit.
func Limit(q storage.Query) int {
	switch {
	case q.Limit == 0:
		return DefaultLimit
	case q.Limit < 0:
		return -1
	}
	return q.Limit
}

// Offset returns a non-negative OFFSET.
func Offset(q storage.Query) int { return max(q.Offset, 0) }

// Until returns q.Until, or now when it is zero.
func Until(q storage.Query, now time.Time) time.Time {
	if q.Until.IsZero() {
		return now
	}
	return q.Until
}

// PreparePosts fills what a caller may leave out of a post before it enters
// the outbox: an id, the pending state and the creation time. It changes the
// caller's slice so the caller sees the ids.
func PreparePosts(posts []model.Post, now time.Time) error {
	for i := range posts {
		p := &posts[i]
		if p.Channel == "" {
			return fmt.Errorf("post %q: no channel", p.ID)
		}
		if p.ID == "" {
			p.ID = uuid.NewString()
		}
		if p.State == "" {
			p.State = model.PostPending
		}
		if p.CreatedAt.IsZero() {
			p.CreatedAt = now
		}
	}
	return nil
}

// UniqueTopics drops empty and repeated topic names, keeping order.
func UniqueTopics(topics []string) []string {
	seen := make(map[string]bool, len(topics))
	out := make([]string, 0, len(topics))
	for _, t := range topics {
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// EncodeList encodes a string list as a JSON array ("[]" for nil).
func EncodeList(list []string) string {
	if len(list) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(list) // a []string always marshals
	return string(b)
}

// DecodeList decodes a JSON array; an empty array decodes to nil.
func DecodeList(s string) ([]string, error) {
	var list []string
	if err := json.Unmarshal([]byte(s), &list); err != nil {
		return nil, fmt.Errorf("decode list: %w", err)
	}
	if len(list) == 0 {
		return nil, nil
	}
	return list, nil
}

// source is the stored form of model.Source; its own tags keep the stored
// format stable when the model changes.
type source struct {
	Feed      string    `json:"feed"`
	Title     string    `json:"title"`
	Link      string    `json:"link"`
	Published time.Time `json:"published"`
}

// EncodeSources encodes a story's sources as a JSON array.
func EncodeSources(sources []model.Source) (string, error) {
	out := make([]source, len(sources))
	for i, s := range sources {
		// Truncated like every other stored time.
		out[i] = source{Feed: s.Feed, Title: s.Title, Link: s.Link, Published: s.Published.UTC().Truncate(time.Microsecond)}
	}
	b, err := json.Marshal(out)
	if err != nil {
		return "", fmt.Errorf("encode sources: %w", err)
	}
	return string(b), nil
}

// DecodeSources decodes what EncodeSources wrote; none decodes to nil.
func DecodeSources(s string) ([]model.Source, error) {
	var in []source
	if err := json.Unmarshal([]byte(s), &in); err != nil {
		return nil, fmt.Errorf("decode sources: %w", err)
	}
	if len(in) == 0 {
		return nil, nil
	}
	out := make([]model.Source, len(in))
	for i, s := range in {
		out[i] = model.Source{Feed: s.Feed, Title: s.Title, Link: s.Link, Published: s.Published.UTC()}
	}
	return out, nil
}

// contentVersion marks the JSON of a post's content in the message column.
// A row without it was written before posts were platform-neutral: its
// message is a Discord message (content, embeds, roles), kept verbatim in
// Content.Legacy so that it is still delivered as it was.
const contentVersion = 2

// storedContent is the message column's JSON: the version, then the content.
type storedContent struct {
	Version int `json:"v"`
	model.Content
}

// EncodeContent encodes a post's content as JSON for the message column.
func EncodeContent(c model.Content) (string, error) {
	b, err := json.Marshal(storedContent{Version: contentVersion, Content: c})
	if err != nil {
		return "", fmt.Errorf("encode content: %w", err)
	}
	return string(b), nil
}

// DecodeContent decodes the message column: what EncodeContent wrote, or a
// message written by an older wirewatch, returned as Content.Legacy.
func DecodeContent(s string) (model.Content, error) {
	var probe struct {
		Version int `json:"v"`
	}
	if err := json.Unmarshal([]byte(s), &probe); err != nil {
		return model.Content{}, fmt.Errorf("decode content: %w", err)
	}
	switch probe.Version {
	case 0:
		return model.Content{Legacy: json.RawMessage(s)}, nil
	case contentVersion:
		var sc storedContent
		if err := json.Unmarshal([]byte(s), &sc); err != nil {
			return model.Content{}, fmt.Errorf("decode content: %w", err)
		}
		return sc.Content, nil
	}
	return model.Content{}, fmt.Errorf("decode content: version %d is not one this wirewatch reads (%d)", probe.Version, contentVersion)
}
