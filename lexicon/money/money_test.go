package money

import (
	"fmt"
	"math"
	"testing"

	"shouhou/lexicon/duration"
	"shouhou/lexicon/normalize"
)

func TestFind(t *testing.T) {
	tests := []struct {
		in   string
		want string // op value unit [text] per amount, "; "-joined
	}{
		{"投标保证金:人民币贰万元整", "= 20000 yuan [贰万元整]"},
		{"投标保证金为采购项目预算金额的2%", "= 2 percent [2%]"},
		{"预算金额:1,000,000.00元", "= 1e+06 yuan [1,000,000.00元]"},
		{"预算金额¥1,250,000", "= 1.25e+06 yuan [1,250,000]"},
		{"采购预算：人民币250,0000.00元", "= 2.5e+06 yuan [250,0000.00元]"},
		{"最高限价1,2000万元", "= 1.2e+08 yuan [1,2000万元]"},
		{"第1,2345号", ""},
		{"采购预算50万元,最高限价48.5万元", "= 500000 yuan [50万元]; = 485000 yuan [48.5万元]"},
		{"履约保证金不超过合同金额的百分之十", "<= 10 percent [百分之十]"},
		{"保证金为合同价的千分之五", "= 0.5 percent [千分之五]"},
		{"保险金额不低于100万元", ">= 1e+06 yuan [100万元]"},
		{"预算50万,工期30天", "= 500000 yuan [50万]"},
		{"三包有效期2年或5万公里", ""},                     // mileage, not money
		{"年销量10万台", ""},                          // a count
		{"价格分值占总分的30%以上", ">= 30 percent [30%]"}, // found; the topic decides what it is
		{"第1,2,3条", ""},
		{"合计3元5角", "= 3 yuan [3元]"},
		{"预算金额:37.0 万元(人民币)", "= 370000 yuan [37.0 万元]"}, // a space before the unit
		{"投标保证金 5000 元整", "= 5000 yuan [5000 元整]"},
		{"最高限价 1.2 亿元", "= 1.2e+08 yuan [1.2 亿元]"},
		{"共 3 万台", ""},    // a count, whatever the spacing
		{"保证金比例 5 %", ""}, // only the units read after a space reach back over it
	}
	for _, tt := range tests {
		s := normalize.String(tt.in)
		got := ""
		for i, q := range Find(s) {
			if i > 0 {
				got += "; "
			}
			got += fmt.Sprintf("%s %v %s [%s]", q.Op, q.Float(), q.Unit, q.Text)
			if q.Text != s[q.NumStart:q.End] {
				t.Errorf("Find(%q): text %q is not the figure's bytes %q", tt.in, q.Text, s[q.NumStart:q.End])
			}
		}
		if got != tt.want {
			t.Errorf("Find(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Yuan and percent are money's units and no duration's, and the other
// way round.
func TestUnits(t *testing.T) {
	if !Yuan.Valid() || !Percent.Valid() || Unit(duration.Day).Valid() {
		t.Error("money units: yuan and percent only")
	}
	if duration.Unit(Yuan).Valid() || duration.Unit(Percent).Valid() {
		t.Error("yuan and percent are no duration units")
	}
}

// An amount is exact: 0.1万元 is 1000元 where floating point is not, and
// figures past any sum are no amount.
func TestAmountExact(t *testing.T) {
	got := Find(normalize.String("保证金0.1万元"))
	want, _ := Of(1000, Yuan)
	if len(got) != 1 || got[0].Cmp(want) != 0 || got[0].Float() != 1000 {
		t.Fatalf("0.1万元 = %+v, want exactly 1000 yuan", got)
	}
	hundred := 100.0
	if v := 0.57 * hundred; v == 57 {
		t.Fatal("the test needs a product floating point gets wrong")
	} else if a, _ := Of(v, Yuan); a.Float() != 57 || a.String() != "57元" {
		t.Errorf("0.57×100 = %v (%s), want exactly 57", a.Float(), a)
	}
	for _, v := range []float64{1e15, -1e15, math.NaN(), math.Inf(1)} {
		if _, ok := Of(v, Yuan); ok {
			t.Errorf("Of(%v) should be no amount", v)
		}
	}
	if got := Find("预算999999999999999999元"); len(got) != 0 {
		t.Errorf("an absurd sum is no amount: %+v", got)
	}
	a, _ := Of(2, Percent)
	b, _ := Of(2.5, Percent)
	if a.Cmp(b) != -1 || b.Cmp(a) != 1 || a.Cmp(a) != 0 || !a.Positive() || (Amount{}).Positive() {
		t.Error("Cmp and Positive")
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"人民币贰万元整", "1,000,000.00元", "百分之", "2%", "¥", "5万公里", "千分之五"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, q := range Find(s) {
			if q.Start < last || q.NumStart < q.Start || q.End <= q.NumStart || q.End > len(s) {
				t.Fatalf("%q: bad offsets %+v", s, q)
			}
			if q.Float() < 0 || !q.Unit.Valid() || q.Text != s[q.Start:q.End] {
				t.Fatalf("%q: bad amount %+v", s, q)
			}
			last = q.End
		}
	})
}

func TestString(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		u    Unit
		want string
	}{
		{50000, Yuan, "5万元"}, {1e6, Yuan, "100万元"}, {485000, Yuan, "48.5万元"}, {3500, Yuan, "3500元"},
		{123456.78, Yuan, "123456.78元"}, {2.5e8, Yuan, "2.5亿元"}, {2, Percent, "2%"}, {0.5, Percent, "0.5%"},
	} {
		a, _ := Of(tt.v, tt.u)
		if got := a.String(); got != tt.want {
			t.Errorf("String(%v, %s) = %q, want %q", tt.v, tt.u, got, tt.want)
		}
	}
}
