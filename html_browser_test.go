package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"shouhou/reports"
)

// browser starts headless Chromium for a test. Without Chromium the test
// is skipped, except under CI=true, where it fails: .ci/run installs it.
func browser(t *testing.T) context.Context {
	t.Helper()
	var path string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no Chromium: install it (apt-get install chromium); CI=true requires the browser test")
		}
		t.Skip("no Chromium found (apt-get install chromium); the HTML report is not checked in a browser")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.WindowSize(1400, 900),
		chromedp.Flag("disable-dev-shm-usage", true))
	// Chromium's profile: removed at the end, whatever the browser still
	// writes there as it exits.
	profile, err := os.MkdirTemp("", "shouhou-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(profile) })
	opts = append(opts, chromedp.UserDataDir(profile))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancel3)
	return ctx
}

// TestHTMLReportInBrowser loads the HTML report of the test documents in
// Chromium: every finding is listed and every finding with a place in the
// text has a highlight; a click on a finding far down scrolls its
// highlight into view and flashes it; the severity filter hides what it
// should; the page asks for nothing over the network. It saves a
// screenshot (docs/html-report.png under -update).
func TestHTMLReportInBrowser(t *testing.T) {
	docs := []string{"testdata/policies", "testdata/annotate/policy.docx", "testdata/formats/policy.html"}
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	_, stderr, code := run(t, "", append([]string{"audit", "-q", "-o", page, "-o", "json:" + filepath.Join(dir, "r.json")}, docs...)...)
	if code != 1 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var r reports.Report
	b, _ := os.ReadFile(filepath.Join(dir, "r.json"))
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	html, _ := os.ReadFile(page)
	if m := regexp.MustCompile(`(?i)(src=|href="?https?:|@import|url\()`).Find(html); m != nil {
		t.Errorf("the page refers to something outside itself: %s", m)
	}
	total, placed := 0, 0
	lastID := ""
	for di, d := range r.Documents {
		for fi, f := range d.Findings {
			total++
			if f.Line > 0 {
				placed++
				lastID = "d" + strconv.Itoa(di) + "f" + strconv.Itoa(fi)
			}
		}
	}

	ctx := browser(t)
	var requests []string
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok && !strings.HasPrefix(e.Request.URL, "file:") && !strings.HasPrefix(e.Request.URL, "data:") {
			requests = append(requests, e.Request.URL)
		}
	})
	var counts struct {
		Items, Targeted, Highlighted, Orphans int
	}
	var before, after struct {
		InView, Flash bool
	}
	inView := `(function(){var m=document.querySelector('mark.hl[data-f~="` + lastID + `"]');if(!m)return {InView:false,Flash:false};
		var r=m.getBoundingClientRect();return {InView:r.top>=0&&r.bottom<=window.innerHeight&&r.height>0,Flash:m.classList.contains("flash")};})()`
	var shot []byte
	var visibleAfterFilter, offMarks int
	err := chromedp.Run(ctx,
		network.Enable(),
		chromedp.Navigate("file://"+page),
		chromedp.WaitReady("#findings"),
		chromedp.Evaluate(`(function(){
			var ids={};document.querySelectorAll("mark.hl").forEach(function(m){m.dataset.f.split(" ").forEach(function(id){ids[id]=true;});});
			var items=document.querySelectorAll("li.finding"),targeted=0,orphans=0;
			items.forEach(function(li){if(li.dataset.target){targeted++;if(!ids[li.dataset.target])orphans++;}});
			return {Items:items.length,Targeted:targeted,Highlighted:Object.keys(ids).length,Orphans:orphans};})()`, &counts),
		chromedp.Evaluate(inView, &before),
		chromedp.Click(`li.finding[data-target="`+lastID+`"]`, chromedp.ByQuery),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.Evaluate(inView, &after),
		chromedp.CaptureScreenshot(&shot),
		chromedp.Click(`#filters input[value="error"]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll("li.finding:not([hidden])").length`, &visibleAfterFilter),
		chromedp.Evaluate(`document.querySelectorAll("mark.hl.sev-error.off").length`, &offMarks),
	)
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	if counts.Items != total || counts.Targeted != placed || counts.Highlighted != placed || counts.Orphans != 0 {
		t.Errorf("page lists %d findings (%d with a place), %d highlighted, %d without a highlight; the report has %d findings, %d with a place",
			counts.Items, counts.Targeted, counts.Highlighted, counts.Orphans, total, placed)
	}
	if before.InView || !after.InView || !after.Flash {
		t.Errorf("clicking the last finding: in view before %v, after %v, flashing %v", before.InView, after.InView, after.Flash)
	}
	if want := r.Summary.Findings.Warning + r.Summary.Findings.Info; visibleAfterFilter != want || offMarks == 0 {
		t.Errorf("errors filtered out: %d findings shown, want %d; %d error highlights turned off", visibleAfterFilter, want, offMarks)
	}
	if len(requests) > 0 {
		t.Errorf("the page made network requests: %v", requests)
	}
	png := filepath.Join(dir, "html-report.png")
	if *update {
		png = filepath.Join("docs", "html-report.png")
	}
	if err := os.WriteFile(png, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", png)
}

// TestCompareHTMLInBrowser: the compare matrix is a grid with one
// coloured cell per requirement and bid, and the verdict row.
func TestCompareHTMLInBrowser(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "compare.html")
	args := []string{"compare", "-q", "--tender", "testdata/compare/tender_hospital.txt", "-o", "html:" + page, "-o", "json:" + filepath.Join(dir, "c.json"),
		"testdata/compare/bid_a_meets.txt", "testdata/compare/bid_b_short.txt", "testdata/compare/bid_c_deviation.xlsx"}
	if _, stderr, code := run(t, "", args...); code == 2 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var r reports.CompareReport
	b, _ := os.ReadFile(filepath.Join(dir, "c.json"))
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	ctx := browser(t)
	var got map[string]int
	var verdicts []string
	err := chromedp.Run(ctx,
		chromedp.Navigate("file://"+page),
		chromedp.WaitReady("#matrix"),
		chromedp.Evaluate(`(function(){var c={};document.querySelectorAll("#matrix tbody td.cell").forEach(function(td){var s=td.className.split(" ")[1];
			if(getComputedStyle(td).backgroundColor==="rgba(0, 0, 0, 0)")s="uncoloured";c[s]=(c[s]||0)+1;});return c;})()`, &got),
		chromedp.Evaluate(`Array.from(document.querySelectorAll("#matrix tr.verdict td")).map(function(td){return td.textContent;})`, &verdicts),
	)
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	want := map[string]int{}
	for _, bid := range r.Bids {
		for s, n := range bid.Counts {
			if n > 0 {
				want[s] += n
			}
		}
	}
	if len(got) != len(want) {
		t.Errorf("cells by status %v, want %v", got, want)
	}
	for s, n := range want {
		if got[s] != n {
			t.Errorf("cells by status %v, want %v", got, want)
			break
		}
	}
	if len(verdicts) != len(r.Bids) {
		t.Errorf("verdict row %v for %d bids", verdicts, len(r.Bids))
	}
	for i, bid := range r.Bids {
		if i < len(verdicts) && (bid.Counts[reports.Unmet] > 0) != strings.Contains(verdicts[i], "不满足") {
			t.Errorf("bid %s: verdict %q with counts %v", bid.Path, verdicts[i], bid.Counts)
		}
	}
}
