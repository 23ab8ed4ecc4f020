package audit

import "shouhou/lexicon/segment"

// warmUp starts building the segmenter while the rulebook loads and the
// first documents are read: on a second core that is time the first
// document no longer waits for. Everything that needs the segmenter waits
// for it (segment.Load is a sync.Once).
func warmUp() {
	go segment.Load()
}
