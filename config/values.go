package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // time zones must resolve on hosts without /usr/share/zoneinfo (slim containers)

	"github.com/robfig/cron/v3"
)

// loadLocation resolves an IANA time zone name. "Local" is refused: the
// desk's zone must not depend on the server's settings.
func loadLocation(name string) (*time.Location, error) {
	name = strings.TrimSpace(name)
	switch name {
	case "":
		return nil, errors.New("empty time zone (write an IANA name such as \"Asia/Seoul\" or \"UTC\")")
	case "Local":
		return nil, errors.New("time zone \"Local\" depends on the server; write an IANA name such as \"Asia/Seoul\"")
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q (write an IANA name such as \"Asia/Seoul\" or \"UTC\")", name)
	}
	return loc, nil
}

// cronParser is the standard five-field parser with descriptors (@daily,
// @every 1m) and an optional CRON_TZ= prefix.
var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// checkCron validates a cron spec the way the scheduler will parse it, and
// refuses specs that never fire or fire absurdly often.
func checkCron(spec string) error {
	_, err := parseCron(spec)
	return err
}

// parseCron is the one parse of a cron spec (digest schedules and
// polling.tick): cronParser, with checkCron's refusals.
func parseCron(spec string) (sched cron.Schedule, err error) {
	s := strings.TrimSpace(spec)
	if s == "" {
		return nil, errors.New("empty cron spec")
	}
	body := s
	if strings.HasPrefix(s, "TZ=") || strings.HasPrefix(s, "CRON_TZ=") {
		// robfig/cron panics on a zone prefix with nothing after it.
		sp := strings.IndexByte(s, ' ')
		if sp < 0 {
			return nil, fmt.Errorf("cron spec %q has a time zone but no schedule", spec)
		}
		zone := s[strings.IndexByte(s, '=')+1 : sp]
		if _, err := loadLocation(zone); err != nil {
			return nil, fmt.Errorf("cron spec %q: %v", spec, err)
		}
		body = strings.TrimSpace(s[sp:])
	}
	if rest, ok := strings.CutPrefix(body, "@every "); ok {
		d, err := time.ParseDuration(strings.TrimSpace(rest))
		if err != nil {
			return nil, fmt.Errorf("cron spec %q: invalid duration %q", spec, strings.TrimSpace(rest))
		}
		if d < time.Second {
			return nil, fmt.Errorf("cron spec %q: @every needs at least 1s", spec)
		}
	}
	defer func() {
		if r := recover(); r != nil {
			sched, err = nil, fmt.Errorf("invalid cron spec %q", spec)
		}
	}()
	sched, err = cronParser.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("invalid cron spec %q: %v (use 5 fields \"min hour dom month dow\", or @hourly, @daily, @every 10m)", spec, err)
	}
	if sched.Next(time.Now()).IsZero() {
		return nil, fmt.Errorf("cron spec %q never fires", spec)
	}
	return sched, nil
}

// hasCronZone tells whether a spec carries its own time zone.
func hasCronZone(spec string) bool {
	s := strings.TrimSpace(spec)
	return strings.HasPrefix(s, "TZ=") || strings.HasPrefix(s, "CRON_TZ=")
}

// parseQuietHours reads "23:00-07:00" into minutes after midnight.
func parseQuietHours(s string) (start, end int, err error) {
	from, to, ok := strings.Cut(s, "-")
	if !ok {
		return 0, 0, fmt.Errorf("quiet hours %q: write a range such as \"23:00-07:00\"", s)
	}
	if start, err = parseClock(from); err != nil {
		return 0, 0, fmt.Errorf("quiet hours %q: %v", s, err)
	}
	if end, err = parseClock(to); err != nil {
		return 0, 0, fmt.Errorf("quiet hours %q: %v", s, err)
	}
	if start == end {
		return 0, 0, fmt.Errorf("quiet hours %q: start and end are the same", s)
	}
	return start, end, nil
}

func parseClock(s string) (int, error) {
	s = strings.TrimSpace(s)
	h, m, ok := strings.Cut(s, ":")
	if !ok || len(h) != 2 || len(m) != 2 {
		return 0, fmt.Errorf("%q is not a time of day HH:MM", s)
	}
	hour, err1 := strconv.Atoi(h)
	minute, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hour < 0 || hour > 23 || minute < 0 || minute > 59 {
		return 0, fmt.Errorf("%q is not a time of day HH:MM (00:00 to 23:59)", s)
	}
	return hour*60 + minute, nil
}

// checkFeedURL accepts absolute http(s) URLs with a host. Literal private or
// loopback addresses need allow_private; names are checked again at dial time
// by the fetcher, since DNS can point anywhere. Errors never quote the URL
// (it may carry credentials, and a refused reload's errors are posted to the
// admin channel): the position says which one.
func checkFeedURL(raw string, allowPrivate bool) error {
	if strings.TrimSpace(raw) != raw || strings.ContainsAny(raw, " \t\r\n") {
		return errors.New("the URL contains spaces")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return errors.New("not a valid URL")
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return errors.New("the URL must start with http:// or https://")
	}
	host := u.Hostname()
	if host == "" {
		return errors.New("the URL has no host")
	}
	if allowPrivate {
		return nil
	}
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return errors.New("the URL points at this machine; set allow_private = true to poll it")
	}
	if ip := net.ParseIP(host); ip != nil && (ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsUnspecified()) {
		return errors.New("the URL points at a private address; set allow_private = true to poll it")
	}
	return nil
}

// checkAPIBase accepts the address that stands in for https://discord.com/api:
// an absolute http(s) URL with a host and no userinfo, query or fragment (the
// bot's requests append /v9/... to it). It returns it without a trailing
// slash. Errors never quote the value, which may hold a secret.
func checkAPIBase(raw string) (string, error) {
	if raw == "" {
		return "", errors.New("must not be empty (omit the key to talk to Discord itself)")
	}
	if strings.TrimSpace(raw) != raw || strings.ContainsAny(raw, " \t\r\n") {
		return "", errors.New("the URL contains spaces")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", errors.New("not a valid URL")
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return "", errors.New("the URL must start with http:// or https://")
	case u.Hostname() == "":
		return "", errors.New("the URL has no host")
	case u.User != nil:
		return "", errors.New("the URL must not hold a user or password (the bot token is the only credential sent)")
	case u.RawQuery != "" || u.ForceQuery:
		return "", errors.New("the URL must not have a query (?...)")
	case u.Fragment != "" || strings.Contains(raw, "#"):
		return "", errors.New("the URL must not have a fragment (#...)")
	}
	return strings.TrimRight(raw, "/"), nil
}

// isSnowflake tells whether s is a Discord id: decimal digits of a uint64.
func isSnowflake(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
}
