// Package feeds fetches, decodes and normalizes RSS, Atom and JSON feeds, and
// decides when each feed is polled next.
//
// It is the first stage of the pipeline: it turns untrusted bytes from the
// network into model.Item values that later stages can trust to be valid
// UTF-8 plain text of bounded size, with canonical http(s) links and stable
// keys.
//
// Rules:
//   - Everything from a feed is untrusted: bodies are capped (never silently
//     truncated), decoded to UTF-8 before parsing, and every text field is
//     stripped of HTML and capped.
//   - Outbound connections go through a guarded dialer that refuses loopback,
//     private, link-local and other internal addresses at connect time, so
//     DNS answers and redirects are covered too. A feed with AllowPrivate
//     opts out for its own site only (host and port of its URL): its polls
//     and article pages may reach that site, while links and redirects
//     anywhere else are guarded (pages.go).
//   - Polling is polite: conditional GET with the stored validators sent back
//     verbatim, per-host and global concurrency limits, backoff on failure,
//     and no sooner than the publisher's TTL or Retry-After.
//   - A changed document is parsed without the items the last one had byte
//     for byte (their hashes, GUIDs and dates are kept in the feed state),
//     and whole whenever that cut is not plainly safe (see known.go).
//   - Errors name URLs only through redact.Text, and a stored last error is
//     redacted: feed URLs may carry credentials.
//   - The package imports only wirewatch/model, wirewatch/config and
//     wirewatch/redact of the project; storage and the cron tick belong to
//     the pipeline.
package feeds
