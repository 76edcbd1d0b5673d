// Package bot connects wirewatch to Discord: the sinks the outbox delivers
// through (Discord, and Console for running without a token), the rendering
// of posts as Discord messages, and the Limiter that keeps every REST call
// under Discord's limits. Slash commands live here too, in their own files.
//
// Rules:
//   - Posts arrive saying what to say (model.Content); Render lays them out
//     as Discord embeds when they are sent. Everything from a feed is escaped
//     there: no mention can ping except the rule's own roles
//     (Message.Roles), markdown shows as text, only http(s) links are kept,
//     and every text is capped in code points to Discord's limits (ten
//     embeds, 6000 code points in all). A post stored before posts were
//     platform-neutral (Content.Legacy) is sent exactly as it was.
//   - A flood's fold (model.Fold) is one message: its count, its newest
//     links and Previous/Next buttons whose custom_id names the fold's
//     first post and a page, so a press (answered by updating the message,
//     as /timeline's buttons are) reads every item of the fold back from
//     storage through lookup.Fold, also after a restart.
//   - Each message is marked with its post's id (Stamp: the end of the last
//     footer, or a last line of content); an edit keeps the original's mark,
//     and Recent reports it as outbox.Sent.PostID.
//   - Nothing from a feed may ping anyone: every message is sent with
//     allowed_mentions {"parse": []} and only the roles the post names.
//   - A send carries the post's nonce with enforce_nonce, so a retry returns
//     the first message instead of posting twice.
//   - A sink never sleeps on a 429 or retries on its own: it returns an
//     *outbox.DeliveryError (status, Discord code, RetryAfter, Permanent for
//     400/403/404) and the outbox decides. Calls honour their context.
//   - The Limiter is the only place that waits for Discord's rate limits; in
//     normal running Discord answers no 429 at all, and a run of invalid
//     requests (401/403/429) trips a breaker long before Discord bans the IP.
//   - discord.api_base (a rate-limit proxy) is applied by rewriting URLs in
//     the session's own transport, under the Limiter; discordgo's global
//     Endpoint variables are never changed.
//   - bot/discordtest is the loopback Discord the tests run against.
package bot
