//go:build race

package bot_test

// raceDetector is true under -race, where the pure-Go SQLite driver runs
// tens of times slower: the soak then delivers fewer alerts.
const raceDetector = true
