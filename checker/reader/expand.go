package reader

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Input is one document to read, or a path that could not be expanded.
type Input struct {
	Path string
	Err  error
}

// ExpandOptions controls how arguments become documents.
type ExpandOptions struct {
	// Exclude holds glob patterns. One without a slash is matched against
	// the name of every file and folder met in a walk (*.bak, 草稿);
	// one with a slash against the path below the folder given (旧版/*.docx).
	Exclude []string
	// Follow makes walks follow symbolic links; loops are detected and
	// reported. Without it, links inside folders are passed over.
	Follow bool
}

// Expand turns command-line arguments into documents: "-" is standard
// input, a folder is walked (recursively, in lexical order, hidden entries
// skipped, only known extensions), a pattern with * ? [ is globbed, and
// anything else is taken as a file, whatever its extension. Paths that do
// not exist come back with their error so a batch can report them and go
// on.
func Expand(args []string, opt ExpandOptions) []Input {
	var out []Input
	for _, arg := range args {
		if arg == "-" {
			out = append(out, Input{Path: "-"})
			continue
		}
		st, err := os.Stat(arg)
		if err != nil && strings.ContainsAny(arg, "*?[") {
			out = append(out, glob(arg, opt)...)
			continue
		}
		if err != nil {
			out = append(out, Input{Path: arg, Err: describeOpenError(err)})
			continue
		}
		if !st.IsDir() {
			out = append(out, Input{Path: arg})
			continue
		}
		w := walker{opt: opt, root: arg, seen: map[string]bool{}}
		w.walk(arg)
		out = append(out, w.out...)
	}
	return out
}

func glob(arg string, opt ExpandOptions) []Input {
	matches, err := filepath.Glob(arg)
	if err != nil || len(matches) == 0 {
		return []Input{{Path: arg, Err: errors.New("pattern matches no file")}}
	}
	// Like a shell, * does not match hidden names.
	var visible []string
	for _, m := range matches {
		base := filepath.Base(m)
		if (!strings.HasPrefix(base, ".") || strings.HasPrefix(filepath.Base(arg), ".")) && !excluded(opt.Exclude, base, m) {
			visible = append(visible, m)
		}
	}
	sort.Strings(visible)
	if len(visible) == 0 {
		return nil
	}
	return Expand(visible, opt)
}

type walker struct {
	opt  ExpandOptions
	root string
	seen map[string]bool // folders walked, by real path: a followed link loop ends here
	out  []Input
}

func (w *walker) walk(dir string) {
	// WalkDir does not enter a root that is itself a link, so the walk
	// runs over the real folder and names what it finds under dir.
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		w.out = append(w.out, Input{Path: dir, Err: describeOpenError(err)})
		return
	}
	abs, _ := filepath.Abs(real)
	if w.seen[abs] {
		w.out = append(w.out, Input{Path: dir, Err: errors.New("symbolic link loop (this folder is already being read)")})
		return
	}
	w.seen[abs] = true
	err = filepath.WalkDir(real, func(rp string, d fs.DirEntry, err error) error {
		p := dir
		if r, rerr := filepath.Rel(real, rp); rerr == nil && r != "." {
			p = filepath.Join(dir, r)
		}
		if err != nil {
			w.out = append(w.out, Input{Path: p, Err: describeOpenError(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if rp == real {
			return nil
		}
		rel, _ := filepath.Rel(w.root, p)
		if strings.HasPrefix(d.Name(), ".") || excluded(w.opt.Exclude, d.Name(), rel) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			if w.opt.Follow {
				w.follow(p)
			}
		case d.Type().IsRegular() && Extensions[strings.ToLower(filepath.Ext(p))] != "":
			w.out = append(w.out, Input{Path: p})
		}
		return nil
	})
	if err != nil {
		w.out = append(w.out, Input{Path: dir, Err: describeOpenError(err)})
	}
}

// follow reads what a symbolic link met in a walk points at.
func (w *walker) follow(p string) {
	st, err := os.Stat(p)
	switch {
	case err != nil:
		w.out = append(w.out, Input{Path: p, Err: describeOpenError(err)})
	case st.IsDir():
		w.walk(p)
	case st.Mode().IsRegular() && Extensions[strings.ToLower(filepath.Ext(p))] != "":
		w.out = append(w.out, Input{Path: p})
	}
}

func excluded(patterns []string, name, rel string) bool {
	rel = filepath.ToSlash(rel)
	for _, pat := range patterns {
		target := name
		if strings.Contains(pat, "/") {
			target = rel
			pat = strings.TrimPrefix(pat, "./")
		}
		if ok, _ := filepath.Match(pat, target); ok {
			return true
		}
	}
	return false
}
