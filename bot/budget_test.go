package bot_test

import (
	"testing"

	"wirewatch/bot"
)

func TestSearchRefusesCostlyPrefixes(t *testing.T) {
	t.Parallel()
	h := newCmdHarness(t, bot.CommandOptions{}, "", nil)
	h.fillTimeline(3)
	wantError(t, settle(t, h.command(cmdAnalyst, "search", str("query", "a*"))), `at least 3 letters before the \*`, "write more of the word")
	wantError(t, settle(t, h.command(cmdAnalyst, "search", str("query", "nor* kor* pyo*"))), `at most 2 words ending in \*`)
	cb := settle(t, h.command(cmdAnalyst, "search", str("query", "nor* kor*")))
	if len(cb.Embeds) == 0 || cb.Flags != 0 {
		t.Errorf("two long prefixes: %+v", cb)
	}
}
