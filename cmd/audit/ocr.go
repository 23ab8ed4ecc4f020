package audit

import "runtime"

// ocrJobs is how many pages of one scanned PDF are OCR'd at once: --jobs,
// or the number of CPUs, as for documents.
func (o *Options) ocrJobs() int {
	if o.Jobs > 0 {
		return o.Jobs
	}
	return runtime.NumCPU()
}
