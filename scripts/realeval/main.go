// Command realeval measures shouhou on the real-document development set:
// documents written by others (kept out of the repository in
// realdata/docs) against labels written from the law before the tool was
// tuned on them (realdata/labels). It prints, for the dev and held-out
// parts separately, kind / b2b / jurisdiction accuracy, fact precision and
// recall, and finding precision and recall.
//
//	go run ./scripts/realeval            # build the tool, score both parts
//	go run ./scripts/realeval -v         # also list every miss and false alarm
//	go run ./scripts/realeval -bin ./shouhou -split dev
//	go run ./scripts/realeval -align     # after gathering the texts: do they fit the labels' lines?
//
// Findings are compared by rule and by the words they rest on: a label's
// quote must overlap the finding's evidence (a missing term has no quote).
// Findings of one rule on the same evidence count once, as do findings a
// label marks acceptable; notices (status notice) are not scored.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v4"
)

// Label is one document's label file (realdata/README.md).
type Label struct {
	ID           string  `yaml:"id"`
	Source       string  `yaml:"source"`
	Retrieved    string  `yaml:"retrieved"`
	File         string  `yaml:"file"`
	Excerpt      bool    `yaml:"excerpt"`
	Split        string  `yaml:"split"`
	Kind         string  `yaml:"kind"`
	Sections     []any   `yaml:"sections"`
	B2B          *bool   `yaml:"b2b"`
	Jurisdiction string  `yaml:"jurisdiction"`
	Category     string  `yaml:"category"`
	Facts        []LFact `yaml:"facts"`
	Findings     []LFind `yaml:"findings"`
	Acceptable   []LFind `yaml:"acceptable"`
	Uncovered    []LFind `yaml:"uncovered"`
	Notes        string  `yaml:"notes"`
}

// LFact is a labelled figure.
type LFact struct {
	Topic string   `yaml:"topic"`
	Op    string   `yaml:"op"`
	Value *float64 `yaml:"value"`
	Max   *float64 `yaml:"max"`
	Unit  string   `yaml:"unit"`
	Item  string   `yaml:"item"`
	Quote string   `yaml:"quote"`
	Line  int      `yaml:"line"`
	Scope any      `yaml:"scope"`
}

// LFind is a labelled finding: the words it rests on are given by the
// line of the saved document where they start (the committed labels keep
// no third-party text), or by a quote.
type LFind struct {
	Rule  string `yaml:"rule"`
	Quote string `yaml:"quote"`
	Line  int    `yaml:"line"`
	Why   string `yaml:"why"`
}

// at tells whether a finding found at line, resting on evidence, is on the
// words the label means: a quote overlaps the evidence, or the label's
// line is within a few lines of the finding's (a clause may wrap). A label
// with neither (a missing term) is anywhere.
func (l LFind) at(line int, evidence string) bool {
	if l.Quote != "" {
		return quoteMatches(l.Quote, evidence)
	}
	if l.Line == 0 {
		return true
	}
	return line >= l.Line-2 && line <= l.Line+3
}

// report is the part of shouhou's JSON the scorer reads.
type report struct {
	Documents []struct {
		Path         string  `json:"path"`
		Kind         string  `json:"kind"`
		B2B          *bool   `json:"b2b"`
		Jurisdiction string  `json:"jurisdiction"`
		Error        *string `json:"error"`
		Facts        []struct {
			Topic string   `json:"topic"`
			Op    string   `json:"op"`
			Value *float64 `json:"value"`
			Max   *float64 `json:"max"`
			Unit  string   `json:"unit"`
			Item  string   `json:"item"`
			Text  string   `json:"text"`
			Line  int      `json:"line"`
			Blank bool     `json:"blank"`
		} `json:"facts"`
		Findings []struct {
			Rule     string `json:"rule"`
			Severity string `json:"severity"`
			Status   string `json:"status"`
			Message  string `json:"message"`
			Evidence string `json:"evidence"`
			Line     int    `json:"line"`
			// Occurrences are the other places of the same problem.
			Occurrences []struct {
				Line     int    `json:"line"`
				Evidence string `json:"evidence"`
			} `json:"occurrences"`
		} `json:"findings"`
	} `json:"documents"`
}

