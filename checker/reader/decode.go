package reader

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Encoding names as reports print them.
const (
	UTF8    = "utf-8"
	UTF8BOM = "utf-8-bom"
	UTF16LE = "utf-16le"
	UTF16BE = "utf-16be"
	GB18030 = "gb18030"
	Big5    = "big5"
)

// Encodings lists the names --encoding accepts (gbk and gb2312 are read as
// gb18030, which contains both).
var Encodings = []string{UTF8, UTF16LE, UTF16BE, GB18030, "gbk", "gb2312", Big5}

// Decode turns raw bytes into UTF-8 text and names the encoding it found.
// force, when not empty, skips detection. A BOM is removed from the text.
//
// Detection goes: BOM; valid UTF-8; UTF-16 without BOM (most runes CJK,
// ASCII or punctuation); then GB18030 against Big5, choosing the decoding
// that is strictly valid and has more common Han characters.
func Decode(b []byte, force string) (string, string, error) {
	if len(b) == 0 {
		return "", "", errors.New("empty file")
	}
	if force != "" {
		return decodeAs(b, strings.ToLower(force))
	}
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		if !utf8.Valid(b[3:]) {
			return "", "", errors.New("starts with a UTF-8 byte-order mark but is not valid UTF-8")
		}
		return string(b[3:]), UTF8BOM, checkText(string(b[3:]))
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeUTF16(b[2:], false, UTF16LE)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeUTF16(b[2:], true, UTF16BE)
	}
	if utf8.Valid(b) {
		return string(b), UTF8, checkText(string(b))
	}
	if n := truncatedUTF8(b); n > 0 {
		// A UTF-8 file cut off inside its last character (a truncated
		// download or copy): keep the text, mark the lost character.
		s := string(b[:len(b)-n]) + string(utf8.RuneError)
		return s, UTF8, checkText(s)
	}
	if s, ok := mostlyUTF8(b); ok {
		return s, UTF8, checkText(s)
	}
	if len(b)%2 == 0 && bytes.IndexByte(b, 0) >= 0 {
		for _, be := range []bool{false, true} {
			if s, ok := utf16Text(b, be); ok {
				name := UTF16LE
				if be {
					name = UTF16BE
				}
				return s, name, checkText(s)
			}
		}
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return "", "", errors.New("binary file (NUL bytes); not a text document")
	}
	gb, gbErr := strictDecode(simplifiedchinese.GB18030, b)
	b5, b5Err := strictDecode(traditionalchinese.Big5, b)
	var text, name string
	switch {
	case gbErr == nil && b5Err == nil:
		text, name = gb, GB18030
		if commonHanScore(b5) > commonHanScore(gb) {
			text, name = b5, Big5
		}
	case gbErr == nil:
		text, name = gb, GB18030
	case b5Err == nil:
		text, name = b5, Big5
	}
	// GB18030 decodes almost any bytes; text in neither encoding comes out
	// as rare characters. Refuse to guess rather than audit mojibake.
	if text == "" || !plausibleChinese(text) {
		return "", "", errors.New("unknown text encoding (not UTF-8, UTF-16, GB18030 or Big5); pass --encoding if you know it")
	}
	return text, name, checkText(text)
}

// truncatedUTF8 returns how many trailing bytes form an incomplete UTF-8
// sequence when everything before them is valid UTF-8, else 0.
func truncatedUTF8(b []byte) int {
	for n := 1; n <= 3 && n < len(b); n++ {
		tail := b[len(b)-n:]
		if utf8.RuneStart(tail[0]) && !utf8.FullRune(tail) && utf8.Valid(b[:len(b)-n]) {
			return n
		}
	}
	return 0
}

func decodeAs(b []byte, name string) (string, string, error) {
	var enc encoding.Encoding
	switch name {
	case UTF8, "utf8":
		b = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
		if !utf8.Valid(b) {
			return "", "", errors.New("not valid UTF-8 (--encoding utf-8)")
		}
		return string(b), UTF8, checkText(string(b))
	case UTF16LE:
		return decodeUTF16(bytes.TrimPrefix(b, []byte{0xFF, 0xFE}), false, UTF16LE)
	case UTF16BE:
		return decodeUTF16(bytes.TrimPrefix(b, []byte{0xFE, 0xFF}), true, UTF16BE)
	case GB18030, "gbk", "gb2312", "cp936":
		enc, name = simplifiedchinese.GB18030, GB18030
	case Big5, "big-5", "cp950":
		enc, name = traditionalchinese.Big5, Big5
	default:
		return "", "", fmt.Errorf("unknown --encoding %q (known: %s)", name, strings.Join(Encodings, ", "))
	}
	s, err := strictDecode(enc, b)
	if err != nil {
		return "", "", fmt.Errorf("not valid %s: %v", name, err)
	}
	return s, name, checkText(s)
}

