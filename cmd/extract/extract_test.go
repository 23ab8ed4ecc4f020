package extract

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"shouhou/checker/reader"
	"shouhou/cmd/cmdutil"
	"shouhou/cmd/compare"
	"shouhou/cmd/iostreams"
	"shouhou/reports"
)

// chdirRoot makes the repository's root the working folder: the tests
// name testdata/ as a user there would, and messages read the same.
func chdirRoot(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
}

// runWith executes the command newCmd makes over f's buffers as the root
// command would, and returns stdout, stderr and the exit code.
func runWith(t *testing.T, f *cmdutil.Factory, newCmd func(*cmdutil.Factory) *cobra.Command, args ...string) (string, string, int) {
	t.Helper()
	cmd := newCmd(f)
	cmd.SetArgs(args)
	cmd.SetOut(f.IOStreams.Out)
	cmd.SetErr(f.IOStreams.ErrOut)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	code := cmdutil.Exit(f.IOStreams.ErrOut, cmd.Execute())
	return f.IOStreams.Out.(*bytes.Buffer).String(), f.IOStreams.ErrOut.(*bytes.Buffer).String(), code
}

// execute is runWith over a real factory.
func execute(t *testing.T, newCmd func(*cmdutil.Factory) *cobra.Command, args ...string) (string, string, int) {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	return runWith(t, cmdutil.NewFactory(ios), newCmd, args...)
}

var procureArgs = []string{"--audit-tender", "--tender", "testdata/procure/tender.txt",
	"testdata/procure/bid_a_meets.md", "testdata/procure/bid_b_negative.md", "testdata/procure/bid_c_false.md"}

func compareProcure(t *testing.T, extra ...string) (string, string, int) {
	t.Helper()
	return execute(t, compare.NewCmd, append(extra, procureArgs...)...)
}

// TestExtractExits: the list in each format, exit 0 when requirements
// are found, 1 when none, 2 for usage errors and an unreadable tender
// (named in the message).
func TestExtractExits(t *testing.T) {
	chdirRoot(t)
	dir := t.TempDir()
	none := filepath.Join(dir, "none.txt")
	if err := os.WriteFile(none, []byte("招标文件\n项目名称：办公桌椅采购。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		tty    bool
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"table", false, []string{"testdata/procure/tender.txt"}, 0, "15 条要求，其中实质性 ★ 5 条", ""},
		{"json", false, []string{"-f", "json", "testdata/procure/tender.txt"}, 0, `"schema": "shouhou/requirements/v1"`, ""},
		{"csv by -o", false, []string{"-o", "csv:-", "testdata/procure/tender.txt"}, 0, "R3,★,onsite_time,<=,4,", ""},
		{"file", false, []string{"-o", filepath.Join(dir, "r.json"), "testdata/procure/tender.txt"}, 0, "", "shouhou: json report written to " + filepath.Join(dir, "r.json")},
		{"no requirement", false, []string{none}, 1, "", none + ": no after-sales requirement found in the tender"},
		{"unreadable", false, []string{"testdata/inbox/07_empty.txt"}, 2, "", "shouhou: testdata/inbox/07_empty.txt: empty file"},
		{"missing", false, []string{"testdata/nope.txt"}, 2, "", "testdata/nope.txt"},
		{"a format extract does not write", false, []string{"-f", "sarif", "testdata/procure/tender.txt"}, 2, "", "extract writes"},
		{"xlsx to a terminal", true, []string{"-f", "xlsx", "testdata/procure/tender.txt"}, 2, "", "give it a name with -o"},
		{"two tenders", false, []string{"a.txt", "b.txt"}, 2, "", "accepts 1 arg"},
		{"over the tender", false, []string{"-o", "testdata/procure/tender.txt", "testdata/procure/tender.txt"}, 2, "", "is one of the documents"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			ios.SetTTY(c.tty, false)
			out, stderr, code := runWith(t, cmdutil.NewFactory(ios), NewCmd, c.args...)
			if code != c.code || !strings.Contains(out, c.stdout) || !strings.Contains(stderr, c.stderr) {
				t.Errorf("exit %d (want %d), stdout lacks %q or stderr %q lacks %q:\n%s", code, c.code, c.stdout, stderr, c.stderr, out)
			}
		})
	}
}