// scoredTopics are the figures labels list; list facts (insurance,
// certification) are not labelled.
var scoredTopics = map[string]bool{
	"return_window": true, "exchange_window": true, "warranty_period": true, "parts_warranty": true,
	"repair_time": true, "refund_time": true, "response_time": true, "onsite_time": true,
	"resolution_time": true, "spare_parts_period": true, "bid_deposit": true, "performance_bond": true,
	"budget": true, "insured_amount": true,
}

// factKinds are the kinds whose facts are labelled.
var factKinds = map[string]bool{"policy": true, "tender": true, "bid": true}

type tally struct {
	docs, kindOK, b2bN, b2bOK, jurN, jurOK int
	factTP, factFP, factFN                 int
	findTP, findFP, findFN                 int
	// findFound counts labelled problems found: a grouped finding (one rule,
	// one cause, several places) finds every labelled place it lists, yet
	// counts once for precision.
	findFound int
	// lawViolations counts violation or missing findings on law and
	// article texts; consumerOnB2B consumer-law findings on terms between
	// businesses; mainlandAbroad mainland-law findings on Hong Kong, Macau
	// and Taiwan text. There must be none of any.
	lawViolations, consumerOnB2B, mainlandAbroad int
}

// anywhere are the CPL rules that judge any text: blanks, contradictions
// and vague figures are such wherever they stand.
var anywhere = map[string]bool{"CPL-BLANK": true, "CPL-CONFLICT": true, "CPL-VAGUE": true}

func ratio(a, b int) string {
	if b == 0 {
		return "  -  "
	}
	return fmt.Sprintf("%.3f", float64(a)/float64(b))
}

func main() {
	bin := flag.String("bin", "", "shouhou binary to run (default: build one from this module)")
	docs := flag.String("docs", "realdata/docs", "folder of the documents")
	labels := flag.String("labels", "realdata/labels", "folder of the label files")
	split := flag.String("split", "", "score only this part (dev or held); default both")
	verbose := flag.Bool("v", false, "list every miss and false alarm")
	check := flag.Bool("align", false, "do not score: check that each saved document still fits its label's lines (after gathering the texts again)")
	only := flag.String("id", "", "with -align: check only this document")
	flag.Parse()
	if *check {
		labels, err := loadLabels(*labels)
		if err != nil {
			fmt.Fprintln(os.Stderr, "realeval:", err)
			os.Exit(2)
		}
		if bad := align(os.Stdout, *docs, labels, *only); bad > 0 {
			fmt.Fprintf(os.Stderr, "realeval: %d documents missing or not fitting their labels\n", bad)
			os.Exit(1)
		}
		return
	}
	if err := run(os.Stdout, *bin, *docs, *labels, *split, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "realeval:", err)
		os.Exit(2)
	}
}

