// Package config reads and validates wirewatch's TOML configuration.
//
// Rules: a configuration is validated whole before it is used; every mistake is
// reported as "file:line:col: what is wrong" (columns count runes), and all
// mistakes are reported at once, sorted by position, not just the first. The
// Discord token never comes from the file (only from DISCORD_TOKEN).
//
// Load and Parse check TOML syntax with go-toml's decoder, then walk go-toml's
// unstable parser, which keeps byte ranges of keys and values, to build a tree
// of positioned values; the typed Config is decoded from that tree so that
// every key, value and array element can be pointed at. Rule queries are
// recorded with their position (Rule.QueryPos, Rule.QueryPosAt) and compiled
// by package rules, not here. Likewise a channel's id is checked by its
// platform (for Discord, package bot), through wirewatch check and run; here
// a channel only names its platform (default "discord") and writes its id
// as a string.
//
// Watch reloads the file when it changes; a file with mistakes is reported
// and the caller keeps its running config.
package config
