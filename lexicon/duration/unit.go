// Package duration finds durations in normalized Chinese text (七日内,
// 不超过24小时, 3-5个工作日, 一年半, 终身) and compares them across units.
//
// It works on text the normalizer has already made half-width and
// simplified, and reports byte offsets into that text so callers can map a
// duration back to the original file.
package duration

import (
	"math"
	"strconv"
)

// Unit is a duration unit as CONTRACT.md names it.
type Unit string

const (
	Minute   Unit = "minute"
	Hour     Unit = "hour"
	WorkHour Unit = "workhour"
	Day      Unit = "day"
	WorkDay  Unit = "workday"
	Week     Unit = "week"
	Month    Unit = "month"
	Year     Unit = "year"
	Lifetime Unit = "lifetime"
)

// Units lists every unit, for validating rulebooks.
var Units = []Unit{Minute, Hour, WorkHour, Day, WorkDay, Week, Month, Year, Lifetime}

// Valid reports whether u is a known unit.
func (u Unit) Valid() bool {
	for _, k := range Units {
		if k == u {
			return true
		}
	}
	return false
}

var zhNames = map[Unit]string{
	Minute: "分钟", Hour: "小时", WorkHour: "工作小时", Day: "日", WorkDay: "个工作日",
	Week: "周", Month: "个月", Year: "年", Lifetime: "终身",
}

// Amount is a number of units. Lifetime ignores Value.
type Amount struct {
	Value float64
	Unit  Unit
}

// String renders the amount the way a Chinese document would write it: 15日, 2小时, 终身.
func (a Amount) String() string {
	if a.Unit == Lifetime {
		return zhNames[Lifetime]
	}
	return strconv.FormatFloat(a.Value, 'f', -1, 64) + zhNames[a.Unit]
}

// hours gives the shortest and longest span, in hours, that the amount can
// mean on a calendar. Working days stretch over weekends: n working days
// last at least n+2·⌊(n−1)/5⌋ and at most n+2·⌈n/5⌉ calendar days (public
// holidays can stretch them further; the tool does not guess at those).
// A unit that is no duration's gives NaN, so AtLeast and AtMost say false
// of it either way.
func (a Amount) hours() (lo, hi float64) {
	v := a.Value
	switch a.Unit {
	case Minute:
		return v / 60, v / 60
	case Hour:
		return v, v
	case WorkHour:
		return v, (v/8 + 2*math.Ceil(v/40)) * 24
	case Day:
		return v * 24, v * 24
	case WorkDay:
		return (v + 2*math.Floor(math.Max(v-1, 0)/5)) * 24, (v + 2*math.Ceil(v/5)) * 24
	case Week:
		return v * 168, v * 168
	case Month:
		return v * 30 * 24, v * 30 * 24
	case Year:
		return v * 365 * 24, v * 365 * 24
	case Lifetime:
		return math.Inf(1), math.Inf(1)
	}
	return math.NaN(), math.NaN() // no duration (a sum in yuan): compares as neither more nor less
}

func (a Amount) months() (float64, bool) {
	switch a.Unit {
	case Month:
		return a.Value, true
	case Year:
		return a.Value * 12, true
	}
	return 0, false
}

// AtLeast reports whether a is certainly at least b: however a's working days
// fall on the calendar, it never lasts less than b. Months and years compare
// by month count, so 12个月 is at least 一年.
func AtLeast(a, b Amount) bool {
	if am, ok := a.months(); ok {
		if bm, ok := b.months(); ok {
			return am >= bm-1e-9
		}
	}
	alo, _ := a.hours()
	_, bhi := b.hours()
	return alo >= bhi-1e-9
}

// AtMost reports whether a is certainly no longer than b.
func AtMost(a, b Amount) bool {
	if am, ok := a.months(); ok {
		if bm, ok := b.months(); ok {
			return am <= bm+1e-9
		}
	}
	_, ahi := a.hours()
	blo, _ := b.hours()
	return ahi <= blo+1e-9
}
