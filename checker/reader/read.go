package reader

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"unicode/utf8"
)

// StdinPath is how a document read from standard input is named.
const StdinPath = "<stdin>"

// Options controls reading.
type Options struct {
	Encoding string // force an encoding; empty means detect
	MaxSize  int64  // bytes; 0 means DefaultMaxSize
	// Ctx, when set, abandons a read once it is done (--doc-timeout):
	// the long loops (pages, rows, XML tokens) look at it as they go.
	Ctx context.Context
	// OCR: OCROff (also ""), OCRAuto or OCRForce, for PDFs; Jobs is how
	// many pages are OCR'd at once (0: one).
	OCR  string
	Jobs int
	// HiddenSheets reads the sheets of a workbook that Excel hides.
	HiddenSheets bool
}

// cancelled returns the context's error once the read is to be abandoned.
func (o Options) cancelled() error {
	if o.Ctx == nil {
		return nil
	}
	return o.Ctx.Err()
}

// DefaultMaxSize bounds one document; larger files get an error, not a read.
const DefaultMaxSize = 50 << 20

// Extensions are the file types picked up when a folder is walked, and
// the format each is first taken to be. Legacy Office types are picked up
// too, so that each gets its own line saying how to convert it instead of
// being passed over in silence.
var Extensions = map[string]string{
	".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
	".docx": "docx", ".docm": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx",
	".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf",
	".doc": "doc", ".wps": "doc", ".xls": "xls", ".et": "xls",
}

// ReadFile reads and parses one file.
func ReadFile(path string, opt Options) (*Source, error) {
	// Looked at before it is opened: opening a named pipe with no writer
	// blocks for ever, and a device can be read without end.
	pre, err := os.Stat(path)
	if err != nil {
		return nil, describeOpenError(err)
	}
	if err := special(pre.Mode()); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, describeOpenError(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, describeOpenError(err)
	}
	if err := special(st.Mode()); err != nil {
		return nil, err // replaced between the two looks
	}
	limit := maxSize(opt)
	if st.Size() > limit {
		return nil, fmt.Errorf("file is %s, over the %s limit (raise it with --max-size)", FormatSize(st.Size()), FormatSize(limit))
	}
	// Read into a buffer of the file's size (plus one byte to notice a
	// file that grew); io.ReadAll would double its way there.
	buf := bytes.NewBuffer(make([]byte, 0, st.Size()+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %v", err)
	}
	b := buf.Bytes()
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("file grew past the %s limit while being read (raise it with --max-size)", FormatSize(limit))
	}
	return Parse(path, b, Sniff(path, b), opt)
}

// ReadStdin reads standard input. Markdown is recognised by its look.
func ReadStdin(r io.Reader, opt Options) (*Source, error) {
	limit := maxSize(opt)
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %v", err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("input is over the %s limit (raise it with --max-size)", FormatSize(limit))
	}
	return Parse(StdinPath, b, Sniff(StdinPath, b), opt)
}

// Parse reads b as format (see Sniff) and splits it into blocks. A panic
// in a parser becomes an error for this document only.
func Parse(path string, b []byte, format string, opt Options) (src *Source, err error) {
	defer func() {
		if r := recover(); r != nil {
			src, err = nil, fmt.Errorf("internal error while reading (please report it): %v", r)
		}
	}()
	if len(b) == 0 {
		return nil, errors.New("empty file")
	}
	src = &Source{Path: path, Format: format}
	parse, ok := parsers[format]
	if !ok {
		parse = parseDecoded
	}
	err = parse(src, b, opt)
	if err != nil {
		return nil, err
	}
	if len(src.Blocks) == 0 && format != "text" && format != "markdown" {
		return nil, errors.New("no text found in the document")
	}
	return src, nil
}

// parsers read each format into a Source; text, Markdown and HTML go
// through parseDecoded.
var parsers = map[string]func(src *Source, b []byte, opt Options) error{
	"docx": func(src *Source, b []byte, opt Options) error { return parseDocx(src, b, maxSize(opt), opt) },
	"xlsx": func(src *Source, b []byte, opt Options) error { return parseXlsx(src, b, maxSize(opt), opt) },
	"pdf":  func(src *Source, b []byte, opt Options) error { return parsePDF(src, b, maxSize(opt), opt) },
	"ole":  readOLE,
	"doc":  func(src *Source, b []byte, _ Options) error { return notWordBinary(src.Path) },
	"xls":  refuse("legacy Excel (.xls/.et) file, which shouhou cannot read: save it as .xlsx and try again"),
	"rtf":  refuse("RTF file, which shouhou cannot read: save it as .docx and try again"),
}

func refuse(reason string) func(*Source, []byte, Options) error {
	return func(*Source, []byte, Options) error { return errors.New(reason) }
}

