package hostile

import (
	"strings"
	"unicode/utf16"
)

// Policy is ordinary after-sales text: the hostile cases are made of it so
// that every stage (facts, rules) has work to do, not only the reader.
const Policy = "售后服务政策：自签收之日起7日内可无理由退货，15日内可换货；整机保修一年，主要部件保修三年；" +
	"客服热线400-123-4567，接到报修后24小时内响应，48小时内上门；特价商品概不退换；质保金为合同金额的5%。"

// OneLine is Policy repeated to n bytes with no line break.
func OneLine(n int) []byte { return repeatTo(Policy, n) }

// Lines is the same text with a line break after each repetition.
func Lines(n int) []byte { return repeatTo(Policy+"\n", n) }

func repeatTo(s string, n int) []byte {
	return []byte(strings.Repeat(s, n/len(s)+1))
}

func textCases() []Case {
	utf16le := func(s string) []byte {
		b := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	return []Case{
		{Name: "one-line-1mb.txt", Make: func() []byte { return OneLine(1 << 20) }},
		{Name: "comma-ended-1mb.txt", Make: func() []byte { return repeatTo("商品售出后7日内可退货，\n", 1<<20) }},
		{Name: "money-yiwan.txt", Make: func() []byte { return repeatTo(strings.Repeat("壹万", 5000)+"元\n", 3<<20) }},
		{Name: "money-nine-commas.txt", Make: func() []byte { return repeatTo(strings.Repeat("9,", 10000)+"元\n", 2<<20) }},
		{Name: "list-yinian.txt", Make: func() []byte { return []byte("保修期：" + strings.Repeat("一年、", 350000)) }},
		{Name: "nested-brackets.txt", Make: func() []byte {
			return repeatTo(strings.Repeat("（", 10000)+"商品售出后7日内可退货"+strings.Repeat("）", 10000)+"\n", 6<<20)
		}},
		{Name: "zero-width.txt", Make: func() []byte { return []byte("售后服务政策\n特价商品概\u200b不退换。\n") }},
		{Name: "control-chars.txt", Want: "binary file (NUL bytes)", Make: func() []byte { return []byte("售后\x1b[31m服务\x07政策\x00\n整机保修一年。\n") }},
		{Name: "invalid-utf8.txt", Want: "unknown text encoding", Make: func() []byte { return []byte("售后服务\xff\xfe政策\n整机保修\xc3一年。\n") }},
		{Name: "utf16-odd.txt", Want: "truncated utf-16le text", Make: func() []byte { return append(utf16le("整机保修一年。"), 0x41) }},
		{Name: "md-deep-quotes.md", Make: func() []byte { return []byte(strings.Repeat(">", 100000) + " 商品售出后7日内可退货。\n") }},
		{Name: "md-wide-table.md", Make: func() []byte {
			return []byte("|" + strings.Repeat("保修|", 20000) + "\n|" + strings.Repeat("-|", 20000) + "\n" + strings.Repeat("|"+strings.Repeat("一年|", 20000)+"\n", 10))
		}},
		{Name: "md-reference-defs.md", Big: true, Make: func() []byte {
			var b strings.Builder
			for i := range 100000 {
				b.WriteString("[r" + itoa(i) + "]: http://x/\n")
			}
			for i := range 100000 {
				b.WriteString("[r" + itoa(i) + "] ")
			}
			return []byte(b.String())
		}},
		{Name: "md-nested-lists.md", Make: func() []byte {
			var b strings.Builder
			for i := range 1000 {
				b.WriteString(strings.Repeat("  ", i) + "- 保修一年\n")
			}
			return []byte(b.String())
		}},
		{Name: "html-deep.html", Make: func() []byte {
			return []byte("<html><body>" + strings.Repeat("<div>", 50000) + "整机保修一年。" + strings.Repeat("</div>", 50000) + "</body></html>")
		}},
		{Name: "empty.txt", Want: "empty file", Make: func() []byte { return nil }},
		{Name: "control-no-nul.txt", Make: func() []byte { return []byte("售后\x1b[31m服务\x07政策\n整机保修一年。\n") }},
		{Name: "mostly-utf8.txt", Make: func() []byte {
			return []byte(strings.Repeat("售后服务政策，整机保修一年。\n", 50) + "\xff\n")
		}},
		{Name: "name\nwith newline.txt", Make: func() []byte { return []byte("整机保修一年。\n") }},
		{Name: "name\x1b[31mwith-escape.txt", Make: func() []byte { return []byte("整机保修一年。\n") }},
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}
