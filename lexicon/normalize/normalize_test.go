package normalize

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestString(t *testing.T) {
	cases := []struct{ in, want string }{
		{"保修期１２个月，７×２４小时", "保修期12个月,7×24小时"},
		{"售後服務：退貨須於七日內辦理", "售后服务:退货须于七日内办理"},
		{"執(zhí)行三包規定", "执行三包规定"},
		{"条款(a)保留", "条款(a)保留"},
		// glosses without tone marks are dropped when they are syllables
		{"我(wo)公司產品驗收(shou)合格12個(ge)月", "我公司产品验收合格12个月"},
		{"依据标准(iso)执行", "依据标准(iso)执行"},
		// one toneless word in brackets is a gloss of English, not pinyin
		{"风扇(fan)保修一年", "风扇(fan)保修一年"},
		{"响应时间(min)不超过30", "响应时间(min)不超过30"},
		{"  多个   空格\t在这里  ", "多个 空格 在这里"},
		{"３～５个工作日", "3~5个工作日"},
		// small form variants between clauses (Hong Kong, Taiwan pages)
		{"不設退款﹐如有破損請於三天內更換﹔逾期不受理", "不设退款,如有破损请于三天内更换;逾期不受理"},
		{"﹙註﹚配件﹑電池﹕一年", "(注)配件、电池:一年"},
	}
	for _, c := range cases {
		if got := String(c.in); got != c.want {
			t.Errorf("String(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestJoinWrappedLines(t *testing.T) {
	orig := "免费质保\n三年，Warranty\nthree years"
	pieces := []Piece{{0, 12, true}, {13, 30, true}, {31, len(orig), false}}
	got := Pieces(orig, pieces)
	if want := "免费质保三年,Warranty three years"; got.S != want {
		t.Fatalf("got %q, want %q", got.S, want)
	}
}

func TestOffsetsPointIntoOriginal(t *testing.T) {
	orig := "第一行\n自簽收之日起７日內可退貨"
	p := []Piece{{0, 9, true}, {10, len(orig), false}}
	got := Pieces(orig, p)
	// Every normalized character maps to the original character it came from.
	for i, r := range got.S {
		o := got.Orig(i)
		or, _ := utf8.DecodeRuneInString(orig[o:])
		if String(string(or)) != string(r) {
			t.Errorf("byte %d %q maps to original %q", i, r, or)
		}
	}
	i := len("第一行自签收之日起")
	if o := got.Orig(i); orig[o:o+3] != "７" {
		t.Errorf("7 maps to %q", orig[o:o+3])
	}
	if got.Orig(len(got.S)) != len(orig) {
		t.Errorf("end maps to %d, want %d", got.Orig(len(got.S)), len(orig))
	}
}

func TestIsSpaceIsUnicodeWhiteSpace(t *testing.T) {
	for r := rune(0); r < 0x30000; r++ {
		if isSpace(r) != unicode.IsSpace(r) {
			t.Errorf("isSpace(%U) = %v, unicode.IsSpace says %v", r, isSpace(r), unicode.IsSpace(r))
		}
	}
}
