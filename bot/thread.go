package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/bwmarrin/discordgo"

	"wirewatch/model"
	"wirewatch/outbox"
)

// Threads (stories.updates = "thread"): each new outlet of an alerted story
// is a message in a thread started on the alert. A thread started on a
// message has that message's id, so the thread needs no state of its own:
// starting it again answers 160004 ("a thread has already been created for
// this message"), which is taken as success, so a retry or a restart never
// makes a second one. When the thread cannot be used (no permission to
// start or post in threads, the alert deleted, a channel without threads),
// the message is a reply to the alert in the channel instead: nothing is
// lost, and the channel is not taken for broken.

// codeThreadExists is Discord's "A thread has already been created for this
// message".
const codeThreadExists = 160004

// threadArchiveMinutes keeps a story's thread open a day after its last
// message (Discord allows 60, 1440, 4320 or 10080).
const threadArchiveMinutes = 1440

// maxThreadName is Discord's limit on a thread's name, in characters.
const maxThreadName = 100

// maxKnownThreads bounds the threads a sink remembers starting; past it
// the memory starts again (a start that finds the thread costs one call).
const maxKnownThreads = 4096

// sendInThread starts the thread on p's alert if it is not there yet and
// posts body in it.
func (d *Discord) sendInThread(ctx context.Context, channelID string, p model.Post, body sendBody) (string, error) {
	d.mu.Lock()
	known := d.threads[p.AnswersMessage]
	d.mu.Unlock()
	thread := p.AnswersMessage
	if !known {
		var err error
		if thread, err = d.startThread(ctx, channelID, p.AnswersMessage, p.Content.Headline); err != nil {
			return "", err
		}
		d.mu.Lock()
		if d.threads == nil || len(d.threads) >= maxKnownThreads {
			d.threads = make(map[string]bool)
		}
		d.threads[p.AnswersMessage] = true
		d.mu.Unlock()
	}
	return d.post(ctx, thread, body)
}

// startThread starts a thread on a message and returns the thread's id (the
// message's); one that exists already is used.
func (d *Discord) startThread(ctx context.Context, channelID, messageID, headline string) (string, error) {
	name := Truncate(oneLine(headline), maxThreadName)
	if name == "" {
		name = "More sources"
	}
	ch, err := d.s.MessageThreadStartComplex(channelID, messageID, &discordgo.ThreadStart{Name: name, AutoArchiveDuration: threadArchiveMinutes}, requestOptions(ctx)...)
	var rest *discordgo.RESTError
	switch {
	case err == nil && ch != nil && ch.ID != "":
		return ch.ID, nil
	case err == nil:
		return "", &outbox.DeliveryError{Status: http.StatusOK, Err: fmt.Errorf("start a thread on message %s: no thread in the answer", messageID)}
	case errors.As(err, &rest) && rest.Message != nil && rest.Message.Code == codeThreadExists:
		return messageID, nil
	}
	return "", deliveryError(fmt.Sprintf("start a thread on message %s in channel %s", messageID, channelID), err)
}

// threadUnusable reports whether a thread failure calls for a reply in the
// channel instead: Discord refused for good (no permission, no such message
// or thread, a channel without threads). A transient failure is retried.
func threadUnusable(err error) bool {
	var de *outbox.DeliveryError
	return errors.As(err, &de) && (de.Permanent || de.Status == http.StatusForbidden || de.Status == http.StatusNotFound)
}

// AnswerPlace is where the answers to a message are posted: its thread,
// whose id is the message's (outbox reconciles there too).
func (d *Discord) AnswerPlace(_, messageID string) string { return messageID }
