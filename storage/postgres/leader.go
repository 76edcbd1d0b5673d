package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Lead blocks until this replica holds the leader lock of the schema, then
// returns a context that ends when leadership is lost (its connection
// broke) or when ctx ends, and a release function.
//
// Several replicas may share one database, but only the leader polls,
// groups stories, posts digests and talks to Discord: grouping lives in
// memory, and two gateway sessions would both answer every slash command.
// The others wait here as hot standbys and take over within a few seconds
// of the leader's death, because PostgreSQL drops a session-level advisory
// lock when its connection goes.
func (s *Store) Lead(ctx context.Context) (context.Context, func(), error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("leader lock: %w", err)
	}
	for {
		var got bool
		err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock(hashtext('wirewatch leader ' || current_schema()))`).Scan(&got)
		if err != nil {
			conn.Release()
			return nil, nil, fmt.Errorf("leader lock: %w", err)
		}
		if got {
			break
		}
		select {
		case <-ctx.Done():
			conn.Release()
			return nil, nil, ctx.Err()
		case <-time.After(2 * time.Second):
		}
	}
	lctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go watchLeader(lctx, cancel, conn, done)
	release := func() {
		cancel()
		<-done
	}
	return lctx, release, nil
}

// watchLeader pings the lock's connection; a failed ping means the lock
// may be gone, so leadership ends. On release it unlocks and returns the
// connection to the pool.
func watchLeader(ctx context.Context, cancel context.CancelFunc, conn *pgxpool.Conn, done chan<- struct{}) {
	defer close(done)
	tick := time.NewTicker(2 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			unlock, stop := context.WithTimeout(context.Background(), 5*time.Second)
			_, err := conn.Exec(unlock, `SELECT pg_advisory_unlock(hashtext('wirewatch leader ' || current_schema()))`)
			stop()
			if err != nil {
				conn.Conn().Close(context.Background()) // closing the session drops the lock
			}
			conn.Release()
			return
		case <-tick.C:
			if err := conn.Ping(ctx); err != nil && ctx.Err() == nil {
				cancel()
			}
		}
	}
}
