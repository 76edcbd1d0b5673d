package sqlq

import (
	"context"
	"fmt"

	"wirewatch/model"
	"wirewatch/storage/internal/backend"
)

// InsertDecision records what the pipeline decided about a new item, in
// the transaction that stores it.
func InsertDecision(ctx context.Context, d Dialect, tx Execer, key string, dec *model.Decision) error {
	if dec == nil {
		return nil
	}
	record, err := backend.EncodeDecision(*dec)
	if err != nil {
		return fmt.Errorf("decision of %s: %w", key, err)
	}
	if _, err := tx.Exec(ctx, Rebind(d, `INSERT INTO decisions (item_key, record) VALUES (?, ?)
		ON CONFLICT (item_key) DO NOTHING`), key, record); err != nil {
		return fmt.Errorf("insert decision of %s: %w", key, err)
	}
	return nil
}

// Decision returns the decision record of the item with the given key.
func (s Shared) Decision(ctx context.Context, key string) (model.Decision, error) {
	list, err := collect(ctx, s, `SELECT record FROM decisions WHERE item_key = ?`, []any{key},
		func(r Rows) (model.Decision, error) {
			var record string
			if err := r.Scan(&record); err != nil {
				return model.Decision{}, err
			}
			return backend.DecodeDecision(record)
		})
	return one(list, err, "decision of "+key)
}

// ItemByKey returns the stored item with the given key.
func (s Shared) ItemByKey(ctx context.Context, key string) (model.Item, error) {
	items, err := s.Items(ctx, `SELECT `+ItemColumns+` FROM items i WHERE i.key = ?`, key)
	return one(items, err, "item "+key)
}

// ItemByGUID returns the first stored item with the given GUID, of any feed.
func (s Shared) ItemByGUID(ctx context.Context, guid string) (model.Item, error) {
	items, err := s.Items(ctx, `SELECT `+ItemColumns+` FROM items i WHERE i.guid = ? ORDER BY i.id LIMIT 1`, guid)
	return one(items, err, "item with GUID "+guid)
}
