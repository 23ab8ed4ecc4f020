// Command benchtool runs commands interleaved and reports, for each, the
// median wall time and the median peak RSS over the runs. It is the timer
// of scripts/bench.sh: on a shared machine only ratios between commands
// measured in one interleaved run mean anything.
//
//	benchtool -runs 10 -warmup 1 spec.tsv
//
// Each line of the spec is NAME<TAB>COMMAND; the command is split on
// spaces (no shell, which would add its own start-up to every figure) and
// run with its output discarded; a non-zero exit (shouhou's exit 1 on
// findings) is not an error. Round r runs every command once, in spec
// order, before round r+1 starts. Output: NAME<TAB>seconds<TAB>KiB, one
// line a command.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

type job struct {
	name string
	argv []string
	wall []float64
	rss  []float64
}

func main() {
	runs := flag.Int("runs", 5, "measured rounds")
	warmup := flag.Int("warmup", 0, "unmeasured rounds first")
	flag.Parse()
	if flag.NArg() != 1 {
		fail("usage: benchtool [-runs N] [-warmup N] SPEC")
	}
	jobs, err := readSpec(flag.Arg(0))
	if err != nil {
		fail("%v", err)
	}
	for r := 0; r < *warmup+*runs; r++ {
		for _, j := range jobs {
			wall, rss, err := run(j.argv)
			if err != nil {
				fail("%s: %v", j.name, err)
			}
			if r >= *warmup {
				j.wall = append(j.wall, wall)
				j.rss = append(j.rss, rss)
			}
		}
	}
	for _, j := range jobs {
		fmt.Printf("%s\t%.6f\t%.0f\n", j.name, median(j.wall), median(j.rss))
	}
}

func readSpec(path string) ([]*job, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var jobs []*job
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, cmd, ok := strings.Cut(line, "\t")
		if !ok || strings.TrimSpace(cmd) == "" {
			return nil, fmt.Errorf("%s: %q is not NAME<TAB>COMMAND", path, line)
		}
		jobs = append(jobs, &job{name: name, argv: strings.Fields(cmd)})
	}
	return jobs, sc.Err()
}

// run starts argv and returns its wall time in seconds and peak RSS in KiB.
func run(argv []string) (float64, float64, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start).Seconds()
	if _, exited := err.(*exec.ExitError); err != nil && !exited {
		return 0, 0, err
	}
	var rss float64
	if u, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = float64(u.Maxrss) // KiB on Linux
	}
	return wall, rss, nil
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func fail(format string, a ...any) {
	fmt.Fprintf(os.Stderr, "benchtool: "+format+"\n", a...)
	os.Exit(2)
}