// parseDecoded reads the formats that are text files: text, Markdown, HTML.
func parseDecoded(src *Source, b []byte, opt Options) error {
	force := opt.Encoding
	if force == "" && src.Format == "html" && !utf8.Valid(b) {
		force = htmlEncoding(b)
	}
	text, enc, err := Decode(b, force)
	if err != nil {
		return err
	}
	src.Text, src.Encoding = text, enc
	if (enc == UTF8 || enc == UTF8BOM) && opt.Encoding == "" && strings.ContainsRune(text, utf8.RuneError) {
		if n, line, col, bad := InvalidUTF8(b); bad {
			src.Warnings = append(src.Warnings, fmt.Sprintf("%d invalid UTF-8 byte(s) read as U+FFFD, the first at line %d col %d", n, line, col))
		}
	}
	switch src.Format {
	case "markdown":
		parseMarkdown(src)
	case "html":
		parseHTML(src)
	default:
		parseText(src)
	}
	return nil
}

// Sniff decides how to read a file: by its first bytes where they are
// unmistakable (PDF, zip, OLE2, RTF), else by its extension, else as
// text (a file named explicitly is always tried). Many ".doc" and ".xls"
// files on the web are really HTML pages, and read as such.
func Sniff(path string, b []byte) string {
	format := Extensions[strings.ToLower(filepath.Ext(path))]
	head := bytes.TrimLeft(b[:min(len(b), 1024)], " \t\r\n\ufeff")
	switch {
	case bytes.Contains(b[:min(len(b), 1024)], []byte("%PDF-")):
		return "pdf"
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		if format == "docx" || format == "xlsx" {
			return format
		}
		if bytes.Contains(b, []byte("word/document.xml")) {
			return "docx"
		}
		if bytes.Contains(b, []byte("xl/workbook.xml")) {
			return "xlsx"
		}
		if format == "" {
			return "docx" // its reader names what is missing
		}
		return format
	case isOLE(b):
		return "ole"
	case bytes.HasPrefix(head, []byte("{\\rtf")):
		return "rtf"
	}
	switch format {
	case "", "doc", "xls", "text":
		if looksLikeHTML(head) || format != "text" && markupDense(b) {
			return "html"
		}
		if format == "text" {
			return format
		}
		if format == "" {
			if looksLikeMarkdown(b) && path == StdinPath {
				return "markdown"
			}
			return "text"
		}
	}
	return format
}

// markupDense reports a page template (.jsp, .php, .asp, a file with no
// extension) that is mostly HTML though it does not start like a page:
// closing tags at least once every 400 bytes of its start.
func markupDense(b []byte) bool {
	b = b[:min(len(b), 64<<10)]
	n := bytes.Count(b, []byte("</"))
	return n >= 8 && n*400 >= len(b)
}

func looksLikeHTML(head []byte) bool {
	h := bytes.ToLower(head[:min(len(head), 512)])
	return bytes.HasPrefix(h, []byte("<!doctype html")) || bytes.HasPrefix(h, []byte("<html")) ||
		bytes.HasPrefix(h, []byte("<?xml")) && bytes.Contains(h, []byte("<html")) ||
		bytes.HasPrefix(h, []byte("<meta")) || bytes.HasPrefix(h, []byte("<head"))
}

// FormatSize writes a byte count as people read it: 900 bytes, 12 KB, 50 MB.
func FormatSize(n int64) string {
	switch {
	case n >= 10<<20 || n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 10<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// MaxMaxSize is the largest --max-size: positions inside a document are
// kept as 32-bit offsets, and a document's text may be a few times its
// file's size.
const MaxMaxSize = 1 << 30

func maxSize(opt Options) int64 {
	if opt.MaxSize > 0 {
		return min(opt.MaxSize, MaxMaxSize)
	}
	return DefaultMaxSize
}

// special refuses what is not a regular file, naming what it is. Named
// explicitly, a FIFO or device would be opened and read; in a folder
// walk such files are passed over (see Expand).
func special(m fs.FileMode) error {
	switch {
	case m.IsDir():
		return errors.New("a folder, not a file")
	case m.IsRegular():
		return nil
	case m&fs.ModeNamedPipe != 0:
		return errors.New("a named pipe (FIFO), not a regular file: refused; to audit what a program writes, pipe it to shouhou audit -")
	case m&fs.ModeSocket != 0:
		return errors.New("a socket, not a regular file: refused")
	case m&fs.ModeDevice != 0 || m&fs.ModeCharDevice != 0:
		return errors.New("a device, not a regular file: refused")
	}
	return errors.New("not a regular file: refused")
}

func looksLikeMarkdown(b []byte) bool {
	head := b
	if len(head) > 4096 {
		head = head[:4096]
	}
	return bytes.HasPrefix(head, []byte("# ")) || bytes.Contains(head, []byte("\n# ")) ||
		bytes.Contains(head, []byte("\n## ")) || bytes.Contains(head, []byte("|---")) || bytes.Contains(head, []byte("| ---"))
}

func describeOpenError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or folder")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	case errors.Is(err, syscall.ELOOP):
		return errors.New("symbolic link loop")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
