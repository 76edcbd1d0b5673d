package outbox

import (
	"context"
	"errors"
	"fmt"
	"time"

	"wirewatch/model"
)

// Sink is where the outbox delivers posts on one platform: Discord (or the
// console in its place). Implementations live with their platform (package
// bot). A Sink renders a post's Content for its platform when it sends, and
// marks each message with the id of its post so that Recent can report it.
type Sink interface {
	// Send posts p to a channel with an idempotency nonce (at most 25
	// characters); sending the same nonce again within the platform's nonce
	// window returns the original message instead of a second one. The
	// message is marked as p's.
	Send(ctx context.Context, channelID string, p model.Post, nonce string) (messageID string, err error)
	// Edit replaces a message the bot posted earlier with p's content. The
	// message stays marked as the post it was sent for (p.ReplaceOf).
	Edit(ctx context.Context, channelID, messageID string, p model.Post) error
	// Recent lists every message the bot sent to a channel at or after
	// since (by the platform's clock; the outbox allows for skew), paging
	// through as many as there are, in any order, so that a post left
	// pending by a crash is found however many messages came after it.
	Recent(ctx context.Context, channelID string, since time.Time) ([]Sent, error)
}

// Sinks maps a platform's name ("discord") to the Sink that delivers to its
// channels.
type Sinks map[string]Sink

// Sent is a message the bot posted, as Recent reports it.
type Sent struct {
	MessageID string
	Nonce     string // the nonce if the platform returns it, else ""
	PostID    string // the post the message was sent for, from the sink's mark in it; "" if unmarked
}

// DeliveryError is how a Sink reports a failed call so the outbox can decide
// what to do: retry with the same nonce (after RetryAfter, if set), or give up.
type DeliveryError struct {
	Status     int           // HTTP status, 0 for a network error or timeout
	Code       int           // the platform's JSON error code, if any (Discord's)
	RetryAfter time.Duration // from a 429's retry_after / Retry-After
	Permanent  bool          // 400, 403, 404: retrying cannot help
	// Payload is what was sent, for a 400 (the platform refused its
	// form): logged, redacted, so the bug that made it can be found.
	Payload string
	Err     error
}

func (e *DeliveryError) Error() string {
	return fmt.Sprintf("deliver: status %d code %d: %v", e.Status, e.Code, e.Err)
}

func (e *DeliveryError) Unwrap() error { return e.Err }

// IsPermanent reports whether err says that retrying cannot help.
func IsPermanent(err error) bool {
	var de *DeliveryError
	return errors.As(err, &de) && de.Permanent
}

// RetryAfter returns how long the platform asked us to wait, or 0.
func RetryAfter(err error) time.Duration {
	var de *DeliveryError
	if errors.As(err, &de) {
		return de.RetryAfter
	}
	return 0
}

// ErrYielded is what a Sink returns (wrapped) when it gave up waiting for
// the platform's rate limit before sending, because posts were written
// meanwhile (the channel of Yield closed): nothing was sent, and the outbox
// reloads the channel's posts, so that a newly written urgent post goes
// before the one that was waiting.
var ErrYielded = errors.New("gave up waiting for the rate limit: posts were written meanwhile")

type yieldKey struct{}

// WithYield returns ctx carrying ch, which closes when posts are written.
// A Sink that must wait for the platform's rate limit before it sends may
// stop waiting when ch closes and return ErrYielded; once the request is
// sent, ch no longer matters.
func WithYield(ctx context.Context, ch <-chan struct{}) context.Context {
	return context.WithValue(ctx, yieldKey{}, ch)
}

// Yield returns the channel WithYield put in ctx, or nil (never closes).
func Yield(ctx context.Context) <-chan struct{} {
	ch, _ := ctx.Value(yieldKey{}).(<-chan struct{})
	return ch
}
