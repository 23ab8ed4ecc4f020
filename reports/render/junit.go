package render

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"shouhou/reports"
)

// JUnit XML, as Jenkins, GitLab and Azure read it: a test suite per
// document, a test case per rule that applies to the document's kind
// (failed when the rule has findings at warning or error), and for an
// unreadable document a single "read" case with an error.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// WriteJUnit writes the report as JUnit XML.
func WriteJUnit(w io.Writer, r *reports.Report) error {
	all := junitSuites{Name: "shouhou"}
	for _, d := range r.Documents {
		s := junitSuite{Name: cleanText(d.Path)}
		if d.Error != nil {
			s.Cases = append(s.Cases, junitCase{Name: "read", Classname: cleanText(d.Path),
				Error: &junitProblem{Message: cleanText(*d.Error), Type: "unreadable", Text: cleanText(*d.Error)}})
			s.Errors++
		} else {
			byRule := map[string][]reports.Finding{}
			for _, f := range d.Findings {
				byRule[f.Rule] = append(byRule[f.Rule], f)
			}
			for _, ri := range rulesFor(r, d) {
				c := junitCase{Name: cleanText(ri.ID + " " + ri.Title), Classname: cleanText(d.Path)}
				fs := byRule[ri.ID]
				delete(byRule, ri.ID)
				s.addCase(c, fs)
			}
			// Findings of rules the report does not describe (a composite
			// document's other kinds), in the order the findings come: map
			// order would change the file from run to run.
			for _, f := range d.Findings {
				if fs, ok := byRule[f.Rule]; ok {
					delete(byRule, f.Rule)
					s.addCase(junitCase{Name: cleanText(f.Rule), Classname: cleanText(d.Path)}, fs)
				}
			}
		}
		s.Tests = len(s.Cases)
		all.Tests += s.Tests
		all.Failures += s.Failures
		all.Errors += s.Errors
		all.Suites = append(all.Suites, s)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(all); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func (s *junitSuite) addCase(c junitCase, fs []reports.Finding) {
	var fail, note []string
	severity := ""
	for _, f := range fs {
		line := fmt.Sprintf("[%s] %s — %s", place(f.Location, f.Line, f.Column), f.Message, f.Evidence)
		if f.Severity == "error" || f.Severity == "warning" {
			fail = append(fail, line)
			if severity != "error" {
				severity = string(f.Severity)
			}
		} else {
			note = append(note, line)
		}
	}
	if len(fail) > 0 {
		c.Failure = &junitProblem{Message: cleanText(fs[0].Message), Type: severity, Text: cleanText(strings.Join(fail, "\n"))}
		s.Failures++
	}
	if len(note) > 0 {
		c.SystemOut = cleanText(strings.Join(note, "\n"))
	}
	s.Cases = append(s.Cases, c)
}

// rulesFor lists the rules that ran on a document of d's kind, or, when
// the report carries no rule list, the rules of its findings.
func rulesFor(r *reports.Report, d reports.Document) []reports.RuleInfo {
	var out []reports.RuleInfo
	for _, ri := range r.Rules {
		for _, k := range ri.Kinds {
			if k == d.Kind {
				out = append(out, ri)
				break
			}
		}
	}
	return out
}
