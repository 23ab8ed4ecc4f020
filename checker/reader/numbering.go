package reader

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"

	"shouhou/lexicon/cnnum"
)

// wordNumbering computes the numbers Word shows before list paragraphs
// (1. 一、 （一） 第1条 ①); they live in numbering.xml, not in the text.
type wordNumbering struct {
	abstract map[string]*[9]wordLevel // abstractNumId -> levels
	nums     map[string]wordNum
	counters map[string]*[9]int // abstractNumId -> current numbers
	started  map[string]bool    // nums whose start override was applied
}

type wordLevel struct {
	start  int
	format string // numFmt: decimal, chineseCounting, bullet, …
	text   string // lvlText: "%1." "第%1条" "%1.%2"
	suffix string // suff: tab (default), space, nothing
	legal  bool   // isLgl: every level's number shown in Arabic digits (1.1, not 一.1)
}

type wordNum struct {
	abstract  string
	overrides map[int]int // level -> start override
}

func parseNumbering(data []byte) *wordNumbering {
	n := &wordNumbering{abstract: map[string]*[9]wordLevel{}, nums: map[string]wordNum{},
		counters: map[string]*[9]int{}, started: map[string]bool{}}
	d := xml.NewDecoder(bytes.NewReader(data))
	var (
		levels   *[9]wordLevel
		lvl      = -1
		num      *wordNum
		numID    string
		override = -1
	)
	for {
		tok, err := d.RawToken()
		if err != nil {
			return n // a damaged numbering part only costs list numbers
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "abstractNum":
				levels = &[9]wordLevel{}
				for i := range levels {
					levels[i] = wordLevel{start: 1, format: "decimal"}
				}
				n.abstract[attr(t, "abstractNumId")] = levels
			case "lvl":
				lvl = -1
				if i, err := strconv.Atoi(attr(t, "ilvl")); err == nil && i >= 0 && i < 9 {
					lvl = i
				}
			case "start":
				if v, err := strconv.Atoi(attr(t, "val")); err == nil && levels != nil && lvl >= 0 && num == nil {
					levels[lvl].start = v
				}
			case "numFmt":
				if levels != nil && lvl >= 0 && num == nil {
					levels[lvl].format = attr(t, "val")
				}
			case "lvlText":
				if levels != nil && lvl >= 0 && num == nil {
					levels[lvl].text = attr(t, "val")
				}
			case "isLgl":
				if levels != nil && lvl >= 0 && num == nil {
					levels[lvl].legal = attr(t, "val") != "0" && attr(t, "val") != "false"
				}
			case "suff":
				if levels != nil && lvl >= 0 && num == nil {
					levels[lvl].suffix = attr(t, "val")
				}
			case "num":
				numID = attr(t, "numId")
				num = &wordNum{overrides: map[int]int{}}
			case "abstractNumId":
				if num != nil {
					num.abstract = attr(t, "val")
				}
			case "lvlOverride":
				override, _ = strconv.Atoi(attr(t, "ilvl"))
			case "startOverride":
				if v, err := strconv.Atoi(attr(t, "val")); err == nil && num != nil && override >= 0 && override < 9 {
					num.overrides[override] = v
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "abstractNum":
				levels = nil
			case "num":
				if num != nil {
					n.nums[numID] = *num
				}
				num = nil
			case "lvlOverride":
				override = -1
			}
		}
	}
}

// next advances the list numID at level ilvl and returns the number text
// to show before the paragraph, and whether the list is a bulleted one.
func (n *wordNumbering) next(numID string, ilvl int) (prefix string, bullet bool) {
	if n == nil || ilvl < 0 || ilvl >= 9 {
		return "", false
	}
	num, ok := n.nums[numID]
	if !ok {
		return "", false
	}
	levels := n.abstract[num.abstract]
	if levels == nil {
		return "", false
	}
	// Lists sharing an abstract definition continue one another's numbers,
	// as in Word, unless a list restarts with a start override.
	counters := n.counters[num.abstract]
	if counters == nil {
		counters = &[9]int{}
		n.counters[num.abstract] = counters
	}
	if !n.started[numID] {
		n.started[numID] = true
		for l, v := range num.overrides {
			counters[l] = v - 1
		}
	}
	lv := levels[ilvl]
	if lv.format == "bullet" || lv.format == "none" {
		return "", lv.format == "bullet"
	}
	if counters[ilvl] == 0 {
		counters[ilvl] = lv.start - 1
	}
	counters[ilvl]++
	for l := ilvl + 1; l < 9; l++ {
		counters[l] = 0
	}
	var b strings.Builder
	text := lv.text
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			l := int(text[i+1] - '1')
			v := counters[l]
			if v == 0 {
				v = levels[l].start
			}
			format := levels[l].format
			if lv.legal {
				format = "decimal"
			}
			b.WriteString(formatNumber(v, format))
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	prefix = b.String()
	if prefix != "" && lv.suffix != "nothing" {
		prefix += " "
	}
	return prefix, false
}

// formatNumber writes v in one of Word's numbering formats. Numbers no
// list reaches (zero, negative, past a thousand) are written in digits.
func formatNumber(v int, format string) string {
	if v <= 0 || v > 1000 {
		return strconv.Itoa(v)
	}
	switch format {
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital":
		return cnnum.Format(v, false)
	case "chineseLegalSimplified", "japaneseLegal":
		return cnnum.Format(v, true)
	case "ideographTraditional":
		return cycle("甲乙丙丁戊己庚辛壬癸", v)
	case "ideographZodiac":
		return cycle("子丑寅卯辰巳午未申酉戌亥", v)
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if v >= 1 && v <= 20 {
			return string(rune('①' + v - 1))
		}
	case "decimalEnclosedParen":
		return "(" + strconv.Itoa(v) + ")"
	case "decimalZero":
		if v < 10 {
			return "0" + strconv.Itoa(v)
		}
	case "lowerLetter", "upperLetter":
		s := strings.Repeat(string(rune('a'+(v-1)%26)), (v-1)/26+1)
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman", "upperRoman":
		s := roman(v)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s
	}
	return strconv.Itoa(v)
}

func cycle(set string, v int) string {
	rs := []rune(set)
	if v < 1 {
		return strconv.Itoa(v)
	}
	return string(rs[(v-1)%len(rs)])
}

func roman(v int) string {
	if v <= 0 || v >= 4000 {
		return strconv.Itoa(v)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, n := range vals {
		for v >= n {
			b.WriteString(syms[i])
			v -= n
		}
	}
	return b.String()
}
