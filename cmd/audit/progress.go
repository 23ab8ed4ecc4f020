package audit

import (
	"fmt"
	"io"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
)

// progress shows a batch's progress on a terminal: files done, files per
// second and time left. Elsewhere (a CI log, a pipe, --quiet) it shows
// nothing; messages about single files are printed either way, above the
// bar when there is one.
type progress struct {
	w   io.Writer
	p   *mpb.Progress
	bar *mpb.Bar
}

func newProgress(w io.Writer, show bool, total int) *progress {
	if !show || total < 2 {
		return &progress{w: w}
	}
	// The caller has decided this is a terminal; AutoRefresh stops mpb from
	// checking again (it cannot see through a test's buffer).
	p := mpb.New(mpb.WithOutput(w), mpb.WithWidth(90), mpb.WithRefreshRate(120*time.Millisecond), mpb.WithAutoRefresh())
	start := time.Now()
	rate := decor.Any(func(s decor.Statistics) string {
		secs := time.Since(start).Seconds()
		if secs <= 0 {
			return ""
		}
		return fmt.Sprintf(" %.1f files/s", float64(s.Current)/secs)
	})
	bar := p.AddBar(int64(total),
		mpb.PrependDecorators(decor.Name("审计 auditing "), decor.CountersNoUnit("%d/%d")),
		mpb.AppendDecorators(rate, decor.Name("  ETA "), decor.AverageETA(decor.ET_STYLE_MMSS)),
		mpb.BarRemoveOnComplete())
	return &progress{w: w, p: p, bar: bar}
}

// Println prints a message line without tearing the bar.
func (p *progress) Println(s string) {
	if p.p != nil {
		_, _ = fmt.Fprintln(p.p, s)
		return
	}
	_, _ = fmt.Fprintln(p.w, s)
}

// Done counts one file.
func (p *progress) Done() {
	if p.bar != nil {
		p.bar.Increment()
	}
}

// Finish removes the bar; it returns when the terminal is clean.
func (p *progress) Finish() {
	if p.p != nil {
		p.bar.SetTotal(-1, true)
		p.p.Wait()
	}
}
