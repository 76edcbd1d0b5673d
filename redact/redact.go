// Package redact keeps secrets out of everything wirewatch writes for people
// to read: logs, stored errors, notices in the admin channel, /feeds lines.
//
// Rules:
//   - Text is the one redaction. Whatever may hold a URL, a database address
//     or an error that quotes one goes through it before it is logged, stored
//     or posted; Handler applies it to every log record.
//   - A URL loses its userinfo (user:password@) and fragment, and every query
//     value is masked, whatever its key: a denylist of secret-looking keys
//     misses the next vendor's "sig" or "k", and a feed is named by its name
//     anyway. Scheme, host, port, path and the query keys stay readable.
//   - A token written as a path segment of a webhook or interaction URL
//     (/webhooks/<id>/<token>) is masked, with or without a scheme, since
//     rate-limit logs name routes by path alone.
//   - Outside URLs, key=value pairs whose key names a secret (password=,
//     token=, api_key=, ...) are masked, as in PostgreSQL's keyword/value
//     connection strings.
//   - Redaction never fails and is idempotent; text without "://", "=" or
//     a token path is returned as is, cheaply.
//   - It imports nothing of the project, so every package may use it.
package redact

import (
	"regexp"
	"strings"
)

// Mask replaces every hidden value.
const Mask = "REDACTED"

// urlPattern finds URLs in free text: a scheme, "://" and everything up to
// white space, a quote, a backquote or an angle bracket.
var urlPattern = regexp.MustCompile(`(?i)\b[a-z][a-z0-9+.\-]*://[^\s"'<>` + "`" + `]+`)

// secretPair finds key=value pairs whose key names a secret.
var secretPair = regexp.MustCompile(`(?i)\b((?:[a-z0-9]+[_\-])*(?:password|passwd|pwd|secret|token|api[_\-]?key|apikey|access[_\-]?key|auth|signature|sig)\s*=\s*)('[^']*'|"[^"]*"|[^\s&;,'"]+)`)

// tokenPath finds a token written as a path segment after an id, as
// webhook and interaction URLs carry theirs (/webhooks/<id>/<token>/...,
// /interactions/<id>/<token>/callback): whoever holds it may post.
var tokenPath = regexp.MustCompile(`(/(?:webhooks|interactions)/[0-9]+/)([^/?#\s"'<>]+)`)

// Text returns s with every URL in it redacted (userinfo and fragment
// dropped, query values masked) and every secret key=value masked. A bare
// URL, an error message and a log line are all text.
func Text(s string) string {
	if strings.Contains(s, "/webhooks/") || strings.Contains(s, "/interactions/") {
		s = tokenPath.ReplaceAllString(s, "${1}"+Mask)
	}
	hasURL, hasPair := strings.Contains(s, "://"), strings.Contains(s, "=")
	if hasURL {
		s = urlPattern.ReplaceAllStringFunc(s, url)
	}
	if hasPair {
		s = secretPair.ReplaceAllStringFunc(s, func(m string) string {
			sub := secretPair.FindStringSubmatch(m)
			if strings.HasPrefix(sub[2], Mask) {
				return m // masked already, as a URL's query value: keep what follows
			}
			return sub[1] + Mask
		})
	}
	return s
}

// url redacts one URL found in text. It works on the text as written, not
// through net/url, so that a URL cut short or invalid is redacted too.
func url(u string) string {
	// Trailing punctuation of the sentence around the URL stays outside.
	end := len(u)
	for end > 0 && strings.IndexByte(".,;:!)]}", u[end-1]) >= 0 {
		end--
	}
	u, tail := u[:end], u[end:]
	scheme, rest, _ := strings.Cut(u, "://")
	authEnd := strings.IndexAny(rest, "/?#")
	if authEnd < 0 {
		authEnd = len(rest)
	}
	authority, rest := rest[:authEnd], rest[authEnd:]
	if at := strings.LastIndexByte(authority, '@'); at >= 0 {
		authority = authority[at+1:]
	}
	path, fragment, hasFragment := strings.Cut(rest, "#")
	path, query, hasQuery := strings.Cut(path, "?")
	var b strings.Builder
	b.Grow(len(u) + 16)
	b.WriteString(scheme + "://" + authority + path)
	if hasQuery {
		b.WriteByte('?')
		for i, pair := range strings.Split(query, "&") {
			if i > 0 {
				b.WriteByte('&')
			}
			if pair == "" {
				continue
			}
			key, _, hasValue := strings.Cut(pair, "=")
			if !hasValue {
				b.WriteString(Mask) // a bare value, such as ?s3cr3t
				continue
			}
			b.WriteString(key + "=" + Mask)
		}
	}
	if hasFragment && fragment != "" {
		b.WriteString("#" + Mask)
	}
	return b.String() + tail
}
