package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"wirewatch/config"
)

func init() {
	registerCommand("health", command{
		summary: "ask a running bot's /readyz (exit 0 when ready, 1 when not): a health check for images without curl",
		examples: []string{"health", "health --config /config/wirewatch.toml",
			"health --url http://127.0.0.1:9090/readyz"},
		run: runHealth,
	})
}

// runHealth asks /readyz and prints its answer: one line per check.
func runHealth(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("health", out)
	path := fs.String("config", "wirewatch.toml", "config file whose [bot] listen says where the bot answers")
	target := fs.String("url", "", "URL to ask instead of the config's (http://HOST:PORT/readyz)")
	timeout := fs.Duration("timeout", 5*time.Second, "give up after this long")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q (pass the address with --url)", errUsage, fs.Arg(0))
	}
	if *timeout <= 0 {
		return fmt.Errorf("%w: --timeout must be positive", errUsage)
	}
	u := *target
	if u == "" {
		cfg, err := config.Load(*path)
		if err != nil {
			return fmt.Errorf("no --url, and the config cannot say where to ask:\n%w", err)
		}
		var ok bool
		if u, ok = cfg.Bot.ReadyURL(); !ok {
			return fmt.Errorf("%s sets no [bot] listen, so the bot runs no health endpoint: set listen = \"127.0.0.1:9090\" there, or pass --url", *path)
		}
	} else if p, err := url.Parse(u); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return fmt.Errorf("%w: --url %q is not an http(s) URL", errUsage, u)
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("not ready: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		return fmt.Errorf("not ready: reading %s: %w", u, err)
	}
	fmt.Fprint(out, string(body))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("not ready: %s answered %s", u, strings.TrimSpace(resp.Status))
	}
	return nil
}
