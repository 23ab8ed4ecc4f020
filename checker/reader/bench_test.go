package reader

import (
	"path/filepath"
	"testing"
)

// BenchmarkReaders parses each real-format sample; MB/s is of the file
// as stored (compressed for docx and xlsx).
func BenchmarkReaders(b *testing.B) {
	for _, name := range []string{"tender.docx", "deviation.xlsx", "policy.html", "policy_gbk.html", "commitment.pdf", "commitment_cid.pdf", "tender_word97.doc", "tender_printed.pdf"} {
		data := readTestdata(b, filepath.Join("formats", name))
		format := Sniff(name, data)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Parse(name, data, format, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
