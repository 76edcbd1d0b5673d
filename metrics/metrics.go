package metrics

import (
	"context"
	"log/slog"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"wirewatch/model"
	"wirewatch/pipeline"
	"wirewatch/storage"
)

// Buckets, in seconds. Alert latency runs from a loopback poll's tens of
// milliseconds to minutes behind Discord's rate limits or a backlog;
// polls take up to the poll timeout (20 s by default); lookups are
// answered in milliseconds and given up after a few seconds.
var (
	alertLatencyBuckets = []float64{0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300}
	pollBuckets         = []float64{0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 60}
	lookupBuckets       = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}
)

// seenFor is how long the parse time of an alert waiting in the outbox is
// kept; an alert still unsent after it (quiet hours overnight, a parked
// channel) is timed from its creation instead.
const seenFor = 24 * time.Hour

// BacklogFunc reads what waits in the outbox, per channel
// (storage.Store.Backlog).
type BacklogFunc func(ctx context.Context) ([]storage.ChannelBacklog, error)

// Metrics are the metrics of one run. Its methods are safe for concurrent
// use; they implement the hooks of the pipeline, the outbox and the bot.
type Metrics struct {
	reg *prometheus.Registry

	polls        *prometheus.CounterVec
	pollSeconds  *prometheus.CounterVec
	pollDuration *prometheus.HistogramVec
	newItems     *prometheus.CounterVec
	alertLatency prometheus.Histogram
	postsSent    *prometheus.CounterVec
	rateLimited  *prometheus.CounterVec
	invalid      *prometheus.CounterVec
	lookups      *prometheus.HistogramVec
	reloads      *prometheus.CounterVec
	leader       prometheus.Gauge

	mu        sync.Mutex
	seen      map[string]time.Time // alert post id → when its poll parsed the document
	lastPrune time.Time
	failing   map[string]int  // feed → consecutive failures, for feeds failing now
	feeds     map[string]bool // feeds with series, for RetainFeeds
}

var _ pipeline.Observer = (*Metrics)(nil)

// New returns the metrics of a run of the given version, in a registry of
// their own with the Go runtime's and the process's.
func New(version string) *Metrics {
	m := &Metrics{
		reg:     prometheus.NewRegistry(),
		seen:    map[string]time.Time{},
		failing: map[string]int{},
		feeds:   map[string]bool{},
		polls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wirewatch_polls_total",
			Help: "Feed polls, by feed and result (ok, not_modified, failed).",
		}, []string{"feed", "result"}),
		pollSeconds: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wirewatch_poll_seconds_total",
			Help: "Time spent fetching and parsing each feed's documents; divided by wirewatch_polls_total, a feed's mean poll time.",
		}, []string{"feed"}),
		pollDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "wirewatch_poll_duration_seconds",
			Help:    "Time to fetch and parse one feed document, by result.",
			Buckets: pollBuckets,
		}, []string{"result"}),
		newItems: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wirewatch_items_new_total",
			Help: "New items stored, by feed (a feed's first poll, its backlog, is not counted).",
		}, []string{"feed"}),
		alertLatency: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "wirewatch_alert_latency_seconds",
			Help:    "Time from the poll that first saw an item (its document parsed) to its alert being accepted by the platform; quiet hours and rate limits included.",
			Buckets: alertLatencyBuckets,
		}),
		postsSent: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wirewatch_posts_sent_total",
			Help: "Posts the platform accepted, by kind (alert, update, fold, digest, notice).",
		}, []string{"kind"}),
		rateLimited: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wirewatch_discord_rate_limited_total",
			Help: "429 answers from Discord, by scope (route or global); in normal running none.",
		}, []string{"scope"}),
		invalid: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wirewatch_discord_invalid_requests_total",
			Help: "Other 4xx answers from Discord, by status (400 bad payload, 401 token refused, 403 missing permission, 404 unknown channel or message).",
		}, []string{"status"}),
		lookups: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "wirewatch_lookup_duration_seconds",
			Help:    "Time a slash command or page button spent on its work (waiting for a free slot included, Discord's round trips not), by command.",
			Buckets: lookupBuckets,
		}, []string{"command"}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wirewatch_config_reloads_total",
			Help: "Config reloads, by result (ok, refused).",
		}, []string{"result"}),
		leader: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "wirewatch_leader",
			Help: "1 while this replica leads (polls, posts, answers commands), 0 while it is a standby.",
		}),
	}
	build := prometheus.NewGauge(prometheus.GaugeOpts{
		Name:        "wirewatch_build_info",
		Help:        "Always 1; the labels say which build runs.",
		ConstLabels: prometheus.Labels{"version": version, "goversion": runtime.Version()},
	})
	build.Set(1)
	m.reg.MustRegister(m.polls, m.pollSeconds, m.pollDuration, m.newItems, m.alertLatency, m.postsSent,
		m.rateLimited, m.invalid, m.lookups, m.reloads, m.leader, build, failingCollector{m},
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for _, r := range []string{pipeline.PollOK, pipeline.PollNotModified, pipeline.PollFailed} {
		m.pollDuration.WithLabelValues(r) // shown at 0 before the first poll
	}
	for _, r := range []string{"ok", "refused"} {
		m.reloads.WithLabelValues(r)
	}
	for _, s := range []string{"route", "global"} {
		m.rateLimited.WithLabelValues(s)
	}
	return m
}

