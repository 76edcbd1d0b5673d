package bot

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"

	"github.com/bwmarrin/discordgo"

	"wirewatch/feeds"
	"wirewatch/redact"
	"wirewatch/storage"
	"wirewatch/summarize"
)

// summary fetches a page through the address guard, extracts its article
// and summarizes it. An item wirewatch already stored is answered from
// storage without fetching.
func (c *Commands) summary(ctx context.Context, in *request) (reply, error) {
	raw := strings.TrimSpace(in.opts.string("url"))
	u, err := checkSummaryURL(raw, !c.literalChecks())
	if err != nil {
		return reply{}, err
	}
	if canon := feeds.CanonicalLink(u.String()); canon != "" {
		it, err := c.store.ItemByLink(ctx, canon)
		switch {
		case err == nil && len(it.Summary) > 0:
			return summaryReply(it.Title, it.Link, it.Summary, "from wirewatch's stored copy · "+plainText(it.Feed, 100)), nil
		case err != nil && !errors.Is(err, storage.ErrNotFound):
			c.log.Warn("summary: look up stored item", "err", err)
		}
	}
	fctx, cancel := context.WithTimeout(ctx, c.opts.SummaryTimeout)
	defer cancel()
	a, err := summarize.FetchArticle(fctx, c.guarded(), u.String(), c.opts.SummaryMaxBytes)
	switch {
	case errors.Is(err, summarize.ErrNotHTML):
		return reply{}, userErrorf("That link is not a web page; /summary reads news articles.")
	case errors.Is(err, summarize.ErrNoArticle):
		return reply{}, userErrorf("Found no article text on that page; is it a news article?")
	case err != nil:
		return reply{}, c.fetchFailure(u, err)
	}
	final, title, text := a.URL, a.Title, a.Text
	sents := summarize.Summarize(title, text, c.opts.SummarySentences)
	if len(sents) == 0 {
		return reply{}, userErrorf("Found no sentences to summarize on that page.")
	}
	host := u.Hostname()
	if fu, err := url.Parse(final); err == nil && fu.Hostname() != "" {
		host = fu.Hostname()
	}
	return summaryReply(title, final, sents, fmt.Sprintf("extractive summary of %s · %d sentences", plainText(host, 100), len(sents))), nil
}

func summaryReply(title, link string, sents []string, footer string) reply {
	if strings.TrimSpace(title) == "" {
		title = "Summary"
	}
	var l lines
	l.budget = descriptionBudget
	for _, s := range sents {
		l.add("• " + mdText(s, 600))
	}
	e := embed(mdText(title, 200), l.String(), footer)
	if u := SafeURL(link); u != "" {
		e.URL = u
	}
	return reply{Embeds: []*discordgo.MessageEmbed{e}}
}

// checkSummaryURL refuses what is not an http(s) URL, and (unless private
// addresses are allowed) a literal internal address, with the reason. Host
// names are checked by the guarded client after DNS, at connect time.
func checkSummaryURL(raw string, allowPrivate bool) (*url.URL, error) {
	if raw == "" {
		return nil, userErrorf("Give a link: /summary url:https://…")
	}
	if len(raw) > maxURLLength {
		return nil, userErrorf("That link is %d characters long; the limit is %d.", len(raw), maxURLLength)
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Hostname() == "" {
		return nil, userErrorf("%s is not a web link; give one that starts with https://", code(raw))
	}
	if u.User != nil {
		return nil, userErrorf("Links with a user name or password are not fetched.")
	}
	if !allowPrivate {
		if err := checkLiteralHost(u.Hostname()); err != nil {
			return nil, refusal(u, err)
		}
	}
	return u, nil
}

// checkLiteralHost applies the guard's address rules to a host that is an
// IP address, so the refusal names the reason before any connection.
func checkLiteralHost(host string) error {
	ip, err := netip.ParseAddr(strings.Trim(host, "[]"))
	if err != nil {
		return nil
	}
	return feeds.CheckAddress(ip)
}

// literalChecks reports whether /summary refuses literal internal
// addresses itself, before connecting: with the default guarded client.
// An injected client brings its own policy.
func (c *Commands) literalChecks() bool {
	return c.opts.HTTPClient == nil && !c.opts.AllowPrivate
}

// guarded is the fetch client, with redirects to literal internal
// addresses refused by name too (the dialer refuses them anyway).
func (c *Commands) guarded() *http.Client {
	if !c.literalChecks() {
		return c.client
	}
	cl := *c.client
	next := cl.CheckRedirect
	cl.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if err := checkLiteralHost(req.URL.Hostname()); err != nil {
			return err
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= 5 {
			return errors.New("stopped after 5 redirects")
		}
		return nil
	}
	return &cl
}

func refusal(u *url.URL, err error) error {
	var ae *feeds.AddressError
	if errors.As(err, &ae) {
		return userErrorf("Refused to fetch %s: %s is a %s. /summary only reads public web pages.",
			code(redact.Text(u.String())), code(ae.Addr.String()), mdText(ae.Reason, 60))
	}
	return userErrorf("Refused to fetch %s: it points at an internal address. /summary only reads public web pages.", code(redact.Text(u.String())))
}

// fetchFailure says why a page could not be read, without the internals.
func (c *Commands) fetchFailure(u *url.URL, err error) error {
	var se *feeds.StatusError
	var dnsErr *net.DNSError
	switch {
	case errors.Is(err, feeds.ErrForbiddenAddress):
		return refusal(u, err)
	case errors.Is(err, feeds.ErrTooLarge):
		return userErrorf("That page is larger than %d KiB; /summary reads news articles.", c.opts.SummaryMaxBytes>>10)
	case errors.Is(err, context.DeadlineExceeded):
		return userErrorf("That site took longer than %s to answer; try again later.", c.opts.SummaryTimeout)
	case errors.As(err, &se):
		return userErrorf("The site answered %s.", code(se.Status))
	case errors.As(err, &dnsErr):
		return userErrorf("No site is known by the name %s.", code(u.Hostname()))
	}
	c.log.Info("summary fetch failed", "url", redact.Text(u.String()), "err", feeds.Cause(err))
	return userErrorf("Could not read %s; check the link and try again.", code(redact.Text(u.String())))
}
