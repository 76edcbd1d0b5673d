// Package bot connects wirewatch to Discord: the sinks the outbox delivers
// through (Discord, and Console for running without a token) and the Limiter
// that keeps every REST call under Discord's limits. Slash commands live here
// too, in their own files.
//
// Rules:
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