func run(w io.Writer, bin, docs, labelDir, split string, verbose bool) error {
	labels, err := loadLabels(labelDir)
	if err != nil {
		return err
	}
	var files []string
	byFile := map[string]*Label{}
	for _, l := range labels {
		if split != "" && l.Split != split {
			continue
		}
		p := filepath.Join(docs, l.File)
		if _, err := os.Stat(p); err != nil {
			fmt.Fprintf(os.Stderr, "realeval: %s: %s is not there (gather it from %s)\n", l.ID, p, l.Source)
			continue
		}
		files = append(files, p)
		byFile[p] = l
	}
	if len(files) == 0 {
		return fmt.Errorf("no labelled document found in %s", docs)
	}
	if bin == "" {
		dir, err := os.MkdirTemp("", "realeval")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		bin = filepath.Join(dir, "shouhou")
		build := exec.Command("go", "build", "-o", bin, ".")
		build.Stderr = os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("building shouhou: %w", err)
		}
	}
	args := append([]string{"audit", "-f", "json", "--fail-on", "none", "-q"}, files...)
	cmd := exec.Command(bin, args...)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			return err
		}
	}
	var r report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		return fmt.Errorf("reading shouhou's report: %w (stderr: %s)", err, stderr.String())
	}
	tallies := map[string]*tally{}
	var lines []string
	for _, d := range r.Documents {
		l := byFile[d.Path]
		if l == nil {
			continue
		}
		t := tallies[l.Split]
		if t == nil {
			t = &tally{}
			tallies[l.Split] = t
		}
		t.docs++
		tag := fmt.Sprintf("%s %-5s", l.ID, l.Split)
		if d.Error != nil {
			lines = append(lines, fmt.Sprintf("%s unreadable: %s", tag, *d.Error))
		}
		if d.Kind == l.Kind {
			t.kindOK++
		} else {
			lines = append(lines, fmt.Sprintf("%s kind %s, labelled %s", tag, d.Kind, l.Kind))
		}
		if l.B2B != nil {
			t.b2bN++
			if d.B2B != nil && *d.B2B == *l.B2B || d.B2B == nil && !*l.B2B {
				t.b2bOK++
			} else {
				lines = append(lines, fmt.Sprintf("%s b2b %v, labelled %v", tag, d.B2B != nil && *d.B2B, *l.B2B))
			}
		}
		if l.Jurisdiction != "" {
			t.jurN++
			got := d.Jurisdiction
			if got == "" {
				got = "mainland"
			}
			if got == l.Jurisdiction {
				t.jurOK++
			} else {
				lines = append(lines, fmt.Sprintf("%s jurisdiction %s, labelled %s", tag, got, l.Jurisdiction))
			}
		}
		// Facts.
		if factKinds[l.Kind] {
			used := make([]bool, len(l.Facts))
			for _, f := range d.Facts {
				if !scoredTopics[f.Topic] || f.Blank {
					continue
				}
				hit, again := -1, false
				for i, lf := range l.Facts {
					if factMatches(lf, f.Topic, f.Unit, f.Item, f.Value, f.Max) {
						if !used[i] {
							hit = i
							break
						}
						again = true
					}
				}
				if hit >= 0 {
					used[hit] = true
					t.factTP++
					continue
				}
				if again {
					continue // the same figure stated again: a label lists it once
				}
				t.factFP++
				lines = append(lines, fmt.Sprintf("%s fact not labelled: %s %s %s %s (line %d: %s)", tag, f.Topic, f.Op, num(f.Value), f.Unit+itemOf(f.Item), f.Line, clip(f.Text)))
			}
			for i, lf := range l.Facts {
				if !used[i] {
					t.factFN++
					lines = append(lines, fmt.Sprintf("%s fact missed: %s %s %s %s (line %d %s)", tag, lf.Topic, lf.Op, num(lf.Value), lf.Unit+itemOf(lf.Item), lf.Line, clip(lf.Quote)))
				}
			}
		}
		// Findings.
		matched := make([]bool, len(l.Findings))
		seen := map[string]bool{}
		for _, f := range d.Findings {
			if f.Status == "notice" {
				continue
			}
			if (l.Kind == "law" || l.Kind == "article") && (f.Status == "violation" || f.Status == "missing") {
				t.lawViolations++
			}
			if consumerRule := strings.HasPrefix(f.Rule, "CPL-") && !anywhere[f.Rule]; consumerRule {
				if l.B2B != nil && *l.B2B {
					t.consumerOnB2B++
				}
				if l.Jurisdiction != "" && l.Jurisdiction != "mainland" {
					t.mainlandAbroad++
				}
			}
			key := f.Rule + "\x00" + squash(f.Evidence)
			if seen[key] {
				continue // one rule, one cause: counted once
			}
			seen[key] = true
			hit, dup, also := -1, false, []int(nil)
			at := func(lf LFind) bool {
				if lf.at(f.Line, f.Evidence) {
					return true
				}
				for _, o := range f.Occurrences {
					if lf.at(o.Line, o.Evidence) {
						return true
					}
				}
				return false
			}
			for i, lf := range l.Findings {
				if lf.Rule == f.Rule && at(lf) {
					switch {
					case matched[i]:
						dup = true
					case hit < 0:
						hit = i
					case len(f.Occurrences) > 0:
						also = append(also, i)
					}
				}
			}
			switch {
			case hit >= 0:
				matched[hit] = true
				for _, i := range also {
					matched[i] = true
				}
				t.findTP++
				t.findFound += 1 + len(also)
			case dup || acceptable(l.Acceptable, f.Rule, f.Line, f.Evidence):
			default:
				t.findFP++
				lines = append(lines, fmt.Sprintf("%s false alarm %s %s (line %d): %s | %s", tag, f.Rule, f.Status, f.Line, f.Message, clip(f.Evidence)))
			}
		}
		for i, lf := range l.Findings {
			if !matched[i] {
				t.findFN++
				lines = append(lines, fmt.Sprintf("%s missed %s at line %d: %s (%s)", tag, lf.Rule, lf.Line, clip(lf.Quote), lf.Why))
			}
		}
	}
	fmt.Fprintf(w, "%-6s %5s %6s %6s %6s %8s %8s %8s %8s %s\n", "part", "docs", "kind", "b2b", "juris", "fact P", "fact R", "find P", "find R", "law/article violations")
	defer fmt.Fprintln(w, "(consumer: consumer-law findings on b2b terms; abroad: mainland-law findings on hk/macau/tw text)")
	for _, s := range []string{"dev", "held"} {
		t := tallies[s]
		if t == nil {
			continue
		}
		fmt.Fprintf(w, "%-6s %5d %6s %6s %6s %8s %8s %8s %8s %d\n", s, t.docs, ratio(t.kindOK, t.docs), ratio(t.b2bOK, t.b2bN), ratio(t.jurOK, t.jurN),
			ratio(t.factTP, t.factTP+t.factFP), ratio(t.factTP, t.factTP+t.factFN),
			ratio(t.findTP, t.findTP+t.findFP), ratio(t.findFound, t.findFound+t.findFN), t.lawViolations)
		fmt.Fprintf(w, "       facts %d right, %d not labelled, %d missed; findings %d right, %d false alarms, %d missed; consumer %d, abroad %d\n",
			t.factTP, t.factFP, t.factFN, t.findTP, t.findFP, t.findFN, t.consumerOnB2B, t.mainlandAbroad)
	}
	if verbose {
		sort.Strings(lines)
		for _, l := range lines {
			fmt.Fprintln(w, l)
		}
	}
	return nil
}

