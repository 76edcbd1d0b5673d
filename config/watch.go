package config

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"time"
)

// Watch polls the file at path every interval and, when its content has
// changed since Watch was called, parses it whole and calls onChange with the
// new config, or with the error (an Errors, or a read error). The caller
// keeps its running config on error. As with Parse, a file that is TOML
// comes with its Config even when it has mistakes, so that the caller can
// run its own checks (rule syntax) and report every mistake at once; that
// Config must never be put to use. Watch blocks until ctx is done.
//
// Polling (size, mtime, then a content hash) needs no OS support and sees
// editors' rename-over writes, which break inotify watches on the old file. A
// change is read only once the file's size and mtime have held still for one
// interval, so an editor's multi-step save is parsed once, complete.
func Watch(ctx context.Context, path string, interval time.Duration, onChange func(*Config, error)) {
	if interval <= 0 {
		interval = time.Second
	}
	w := &watcher{path: path}
	w.seen = w.stat()
	w.reported = w.hash()
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
		if cfg, changed, err := w.poll(); changed && ctx.Err() == nil {
			onChange(cfg, err)
		}
	}
}

// fileState is what a cheap stat says about the file.
type fileState struct {
	exists  bool
	size    int64
	modTime int64 // UnixNano: comparable, no monotonic reading
}

type watcher struct {
	path     string
	seen     fileState // state at the previous poll
	pending  bool      // the state moved; wait for it to settle
	reported []byte    // hash of the content last reported (or found at start)
}

func (w *watcher) stat() fileState {
	fi, err := os.Stat(w.path)
	if err != nil {
		return fileState{}
	}
	return fileState{exists: true, size: fi.Size(), modTime: fi.ModTime().UnixNano()}
}

// hash returns the content's hash, or nil when the file cannot be read.
func (w *watcher) hash() []byte {
	data, err := os.ReadFile(w.path)
	if err != nil {
		return nil
	}
	sum := sha256.Sum256(data)
	return sum[:]
}

// poll returns the parse result when the file settled on new content.
func (w *watcher) poll() (cfg *Config, changed bool, err error) {
	now := w.stat()
	if now != w.seen {
		w.seen, w.pending = now, true
		return nil, false, nil
	}
	if !w.pending {
		return nil, false, nil
	}
	w.pending = false
	data, readErr := os.ReadFile(w.path)
	var sum []byte
	if readErr == nil {
		s := sha256.Sum256(data)
		sum = s[:]
	}
	if bytes.Equal(sum, w.reported) {
		return nil, false, nil // touched, or written back unchanged
	}
	w.reported = sum
	if readErr != nil {
		return nil, true, fmt.Errorf("read config: %w", readErr)
	}
	cfg, err = Parse(w.path, data)
	return cfg, true, err
}
