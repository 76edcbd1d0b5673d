package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"wirewatch/storage"
)

// Leadership timing. A leader confirms its lock every LeaderCheckInterval,
// each time within LeaderCheckTimeout; the first confirmation that fails or
// times out ends its lead, so it stops at most their sum after its lock
// connection goes silent. The server ends the lock's session, and so frees
// the lock for a standby, once it has been idle for LeaderSessionTimeout
// (idle_session_timeout): a leader that stopped confirming has stopped
// leading well before then.
const (
	LeaderCheckInterval  = time.Second
	LeaderCheckTimeout   = 3 * time.Second
	LeaderSessionTimeout = 10 * time.Second
	leaderRetry          = 2 * time.Second // how often a standby tries the lock
)

// leaderApp is the application_name of lock connections, as operators see
// them in pg_stat_activity.
const leaderApp = "wirewatch leader"

// errReleased ends a lead that was given up, not lost.
var errReleased = errors.New("leadership released")

// Lead blocks until this replica holds the leader lock of the schema, then
// returns a context that ends when leadership is lost or when ctx ends, and
// a release function. context.Cause of the returned context says why a lost
// lead ended.
//
// Several replicas may share one database, but only the leader polls,
// groups stories, posts digests and talks to Discord: grouping lives in
// memory, and two gateway sessions would both answer every slash command.
// The others wait here as hot standbys. The lock is a session-level
// advisory lock on a connection of its own, with TCP keepalives and a user
// timeout at both ends and an idle_session_timeout, so the server frees it
// within LeaderSessionTimeout of the leader's last confirmation, whatever
// became of the network. Each election increments the schema's epoch; the
// writes that matter check it (fenced), so a deposed leader writes nothing
// even before it notices.
func (s *Store) Lead(ctx context.Context) (context.Context, func(), error) {
	conn, err := pgx.ConnectConfig(ctx, s.lockConfig())
	if err != nil {
		return nil, nil, fmt.Errorf("leader lock: connect: %w", err)
	}
	for {
		got, err := tryLock(ctx, conn)
		if err != nil {
			closeConn(conn)
			if ctx.Err() != nil {
				return nil, nil, ctx.Err()
			}
			return nil, nil, fmt.Errorf("leader lock: %w", err)
		}
		if got {
			break
		}
		select {
		case <-ctx.Done():
			closeConn(conn)
			return nil, nil, ctx.Err()
		case <-time.After(leaderRetry):
		}
	}
	epoch, err := elect(ctx, conn)
	if err != nil {
		closeConn(conn)
		return nil, nil, fmt.Errorf("leader lock: elect: %w", err)
	}
	lctx, cancel := context.WithCancelCause(ctx)
	s.lead.epoch.Store(epoch)
	s.lead.depose.Store(&cancel)
	done := make(chan struct{})
	go watchLeader(lctx, cancel, conn, epoch, done)
	release := func() {
		cancel(errReleased)
		<-done
	}
	return lctx, release, nil
}

// Epoch is the epoch this store was elected in, 0 if it never led.
func (s *Store) Epoch() int64 { return s.lead.epoch.Load() }

// lockConfig is the pool's connection config for a lock connection: named,
// and with the server told to end the session when it idles (no
// confirmations).
func (s *Store) lockConfig() *pgx.ConnConfig {
	cfg := s.connConfig.Copy()
	cfg.RuntimeParams["application_name"] = leaderApp
	cfg.RuntimeParams["idle_session_timeout"] = fmt.Sprint(LeaderSessionTimeout.Milliseconds())
	return cfg
}

const lockKey = `hashtext('wirewatch leader ' || current_schema())`

func tryLock(ctx context.Context, conn *pgx.Conn) (bool, error) {
	cctx, cancel := context.WithTimeout(ctx, LeaderCheckTimeout)
	defer cancel()
	var got bool
	err := conn.QueryRow(cctx, `SELECT pg_try_advisory_lock(`+lockKey+`)`).Scan(&got)
	return got, err
}

// electTimeout bounds an election: longer than idleInTransaction, since
// it waits for the writes in flight of the leader before.
const electTimeout = time.Minute

// elect increments the schema's epoch and returns it. The update waits for
// the fenced writes in flight of an earlier leader (a session of it cut off
// mid-transaction ends within idleInTransaction), and refuses the rest.
func elect(ctx context.Context, conn *pgx.Conn) (int64, error) {
	cctx, cancel := context.WithTimeout(ctx, electTimeout)
	defer cancel()
	var epoch int64
	err := conn.QueryRow(cctx, `UPDATE leader_epoch SET epoch = epoch + 1 RETURNING epoch`).Scan(&epoch)
	return epoch, err
}