func loadLabels(dir string) ([]*Label, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	var out []*Label
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var l Label
		if err := yaml.Load(b, &l, yaml.WithKnownFields()); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if l.File == "" || l.Kind == "" || (l.Split != "dev" && l.Split != "held") {
			return nil, fmt.Errorf("%s: needs file, kind and split (dev or held)", p)
		}
		out = append(out, &l)
	}
	return out, nil
}

// factMatches tells whether a reported figure is the labelled one: same
// topic, unit and value (and maximum for a range), and the same part when
// the label names one.
func factMatches(lf LFact, topic, unit, item string, value, maxv *float64) bool {
	if lf.Topic != topic || lf.Unit != unit {
		return false
	}
	if !sameNum(lf.Value, value) {
		return false
	}
	if lf.Max != nil && !sameNum(lf.Max, maxv) {
		return false
	}
	if lf.Item != "" && !strings.Contains(item, lf.Item) && !strings.Contains(lf.Item, item) {
		return false
	}
	return true
}

func sameNum(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	d := *a - *b
	return d < 1e-6 && d > -1e-6
}

func acceptable(list []LFind, rule string, line int, evidence string) bool {
	for _, a := range list {
		if a.Rule == rule && a.at(line, evidence) {
			return true
		}
	}
	return false
}

// quoteMatches tells whether a label's quote and a finding's evidence are
// the same words: one holds the other, or they share a run of eight
// characters (a quote cut differently from the tool's clause). An empty
// quote (a missing term) matches anything.
func quoteMatches(quote, evidence string) bool {
	if quote == "" {
		return true
	}
	q, e := []rune(squash(quote)), []rune(squash(evidence))
	if strings.Contains(string(e), string(q)) || len(e) > 0 && strings.Contains(string(q), string(e)) {
		return true
	}
	n := min(8, len(q))
	for i := 0; i+n <= len(q); i++ {
		if strings.Contains(string(e), string(q[i:i+n])) {
			return true
		}
	}
	return false
}

// squash drops spaces and unifies the punctuation that quoting tends to
// change.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\u3000', '\u00a0':
			return -1
		case '，':
			return ','
		case '；':
			return ';'
		case '：':
			return ':'
		case '（':
			return '('
		case '）':
			return ')'
		}
		return r
	}, s)
}

func num(v *float64) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprintf("%g", *v)
}

func itemOf(item string) string {
	if item == "" {
		return ""
	}
	return " [" + item + "]"
}

func clip(s string) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return string(r)
}