// WatchOutbox has each scrape read the outbox's backlog through read,
// within timeout; a failed read is reported as a scrape error.
func (m *Metrics) WatchOutbox(read BacklogFunc, timeout time.Duration) {
	m.reg.MustRegister(&backlogCollector{read: read, timeout: timeout})
}

// WatchGateway has each scrape ask connected whether the Discord gateway
// is up.
func (m *Metrics) WatchGateway(connected func() bool) {
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "wirewatch_discord_gateway_connected",
		Help: "1 while the Discord gateway session is up, 0 while it reconnects.",
	}, func() float64 {
		if connected() {
			return 1
		}
		return 0
	}))
}

// Handler serves the metrics in the Prometheus text format; errors while
// collecting (the database did not answer) are logged and the rest served.
func (m *Metrics) Handler(log *slog.Logger) http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{
		ErrorLog:      slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		ErrorHandling: promhttp.ContinueOnError,
		Registry:      m.reg, // promhttp_metric_handler_errors_total
	})
}

// Polled implements pipeline.Observer.
func (m *Metrics) Polled(feed, result string, took time.Duration, failures int) {
	m.polls.WithLabelValues(feed, result).Inc()
	m.pollSeconds.WithLabelValues(feed).Add(took.Seconds())
	m.pollDuration.WithLabelValues(result).Observe(took.Seconds())
	m.mu.Lock()
	defer m.mu.Unlock()
	m.feeds[feed] = true
	if failures > 0 {
		m.failing[feed] = failures
	} else {
		delete(m.failing, feed)
	}
}

// Stored implements pipeline.Observer: the alerts' parse time is kept
// until they are delivered.
func (m *Metrics) Stored(feed string, items int, alerts []model.Post, parsed time.Time) {
	m.newItems.WithLabelValues(feed).Add(float64(items))
	m.mu.Lock()
	defer m.mu.Unlock()
	m.feeds[feed] = true
	for _, a := range alerts {
		m.seen[a.ID] = parsed
	}
	if now := time.Now(); now.Sub(m.lastPrune) > time.Minute {
		m.lastPrune = now
		for id, t := range m.seen {
			if now.Sub(t) > seenFor {
				delete(m.seen, id)
			}
		}
	}
}

// Delivered is the outbox's Delivered hook: it counts the post and, for an
// alert, observes its latency from the parse of the poll that found its
// item. An alert this run did not see stored (written before a restart, or
// after an article page came) is timed from its creation in the outbox.
func (m *Metrics) Delivered(p model.Post) {
	m.postsSent.WithLabelValues(string(p.Kind)).Inc()
	if p.Kind != model.PostAlert {
		return
	}
	m.mu.Lock()
	from, ok := m.seen[p.ID]
	delete(m.seen, p.ID)
	m.mu.Unlock()
	if !ok {
		from = p.CreatedAt
	}
	if d := time.Since(from); d >= 0 {
		m.alertLatency.Observe(d.Seconds())
	}
}

// DiscordAnswered is the Discord limiter's Answered hook.
func (m *Metrics) DiscordAnswered(status int, global bool) {
	switch {
	case status == http.StatusTooManyRequests && global:
		m.rateLimited.WithLabelValues("global").Inc()
	case status == http.StatusTooManyRequests:
		m.rateLimited.WithLabelValues("route").Inc()
	case status >= 400 && status < 500:
		m.invalid.WithLabelValues(strconv.Itoa(status)).Inc()
	}
}

// Looked is the slash commands' Looked hook.
func (m *Metrics) Looked(command string, took time.Duration) {
	m.lookups.WithLabelValues(command).Observe(took.Seconds())
}

// Reloaded counts a config reload that was applied (ok) or refused.
func (m *Metrics) Reloaded(ok bool) {
	result := "refused"
	if ok {
		result = "ok"
	}
	m.reloads.WithLabelValues(result).Inc()
}

// SetLeader records whether this replica leads.
func (m *Metrics) SetLeader(leading bool) {
	if leading {
		m.leader.Set(1)
	} else {
		m.leader.Set(0)
	}
}

// RetainFeeds forgets the feeds not in names (a reload removed them), so
// that a removed feed that was failing stops counting as failing, and its
// series leave /metrics.
func (m *Metrics) RetainFeeds(names []string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for feed := range m.feeds {
		if slices.Contains(names, feed) {
			continue
		}
		delete(m.feeds, feed)
		delete(m.failing, feed)
		for _, vec := range []*prometheus.CounterVec{m.polls, m.pollSeconds, m.newItems} {
			vec.DeletePartialMatch(prometheus.Labels{"feed": feed})
		}
	}
}
