package cnnum

import "strings"

// Format writes n (0 ≤ n < 100000000) in Chinese numerals the way documents
// number their sections: 一, 十, 十一, 二十, 一百零五, 一千零一. financial
// chooses the anti-fraud digits 壹贰叁 used in contracts and Word's
// chineseLegalSimplified numbering. Other n are written in Arabic digits.
func Format(n int, financial bool) string {
	digits, units := []rune("零一二三四五六七八九"), []rune("十百千")
	if financial {
		digits, units = []rune("零壹贰叁肆伍陆柒捌玖"), []rune("拾佰仟")
	}
	if n < 0 || n >= 1e8 {
		return itoa(n)
	}
	if n == 0 {
		return string(digits[0])
	}
	var b strings.Builder
	if n >= 1e4 {
		b.WriteString(under10k(n/1e4, digits, units, false))
		b.WriteRune('万')
		n %= 1e4
		if n == 0 {
			return b.String()
		}
		if n < 1000 {
			b.WriteRune(digits[0])
		}
		b.WriteString(under10k(n, digits, units, true))
		return b.String()
	}
	return under10k(n, digits, units, false)
}

// under10k writes 1 ≤ n < 10000. inner keeps the 一 of 一十 inside a larger
// number (一万零一十); a leading 一十 is written 十.
func under10k(n int, digits, units []rune, inner bool) string {
	var b strings.Builder
	zero := false
	for p, div := 3, 1000; p >= 0; p, div = p-1, div/10 {
		d := n / div % 10
		switch {
		case d == 0:
			zero = b.Len() > 0
		default:
			if zero {
				b.WriteRune(digits[0])
				zero = false
			}
			if !(p == 1 && d == 1 && b.Len() == 0 && !inner) {
				b.WriteRune(digits[d])
			}
			if p > 0 {
				b.WriteRune(units[p-1])
			}
		}
	}
	return b.String()
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var buf [20]byte
	i := len(buf)
	for ; n > 0; n /= 10 {
		i--
		buf[i] = byte('0' + n%10)
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}
