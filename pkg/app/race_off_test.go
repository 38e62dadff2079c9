//go:build !race

package app

// raceEnabled: the race detector makes the engine about ten times slower,
// so the tests that run it thousands of times take a sample under it.
const raceEnabled = false
