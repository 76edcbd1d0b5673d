package outbox

import (
	"encoding/base32"
	"encoding/binary"
	"hash/fnv"

	"wirewatch/model"
)

var nonceEncoding = base32.NewEncoding("0123456789abcdefghijklmnopqrstuv").WithPadding(base32.NoPadding)

// Nonce derives a message nonce from parts (story, rule, channel…): "w" and
// 13 base-32 characters of a 64-bit FNV-1a hash, 14 characters in all
// (Discord allows 25). The same parts always give the same nonce; parts are
// separated so that ("ab","c") and ("a","bc") differ.
func Nonce(parts ...string) string {
	h := fnv.New64a()
	for _, p := range parts {
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], uint64(len(p)))
		h.Write(n[:])
		h.Write([]byte(p))
	}
	var sum [8]byte
	binary.BigEndian.PutUint64(sum[:], h.Sum64())
	return "w" + nonceEncoding.EncodeToString(sum[:])
}

const maxNonce = 25

// nonce is the nonce a post is sent with: its own when it fits the limit,
// else one derived from it (or from the post id when it has none).
func nonce(p model.Post) string {
	switch {
	case p.Nonce != "" && len(p.Nonce) <= maxNonce:
		return p.Nonce
	case p.Nonce != "":
		return Nonce(p.Nonce)
	default:
		return Nonce(p.ID)
	}
}
