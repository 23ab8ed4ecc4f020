package t2s

import (
	"os/exec"
	"strings"
	"testing"
)

func TestString(t *testing.T) {
	cases := []struct{ in, want string }{
		{"售后支持服務標準與執行 客戶滿意度 確保 響應時間 三個工作日內", "售后支持服务标准与执行 客户满意度 确保 响应时间 三个工作日内"},
		{"乾隆皇帝", "乾隆皇帝"},
		{"乾燥", "干燥"},
		{"徵求意見", "征求意见"},
		{"宮商角徵羽", "宫商角徵羽"},
		{"憑藉", "凭借"},
		{"頭髮", "头发"},
		{"鐘錶", "钟表"},
		{"瞭解", "了解"},
		{"保修期壹年，退貨須於七日內辦理", "保修期壹年，退货须于七日内办理"},
		{"already simplified 售后", "already simplified 售后"},
		{"", ""},
	}
	for _, c := range cases {
		if got := String(c.in); got != c.want {
			t.Errorf("String(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestRuneCountPreserved(t *testing.T) {
	in := "三包憑證：整機保修壹年，主要部件保修叁年。"
	rs := []rune(in)
	n := len(rs)
	Runes(rs)
	if len(rs) != n {
		t.Fatalf("length changed: %d -> %d", n, len(rs))
	}
}

// TestMatchesOpenCC compares with the opencc command line tool where it is
// installed (Debian package opencc); elsewhere it is skipped.
func TestMatchesOpenCC(t *testing.T) {
	bin, err := exec.LookPath("opencc")
	if err != nil {
		t.Skip("opencc not installed")
	}
	in := "本公司對所售商品實行三包：自售出之日起七日內，發生性能故障，消費者可以選擇退貨、換貨或修理。乾燥劑與頭髮護理產品除外。"
	cmd := exec.Command(bin, "-c", "t2s")
	cmd.Stdin = strings.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("opencc failed: %v", err)
	}
	if got, want := String(in), strings.TrimRight(string(out), "\n"); got != want {
		t.Errorf("differs from opencc:\n got %s\nwant %s", got, want)
	}
}

func TestTraditional(t *testing.T) {
	cases := []struct{ in, want string }{
		{"最后解释及决定权归本公司所有", "最後解釋及決定權歸本公司所有"},
		{"一经拆封，恕不退换", "一經拆封，恕不退換"},
		{"7日内发现瑕疵", "7日內發現瑕疵"},
	}
	for _, c := range cases {
		if got := Traditional(c.in); got != c.want {
			t.Errorf("Traditional(%q) = %q, want %q", c.in, got, c.want)
		}
		if !RoundTrips(c.in) {
			t.Errorf("%q does not round-trip: %q", c.in, String(Traditional(c.in)))
		}
	}
}

// TestConverts: Converts agrees with String on every character of the
// Basic Multilingual Plane and on the Han planes beyond it.
func TestConverts(t *testing.T) {
	n := 0
	for r := rune(0); r < 0x32000; r++ {
		if r >= 0xD800 && r < 0xE000 || r >= 0x10000 && r < 0x20000 {
			continue
		}
		want := String(string(r)) != string(r)
		if got := Converts(r); got != want {
			t.Fatalf("Converts(%q) = %v, String says %v", r, got, want)
		}
		if want {
			n++
		}
	}
	if n < 1000 {
		t.Fatalf("only %d characters convert: tables not loaded?", n)
	}
}
