package compare

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"shouhou/checker/reader"
	"shouhou/cmd/cmdutil"
	"shouhou/cmd/iostreams"
	"shouhou/reports"
)

var (
	tender = filepath.Join("..", "..", "testdata", "compare", "tender_hospital.txt")
	bidA   = filepath.Join("..", "..", "testdata", "compare", "bid_a_meets.txt")
	bidB   = filepath.Join("..", "..", "testdata", "compare", "bid_b_short.txt")
	bidC   = filepath.Join("..", "..", "testdata", "compare", "bid_c_deviation.xlsx")
)

// compareJSON runs shouhou compare -f json with args and returns the
// report, standard error and the run's error.
func compareJSON(t *testing.T, args ...string) (*reports.CompareReport, string, error) {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	return compareWith(t, cmdutil.NewFactory(ios), args...)
}

// compareWith is compareJSON over the factory f (its streams buffers).
func compareWith(t *testing.T, f *cmdutil.Factory, args ...string) (*reports.CompareReport, string, error) {
	t.Helper()
	out, errOut := f.IOStreams.Out.(*bytes.Buffer), f.IOStreams.ErrOut.(*bytes.Buffer)
	cmd := NewCmd(f)
	cmd.SetArgs(append([]string{"--tender", tender, "-f", "json"}, args...))
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	var usage bytes.Buffer
	cmd.SetOut(&usage)
	cmd.SetErr(&usage)
	err := cmd.Execute()
	var r reports.CompareReport
	if out.Len() > 0 {
		if jerr := json.Unmarshal(out.Bytes(), &r); jerr != nil {
			t.Fatalf("not JSON: %v\n%s", jerr, out)
		}
	}
	return &r, errOut.String(), err
}

// TestJobsKeepOrder: the bids come out in argument order, the same
// report whether one bid or several are read at once.
func TestJobsKeepOrder(t *testing.T) {
	var first []byte
	for _, jobs := range []string{"1", "3"} {
		r, _, _ := compareJSON(t, "-j", jobs, bidA, bidB, bidC)
		if len(r.Bids) != 3 || r.Bids[0].Path != bidA || r.Bids[2].Path != bidC {
			t.Fatalf("-j %s: bids %+v", jobs, r.Bids)
		}
		b, _ := json.Marshal(r)
		if first == nil {
			first = b
		} else if !bytes.Equal(first, b) {
			t.Errorf("-j %s changed the report", jobs)
		}
	}
}

// TestPanicInOneBid: a panic while reading one bid is that bid's error;
// the other bids are judged and the run ends normally (exit 2 for the
// unreadable bid).
func TestPanicInOneBid(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	f := cmdutil.NewFactory(ios)
	f.ReadFile = func(path string, o reader.Options) (*reader.Source, error) {
		if path == bidB {
			panic("reader bug")
		}
		return reader.ReadFile(path, o)
	}
	r, stderr, err := compareWith(t, f, "-j", "2", bidA, bidB, bidC)
	if err == nil {
		t.Errorf("no error exit for an unreadable bid")
	}
	if len(r.Bids) != 3 {
		t.Fatalf("%d bids", len(r.Bids))
	}
	if e := r.Bids[1].Error; e == nil || !strings.Contains(*e, "internal error") || !strings.Contains(*e, "reader bug") {
		t.Errorf("bid b error %v", e)
	}
	if r.Bids[0].Error != nil || r.Bids[0].Verdict == "" || r.Bids[2].Error != nil {
		t.Errorf("the other bids were not judged: %+v", r.Bids)
	}
	if !strings.Contains(stderr, "reader bug") {
		t.Errorf("stderr %q does not name the panic", stderr)
	}
}

// TestMaxSize: a bid larger than --max-size is that bid's error; a
// malformed size is a usage error.
func TestMaxSize(t *testing.T) {
	r, _, _ := compareJSON(t, "--max-size", "3KB", bidA, bidC)
	if r.Bids[0].Error != nil {
		t.Errorf("small bid refused: %s", *r.Bids[0].Error)
	}
	if e := r.Bids[1].Error; e == nil || !strings.Contains(*e, "--max-size") {
		t.Errorf("large bid: error %v", e)
	}
	if _, _, err := compareJSON(t, "--max-size", "lots", bidA); err == nil || !strings.Contains(err.Error(), "--max-size") {
		t.Errorf("bad size: %v", err)
	}
}

// TestEncoding: --encoding decides how the bids are read: UTF-16 forced
// on a UTF-8 bid garbles it so nothing is found; an unknown encoding is
// a usage error.
func TestEncoding(t *testing.T) {
	plain, _, _ := compareJSON(t, bidA)
	forced, _, _ := compareJSON(t, "--encoding", "utf-8", bidA)
	if plain.Bids[0].Verdict != forced.Bids[0].Verdict || plain.Bids[0].Verdict == "" {
		t.Errorf("--encoding utf-8 changed a UTF-8 bid: %q vs %q", plain.Bids[0].Verdict, forced.Bids[0].Verdict)
	}
	wrong, _, _ := compareJSON(t, "--encoding", "utf-16le", bidA)
	if wrong.Bids[0].Counts[reports.Met] >= plain.Bids[0].Counts[reports.Met] && wrong.Bids[0].Error == nil {
		t.Errorf("--encoding utf-16le did not change how the bid was read: %v vs %v", wrong.Bids[0].Counts, plain.Bids[0].Counts)
	}
	if _, _, err := compareJSON(t, "--encoding", "klingon", bidA); err == nil || !strings.Contains(err.Error(), "--encoding") {
		t.Errorf("unknown encoding: %v", err)
	}
}
