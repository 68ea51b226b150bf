// Command mpmeasure measures gilpy's multiprocessing next to CPython's:
//
//   - the same CPU-bound work done twice sequentially, and in two
//     processes at once; the ratio of the wall times is what processes
//     buy on a multi-core machine (CPython: about 0.53 on 2 idle cores);
//   - the cost of starting and joining one process, for the fork and
//     spawn start methods (CPython here: fork about 2 ms, spawn about
//     53 ms; gilpy's fork is an emulation, a re-executed binary that gets
//     a snapshot, and must stay near CPython's fork).
//
// Times are wall-clock times of whole interpreter runs measured from
// outside; the start cost is (run with K children - run with none) / K,
// reported as wall time and as CPU time (user+system of the interpreter
// and the children it reaped), which a busy machine inflates less. Runs of
// the two interpreters alternate and the median is reported.
//
//	go run ./cmd/mpmeasure [-gilpy path] [-python path] [-runs 5] [-n 3000000] [-k 40]
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

const cpuProgram = `
import multiprocessing as mp
import sys

def work(n):
    s = 0
    for i in range(n):
        s += i * i % 7
    return s

if __name__ == "__main__":
    mode, n = sys.argv[1], int(sys.argv[2])
    if mode == "seq":
        work(n)
        work(n)
    else:
        ps = [mp.Process(target=work, args=(n,)) for _ in range(2)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
`

const startProgram = `
import multiprocessing as mp
import sys

def nothing():
    pass

if __name__ == "__main__":
    method, k = sys.argv[1], int(sys.argv[2])
    ctx = mp.get_context(method)
    for _ in range(k):
        p = ctx.Process(target=nothing)
        p.start()
        p.join()
`

type interp struct {
	name string
	path string
}

func main() {
	gilpy := flag.String("gilpy", "", "gilpy binary (default: build ./cmd/gilpy into a temporary folder)")
	python := flag.String("python", "", "CPython 3.11 binary (default: `pyenv which python3`, then python3)")
	runs := flag.Int("runs", 5, "runs per configuration (the median is reported)")
	n := flag.Int("n", 3000000, "loop iterations of each CPU-bound task")
	k := flag.Int("k", 40, "processes started and joined per start-cost run")
	flag.Parse()

	dir, err := os.MkdirTemp("", "mpmeasure")
	check(err)
	defer os.RemoveAll(dir)
	if *gilpy == "" {
		*gilpy = filepath.Join(dir, "gilpy")
		fmt.Fprintln(os.Stderr, "building gilpy ...")
		cmd := exec.Command("go", "build", "-o", *gilpy, "./cmd/gilpy")
		cmd.Stderr = os.Stderr
		check(cmd.Run())
	}
	if *python == "" {
		*python = findPython()
	}
	cpu := filepath.Join(dir, "cpu.py")
	start := filepath.Join(dir, "start.py")
	check(os.WriteFile(cpu, []byte(cpuProgram), 0o644))
	check(os.WriteFile(start, []byte(startProgram), 0o644))
	interps := []interp{{"CPython 3.11", *python}, {"gilpy", *gilpy}}

	fmt.Printf("CPU-bound work (2 tasks of %d iterations), wall time, median of %d runs\n", *n, *runs)
	fmt.Printf("  %-14s %12s %14s %8s\n", "", "sequential", "2 processes", "ratio")
	seq := measure(interps, *runs, cpu, "seq", fmt.Sprint(*n))
	par := measure(interps, *runs, cpu, "par", fmt.Sprint(*n))
	for i, in := range interps {
		fmt.Printf("  %-14s %10.3f s %12.3f s %8.2f\n", in.name, seq[i].Seconds(), par[i].Seconds(), par[i].Seconds()/seq[i].Seconds())
	}

	fmt.Printf("\nStart + join of one process, (run with %d - run with 0) / %d, median of %d runs\n", *k, *k, *runs)
	fmt.Printf("  %-14s %10s %10s %12s %12s\n", "", "fork", "spawn", "fork CPU", "spawn CPU")
	res := map[string][]time.Duration{}
	cpuRes := map[string][]time.Duration{}
	for _, method := range []string{"fork", "spawn"} {
		base, baseCPU := measureCPU(interps, *runs, start, method, "0")
		with, withCPU := measureCPU(interps, *runs, start, method, fmt.Sprint(*k))
		for i := range interps {
			res[method] = append(res[method], (with[i]-base[i])/time.Duration(*k))
			cpuRes[method] = append(cpuRes[method], (withCPU[i]-baseCPU[i])/time.Duration(*k))
		}
	}
	for i, in := range interps {
		fmt.Printf("  %-14s %7.1f ms %7.1f ms %9.1f ms %9.1f ms\n", in.name, ms(res["fork"][i]), ms(res["spawn"][i]),
			ms(cpuRes["fork"][i]), ms(cpuRes["spawn"][i]))
	}
}

// measure runs each interpreter on the program runs times, alternating,
// and returns the median wall time of each.
func measure(interps []interp, runs int, args ...string) []time.Duration {
	wall, _ := measureCPU(interps, runs, args...)
	return wall
}

// measureCPU is measure that also returns the median CPU time (user and
// system, the reaped children's included).
func measureCPU(interps []interp, runs int, args ...string) ([]time.Duration, []time.Duration) {
	times := make([][]time.Duration, len(interps))
	cpus := make([][]time.Duration, len(interps))
	for r := 0; r < runs; r++ {
		for i, in := range interps {
			cmd := exec.Command(in.path, args...)
			cmd.Env = env()
			cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
			t0 := time.Now()
			if err := cmd.Run(); err != nil {
				fmt.Fprintf(os.Stderr, "%s %s: %v\n", in.name, strings.Join(args, " "), err)
				os.Exit(1)
			}
			times[i] = append(times[i], time.Since(t0))
			cpus[i] = append(cpus[i], cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
		}
	}
	return medians(times), medians(cpus)
}

func medians(all [][]time.Duration) []time.Duration {
	out := make([]time.Duration, len(all))
	for i, ts := range all {
		sort.Slice(ts, func(a, b int) bool { return ts[a] < ts[b] })
		out[i] = ts[len(ts)/2]
	}
	return out
}

func env() []string {
	var out []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "PYTHONUNBUFFERED=") || strings.HasPrefix(kv, "PYTHONPATH=") {
			continue
		}
		out = append(out, kv)
	}
	return out
}

func findPython() string {
	if out, err := exec.Command("pyenv", "which", "python3").Output(); err == nil {
		if p := strings.TrimSpace(string(out)); p != "" {
			return p
		}
	}
	if p, err := exec.LookPath("python3"); err == nil {
		return p
	}
	fmt.Fprintln(os.Stderr, "mpmeasure: no CPython found; use -python")
	os.Exit(1)
	return ""
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "mpmeasure:", err)
		os.Exit(1)
	}
}
