package reader

import (
	"strconv"
	"strings"
)

// List numbers of Word binary documents: the list definitions (PlfLst,
// each LSTF followed later by its LVL records) and the list overrides
// (PlfLfo) a paragraph's sprmPIlfo points at, turned into the same
// wordNumbering the .docx reader computes numbers with. A damaged table
// only costs the numbers.

const (
	fcPlfLst = 73
	fcPlfLfo = 74
)

// docNfc names Word's number formats by their binary codes ([MS-DOC]
// Nfc), as numbering.xml spells them.
var docNfc = map[byte]string{
	0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter",
	5: "ordinal", 10: "ideographDigital", 11: "japaneseCounting", 14: "decimalFullWidth",
	16: "japaneseLegal", 18: "decimalEnclosedCircle", 22: "decimalZero", 23: "bullet",
	27: "decimalEnclosedParen", 28: "decimalEnclosedCircleChinese", 30: "ideographTraditional",
	31: "ideographZodiac", 33: "taiwaneseCounting", 35: "taiwaneseCountingThousand",
	37: "chineseCounting", 38: "chineseLegalSimplified", 39: "chineseCountingThousand", 255: "none",
}

// readDocNumbering reads the list tables; nil when there are none.
func (d *wordDoc) readDocNumbering() *wordNumbering {
	lst, lfo := d.tablePart(fcPlfLst), d.tablePart(fcPlfLfo)
	if len(lst) < 2 || len(lfo) < 4 {
		return nil
	}
	n := &wordNumbering{abstract: map[string]*[9]wordLevel{}, nums: map[string]wordNum{},
		counters: map[string]*[9]int{}, started: map[string]bool{}}
	cLst := int(le16(lst, 0))
	if 2+28*cLst > len(lst) {
		return nil
	}
	// The LVLs of all lists follow the PlfLst in the table stream.
	fc := int(d.fcLcb[fcPlfLst][0]) + len(lst)
	for i := 0; i < cLst; i++ {
		lstf := lst[2+28*i : 2+28*i+28]
		lsid := strconv.FormatUint(uint64(le32(lstf, 0)), 10)
		count := 9
		if lstf[26]&0x01 != 0 { // fSimpleList
			count = 1
		}
		levels := &[9]wordLevel{}
		for l := range levels {
			levels[l] = wordLevel{start: 1, format: "decimal"}
		}
		for l := 0; l < count; l++ {
			lv, next, ok := readLVL(d.table, fc)
			if !ok {
				return nil
			}
			levels[l], fc = lv, next
		}
		n.abstract[lsid] = levels
	}
	lfoMac := int(le32(lfo, 0))
	if lfoMac < 0 || 4+16*lfoMac > len(lfo) {
		return nil
	}
	for i := 0; i < lfoMac; i++ {
		lsid := strconv.FormatUint(uint64(le32(lfo, 4+16*i)), 10)
		n.nums[strconv.Itoa(i+1)] = wordNum{abstract: lsid}
	}
	return n
}

// readLVL reads one LVL at offset at of the table stream: its LVLF, the
// property lists it skips, and its number text, whose characters 0–8
// stand for the numbers of levels 1–9.
func readLVL(table []byte, at int) (lv wordLevel, next int, ok bool) {
	if at < 0 || at+28+2 > len(table) {
		return lv, 0, false
	}
	f := table[at : at+28]
	lv = wordLevel{start: int(int32(le32(f, 0))), format: docNfc[f[4]], legal: f[5]&0x04 != 0}
	if lv.format == "" {
		lv.format = "decimal"
	}
	switch f[15] { // ixchFollow
	case 1:
		lv.suffix = "space"
	case 2:
		lv.suffix = "nothing"
	}
	p := at + 28 + int(f[25]) + int(f[24]) // grpprlPapx, grpprlChpx
	cch := int(le16(table, p))
	if p+2+2*cch > len(table) || p+2 > len(table) {
		return lv, 0, false
	}
	var sb strings.Builder
	for k := 0; k < cch; k++ {
		c := rune(le16(table, p+2+2*k))
		if c < 9 {
			sb.WriteString("%" + strconv.Itoa(int(c)+1))
			continue
		}
		sb.WriteRune(c)
	}
	lv.text = sb.String()
	return lv, p + 2 + 2*cch, true
}