func decodeUTF16(b []byte, bigEndian bool, name string) (string, string, error) {
	if len(b)%2 != 0 {
		return "", "", fmt.Errorf("truncated %s text (odd number of bytes)", name)
	}
	order := xunicode.LittleEndian
	if bigEndian {
		order = xunicode.BigEndian
	}
	s, err := strictDecode(xunicode.UTF16(order, xunicode.IgnoreBOM), b)
	if err != nil {
		return "", "", fmt.Errorf("not valid %s: %v", name, err)
	}
	return s, name, checkText(s)
}

// utf16Text accepts b as BOM-less UTF-16 when nine runes in ten are Han,
// ASCII printable or common punctuation.
func utf16Text(b []byte, bigEndian bool) (string, bool) {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	rs := utf16.Decode(u)
	good := 0
	for _, r := range rs {
		if unicode.Is(unicode.Han, r) || (r >= 0x20 && r < 0x7F) || r == '\n' || r == '\r' || r == '\t' || unicode.IsPunct(r) {
			good++
		}
	}
	if len(rs) == 0 || good*10 < len(rs)*9 {
		return "", false
	}
	return string(rs), true
}

func strictDecode(enc encoding.Encoding, b []byte) (string, error) {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", err
	}
	if bytes.ContainsRune(out, utf8.RuneError) {
		return "", errors.New("invalid byte sequence")
	}
	return string(out), nil
}

// commonChars holds the most frequent characters of running Chinese text in
// both scripts, plus after-sales vocabulary. A right decoding is full of
// them; decoding GB18030 bytes as Big5 (or the reverse) gives rare ones.
const commonChars = "的一是不了在人有我他这個个们們中来來上大为為和国國地到以说說时時要就出会會可也你对對生能而子那得于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心本前开開但因只从從想实實日" +
	"售服务務保修退货貨换換质質期内內费費款商品客户戶电電话話工作日时小周月年三包整机機件维維响響应應处處理投诉訴"

var commonSet = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range commonChars {
		m[r] = true
	}
	return m
}()

// commonHanScore counts common characters; the decoding with more wins.
func commonHanScore(s string) int {
	n := 0
	for _, r := range s {
		if commonSet[r] {
			n++
		}
	}
	return n
}

// plausibleChinese accepts decoded text whose non-ASCII characters include
// a fair share of common ones (one in eight; real Chinese text has well over
// half, mojibake almost none).
func plausibleChinese(s string) bool {
	nonASCII := 0
	for _, r := range s {
		if r >= 0x80 {
			nonASCII++
		}
	}
	return nonASCII < 4 || commonHanScore(s)*8 >= nonASCII
}

// checkText rejects decoded text that holds NUL or other control characters
// that no text document has: a binary file with a text extension.
func checkText(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("empty file (only white space)")
	}
	// Control characters are ASCII bytes, which never occur inside a
	// multi-byte UTF-8 sequence: scanning bytes finds them without decoding.
	bad := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 {
			continue
		}
		if c == 0 {
			return errors.New("binary file (NUL bytes); not a text document")
		}
		if c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' {
			bad++
		}
	}
	if bad > 8 && bad*50 > len(s) {
		return errors.New("binary file (control characters); not a text document")
	}
	return nil
}

// mostlyUTF8 accepts UTF-8 text with a few bad bytes (a scraped page with
// one broken character, a file edited with a mixed-up tool) rather than
// refusing the whole document: the bad bytes become U+FFFD, which keeps
// every later column right. It takes five good multi-byte characters for
// every bad byte: GBK and Big5 text read as UTF-8 gives about one good one
// for every five bad bytes (measured on the corpus), so neither is taken
// for it.
func mostlyUTF8(b []byte) (string, bool) {
	bad, wide := 0, 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			bad++
		case n > 1:
			wide++
		}
		i += n
	}
	if bad == 0 || bad*5 > wide {
		return "", false
	}
	return strings.ToValidUTF8(string(b), string(utf8.RuneError)), true
}

// InvalidUTF8 describes the bad bytes of a file read as UTF-8: how many
// there are, and the line and column of the first. ok is false when b is
// valid UTF-8.
func InvalidUTF8(b []byte) (count, line, col int, ok bool) {
	first := -1
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			count++
			if first < 0 {
				first = i
			}
		}
		i += n
	}
	if first < 0 {
		return 0, 0, 0, false
	}
	start := bytes.LastIndexByte(b[:first], '\n') + 1
	return count, bytes.Count(b[:first], []byte{'\n'}) + 1, utf8.RuneCount(b[start:first]) + 1, true
}
