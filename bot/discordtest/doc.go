// Package discordtest is a loopback stand-in for Discord: it serves the REST
// API (/api/v9 and /api/v10) and the Gateway (websocket) on 127.0.0.1 well
// enough that an unmodified discordgo session connects, identifies, resumes,
// registers commands, posts and edits messages and answers interactions.
//
// A session is pointed at the fake through its http.Client (Server.Client or
// Server.Transport rewrite https://discord.com and the CDN/gateway hosts), so
// no package variable of discordgo is touched and tests may run in parallel.
// The gateway URL comes from the fake's GET /api/v9/gateway.
//
// Rules: the fake enforces what Discord enforces (message and embed sizes in
// Unicode code points, 5 messages per 5 s per channel, 50 requests per second
// globally, enforce_nonce deduplication, the 3 s interaction deadline) and
// answers violations the way Discord does (400 code 50035 naming the field,
// 429 with retry_after and X-RateLimit-* headers). Every violation is also
// recorded, so a test can assert that a well-behaved bot caused none; faults
// injected on purpose (Fail) are not violations. Windows and limits are
// options so that tests can shrink minutes to milliseconds.
package discordtest
