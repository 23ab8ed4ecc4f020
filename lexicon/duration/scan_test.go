package duration

import (
	"strings"
	"testing"

	"shouhou/lexicon/cnnum"
	"unicode/utf8"
)

func TestFind(t *testing.T) {
	type want struct {
		op    Op
		value float64
		max   float64
		unit  Unit
		blank bool
		text  string
	}
	cases := []struct {
		in   string
		want []want
	}{
		{"自签收之日起七日内可退货", []want{{OpAtMost, 7, 0, Day, false, "七日内"}}},
		// a date's month and day are no range of days
		{"从2009-11-18日起,签收后7日内可退货", []want{{OpAtMost, 7, 0, Day, false, "7日内"}}},
		{"自2021/3/15日起执行", nil},
		// a form field whose label carries the unit
		{"申购时间: ** 保修期(月): 36", []want{{OpEqual, 36, 0, Month, false, "(月): 36"}}},
		{"响应时间(小时):2 是否标配:", []want{{OpEqual, 2, 0, Hour, false, "(小时):2"}}},
		{"数量(台): 5", nil},
		// a figure filled into a template's brackets
		{"免费保修期为【≥5】年", []want{{OpAtLeast, 5, 0, Year, false, "≥5】年"}}},
		{"质保期为【3】年", []want{{OpEqual, 3, 0, Year, false, "3】年"}}},
		{"质保期为[ 2 ]年", []want{{OpEqual, 2, 0, Year, false, "2 ]年"}}},
		{"第【3】条", nil},
		{"单价(月): abc", nil},
		{"采购日期(年): 2024", nil},
		{"保修期(年): 2026", nil},
		{"质保期(月): 12-24", nil},
		{"在 2018 年 8 月 14 日更新了退货政策", nil},
		{"自 2024 年 3 月 1 日起，签收后 7 天内可退货", []want{{OpAtMost, 7, 0, Day, false, "7 天内"}}},
		{"3-5个工作日内退款", []want{{OpRange, 3, 5, WorkDay, false, "3-5个工作日内"}}},
		{"十五个工作日内退款", []want{{OpAtMost, 15, 0, WorkDay, false, "十五个工作日内"}}},
		// Taiwan writes 工作天 for a working day
		{"七个工作天内完成退款", []want{{OpAtMost, 7, 0, WorkDay, false, "七个工作天内"}}},
		{"约7～14个工作天", []want{{OpRange, 7, 14, WorkDay, false, "7～14个工作天"}}},
		{"三工作天内回覆", []want{{OpAtMost, 3, 0, WorkDay, false, "三工作天内"}}},
		// a calendar day (日历天, 自然天) is a day, not a 天 after 日历
		{"3个日历天内解决故障", []want{{OpAtMost, 3, 0, Day, false, "3个日历天内"}}},
		{"交货期为30日历天", []want{{OpEqual, 30, 0, Day, false, "30日历天"}}},
		{"十个自然天内退款", []want{{OpAtMost, 10, 0, Day, false, "十个自然天内"}}},
		{"接到报修后2小时内响应,24小时内到达现场", []want{{OpAtMost, 2, 0, Hour, false, "2小时内"}, {OpAtMost, 24, 0, Hour, false, "24小时内"}}},
		{"整机保修一年,主要部件保修三年", []want{{OpEqual, 1, 0, Year, false, "一年"}, {OpEqual, 3, 0, Year, false, "三年"}}},
		{"质保期不少于五年", []want{{OpAtLeast, 5, 0, Year, false, "不少于五年"}}},
		{"至少为一年", []want{{OpAtLeast, 1, 0, Year, false, "至少为一年"}}},
		{"响应时间不超过30分钟", []want{{OpAtMost, 30, 0, Minute, false, "不超过30分钟"}}},
		{"3-5个工作日", []want{{OpRange, 3, 5, WorkDay, false, "3-5个工作日"}}},
		{"3~5天内", []want{{OpRange, 3, 5, Day, false, "3~5天内"}}},
		{"三至五天", []want{{OpRange, 3, 5, Day, false, "三至五天"}}},
		{"自售出8天至15天内可换货", []want{{OpRange, 8, 15, Day, false, "8天至15天内"}}},
		{"3个工作日到5个工作日退款", []want{{OpRange, 3, 5, WorkDay, false, "3个工作日到5个工作日"}}},
		{"1小时-4小时内到场", []want{{OpRange, 1, 4, Hour, false, "1小时-4小时内"}}},
		{"7天至2个月", []want{{OpEqual, 7, 0, Day, false, "7天"}, {OpEqual, 2, 0, Month, false, "2个月"}}},
		{"保修一年半", []want{{OpEqual, 1.5, 0, Year, false, "一年半"}}},
		{"保修半年", []want{{OpEqual, 0.5, 0, Year, false, "半年"}}},
		{"一个半月", []want{{OpEqual, 1.5, 0, Month, false, "一个半月"}}},
		{"18个月", []want{{OpEqual, 18, 0, Month, false, "18个月"}}},
		{"两年以上", []want{{OpAtLeast, 2, 0, Year, false, "两年以上"}}},
		{"72h内", []want{{OpAtMost, 72, 0, Hour, false, "72h内"}}},
		{"1.5小时", []want{{OpEqual, 1.5, 0, Hour, false, "1.5小时"}}},
		{"壹年", []want{{OpEqual, 1, 0, Year, false, "壹年"}}},
		{"终身保修", []want{{OpEqual, 0, 0, Lifetime, false, "终身"}}},
		{"XX小时内响应", []want{{OpAtMost, 0, 0, Hour, true, "XX小时内"}}},
		{"在____个工作日内", []want{{OpAtMost, 0, 0, WorkDay, true, "____个工作日内"}}},
		{"( )天内", []want{{OpAtMost, 0, 0, Day, true, "( )天内"}}},
		{"自售出之日起第8日至第15日内", []want{{OpAtMost, 15, 0, Day, false, "第8日至第15日内"}}},
		{"自售出之日至第15日内可换货", []want{{OpAtMost, 15, 0, Day, false, "第15日内"}}},
		{"签收起第7天以内", []want{{OpAtMost, 7, 0, Day, false, "第7天以内"}}},
		{"免费保修一年,第二、三年实行成本维修", []want{{OpEqual, 1, 0, Year, false, "一年"}}}, // the third year is an ordinal
		{"第2-3年收取成本费", nil},
		{"请于第15日到店", nil}, // one day named, no window
		{"至第15日起算", nil},  // no within word: a day, not a span
		{"主机:一年", []want{{OpEqual, 1, 0, Year, false, "一年"}}},
		// a figure repeated in brackets, a single letter for the figure
		{"质保期为一 (1) 年", []want{{OpEqual, 1, 0, Year, false, "一 (1) 年"}}},
		{"壹(1)年", []want{{OpEqual, 1, 0, Year, false, "壹(1)年"}}},
		{"二(2)小时内响应", []want{{OpAtMost, 2, 0, Hour, false, "二(2)小时内"}}},
		{"质保期不少于X年", []want{{OpAtLeast, 0, 0, Year, true, "不少于X年"}}},
		{"在x小时内到场", []want{{OpAtMost, 0, 0, Hour, true, "x小时内"}}},
		{"X光机", nil},
		{"三(4)年", nil}, // disagreeing figures: no reading
		// not durations
		{"营业时间9:30-18:00小时制", nil},
		{"7×24小时服务热线", nil},
		{"提供24小时服务", nil},
		{"2024年3月1日起施行", nil},
		{"2015111日(含)起销售的产品", nil}, // a date that lost its 年 and 月
		{"第8日", nil},
		{"第三条", nil},
		{"三包服务", nil},
		{"一经售出", nil},
		{"第三条", nil},
		// one day named, not a span
		{"如最后一日为法定节假日", nil},
		{"顺延至下一个工作日", nil},
		{"次一日起算", nil},
		{"接到报修后一日内上门", []want{{OpAtMost, 1, 0, Day, false, "一日内"}}},
	}
	for _, c := range cases {
		got := Find(c.in)
		if len(got) != len(c.want) {
			t.Errorf("Find(%q): %d quantities %+v, want %d", c.in, len(got), got, len(c.want))
			continue
		}
		for i, w := range c.want {
			g := got[i]
			text := c.in[g.Start:g.End]
			if g.Op != w.op || g.Value != w.value || g.Max != w.max || g.Unit != w.unit || g.Blank != w.blank || text != w.text {
				t.Errorf("Find(%q)[%d] = {%s %v %v %s blank=%v %q}, want {%s %v %v %s blank=%v %q}",
					c.in, i, g.Op, g.Value, g.Max, g.Unit, g.Blank, text, w.op, w.value, w.max, w.unit, w.blank, w.text)
			}
		}
	}
}

