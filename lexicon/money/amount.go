package money

import (
	"math"
	"strconv"

	"shouhou/lexicon/duration"
)

// Unit is the unit of a money fact as CONTRACT.md names it: a sum in
// yuan or a share in percent.
type Unit string

// CONTRACT.md's money and ratio units.
const (
	Yuan    Unit = "yuan"
	Percent Unit = "percent"
)

// Valid reports whether u is a money or ratio unit.
func (u Unit) Valid() bool { return u == Yuan || u == Percent }

// scale is how many parts of its unit an Amount counts: ten-thousandths,
// a hundredth of a fen, finer than any price or share a document writes.
const scale = 10000

// limit bounds an amount's figure (9×10¹⁴ yuan, far past any budget),
// so that its parts fit an int64.
const limit = 9e14

// Amount is a sum in yuan or a share in percent, held exactly as a whole
// number of ten-thousandths of its unit: 0.1万元 is 1000元, not the
// 1000.0000000000001 floating point would make of it, and two sums
// compare equal when the text writes the same figure. The zero Amount
// has no unit.
type Amount struct {
	Unit  Unit
	parts int64 // ten-thousandths of the unit
}

// Of makes the amount nearest to v of unit u; false when v is no finite
// figure within ±9×10¹⁴.
func Of(v float64, u Unit) (Amount, bool) {
	if math.IsNaN(v) || math.Abs(v) >= limit {
		return Amount{}, false
	}
	return Amount{Unit: u, parts: int64(math.Round(v * scale))}, true
}

// Percentage is the share v in percent (a ratio the engine works out),
// rounded as Of rounds it; out of range it is 0%.
func Percentage(v float64) Amount {
	a, ok := Of(v, Percent)
	if !ok {
		return Amount{Unit: Percent}
	}
	return a
}

// Float is the figure in its unit, for the JSON report and for ratios:
// the float64 nearest to the exact amount.
func (a Amount) Float() float64 { return float64(a.parts) / scale }

// Cmp compares two amounts of one unit: -1, 0 or +1 as a is less than,
// equal to or more than b.
func (a Amount) Cmp(b Amount) int {
	switch {
	case a.parts < b.parts:
		return -1
	case a.parts > b.parts:
		return 1
	}
	return 0
}

// Positive reports an amount above zero.
func (a Amount) Positive() bool { return a.parts > 0 }

// String writes an amount the way a tender would: 5万元, 3500元, 2%.
func (a Amount) String() string {
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	const wan, yi = 1e4 * scale, 1e8 * scale
	switch {
	case a.Unit == Percent:
		return f(a.Float()) + "%"
	case a.parts >= yi && a.parts%wan == 0:
		return f(float64(a.parts)/yi) + "亿元"
	case a.parts >= wan && a.parts%(100*scale) == 0:
		return f(float64(a.parts)/wan) + "万元"
	}
	return f(a.Float()) + "元"
}

// Quantity is one sum or share found in a text.
type Quantity struct {
	Amount
	Op duration.Op // how the text bounds it: =, <= (不超过), >= (不低于)
	// Text is the figure as the text writes it, from where it begins
	// (人民币贰万元整, 50万元, 百分之十).
	Text string
	// Start and End are the byte offsets of Text; NumStart is where the
	// figure begins, which for a sum is Start (comparators before it are
	// read, not included).
	Start, End, NumStart int
}
