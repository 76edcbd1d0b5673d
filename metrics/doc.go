// Package metrics is wirewatch's window for operators: the Prometheus
// metrics of a running bot and the HTTP server that answers /metrics,
// /healthz and /readyz on [bot] listen.
//
// Rules:
//   - It is the one package that imports the Prometheus client. The
//     packages where things happen define a small hook (pipeline.Observer,
//     outbox.Options.Delivered, bot.Hooks) and know no metrics library;
//     Metrics implements them, and cmd/wirewatch wires it in.
//   - Each Metrics has its own registry, never the global one, so that two
//     runs (two tests) count apart.
//   - Every metric is named wirewatch_..., with its unit (_seconds) and
//     _total for counters; the README lists them all. Labels are bounded:
//     feed and channel names come from the config, commands from the
//     registered ones, statuses from Discord's few 4xx codes.
//   - What storage knows (the outbox backlog) is read at scrape time, so it
//     is as fresh as the scrape and costs nothing between scrapes.
//   - The server's goroutines stop with the context given to Server.Run.
package metrics
