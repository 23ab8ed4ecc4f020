package annotate_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"shouhou/annotate"
	"shouhou/checker"
	"shouhou/checker/reader"
	"shouhou/reports"
	"shouhou/rules"
)

var update = flag.Bool("update", false, "rewrite testdata/annotate/policy.docx from the fixture in this file")

const fixturePath = "../testdata/annotate/policy.docx"

// The fixture is written the way Word writes: a sentence split over runs
// of different formatting, list numbering Word adds itself, a tracked
// change, an entity, a table, a header, and findings that start and end
// in the middle of runs.
const fixtureBody = `<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>某某电器售后服务政策</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>一、退换货</w:t></w:r></w:p>` +
	`<w:p w:rsidR="00A1"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>` +
	`<w:r w:rsidR="00B2"><w:rPr><w:b/></w:rPr><w:t>自签收之日起七日内可退货，</w:t></w:r>` +
	`<w:r><w:rPr><w:color w:val="C00000"/></w:rPr><w:t>十日内可以</w:t></w:r><w:r><w:t>换货。</w:t></w:r></w:p>` +
	`<w:p><w:r><w:t>特价商品</w:t></w:r><w:del w:id="1" w:author="张三" w:date="2026-03-01T00:00:00Z"><w:r><w:delText>可以</w:delText></w:r></w:del>` +
	`<w:ins w:id="2" w:author="张三" w:date="2026-03-01T00:00:00Z"><w:r><w:t>概不</w:t></w:r></w:ins><w:r><w:t>退换。</w:t></w:r></w:p>` +
	`<w:p><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">退款说明：收到退回商品后15个工作日内退款。其他事项以店铺公告为准。</w:t></w:r></w:p>` +
	`<w:p><w:r><w:t>本店由A&amp;B公司经营。</w:t></w:r></w:p>` +
	`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>事项</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>约定</w:t></w:r></w:p></w:tc></w:tr>` +
	`<w:tr><w:tc><w:p><w:r><w:t>运费</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>质量问题退换货，来回运费由买家承担。</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
	`<w:p><w:r><w:t xml:space="preserve">以上条款请知悉。本政策最终解释权归本公司所有。</w:t></w:r></w:p>`

func fixture(t *testing.T) []byte {
	t.Helper()
	ns := `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	parts := []struct{ name, data string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>`},
		{"word/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<w:styles ` + ns + `><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="SimSun"/><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style></w:styles>`},
		{"word/numbering.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<w:numbering ` + ns + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:pPr><w:ind w:left="420" w:hanging="420"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`},
		{"word/header1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<w:hdr ` + ns + `><w:p><w:r><w:t>某某电器 内部文件</w:t></w:r></w:p></w:hdr>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<w:document ` + ns + `><w:body>` + fixtureBody + `<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`},
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p.data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestFixtureCommitted keeps testdata/annotate/policy.docx (used by
// scripts/check-docx.sh and the README) equal to the fixture above.
func TestFixtureCommitted(t *testing.T) {
	want := fixture(t)
	if *update {
		if err := os.MkdirAll(filepath.Dir(fixturePath), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(fixturePath, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(fixturePath)
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("%s differs from the fixture (%v); run go test ./annotate -update", fixturePath, err)
	}
}

func audit(t *testing.T, path string) reports.Document {
	t.Helper()
	book, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	src, err := reader.ReadFile(path, reader.Options{MaxSize: 50 << 20})
	if err != nil {
		t.Fatal(err)
	}
	d := checker.New(book).Audit(src, "")
	d.Text = src.Text
	var kept []reports.Finding
	for _, f := range d.Findings {
		if f.Suppressed == "" {
			kept = append(kept, f)
		}
	}
	d.Findings = kept
	return d
}

func unzip(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return out
}

// comment is one comment read back: its text and the document text its
// range markers enclose.
type comment struct {
	author, text, anchor string
}

// readBack reads the comments of an annotated document the way a word
// processor would: comments.xml for the text, document.xml's range
// markers for the anchored text (visible text only: deletions left out).
func readBack(t *testing.T, parts map[string][]byte) map[string]*comment {
	t.Helper()
	out := map[string]*comment{}
	var c struct {
		Comments []struct {
			ID     string `xml:"id,attr"`
			Author string `xml:"author,attr"`
			Inner  []byte `xml:",innerxml"`
		} `xml:"comment"`
	}
	if err := xml.Unmarshal(parts["word/comments.xml"], &c); err != nil {
		t.Fatalf("comments.xml: %v", err)
	}
	for _, cm := range c.Comments {
		text := regexp.MustCompile(`<[^>]+>`).ReplaceAllString(strings.ReplaceAll(string(cm.Inner), "</w:p>", "\n"), "")
		out[cm.ID] = &comment{author: cm.Author, text: text}
	}
	d := xml.NewDecoder(bytes.NewReader(parts["word/document.xml"]))
	open := map[string]bool{}
	skip := 0
	inT := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("document.xml: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if skip > 0 || tk.Name.Local == "del" {
				skip++
				continue
			}
			id := ""
			for _, a := range tk.Attr {
				if a.Name.Local == "id" {
					id = a.Value
				}
			}
			switch tk.Name.Local {
			case "commentRangeStart":
				open[id] = true
			case "commentRangeEnd":
				delete(open, id)
			case "t":
				inT = true
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			if tk.Name.Local == "t" {
				inT = false
			}
		case xml.CharData:
			if inT && skip == 0 {
				for id := range open {
					if out[id] != nil {
						out[id].anchor += string(tk)
					}
				}
			}
		}
	}
	return out
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// TestAnnotateDocx is the acceptance test: the annotated copy of a
// Word document has one comment per finding, by shouhou, anchored on the
// finding's evidence; word/document.xml is the original with only the
// comment markers inserted; every other part is byte for byte the same;
// and the copy reads and audits as the original does.
func TestAnnotateDocx(t *testing.T) {
	orig := fixture(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "policy.docx")
	if err := os.WriteFile(in, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	d := audit(t, in)
	if len(d.Findings) < 4 {
		t.Fatalf("the fixture should have several findings, got %+v", d.Findings)
	}
	res, err := annotate.Document(d, orig)
	if err != nil {
		t.Fatal(err)
	}
	before, after := unzip(t, orig), unzip(t, res.Docx)
	for i, p := range res.Placed {
		t.Logf("%s line %d %q -> %q whole=%v", d.Findings[i].Rule, d.Findings[i].Line, d.Findings[i].Evidence, p.Anchor, p.Whole)
	}
	for _, e := range res.Edits {
		t.Logf("edit %d %s", e.At, e.Text)
	}

	// Comments: one per finding, anchored on its evidence.
	got := readBack(t, after)
	if len(got) != len(d.Findings) || len(res.Placed) != len(d.Findings) {
		t.Fatalf("%d comments (%d placed) for %d findings", len(got), len(res.Placed), len(d.Findings))
	}
	for i, f := range d.Findings {
		p := res.Placed[i]
		c := got[strconv.Itoa(p.ID)]
		if c == nil {
			t.Errorf("%s: no comment %d", f.Rule, p.ID)
			continue
		}
		if c.author != annotate.Author {
			t.Errorf("%s: author %q", f.Rule, c.author)
		}
		for _, want := range []string{f.Rule, f.Message, "依据", "建议"} {
			if !strings.Contains(c.text, want) {
				t.Errorf("%s: comment lacks %q:\n%s", f.Rule, want, c.text)
			}
		}
		anchor, ev := squeeze(c.anchor), squeeze(f.Evidence)
		if f.Line == 0 {
			if p.Whole != true || anchor == "" {
				t.Errorf("%s (whole document): anchor %q", f.Rule, anchor)
			}
			continue
		}
		// The evidence may start with Word's own list number ("1."),
		// which is not text of the document.
		if anchor == "" || !strings.HasSuffix(ev, anchor) || len([]rune(ev))-len([]rune(anchor)) > 3 || p.Whole {
			t.Errorf("%s: anchored on %q, evidence %q", f.Rule, anchor, ev)
		}
	}

	// document.xml: the original with the edits inserted, nothing else.
	docBefore, docAfter := before["word/document.xml"], after["word/document.xml"]
	var rebuilt bytes.Buffer
	last := 0
	shift := 0
	for _, e := range res.Edits {
		rebuilt.Write(docBefore[last:e.At])
		last = e.At
		at := e.At + shift
		if !bytes.HasPrefix(docAfter[at:], []byte(e.Text)) {
			t.Fatalf("edit at %d not found in the output", e.At)
		}
		shift += len(e.Text)
	}
	rebuilt.Write(docBefore[last:])
	var stripped bytes.Buffer
	last, shift = 0, 0
	for _, e := range res.Edits {
		stripped.Write(docAfter[last : e.At+shift])
		last = e.At + shift + len(e.Text)
		shift += len(e.Text)
	}
	stripped.Write(docAfter[last:])
	if !bytes.Equal(stripped.Bytes(), docBefore) {
		t.Errorf("document.xml with the inserted markers taken out differs from the original")
	}
	marker := `<w:commentRangeStart w:id="\d+"/>|<w:commentRangeEnd w:id="\d+"/><w:r><w:commentReference w:id="\d+"/></w:r>`
	allowed := regexp.MustCompile(`^(?:(?:` + marker + `)+|(?:</w:t>)?</w:r>(?:` + marker + `)+<w:r(?: [^>]*)?>(?:<w:rPr>(?:[^<]|<[^/]|</[^w]|</w:[^r])*</w:rPr>)?(?:<w:t xml:space="preserve">)?)$`)
	splits := 0
	for _, e := range res.Edits {
		if !allowed.MatchString(e.Text) {
			t.Errorf("inserted %q is more than comment markers and a run split", e.Text)
		}
		if strings.HasPrefix(e.Text, "</") {
			splits++
		}
	}
	if splits == 0 {
		t.Errorf("no run was split, but the fixture has findings starting and ending mid-run")
	}
	if !strings.Contains(string(docAfter), `<w:rPr><w:b/></w:rPr>`) || !strings.Contains(string(docAfter), `<w:delText>可以</w:delText>`) {
		t.Errorf("formatting or the tracked deletion was lost")
	}

	// Every other part byte for byte; the comments part declared.
	for name, b := range before {
		switch name {
		case "word/document.xml", "[Content_Types].xml", "word/_rels/document.xml.rels":
			continue
		}
		if !bytes.Equal(after[name], b) {
			t.Errorf("%s changed", name)
		}
	}
	if !bytes.Contains(after["[Content_Types].xml"], []byte(`PartName="/word/comments.xml"`)) ||
		!bytes.Contains(after["word/_rels/document.xml.rels"], []byte(`relationships/comments" Target="comments.xml"`)) {
		t.Errorf("comments part not declared")
	}

	// The copy reads and audits exactly as the original.
	out := filepath.Join(dir, "annotated.docx")
	if err := os.WriteFile(out, res.Docx, 0o644); err != nil {
		t.Fatal(err)
	}
	d2 := audit(t, out)
	if len(d2.Findings) != len(d.Findings) {
		t.Fatalf("annotated copy: %d findings, original %d", len(d2.Findings), len(d.Findings))
	}
	for i := range d.Findings {
		a, b := d.Findings[i], d2.Findings[i]
		if a.Rule != b.Rule || a.Line != b.Line || a.Column != b.Column || a.Evidence != b.Evidence || a.Location != b.Location {
			t.Errorf("finding %d: %+v became %+v", i, a, b)
		}
	}

	// Annotating twice adds to the comments already there.
	res2, err := annotate.Document(d, res.Docx)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(readBack(t, unzip(t, res2.Docx))); n != 2*len(d.Findings) {
		t.Errorf("annotating the annotated copy: %d comments, want %d", n, 2*len(d.Findings))
	}
}

// TestAnnotateEveryParagraph puts a comment on the middle third of every
// body paragraph of Word documents from the producers people use
// (python-docx's XML, with a table, a header, numbering; and the fixture
// above): each is anchored on exactly its words, and the copy reads to
// the same text as the original.
func TestAnnotateEveryParagraph(t *testing.T) {
	for _, path := range []string{"../testdata/formats/tender.docx", fixturePath} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			orig, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			src, err := reader.ReadFile(path, reader.Options{MaxSize: 50 << 20})
			if err != nil {
				t.Fatal(err)
			}
			var notes []annotate.Note
			var want []string
			off := 0
			for line := range strings.Lines(src.Text) {
				p := src.Locate(off)
				off += len(line)
				rs := []rune(strings.TrimSpace(line))
				if strings.HasPrefix(p.Location, "header") || strings.HasPrefix(p.Location, "footer") || len(rs) < 3 {
					continue
				}
				ev := string(rs[len(rs)/3 : 2*len(rs)/3+1])
				notes = append(notes, annotate.Note{Para: p.Line, Evidence: ev, Text: []string{"注 " + strconv.Itoa(len(notes))}})
				want = append(want, squeeze(ev))
			}
			if len(notes) < 5 {
				t.Fatalf("only %d paragraphs", len(notes))
			}
			res, err := annotate.Docx(orig, notes)
			if err != nil {
				t.Fatal(err)
			}
			got := readBack(t, unzip(t, res.Docx))
			if len(got) != len(notes) {
				t.Fatalf("%d comments for %d notes", len(got), len(notes))
			}
			for i, p := range res.Placed {
				if c := got[strconv.Itoa(p.ID)]; c == nil || squeeze(c.anchor) != want[i] || p.Whole {
					t.Errorf("note %d (paragraph %d): anchored on %q, want %q", i, notes[i].Para, c.anchor, want[i])
				}
			}
			out := filepath.Join(t.TempDir(), "annotated.docx")
			if err := os.WriteFile(out, res.Docx, 0o644); err != nil {
				t.Fatal(err)
			}
			again, err := reader.ReadFile(out, reader.Options{MaxSize: 50 << 20})
			if err != nil || again.Text != src.Text {
				t.Errorf("the annotated copy reads differently (%v)", err)
			}
		})
	}
}
