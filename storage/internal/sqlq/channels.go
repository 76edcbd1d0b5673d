package sqlq

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"wirewatch/model"
)

// channelStateKey prefixes the meta keys of broken channels: a handful of
// small records, read by /feeds and /readyz, which need no table of their own.
const channelStateKey = "channel-state:"

// ChannelStates returns the channels recorded broken, by name.
func (s Shared) ChannelStates(ctx context.Context) ([]model.ChannelState, error) {
	states, err := collect(ctx, s, `SELECT key, value FROM meta WHERE key LIKE ? ORDER BY key`,
		[]any{channelStateKey + "%"}, func(r Rows) (model.ChannelState, error) {
			var key, value string
			if err := r.Scan(&key, &value); err != nil {
				return model.ChannelState{}, err
			}
			var st model.ChannelState
			if err := json.Unmarshal([]byte(value), &st); err != nil {
				return model.ChannelState{}, fmt.Errorf("channel state %q: %w", key, err)
			}
			st.Channel = strings.TrimPrefix(key, channelStateKey)
			return st, nil
		})
	if err != nil {
		return nil, fmt.Errorf("channel states: %w", err)
	}
	return states, nil
}

// SaveChannelState records a channel broken, or removes its record when it
// works again.
func (s Shared) SaveChannelState(ctx context.Context, st model.ChannelState) error {
	key := channelStateKey + st.Channel
	if !st.Broken {
		return s.exec(ctx, "clear channel state "+st.Channel, false, `DELETE FROM meta WHERE key = ?`, key)
	}
	value, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("channel state %s: %w", st.Channel, err)
	}
	return s.SetMeta(ctx, key, string(value))
}
