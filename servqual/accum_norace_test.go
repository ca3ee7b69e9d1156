//go:build !race

package servqual

// raceEnabled says whether the race detector is on; long loops of
// tests then run shorter.
const raceEnabled = false
