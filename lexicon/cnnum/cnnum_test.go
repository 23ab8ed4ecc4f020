package cnnum

import "testing"

func TestParse(t *testing.T) {
	cases := []struct {
		in   string
		want float64
	}{
		{"三", 3}, {"十", 10}, {"十五", 15}, {"一十二", 12}, {"二十四", 24},
		{"两", 2}, {"两千", 2000}, {"一百", 100}, {"一百零五", 105}, {"一千零一", 1001},
		{"壹佰", 100}, {"壹佰贰拾万", 1200000}, {"叁拾伍万", 350000},
		{"1.5", 1.5}, {"１５", 15}, {"3.5万", 35000}, {"5000万", 50000000}, {"零点五", 0.5}, {"一点五", 1.5},
		{"二〇二四", 2024}, {"两万五", 25000}, {"三百五", 350}, {"十万", 100000},
		{"一亿二千万", 120000000}, {"七十二", 72}, {"三十", 30}, {"90", 90}, {"0", 0},
	}
	for _, c := range cases {
		got, ok := Parse(c.in)
		if !ok || got != c.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", c.in, got, ok, c.want)
		}
	}
}

func TestScanStopsAtText(t *testing.T) {
	cases := []struct {
		in   string
		want float64
		n    int
	}{
		{"七日内", 7, 1},
		{"十五个工作日", 15, 2},
		{"24小时", 24, 2},
		{"一年半", 1, 1},
		{"三年。", 3, 1},
		{"退货", 0, 0},
		{"万一", 0, 0},
		{"3-5天", 3, 1},
		{"2.小时", 2, 1},
		{"一二", 1, 1},
	}
	for _, c := range cases {
		v, n := Scan([]rune(c.in))
		if v != c.want || n != c.n {
			t.Errorf("Scan(%q) = %v, %d; want %v, %d", c.in, v, n, c.want, c.n)
		}
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{"三", "二十四", "壹佰贰拾万", "3.5万", "零点五", "两万五", "一亿二千万", "十十", "点", "万万"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs := []rune(s)
		v, n := Scan(rs)
		if n < 0 || n > len(rs) {
			t.Fatalf("Scan(%q) used %d of %d runes", s, n, len(rs))
		}
		if n == 0 && v != 0 {
			t.Fatalf("Scan(%q) = %v with no runes used", s, v)
		}
		if v < 0 {
			t.Fatalf("Scan(%q) = %v, negative", s, v)
		}
	})
}
