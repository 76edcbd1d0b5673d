package backend

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"

	"wirewatch/model"
)

// MaxKnownItems caps the known items stored per feed: a feed's document
// rarely holds more, and the cap bounds the row (32,000 characters).
const MaxKnownItems = 1000

// knownItemSize is one stored record: Sum, GUID, Published, little-endian.
const knownItemSize = 24

// knownEncoding is unpadded: records are 24 bytes, a multiple of 3, so a
// valid value never needs padding anyway.
var knownEncoding = base64.RawStdEncoding.Strict()

// EncodeKnownItems encodes a feed's known items as base64 of fixed-size
// records, compact beside JSON for a list read and written on every poll.
// Only the first MaxKnownItems are kept; none encodes to "".
func EncodeKnownItems(items []model.KnownItem) string {
	if len(items) == 0 {
		return ""
	}
	items = items[:min(len(items), MaxKnownItems)]
	buf := make([]byte, 0, len(items)*knownItemSize)
	for _, k := range items {
		buf = binary.LittleEndian.AppendUint64(buf, k.Sum)
		buf = binary.LittleEndian.AppendUint64(buf, k.GUID)
		buf = binary.LittleEndian.AppendUint64(buf, uint64(k.Published))
	}
	return knownEncoding.EncodeToString(buf)
}

// DecodeKnownItems decodes what EncodeKnownItems wrote; "" decodes to nil.
func DecodeKnownItems(s string) ([]model.KnownItem, error) {
	if s == "" {
		return nil, nil
	}
	buf, err := knownEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("decode known items: bad base64: %w", err)
	}
	if len(buf)%knownItemSize != 0 {
		return nil, fmt.Errorf("decode known items: %d bytes is not a whole number of %d-byte records", len(buf), knownItemSize)
	}
	items := make([]model.KnownItem, len(buf)/knownItemSize)
	for i := range items {
		r := buf[i*knownItemSize:]
		items[i] = model.KnownItem{
			Sum:       binary.LittleEndian.Uint64(r),
			GUID:      binary.LittleEndian.Uint64(r[8:]),
			Published: int64(binary.LittleEndian.Uint64(r[16:])),
		}
	}
	return items, nil
}

// DecodeKnownItemsOrNone is DecodeKnownItems for reading a feed state row:
// a corrupt value costs only the shortcut known items allow (the next poll
// parses every item, then saves a good value), so it reads as none rather
// than failing the feed's whole state, or every feed's.
func DecodeKnownItemsOrNone(s string) []model.KnownItem {
	items, err := DecodeKnownItems(s)
	if err != nil {
		return nil
	}
	return items
}
