package feeds

import (
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that only identify a campaign or a
// click; they are dropped so one article has one link.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true, "gbraid": true,
	"wbraid": true, "msclkid": true, "yclid": true, "twclid": true, "ttclid": true,
	"li_fat_id": true, "igshid": true, "mc_cid": true, "mc_eid": true,
	"_hsenc": true, "_hsmi": true, "__hssc": true, "__hstc": true, "__hsfp": true,
	"hsctatracking": true, "mkt_tok": true, "srsltid": true, "_ga": true, "_gl": true,
	"cmpid": true, "ocid": true, "taid": true, "ref_src": true, "ref_url": true,
	"oly_anon_id": true, "oly_enc_id": true, "vero_id": true, "wt.mc_id": true,
	"guccounter": true, "guce_referrer": true, "guce_referrer_sig": true,
	"s_cid": true, "spm": true, "amp": true,
}

// trackingPrefixes drop whole families (utm_source, utm_medium, ...).
var trackingPrefixes = []string{"utm_", "mtm_", "pk_", "itm_", "at_", "hmb_"}

// CanonicalLink returns the canonical form of an article link, or "" if raw
// is not an absolute http(s) URL. It lower-cases scheme and host, drops the
// default port, user info, fragment and tracking parameters (utm_*, fbclid,
// gclid, ...), unwraps AMP cache and AMP page URLs, and sorts the remaining
// query parameters (their encoding is kept). The path is kept as written so
// the link still opens the page.
func CanonicalLink(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > maxLinkBytes {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	u.Host = strings.ToLower(u.Host)
	u = unwrapAMPCache(u)
	if u == nil {
		return ""
	}
	if port := u.Port(); port == "" || (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		u.Host = u.Hostname()
		if strings.Contains(u.Host, ":") {
			u.Host = "[" + u.Host + "]"
		}
	}
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	u.RawQuery = cleanQuery(u.RawQuery, u.Hostname())
	u.ForceQuery = false
	unwrapAMPPath(u)
	if u.Path == "" {
		u.Path = "/"
		u.RawPath = ""
	}
	return u.String()
}

// unwrapAMPCache turns https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a
// into https://www.example.com/a.
func unwrapAMPCache(u *url.URL) *url.URL {
	if !strings.HasSuffix(u.Host, ".cdn.ampproject.org") && u.Host != "cdn.ampproject.org" {
		return u
	}
	p := u.EscapedPath()
	scheme := "http"
	for _, prefix := range []string{"/c/", "/v/", "/i/"} {
		if strings.HasPrefix(p, prefix) {
			p = p[len(prefix):]
			break
		}
	}
	if strings.HasPrefix(p, "s/") {
		scheme = "https"
		p = p[2:]
	}
	inner, err := url.Parse(scheme + "://" + p)
	if err != nil || inner.Host == "" {
		return u
	}
	inner.RawQuery = u.RawQuery
	inner.Host = strings.ToLower(inner.Host)
	return inner
}

// unwrapAMPPath drops the AMP variants publishers put in paths:
// /news/x/amp, /news/x/amp/, /news/x.amp.html.
func unwrapAMPPath(u *url.URL) {
	p := u.Path
	switch {
	case strings.HasSuffix(p, ".amp.html"):
		p = strings.TrimSuffix(p, ".amp.html") + ".html"
	case strings.HasSuffix(p, "/amp/"):
		p = strings.TrimSuffix(p, "amp/")
	case strings.HasSuffix(p, "/amp"):
		p = strings.TrimSuffix(p, "amp")
	default:
		return
	}
	u.Path = p
	u.RawPath = ""
}

// cleanQuery drops tracking parameters and sorts the rest by name, keeping
// each parameter's original encoding (and parameters without "=").
func cleanQuery(raw, host string) string {
	if raw == "" {
		return ""
	}
	parts := strings.Split(raw, "&")
	kept := parts[:0]
	for _, p := range parts {
		if p == "" {
			continue
		}
		k, v, _ := strings.Cut(p, "=")
		key, err := url.QueryUnescape(k)
		if err != nil {
			key = k
		}
		if isTracking(strings.ToLower(key), v, host) {
			continue
		}
		kept = append(kept, p)
	}
	sort.SliceStable(kept, func(i, j int) bool {
		ki, _, _ := strings.Cut(kept[i], "=")
		kj, _, _ := strings.Cut(kept[j], "=")
		return ki < kj
	})
	return strings.Join(kept, "&")
}

func isTracking(key, value, host string) bool {
	if trackingParams[key] {
		return true
	}
	for _, p := range trackingPrefixes {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	switch key {
	case "outputtype":
		return strings.EqualFold(value, "amp")
	case "ref":
		// ref=<own site> says where the click came from, nothing about the page.
		v, _ := url.QueryUnescape(value)
		v = strings.TrimPrefix(strings.ToLower(v), "www.")
		return v != "" && v == strings.TrimPrefix(host, "www.")
	}
	return false
}
