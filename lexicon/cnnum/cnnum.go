// Package cnnum reads numbers written the ways Chinese documents write them:
// Arabic (7, 1.5, full-width １５), plain Chinese (三, 十五, 二十四, 两, 一百零五),
// financial (壹佰贰拾), positional (二〇二四), colloquial (两万五 = 25000,
// 三百五 = 350), decimals (零点五, 3.5万) and large units (万, 亿).
//
// The project owns this code because no numeral module is reachable through
// the module proxy it builds behind.
package cnnum

import "math"

var digits = map[rune]int{
	'零': 0, '〇': 0, '○': 0, 'Ｏ': 0,
	'一': 1, '壹': 1, '幺': 1,
	'二': 2, '两': 2, '贰': 2, '貳': 2, '兩': 2,
	'三': 3, '叁': 3, '參': 3, '叄': 3,
	'四': 4, '肆': 4,
	'五': 5, '伍': 5,
	'六': 6, '陆': 6, '陸': 6,
	'七': 7, '柒': 7,
	'八': 8, '捌': 8,
	'九': 9, '玖': 9,
}

var smallUnits = map[rune]float64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000}

var bigUnits = map[rune]float64{'万': 1e4, '萬': 1e4, '亿': 1e8, '億': 1e8}

// NumeralRunes lists the characters IsNumeralRune accepts outside ASCII
// and full-width digits (for callers building lookup tables).
func NumeralRunes() []rune {
	var out []rune
	for r := range digits {
		out = append(out, r)
	}
	for r := range smallUnits {
		out = append(out, r)
	}
	for r := range bigUnits {
		out = append(out, r)
	}
	return out
}

// IsNumeralRune reports whether r can be part of a number this package reads.
func IsNumeralRune(r rune) bool {
	if asciiDigit(r) >= 0 {
		return true
	}
	if r < 0x3000 && r != '○' {
		return false // no Chinese numeral lies below the CJK blocks
	}
	_, d := digits[r]
	_, s := smallUnits[r]
	_, b := bigUnits[r]
	return d || s || b
}

func asciiDigit(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}

// Scan reads the longest number at the start of rs. It returns the value and
// how many runes it used; n == 0 means there is no number there.
func Scan(rs []rune) (value float64, n int) {
	if len(rs) == 0 {
		return 0, 0
	}
	if asciiDigit(rs[0]) >= 0 {
		return scanArabic(rs)
	}
	return scanChinese(rs)
}

// Parse reads s as a whole number; ok is false unless all of s is used.
func Parse(s string) (value float64, ok bool) {
	rs := []rune(s)
	v, n := Scan(rs)
	return v, n > 0 && n == len(rs)
}

func scanArabic(rs []rune) (float64, int) {
	i, v := 0, 0.0
	for i < len(rs) && asciiDigit(rs[i]) >= 0 {
		v = v*10 + float64(asciiDigit(rs[i]))
		i++
	}
	if i+1 < len(rs) && (rs[i] == '.' || rs[i] == '．') && asciiDigit(rs[i+1]) >= 0 {
		i++
		scale := 0.1
		for i < len(rs) && asciiDigit(rs[i]) >= 0 {
			v += float64(asciiDigit(rs[i])) * scale
			scale /= 10
			i++
		}
	}
	// 3.5万, 5000万: an Arabic figure scaled by a Chinese large unit.
	if i < len(rs) {
		if u, ok := bigUnits[rs[i]]; ok {
			v *= u
			i++
		}
	}
	return round(v), i
}

func scanChinese(rs []rune) (float64, int) {
	// Positional digit strings such as 二〇二四 (three or more digits, no units).
	if n := digitRun(rs); n >= 3 {
		v := 0.0
		for _, r := range rs[:n] {
			v = v*10 + float64(digits[r])
		}
		return v, n
	}
	var (
		total, section float64
		num            = -1.0 // pending digit, -1 when none
		lastUnit       float64
		i              int
		used           int // runes that belong to a valid number so far
		zeroSeen       bool
	)
	for i < len(rs) {
		r := rs[i]
		if d, ok := digits[r]; ok {
			if num >= 0 && d != 0 && !zeroSeen {
				break // two digits in a row without a unit: not one number
			}
			if d == 0 {
				zeroSeen = true
			} else {
				num = float64(d)
			}
			if d == 0 && num < 0 {
				num = 0
			}
			i++
			used = i
			continue
		}
		if u, ok := smallUnits[r]; ok {
			if num < 0 {
				if u != 10 {
					break // 百 or 千 with no digit before it
				}
				num = 1 // 十五 = 15
			}
			section += num * u
			lastUnit = u
			num, zeroSeen = -1, false
			i++
			used = i
			continue
		}
		if u, ok := bigUnits[r]; ok {
			if num < 0 && section == 0 && total == 0 {
				break // 万 alone is not a number
			}
			if num > 0 {
				section += num
			}
			if u == 1e8 {
				total = (total + section) * u
			} else {
				total += section * u
			}
			section, num, zeroSeen = 0, -1, false
			lastUnit = u
			i++
			used = i
			continue
		}
		if (r == '点' || r == '點') && i+1 < len(rs) {
			if _, ok := digits[rs[i+1]]; ok {
				whole := total + section
				if num > 0 {
					whole += num
				}
				frac, scale, j := 0.0, 0.1, i+1
				for j < len(rs) {
					d, ok := digits[rs[j]]
					if !ok {
						break
					}
					frac += float64(d) * scale
					scale /= 10
					j++
				}
				return round(whole + frac), j
			}
		}
		break
	}
	if used == 0 {
		return 0, 0
	}
	if num > 0 {
		// 两万五 = 25000, 三百五 = 350: a trailing digit right after a unit
		// stands for one tenth of that unit, unless a zero came between
		// (一百零五 = 105).
		if lastUnit >= 100 && !zeroSeen {
			section += num * lastUnit / 10
		} else {
			section += num
		}
	}
	return round(total + section), used
}

func digitRun(rs []rune) int {
	n := 0
	for n < len(rs) {
		if _, ok := digits[rs[n]]; !ok {
			break
		}
		n++
	}
	return n
}

func round(v float64) float64 { return math.Round(v*1e6) / 1e6 }
