// Package outbox delivers the posts the pipeline wrote to storage: one
// worker per channel sends them through the Sink of the channel's platform
// (Discord, or the console in its place) and records the outcome. Posts say
// what to say (model.Content); the Sink renders them for its platform, so
// the outbox knows no platform's limits or layout.
//
// Rules, from "never exceed, never lose, never double-post":
//   - A post is in storage (pending) before any network call; it leaves the
//     pending state only when the Sink accepted it (sent, with the message id)
//     or refused it for good (failed). Nothing is dropped on a transient error.
//   - Each channel has its own worker, so a slow or broken channel holds no
//     other back. A channel's posts go out by priority (urgent alerts, then
//     alerts and notices, then info alerts and folds, then digests and
//     edits), oldest first within a priority, in the order PendingPosts
//     reads them; a post written while a batch is being sent is looked at
//     after the post in hand (Notify), so no backlog, however long, delays
//     an urgent alert by more than one send. A pass reads the post that
//     comes first on its own, and sends it at once when it is an urgent
//     alert, before reading a batch of the rest: an urgent alert (and its
//     retry) never waits for a backlog of long posts to be read. A post below urgent that waits
//     in its Sink for the platform's rate limit gives up the wait, unsent,
//     when posts are written (WithYield, ErrYielded), so that send is not
//     one window long. A post being retried is not overtaken by a post
//     of its priority. An update is never sent before the post it edits,
//     nor an answer (a reply, or a message in a thread on the alert:
//     Content.Answers) before the post it answers, whose message id the
//     Sink gets in Post.AnswersMessage; a Sink that posts answers apart from
//     the channel (AnswerPlacer) is searched there too when reconciling.
//     Posts held by quiet hours wait while later, unheld posts (urgent
//     alerts) go out.
//   - A retry reuses the post's nonce, so Discord returns the first message
//     instead of posting twice. Once an ambiguous attempt (timeout, network
//     error, 5xx) is older than the nonce window, or a post was left pending by
//     an earlier run that had tried it, the messages the bot sent to the
//     channel since the first attempt are searched for the post (Sink.Recent
//     pages through all of them and reports the post each was sent for)
//     before it is sent again. The time of a post's first attempt is stored
//     before the call (MarkFirstAttempt), so a restart after any gap finds
//     its message however many came after it; a post never tried is sent
//     without a search.
//   - 429s are honoured (RetryAfter); other transient errors back off
//     exponentially with jitter, an urgent post's 5xx from a quarter of the
//     usual start (UrgentBackoffMin): a 5xx is Discord's momentary failure,
//     and the nonce makes the retry safe. A 403, or a 404 that names the channel,
//     says the channel refuses the bot, not that the post is wrong: the post
//     stays pending, the channel is recorded broken (Store.SaveChannelState;
//     ChannelChanged is called once when it breaks and once when it works
//     again, across restarts) and tried again after BrokenBackoffMin,
//     doubling to BrokenBackoffMax, instead of hammering Discord (the
//     invalid-request limit bans the bot's IP). A 401 says the token is
//     wrong: every channel of that platform stops for BrokenBackoffMax,
//     every post kept. A 400 fails its post, and the payload the Sink sent
//     is logged, redacted. Health reports both for /readyz.
//   - Every goroutine stops when the context given to Run is cancelled.
//
// Wiring: New(store, Sinks{"discord": sink}, Options{Platform: the channel's
// platform from the config, Hold: a quiet-hours policy such as
// pipeline.QuietHold}), then Run in its own goroutine and Notify after each
// write of posts, naming the channels written to (a channel not named is
// not woken, so one channel's busy backlog is not read again for every
// alert of another); Flush instead of Run for one-shot delivery. A Sink marks
// each message with the id of the post it was sent for (an edit keeps the
// original's), and its Recent reports that id back in Sent.PostID. Nonce
// derives the idempotency nonces posts carry.
//
// Replicas sharing a database each run an outbox: a pass takes or renews
// the channel's lease (Store.LeaseChannel) before it reads the channel's
// posts, and sends nothing while another replica holds it, so one sender
// at a time delivers a channel's posts, in order.
package outbox
