package audit

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"shouhou/checker/reader"
	"shouhou/cmd/cmdutil"
	"shouhou/cmd/config"
	"shouhou/cmd/iostreams"
	"shouhou/reports"
)

// TestFlagsBecomeOptions: the command line is parsed into Options, with
// the defaults where a flag is not given; a run without input is a usage
// error before anything runs.
func TestFlagsBecomeOptions(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want func(o *Options) bool
	}{
		{"defaults", []string{"a.txt"}, func(o *Options) bool {
			return o.Format == "stylish" && !o.FormatSet && o.FailOn == "error" && o.MaxSize == "50MB" && o.OCR == reader.OCRAuto &&
				o.DocTimeout == 60*time.Second && o.Jobs == 0 && reflect.DeepEqual(o.Paths, []string{"a.txt"}) && !o.changed("b2b")
		}},
		{"outputs and format", []string{"-f", "json", "-o", "a.json", "-o", "b.sarif", "x", "y"}, func(o *Options) bool {
			return o.Format == "json" && o.FormatSet && reflect.DeepEqual(o.Outputs, []string{"a.json", "b.sarif"}) && reflect.DeepEqual(o.Paths, []string{"x", "y"})
		}},
		{"batch flags", []string{"--fail-on", "warning", "--kind", "bid", "-j", "3", "--shard", "2/4", "--baseline", "old.json", "--exclude", "a", "--exclude", "b", "-q", "--doc-timeout", "0", "x"}, func(o *Options) bool {
			return o.FailOn == "warning" && o.Kind == "bid" && o.Jobs == 3 && o.Shard == "2/4" && o.Baseline == "old.json" &&
				reflect.DeepEqual(o.Exclude, []string{"a", "b"}) && o.Quiet && o.DocTimeout == 0
		}},
		{"b2b=false is said", []string{"--b2b=false", "x"}, func(o *Options) bool { return !o.B2B && o.changed("b2b") }},
		{"stdin", []string{"--encoding", "gbk", "--max-size", "1MB", "-"}, func(o *Options) bool {
			return o.Encoding == "gbk" && o.MaxSize == "1MB" && reflect.DeepEqual(o.Paths, []string{"-"})
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			var got *Options
			cmd := NewCmd(cmdutil.NewFactory(ios), func(o *Options) error { got = o; return nil })
			cmd.SetArgs(c.args)
			if err := cmd.Execute(); err != nil || got == nil {
				t.Fatalf("err %v, options %v", err, got)
			}
			if !c.want(got) {
				t.Errorf("options %+v", *got)
			}
		})
	}
	ios, _, _, _ := iostreams.Test()
	ran := false
	cmd := NewCmd(cmdutil.NewFactory(ios), func(*Options) error { ran = true; return nil })
	cmd.SetArgs(nil)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	if err := cmd.Execute(); ran || cmdutil.ExitCode(err) != cmdutil.ExitUsage || !strings.Contains(err.Error(), "no input") {
		t.Errorf("no input: ran %v, err %v", ran, err)
	}
}

// TestReaderPanicIsThatDocumentsError: a document whose reading panics
// (the factory's reader, stubbed) gets the panic as its error; the other
// documents are audited and the run exits 2.
func TestReaderPanicIsThatDocumentsError(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	f := cmdutil.NewFactory(ios)
	f.ReadFile = func(path string, o reader.Options) (*reader.Source, error) {
		if strings.HasSuffix(path, "clean_policy.md") {
			panic("reader bug")
		}
		return reader.ReadFile(path, o)
	}
	for _, jobs := range []string{"1", "2"} {
		ios.Out.(interface{ Reset() }).Reset()
		ios.ErrOut.(interface{ Reset() }).Reset()
		out, stderr, code := executeWith(t, f, "", "-j", jobs, "-f", "json", "--doc-timeout", "0", "testdata/policies/bad_policy.txt", "testdata/policies/clean_policy.md")
		var r reports.Report
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		if code != 2 || len(r.Documents) != 2 || r.Documents[1].Error == nil || !strings.Contains(*r.Documents[1].Error, "reader bug") ||
			r.Documents[0].Error != nil || len(r.Documents[0].Findings) == 0 {
			t.Errorf("-j %s: exit %d, documents %+v", jobs, code, r.Documents)
		}
		if !strings.Contains(stderr, "testdata/policies/clean_policy.md: internal error") {
			t.Errorf("-j %s: stderr %q does not name the document", jobs, stderr)
		}
	}
}

// TestSettingsFromFactory: the settings file comes through the factory;
// what it says fills in what no flag said, a flag wins, and a settings
// file that cannot be read is exit 2 with its reason.
func TestSettingsFromFactory(t *testing.T) {
	cases := []struct {
		name string
		cfg  *config.Config
		err  error
		args []string
		code int
	}{
		{"no file", nil, nil, nil, 0},
		{"fail_on warning", &config.Config{FailOn: "warning", Path: "s.yaml"}, nil, nil, 1},
		{"flag wins", &config.Config{FailOn: "warning", Path: "s.yaml"}, nil, []string{"--fail-on", "error"}, 0},
		{"kind", &config.Config{Kind: "bid", FailOn: "warning", Path: "s.yaml"}, nil, nil, 1},
		{"broken", nil, errors.New("s.yaml:2: unknown key"), nil, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			f := cmdutil.NewFactory(ios)
			var named string
			f.Config = func(n string) (*config.Config, error) { named = n; return c.cfg, c.err }
			args := append(append([]string{"--config", "s.yaml"}, c.args...), "testdata/policies/blank_template.txt")
			_, stderr, code := executeWith(t, f, "", args...)
			if code != c.code || named != "s.yaml" {
				t.Errorf("exit %d (want %d), config asked for %q; stderr %q", code, c.code, named, stderr)
			}
			if c.err != nil && stderr != "shouhou: "+c.err.Error()+"\n" {
				t.Errorf("stderr %q", stderr)
			}
		})
	}
}

// TestShards: --shard I/N is read or refused, and the shards of a list
// split it without overlap, each input keeping its index in the whole.
func TestShards(t *testing.T) {
	for s, want := range map[string][2]int{"": {1, 1}, "2/8": {2, 8}, " 1 / 1 ": {1, 1}, "0/3": {}, "4/3": {}, "a/b": {}, "3": {}} {
		i, n, err := parseShard(s)
		if want == [2]int{} {
			if err == nil || cmdutil.ExitCode(err) != cmdutil.ExitUsage {
				t.Errorf("--shard %q: %v", s, err)
			}
		} else if err != nil || i != want[0] || n != want[1] {
			t.Errorf("--shard %q = %d/%d %v", s, i, n, err)
		}
	}
	var inputs []reader.Input
	for _, p := range strings.Fields("a b c d e f g h i j k l") {
		inputs = append(inputs, reader.Input{Path: p + ".txt"})
	}
	seen := map[int]int{}
	for i := 1; i <= 3; i++ {
		for _, in := range shard(inputs, i, 3) {
			seen[in.index]++
			if inputs[in.index].Path != in.Path {
				t.Errorf("shard %d: %s has index %d", i, in.Path, in.index)
			}
		}
	}
	if len(seen) != len(inputs) {
		t.Errorf("the shards hold %d of %d inputs", len(seen), len(inputs))
	}
	for k, n := range seen {
		if n != 1 {
			t.Errorf("input %d is in %d shards", k, n)
		}
	}
}
