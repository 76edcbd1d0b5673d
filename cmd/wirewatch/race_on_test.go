//go:build race

package main

// raceDetector is true under -race, where the bot runs several times
// slower: the load test then runs a smaller scenario at the same pace.
const raceDetector = true