// TestTenderThroughFactory: the tender is read through the factory's
// reader, with the default options.
func TestTenderThroughFactory(t *testing.T) {
	chdirRoot(t)
	ios, _, _, _ := iostreams.Test()
	f := cmdutil.NewFactory(ios)
	var read []string
	f.ReadFile = func(path string, o reader.Options) (*reader.Source, error) {
		read = append(read, path)
		return reader.ReadFile(path, o)
	}
	if _, stderr, code := runWith(t, f, NewCmd, "-f", "json", "testdata/procure/tender.txt"); code != 0 || len(read) != 1 || read[0] != "testdata/procure/tender.txt" {
		t.Errorf("exit %d (%s), read %v", code, stderr, read)
	}
}

// extract → edit → compare --requirements: the officer corrects the list
// (Beijing's four hours become eight, the ★ on the warranty start is
// dropped) and the third bid's Beijing figure then meets it; every list
// format reads back to the same requirements.
func TestExtractRoundTrip(t *testing.T) {
	chdirRoot(t)
	dir := t.TempDir()
	var lists []string
	for _, ext := range []string{"json", "csv", "xlsx"} {
		p := filepath.Join(dir, "reqs."+ext)
		if _, stderr, code := execute(t, NewCmd, "-q", "-o", p, "testdata/procure/tender.txt"); code != 0 {
			t.Fatalf("extract %s: exit %d %s", ext, code, stderr)
		}
		lists = append(lists, p)
	}
	table, _, code := execute(t, NewCmd, "testdata/procure/tender.txt")
	if code != 0 || !strings.Contains(table, "到场时间 ≤ 4小时（北京）") || !strings.Contains(table, "15 条要求，其中实质性 ★ 5 条") {
		t.Errorf("extract table (exit %d):\n%s", code, table)
	}
	base, _, _ := compareProcure(t, "-f", "json")
	for _, p := range lists {
		out, stderr, _ := compareProcure(t, "-f", "json", "--requirements", p)
		var a, b reports.CompareReport
		if err := json.Unmarshal([]byte(base), &a); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(out), &b); err != nil {
			t.Fatalf("%s: %v %s", p, err, stderr)
		}
		for i, bid := range a.Bids {
			if bid.Verdict != b.Bids[i].Verdict || len(bid.Results) != len(b.Bids[i].Results) {
				t.Errorf("%s: bid %d verdict %s, unedited list gives %s", p, i+1, b.Bids[i].Verdict, bid.Verdict)
			}
			for k := range bid.Results {
				if bid.Results[k].Status != b.Bids[i].Results[k].Status {
					t.Errorf("%s: bid %d %s: %s, want %s", p, i+1, bid.Results[k].Requirement, b.Bids[i].Results[k].Status, bid.Results[k].Status)
				}
			}
		}
	}
	// Edit the csv as a person would in a spreadsheet.
	b, err := os.ReadFile(lists[1])
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(b), "R3,★,onsite_time,<=,4,", "R3,★,onsite_time,<=,8,", 1)
	edited = strings.Replace(edited, "R2,★,acceptance", "R2,,acceptance", 1)
	if edited == string(b) {
		t.Fatal("the csv did not have the expected rows")
	}
	p := filepath.Join(dir, "edited.csv")
	if err := os.WriteFile(p, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, _ := compareProcure(t, "-f", "json", "--requirements", p)
	var r reports.CompareReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v %s", err, stderr)
	}
	if r.Tender.RequirementsFile != p || r.Tender.Requirements[1].Substantive || *r.Tender.Requirements[2].Value != 8 {
		t.Errorf("the edited list is not used: %+v", r.Tender.Requirements[:3])
	}
	if st := r.Bids[2].Results[2].Status; st != "met" {
		t.Errorf("bid 3's eight hours in Beijing against the edited eight: %s", st)
	}
	if v := r.Bids[2].Verdict; v != "clarify" {
		t.Errorf("bid 3's verdict with the edited list: %s, want clarify (warranty start not stated)", v)
	}
	// A broken list: one clear line, exit 2.
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("id,topic,op,value,unit\nR1,onsite_time,<=,four,hour\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := compareProcure(t, "--requirements", bad); code != 2 || !strings.Contains(stderr, bad+": row 2: value \"four\" is no number") {
		t.Errorf("bad list: exit %d %q", code, stderr)
	}
}
