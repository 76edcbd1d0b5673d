package metrics

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

var (
	pendingDesc = prometheus.NewDesc("wirewatch_outbox_pending_posts",
		"Posts waiting in the outbox, by channel (read from the database at each scrape).", []string{"channel"}, nil)
	oldestDesc = prometheus.NewDesc("wirewatch_outbox_oldest_pending_age_seconds",
		"Age of the oldest post waiting in the outbox, by channel.", []string{"channel"}, nil)
	failingDesc = prometheus.NewDesc("wirewatch_feeds_failing",
		"Feeds whose last poll failed.", nil, nil)
	failuresDesc = prometheus.NewDesc("wirewatch_feed_consecutive_failures",
		"Consecutive failed polls of each failing feed (a feed that works has no series).", []string{"feed"}, nil)
)

// backlogCollector reads the outbox's backlog at each scrape. A channel
// with nothing pending has no series: its posts all went out.
type backlogCollector struct {
	read    BacklogFunc
	timeout time.Duration
}

func (c *backlogCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- pendingDesc
	ch <- oldestDesc
}

func (c *backlogCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	defer cancel()
	list, err := c.read(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(pendingDesc, err)
		return
	}
	now := time.Now()
	for _, b := range list {
		ch <- prometheus.MustNewConstMetric(pendingDesc, prometheus.GaugeValue, float64(b.Pending), b.Channel)
		ch <- prometheus.MustNewConstMetric(oldestDesc, prometheus.GaugeValue, max(0, now.Sub(b.Oldest).Seconds()), b.Channel)
	}
}

// failingCollector reports the feeds failing now, as the polls left them.
type failingCollector struct{ m *Metrics }

func (c failingCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- failingDesc
	ch <- failuresDesc
}

func (c failingCollector) Collect(ch chan<- prometheus.Metric) {
	c.m.mu.Lock()
	defer c.m.mu.Unlock()
	ch <- prometheus.MustNewConstMetric(failingDesc, prometheus.GaugeValue, float64(len(c.m.failing)))
	for feed, n := range c.m.failing {
		ch <- prometheus.MustNewConstMetric(failuresDesc, prometheus.GaugeValue, float64(n), feed)
	}
}