func TestFindMissingFigure(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"接到报修后 小时内响应", []string{"hour 小时内"}},
		{"在个工作日内完成维修", []string{"workday 个工作日内"}},
		{"自签收之日起 天内可退货", []string{"day 天内"}},
		{"后天内送达", nil},
		{"在年内完成,于月内完成", nil},
		{"保修期为 年", []string{"year 年"}},
		{"质保期: 年,响应时间为 小时内", []string{"year 年", "hour 小时内"}},
		{"为 年度", nil},
		{"本年度", nil},
		{"日期: 年 月 日", nil},
		{"销售日期: 年  月  日", nil},
	}
	for _, c := range cases {
		var got []string
		for _, q := range Find(c.in) {
			if !q.Blank {
				t.Errorf("Find(%q): %+v is not blank", c.in, q)
			}
			got = append(got, string(q.Unit)+" "+c.in[q.NumStart:q.End])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Find(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCompare(t *testing.T) {
	a := func(v float64, u Unit) Amount { return Amount{v, u} }
	cases := []struct {
		x, y            Amount
		atLeast, atMost bool
	}{
		{a(30, Minute), a(1, Hour), false, true},
		{a(2, WorkDay), a(24, Hour), true, false}, // never meets 24小时内
		{a(6, Year), a(5, Year), true, false},
		{a(0, Lifetime), a(5, Year), true, false},
		{a(12, Month), a(1, Year), true, true},
		{a(18, Month), a(1, Year), true, false},
		{a(360, Day), a(1, Year), false, true},
		{a(7, WorkDay), a(7, Day), true, false}, // 7 working days always span at least 9 days
		{a(5, WorkDay), a(7, Day), false, true}, // at most Mon–Fri plus one weekend
		{a(15, WorkDay), a(7, Day), true, false},
		{a(10, Day), a(15, Day), false, true},
		{a(15, Day), a(15, Day), true, true},
		{a(0.5, Year), a(6, Month), true, true},
		// a sum of money is no duration: neither more nor less, no panic
		{a(5, "yuan"), a(1, Hour), false, false},
		{a(1, Hour), a(5, "yuan"), false, false},
	}
	for _, c := range cases {
		if got := AtLeast(c.x, c.y); got != c.atLeast {
			t.Errorf("AtLeast(%v, %v) = %v", c.x, c.y, got)
		}
		if got := AtMost(c.x, c.y); got != c.atMost {
			t.Errorf("AtMost(%v, %v) = %v", c.x, c.y, got)
		}
	}
}

func TestAmountString(t *testing.T) {
	for a, want := range map[Amount]string{{15, Day}: "15日", {1.5, Year}: "1.5年", {0, Lifetime}: "终身", {5, WorkDay}: "5个工作日"} {
		if got := a.String(); got != want {
			t.Errorf("%#v.String() = %q, want %q", a, got, want)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"七日内可退货", "3-5个工作日", "XX小时", "一个半月", "不超过30分钟", "( )天内", "7×24小时", "2024年3月1日"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		last := 0
		for _, q := range Find(s) {
			if q.Start < last || q.Start > q.NumStart || q.NumStart >= q.End || q.End > len(s) {
				t.Fatalf("Find(%q): bad offsets %+v", s, q)
			}
			if !q.Unit.Valid() {
				t.Fatalf("Find(%q): unit %q", s, q.Unit)
			}
			if q.Op == OpRange && q.Max <= q.Value {
				t.Fatalf("Find(%q): range %v..%v", s, q.Value, q.Max)
			}
			last = q.End
		}
	})
}

// mayHoldDuration never hides a duration Find would report.
func TestMayHoldDurationGuardsFind(t *testing.T) {
	for _, s := range []string{"七日内", "24h", "3 hours", "终身保修", "永久", "30 min", "2 days", "XX小时", "在 小时内", "一个半月", "三周", "两个星期", "一个礼拜", "5分钟", "1年", "无关文字", "", "abc"} {
		if len(Find(s)) > 0 && !mayHoldDuration(s) {
			t.Errorf("mayHoldDuration(%q) = false but Find finds %v", s, Find(s))
		}
	}
	if mayHoldDuration("无关文字") {
		t.Error("mayHoldDuration lets through text with no unit character")
	}
}

// The byte keys in mayHoldDuration are the characters' UTF-8.
func TestMayHoldDurationEachUnitCharacter(t *testing.T) {
	for _, r := range "时日天周月年钟期拜身生久" {
		if !mayHoldDuration("前" + string(r) + "后") {
			t.Errorf("%c not recognised", r)
		}
	}
}

// The start table holds exactly the numerals cnnum reads, among others.
func TestStartsCoverNumerals(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if cnnum.IsNumeralRune(r) && !starts[r] {
			t.Errorf("%U is a numeral but not a start", r)
		}
	}
}
