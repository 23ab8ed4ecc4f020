package cnnum

import "testing"

func TestFormat(t *testing.T) {
	cases := []struct {
		n         int
		financial bool
		want      string
	}{
		{0, false, "零"}, {1, false, "一"}, {10, false, "十"}, {11, false, "十一"}, {20, false, "二十"},
		{105, false, "一百零五"}, {110, false, "一百一十"}, {1001, false, "一千零一"}, {1010, false, "一千零一十"},
		{10000, false, "一万"}, {10010, false, "一万零一十"}, {25000, false, "二万五千"}, {12345, false, "一万二千三百四十五"},
		{3, true, "叁"}, {12, true, "拾贰"}, {-4, false, "-4"}, {100000000, false, "100000000"},
	}
	for _, c := range cases {
		if got := Format(c.n, c.financial); got != c.want {
			t.Errorf("Format(%d, %v) = %q, want %q", c.n, c.financial, got, c.want)
		}
	}
}

// Every number Format writes reads back as itself.
func TestFormatRoundTrip(t *testing.T) {
	for n := 0; n < 30000; n += 7 {
		s := Format(n, false)
		v, ok := Parse(s)
		if !ok || int(v) != n {
			t.Fatalf("Parse(Format(%d)) = %q → %v, %v", n, s, v, ok)
		}
	}
}
