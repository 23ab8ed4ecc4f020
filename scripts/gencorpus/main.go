// Command gencorpus writes a benchmark corpus: thousands of varied
// after-sales documents built from the repository's own test texts
// (testdata/policies), so that timings are over text shaped like the real
// thing without shipping megabytes.
//
//	go run ./scripts/gencorpus -out /tmp/corpus -mb 50
//	go run ./scripts/gencorpus -keywords   # the cue words, one per line, for rg
//
// The corpus is deterministic for a given -seed: the same flags give the
// same files, so runs on different days compare.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	_ "shouhou/checker/check" // the check kinds the rulebook names
	"shouhou/lexicon/terms"
	"shouhou/rules"
)

func main() {
	out := flag.String("out", "corpus", "folder to write the documents into (created; must be empty or missing)")
	mb := flag.Float64("mb", 50, "total size in MB")
	docs := flag.Int("docs", 0, "number of documents (default: as many as -mb needs, about 15 KB each)")
	seed := flag.Uint64("seed", 1, "random seed")
	src := flag.String("testdata", "testdata/policies", "folder of UTF-8 after-sales sample texts")
	fillerDir := flag.String("filler", "testdata/bench", "folder of UTF-8 texts with no after-sales terms (tender and company boilerplate)")
	dense := flag.Float64("dense", 0.15, "share of each document taken by after-sales sections (the rest is boilerplate)")
	keywords := flag.Bool("keywords", false, "print the rulebook's cue words, one per line, and exit")
	flag.Parse()
	if *keywords {
		printKeywords()
		return
	}
	lines, titles := pool(*src)
	filler, _ := pool(*fillerDir)
	if len(lines) == 0 || len(filler) == 0 {
		fail("no sample text in %s or %s", *src, *fillerDir)
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		fail("%s is not empty", *out)
	}
	rng := rand.New(rand.NewPCG(*seed, 7))
	total := int(*mb * (1 << 20))
	n, written := 0, 0
	for ; (*docs == 0 && written < total) || (*docs > 0 && n < *docs); n++ {
		size := 2000 + rng.IntN(26000) // 2–28 KB, about 15 KB on average
		if *docs > 0 {
			size = total / *docs
		}
		text := document(rng, lines, filler, titles, size, *dense)
		dir := filepath.Join(*out, fmt.Sprintf("%03d", n/500)) // 500 per folder, as archives are
		if err := os.MkdirAll(dir, 0o755); err != nil {
			fail("%v", err)
		}
		name := filepath.Join(dir, fmt.Sprintf("doc%06d", n))
		data := []byte(text)
		switch n % 10 {
		case 3: // one in ten in GB18030, as many Chinese files still are
			if enc, err := simplifiedchinese.GB18030.NewEncoder().Bytes(data); err == nil {
				data = enc
			}
			name += ".txt"
		case 6, 7:
			name += ".md"
			data = []byte(markdown(text))
		default:
			name += ".txt"
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			fail("%v", err)
		}
		written += len(data)
	}
	fmt.Fprintf(os.Stderr, "gencorpus: %d documents, %.1f MB in %s\n", n, float64(written)/(1<<20), *out)
}

var (
	figure  = regexp.MustCompile(`[0-9]+|[一二三四五六七八九十两]+`)
	heading = regexp.MustCompile(`^(第[一二三四五六七八九十]+[章节条]|[一二三四五六七八九十]+、|#)`)
)

// pool collects the sample lines and the title-like lines.
func pool(dir string) (lines, titles []string) {
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil || !utf8.Valid(b) {
			continue // the GBK and UTF-16 samples
		}
		for _, l := range strings.Split(string(b), "\n") {
			l = strings.TrimSpace(strings.TrimLeft(l, "#|- "))
			if utf8.RuneCountInString(l) < 4 {
				continue
			}
			if heading.MatchString(l) && utf8.RuneCountInString(l) < 16 {
				titles = append(titles, l)
			} else {
				lines = append(lines, l)
			}
		}
	}
	titles = append(titles, "售后服务政策", "服务承诺书", "三包凭证", "商务要求", "售后服务要求", "退换货说明")
	return lines, titles
}

var cnDigits = []string{"一", "两", "三", "五", "七", "十", "十五", "二十四", "三十"}

// document strings sections of sampled lines, with figures varied so no
// two documents are alike. Real tenders and policies are mostly text with
// no after-sales terms (the corpus folder's largest document: 61 KB and 4
// facts); dense sets the share of after-sales sections, 15% by default,
// well above that, and the rest is boilerplate.
func document(rng *rand.Rand, lines, filler, titles []string, size int, dense float64) string {
	var b strings.Builder
	b.WriteString(titles[rng.IntN(len(titles))] + "\n\n")
	afterSales := 0
	for sec := 1; b.Len() < size; sec++ {
		src, title := filler, "项目说明"
		if float64(afterSales) < dense*float64(b.Len()) {
			src, title = lines, titles[rng.IntN(len(titles))]
		}
		start := b.Len()
		fmt.Fprintf(&b, "%s、%s\n", []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}[sec%10], title)
		for k := 3 + rng.IntN(10); k > 0; k-- {
			l := src[rng.IntN(len(src))]
			l = figure.ReplaceAllStringFunc(l, func(s string) string {
				if rng.IntN(3) > 0 {
					return s
				}
				if s[0] >= '0' && s[0] <= '9' {
					return fmt.Sprint(1 + rng.IntN(60))
				}
				return cnDigits[rng.IntN(len(cnDigits))]
			})
			b.WriteString(l + "\n")
		}
		b.WriteString("\n")
		if &src[0] == &lines[0] {
			afterSales += b.Len() - start
		}
	}
	return b.String()
}

// markdown turns section lines into headings and list items.
func markdown(text string) string {
	var b strings.Builder
	for _, l := range strings.Split(text, "\n") {
		switch {
		case strings.Contains(l, "、") && utf8.RuneCountInString(l) < 16:
			b.WriteString("## " + l + "\n")
		case l != "":
			b.WriteString("- " + l + "\n")
		default:
			b.WriteString("\n")
		}
	}
	return b.String()
}

// printKeywords prints, as regular expressions, what the rulebook looks
// for: the topics' cue words and the rules' own patterns, so that a grep
// tool (rg -f) does comparable matching over the same corpus.
func printKeywords() {
	seen := map[string]bool{}
	var out []string
	add := func(w string) {
		if w != "" && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for _, w := range terms.Load().Cues() {
		add(regexp.QuoteMeta(w))
	}
	book, err := rules.Builtin()
	if err != nil {
		fail("%v", err)
	}
	for _, r := range book.Rules {
		for _, p := range r.PatternSources() {
			add(p)
		}
	}
	sort.Strings(out)
	fmt.Println(strings.Join(out, "\n"))
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "gencorpus: "+format+"\n", args...)
	os.Exit(1)
}
