package clause

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"shouhou/checker/reader"
)

func TestSplit(t *testing.T) {
	text := "# 售后服务政策\n\n## 一、退换货\n\n七日内可退货；十五日内可换货。特价商品“概不退换”。\n\n## 二、保修\n\n| 项目 | 承诺 |\n| --- | --- |\n| 响应时间 | 2小时 |\n"
	src, err := reader.Parse("p.md", []byte(text), "markdown", reader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range Split(src) {
		got = append(got, c.Text.S+" @"+strings.Join(c.Section, "›")+" ctx="+c.Context)
	}
	want := []string{
		"售后服务政策 @ ctx=",
		"一、退换货 @售后服务政策 ctx=",
		"七日内可退货; @售后服务政策›一、退换货 ctx=",
		"十五日内可换货。 @售后服务政策›一、退换货 ctx=",
		"特价商品“概不退换”。 @售后服务政策›一、退换货 ctx=",
		"二、保修 @售后服务政策 ctx=",
		"项目 @售后服务政策›二、保修 ctx=",
		"承诺 @售后服务政策›二、保修 ctx=项目",
		"响应时间 @售后服务政策›二、保修 ctx=项目",
		"2小时 @售后服务政策›二、保修 ctx=承诺 响应时间",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("clauses:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestClauseMapsToOriginal(t *testing.T) {
	text := "退货政策\n自簽收之日起７日內可退貨；\n十五日內可換貨。"
	src, err := reader.Parse("p.txt", []byte(text), "text", reader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cls := Split(src)
	if len(cls) != 3 {
		t.Fatalf("%d clauses", len(cls))
	}
	c := cls[2]
	if c.Text.S != "十五日内可换货。" {
		t.Errorf("normalized %q", c.Text.S)
	}
	if line, col := src.Position(c.Text.Orig(0)); line != 3 || col != 1 {
		t.Errorf("clause starts at %d:%d, want 3:1", line, col)
	}
	i := strings.Index(cls[1].Text.S, "7")
	if line, col := src.Position(cls[1].Text.Orig(i)); line != 2 || col != 7 {
		t.Errorf("7 at %d:%d, want 2:7", line, col)
	}
}

// TestSplitBoundsLongClauses: a file whose lines all end in commas joins
// into one paragraph with no sentence end; it must come out as clauses of
// at most MaxRunes characters, cut after commas, every character kept,
// and the document must say so.
func TestSplitBoundsLongClauses(t *testing.T) {
	line := "商品售出后7日内可退货，"
	text := "退货政策\n" + strings.Repeat(line+"\n", 500)
	src, err := reader.Parse("p.txt", []byte(text), "text", reader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cls := Split(src)
	var joined strings.Builder
	for _, c := range cls[1:] {
		n := utf8.RuneCountInString(c.Text.S)
		if n > MaxRunes || n < MaxRunes/2 && c.Text.S != cls[len(cls)-1].Text.S {
			t.Errorf("clause of %d characters", n)
		}
		if !strings.HasSuffix(c.Text.S, ",") {
			t.Errorf("clause not cut at a comma: …%s", c.Text.S[len(c.Text.S)-12:])
		}
		joined.WriteString(c.Text.S)
	}
	if want := strings.Repeat("商品售出后7日内可退货,", 500); strings.ReplaceAll(joined.String(), " ", "") != want {
		t.Errorf("text lost in splitting: %d bytes, want %d", joined.Len(), len(want))
	}
	if len(src.Warnings) != 1 || !strings.Contains(src.Warnings[0], "line 2 col 1") {
		t.Errorf("warnings = %q, want one naming line 2 col 1", src.Warnings)
	}
	// Without a comma the cut falls at the bound.
	src, _ = reader.Parse("p.txt", []byte(strings.Repeat("退", 2500)), "text", reader.Options{})
	var lens []int
	for _, c := range Split(src) {
		lens = append(lens, utf8.RuneCountInString(c.Text.S))
	}
	if fmt.Sprint(lens) != "[1000 1000 500]" {
		t.Errorf("lengths = %v, want [1000 1000 500]", lens)
	}
}

// FuzzBounded: splitting a long stretch keeps every character but the
// spaces at the cuts, in order, in pieces of at most MaxRunes characters.
func FuzzBounded(f *testing.F) {
	f.Add(strings.Repeat("商品售出后7日内可退货, ", 200))
	f.Add(strings.Repeat("退", 2500))
	f.Add(strings.Repeat("a b,", 1000))
	f.Fuzz(func(t *testing.T, s string) {
		var joined strings.Builder
		for _, p := range bounded(s, 0, len(s)) {
			if n := utf8.RuneCountInString(s[p[0]:p[1]]); n > MaxRunes {
				t.Fatalf("piece of %d characters", n)
			}
			joined.WriteString(s[p[0]:p[1]])
		}
		if strings.ReplaceAll(joined.String(), " ", "") != strings.ReplaceAll(s, " ", "") {
			t.Fatal("characters lost")
		}
	})
}

// TestSplitChunks: a document of more clauses than a chunk holds keeps
// every clause, in order, across the chunk boundaries.
func TestSplitChunks(t *testing.T) {
	for _, n := range []int{1, chunkLen - 1, chunkLen, chunkLen + 1, 2*chunkLen + 5} {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "第%d条。", i)
		}
		src, err := reader.Parse("p.txt", []byte(b.String()), "text", reader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		cls := Split(src)
		if len(cls) != n {
			t.Fatalf("%d sentences: %d clauses", n, len(cls))
		}
		for i, c := range cls {
			if want := fmt.Sprintf("第%d条。", i); c.Text.S != want {
				t.Fatalf("%d sentences: clause %d is %q, want %q", n, i, c.Text.S, want)
			}
		}
	}
}

// TestLeadContext: a short label ending in a colon is the context of the
// key-value lines and the list items after it, and of nothing further.
func TestLeadContext(t *testing.T) {
	text := "三包有效期：\n主机：一年\n电池：六个月\n\n以下情况不予退换货：\n1. 签收超过15天的；\n2. 已拆封使用的。\n\n其他问题请联系客服。\n\n不接受退货的情况\n\n- 已使用的货品\n- 签收超过14天后提出\n\n退货地址：某市某路1号\n\n【退货政策】\n\n2. 商品配送\n\n- 出货时间：付款后7个工作日内送达。\n\n3. 退货与换货条件\n\n- 申请期限：收到商品7日内发现瑕疵请联系客服。\n\n以下情况不予退换\n\n1. 定制商品\n2. 签收超过15天的商品\n\n产品类别\n\n马桶\n\n质保期限\n\n3年\n\n10年。\n\n电机\n\n36个月\n"
	src, err := reader.Parse("p.txt", []byte(text), "text", reader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range Split(src) {
		got = append(got, c.Text.S+" ctx="+c.Context)
	}
	want := []string{
		"三包有效期: ctx=",
		"主机:一年 ctx=三包有效期:",
		"电池:六个月 ctx=三包有效期:",
		"以下情况不予退换货: ctx=",
		"1. 签收超过15天的; ctx=以下情况不予退换货:",
		"2. 已拆封使用的。 ctx=以下情况不予退换货:",
		"其他问题请联系客服。 ctx=",
		// a short title line leads the list below it, not a key-value line
		"不接受退货的情况 ctx=",
		"- 已使用的货品 ctx=不接受退货的情况", // a bullet is an item, never a title
		"- 签收超过14天后提出 ctx=不接受退货的情况",
		"退货地址:某市某路1号 ctx=",
		// a numbered title item heads the bullets below it
		"【退货政策】 ctx=",
		"2. 商品配送 ctx=",
		"- 出货时间:付款后7个工作日内送达。 ctx=2. 商品配送",
		"3. 退货与换货条件 ctx=",
		"- 申请期限:收到商品7日内发现瑕疵请联系客服。 ctx=3. 退货与换货条件",
		// numbered items among numbered items are items, not titles
		"以下情况不予退换 ctx=",
		"1. 定制商品 ctx=以下情况不予退换",
		"2. 签收超过15天的商品 ctx=以下情况不予退换",
		// a table flattened one cell a line: the figures under a title
		// naming a topic read under it; under a part's name, a figure
		// stands alone (the part pairs with it in package facts)
		"产品类别 ctx=",
		"马桶 ctx=",
		"质保期限 ctx=",
		"3年 ctx=质保期限",
		"10年。 ctx=质保期限",
		"电机 ctx=",
		"36个月 ctx=",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("clauses:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