// confirm checks, within LeaderCheckTimeout, that the lock connection still
// holds an advisory lock and that no later election took place.
func confirm(ctx context.Context, conn *pgx.Conn, epoch int64) error {
	cctx, cancel := context.WithTimeout(ctx, LeaderCheckTimeout)
	defer cancel()
	var current int64
	var held bool
	err := conn.QueryRow(cctx, `SELECT epoch, EXISTS (SELECT 1 FROM pg_locks
		WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted) FROM leader_epoch`).Scan(&current, &held)
	switch {
	case err != nil && cctx.Err() != nil && ctx.Err() == nil:
		return fmt.Errorf("leader lock not confirmed within %s (the database connection holding it is silent)", LeaderCheckTimeout)
	case err != nil:
		return fmt.Errorf("leader lock not confirmed: %w", err)
	case !held:
		return errors.New("leader lock no longer held by this replica")
	case current != epoch:
		return fmt.Errorf("another replica was elected (epoch %d, ours %d)", current, epoch)
	}
	return nil
}

// watchLeader confirms the lock every LeaderCheckInterval; the first failure
// ends leadership with its reason. When leadership ends it closes the lock
// connection, which drops the lock.
func watchLeader(ctx context.Context, cancel context.CancelCauseFunc, conn *pgx.Conn, epoch int64, done chan<- struct{}) {
	defer close(done)
	defer closeConn(conn)
	tick := time.NewTicker(LeaderCheckInterval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if err := confirm(ctx, conn, epoch); err != nil && ctx.Err() == nil {
				cancel(err)
				return
			}
		}
	}
}

// closeConn ends a lock connection's session, within a second: on a silent
// connection the server ends it by itself (idle_session_timeout).
func closeConn(conn *pgx.Conn) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_ = conn.Close(ctx)
}

// fenced runs fn in a transaction that first reads the schema's epoch FOR
// SHARE and refuses (storage.ErrDeposed) when this store led in an earlier
// epoch: a later election has taken place, or waits for this transaction.
// A refusal also ends this store's lead at once. A store that never led
// (lookups, tests) is not fenced.
func (s *Store) fenced(ctx context.Context, fn func(tx pgx.Tx) error) error {
	ours := s.lead.epoch.Load()
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if ours != 0 {
			var current int64
			if err := tx.QueryRow(ctx, `SELECT epoch FROM leader_epoch FOR SHARE`).Scan(&current); err != nil {
				return fmt.Errorf("leader epoch: %w", err)
			}
			if current != ours {
				return s.refused(fmt.Errorf("epoch %d, ours %d: %w", current, ours, storage.ErrDeposed))
			}
		}
		return fn(tx)
	})
}

// execFenced runs one statement, a leader's with wirewatch_fence(epoch)
// before it in the same round trip and implicit transaction: the fenced
// transaction of fenced without its extra round trips.
func (s *Store) execFenced(ctx context.Context, query string, args ...any) (int64, error) {
	ours := s.lead.epoch.Load()
	if ours == 0 {
		tag, err := s.pool.Exec(ctx, query, args...)
		return tag.RowsAffected(), err
	}
	var b pgx.Batch
	b.Queue(`SELECT wirewatch_fence($1)`, ours)
	b.Queue(query, args...)
	br := s.pool.SendBatch(ctx, &b)
	defer br.Close()
	if _, err := br.Exec(); err != nil {
		if pgErr, ok := errors.AsType[*pgconn.PgError](err); ok && pgErr.Code == fenceRefused {
			return 0, s.refused(fmt.Errorf("%s: %w", pgErr.Message, storage.ErrDeposed))
		}
		return 0, fmt.Errorf("leader epoch: %w", err)
	}
	tag, err := br.Exec()
	return tag.RowsAffected(), err
}

// fenceRefused is the SQLSTATE wirewatch_fence raises for a stale epoch.
const fenceRefused = "WW001"

// refused ends this store's lead, if it leads, because a write of it was
// refused, and returns err.
func (s *Store) refused(err error) error {
	if depose := s.lead.depose.Load(); depose != nil {
		(*depose)(fmt.Errorf("another replica was elected: a write was refused (%w)", err))
	}
	return err
}
