package outbox

import (
	"context"
	"errors"
	"fmt"
	"time"

	"wirewatch/model"
	"wirewatch/storage"
)

// Edits of one message are coalesced. A story that many outlets report
// within minutes writes an update post per new source, each carrying the
// story's whole state when it was planned. Sending each would be a stream
// of edits to one message, which readers see flicker and which spends the
// channel's rate limit that alerts need. So a message is changed at most
// once per EditInterval (its send counts as a change), and when several
// updates of one message are pending only the newest is sent: the older
// ones are recorded as sent, with the message id they were folded into,
// without a call. "Sent" is what they are for everything that reads posts
// later (reconciling, AlertPostFor, which reads alerts only): the message
// shows a newer state of the same story, never an older one.

// newestUpdates maps the id of each post edited by an update among posts
// to the newest such update (the last written: posts come oldest first
// within a priority, and updates share one priority).
func newestUpdates(posts []model.Post) map[string]string {
	var newest map[string]model.Post
	for _, p := range posts {
		if p.Kind != model.PostUpdate || p.ReplaceOf == "" {
			continue
		}
		if newest == nil {
			newest = make(map[string]model.Post)
		}
		if cur, ok := newest[p.ReplaceOf]; !ok || !p.CreatedAt.Before(cur.CreatedAt) {
			newest[p.ReplaceOf] = p
		}
	}
	ids := make(map[string]string, len(newest))
	for orig, p := range newest {
		ids[orig] = p.ID
	}
	return ids
}

// coalesce edits orig's message with the update p, unless a newer update
// of it is pending (p is settled without a call) or the message changed
// less than EditInterval ago (p waits; ch.editDue says until when).
func (o *Outbox) coalesce(ctx context.Context, ch *channel, p, orig model.Post) (outcome, error) {
	if newest, ok := ch.newest[orig.ID]; ok && newest != p.ID {
		return o.supersede(ctx, ch, p, orig, newest)
	}
	if o.opts.EditInterval > 0 {
		if due := ch.changed[orig.MessageID].Add(o.opts.EditInterval); time.Now().Before(due) {
			ch.editDue = earliest(ch.editDue, due)
			return skipped, nil
		}
	}
	return o.edit(ctx, ch, p, orig)
}

// supersedeLoaded records the loaded updates that a newer loaded update of
// the same message replaces, in one write per message, and returns the
// posts left to deliver. They are the ones coalesce would supersede one
// write each: a flood's fold gains an update per stored batch, and each
// pass that read 46 of them recorded them in 46 transactions in a row on
// SQLite's one write connection, which every other channel's alerts and
// every poll wait for.
func (o *Outbox) supersedeLoaded(ctx context.Context, ch *channel, posts []model.Post) ([]model.Post, error) {
	now := o.opts.Clock()
	var origs []model.Post
	superseded := map[string][]string{} // original post id → its superseded updates
	for _, p := range posts {
		newest, ok := ch.newest[p.ReplaceOf]
		if !ok || newest == p.ID || p.Kind != model.PostUpdate || p.Content.Answers != "" {
			continue
		}
		if _, ok := ch.unrecorded[p.ID]; ok {
			continue
		}
		if o.opts.Hold != nil {
			if _, hold := o.opts.Hold(p, now); hold {
				continue
			}
		}
		orig, err := o.original(ctx, ch, p.ReplaceOf)
		if errors.Is(err, storage.ErrNotFound) {
			continue // deliver sends it as it is
		}
		if err != nil {
			return nil, fmt.Errorf("original %s of post %s: %w", p.ReplaceOf, p.ID, err)
		}
		if orig.State != model.PostSent || orig.MessageID == "" {
			continue
		}
		if superseded[orig.ID] == nil {
			origs = append(origs, orig)
		}
		superseded[orig.ID] = append(superseded[orig.ID], p.ID)
	}
	if len(origs) == 0 {
		return posts, nil
	}
	done := map[string]bool{}
	for _, orig := range origs {
		ids := superseded[orig.ID]
		if err := o.store.MarkSuperseded(ctx, ids, orig.MessageID, now); err != nil {
			return nil, fmt.Errorf("mark %d updates of post %s superseded by %s: %w", len(ids), orig.ID, ch.newest[orig.ID], err)
		}
		for _, id := range ids {
			done[id] = true
		}
		o.log.Debug("updates superseded by a newer one; not sent", "channel", ch.name, "posts", len(ids), "newer", ch.newest[orig.ID], "message", orig.MessageID)
	}
	rest := posts[:0:0]
	for _, p := range posts {
		if done[p.ID] {
			settle(ch, p)
			continue
		}
		rest = append(rest, p)
	}
	return rest, nil
}

// supersede records an update that a newer one of the same message
// replaces: sent, as the message it would have edited.
func (o *Outbox) supersede(ctx context.Context, ch *channel, p, orig model.Post, newer string) (outcome, error) {
	if err := o.store.MarkSent(ctx, p.ID, orig.MessageID, o.opts.Clock()); err != nil {
		return stopping, fmt.Errorf("mark update %s superseded by %s: %w", p.ID, newer, err)
	}
	settle(ch, p)
	o.log.Debug("update superseded by a newer one; not sent", "channel", p.Channel, "post", p.ID, "newer", newer, "message", orig.MessageID)
	return settled, nil
}

// noteChange records that a message was just created or edited, and
// forgets the messages whose interval has passed.
func (o *Outbox) noteChange(ch *channel, msgID string) {
	if o.opts.EditInterval <= 0 || msgID == "" {
		return
	}
	now := time.Now()
	for id, at := range ch.changed {
		if now.Sub(at) >= o.opts.EditInterval {
			delete(ch.changed, id)
		}
	}
	ch.changed[msgID] = now
}
