// Command aiomeasure measures gilpy's asyncio next to CPython's on the
// workloads of issue 5:
//
//   - gather of 10 asyncio.sleep(0.2): must take about 0.2 s (the sleeps
//     run concurrently);
//   - 100,000 tasks, each awaiting asyncio.sleep(0) ten times: the ready
//     queue, task steps and wake-ups (1,000,000 task steps);
//   - a loopback echo of 10,000 messages: one client and a stream server
//     in one process, a line sent and read back at a time (sockets,
//     transports, StreamReader/StreamWriter);
//   - an idle loop (one asyncio.sleep(1)): the CPU time it uses must be
//     the interpreter's start-up only, as the loop sleeps in epoll_wait.
//
// Each program times its own work with loop.time() (so start-up is not
// counted and no time module is needed) and prints it; the command also
// records each run's wall time and CPU time (user+system, from the
// kernel). Runs of the two interpreters alternate; the median of each
// figure is reported. The machines are shared and noisy: compare the
// CPU times when the wall times disagree.
//
//	go run ./cmd/aiomeasure [-gilpy path] [-python path] [-runs 5]
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

var programs = []struct {
	name, title, src string
}{
	{"sleep", "gather(10 x sleep(0.2))", `
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.gather(*[asyncio.sleep(0.2) for _ in range(10)])
    print("elapsed", loop.time() - t0)

asyncio.run(main())
`},
	{"tasks", "100,000 tasks x 10 sleep(0)", `
import asyncio

async def worker():
    for _ in range(10):
        await asyncio.sleep(0)

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.gather(*[worker() for _ in range(100000)])
    print("elapsed", loop.time() - t0)

asyncio.run(main())
`},
	{"echo", "loopback echo, 10,000 messages", `
import asyncio

N = 10000

async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line)
        await writer.drain()
    writer.close()

async def main():
    loop = asyncio.get_running_loop()
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    t0 = loop.time()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for i in range(N):
        writer.write(b"message %d\n" % i)
        await writer.drain()
        line = await reader.readline()
    assert line == b"message %d\n" % (N - 1), line
    writer.close()
    await writer.wait_closed()
    print("elapsed", loop.time() - t0)
    server.close()
    await server.wait_closed()

asyncio.run(main())
`},
	{"idle", "idle loop: one sleep(1)", `
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.sleep(1)
    print("elapsed", loop.time() - t0)

asyncio.run(main())
`},
}

type interp struct {
	name string
	path string
}

// sample is one run: the time the program reported, the wall time of the
// whole process and its CPU time.
type sample struct {
	inner, wall, cpu time.Duration
}

func main() {
	gilpy := flag.String("gilpy", "", "gilpy binary (default: build ./cmd/gilpy into a temporary folder)")
	python := flag.String("python", "", "CPython 3.11 binary (default: `pyenv which python3`, then python3)")
	runs := flag.Int("runs", 5, "runs per program and interpreter (the median is reported)")
	only := flag.String("only", "", "comma-separated subset of: sleep,tasks,echo,idle")
	flag.Parse()

	dir, err := os.MkdirTemp("", "aiomeasure")
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
	interps := []interp{{"CPython 3.11", *python}, {"gilpy", *gilpy}}

	fmt.Printf("asyncio, median of %d runs (in-program time by loop.time(); wall and CPU time of the process)\n", *runs)
	fmt.Printf("%-32s %-13s %10s %10s %10s\n", "", "", "measured", "wall", "CPU")
	for _, p := range programs {
		if *only != "" && !strings.Contains(","+*only+",", ","+p.name+",") {
			continue
		}
		file := filepath.Join(dir, p.name+".py")
		check(os.WriteFile(file, []byte(p.src), 0o644))
		res := measure(interps, *runs, file)
		for i, in := range interps {
			title := p.title
			if i > 0 {
				title = ""
			}
			fmt.Printf("%-32s %-13s %8.3f s %8.3f s %8.3f s\n", title, in.name,
				res[i].inner.Seconds(), res[i].wall.Seconds(), res[i].cpu.Seconds())
		}
		if res[0].inner > 0 {
			fmt.Printf("%-32s %-13s %9.2fx %9.2fx %9.2fx\n", "", "gilpy/CPython",
				ratio(res[1].inner, res[0].inner), ratio(res[1].wall, res[0].wall), ratio(res[1].cpu, res[0].cpu))
		}
	}
}

func ratio(a, b time.Duration) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// measure runs each interpreter on the program runs times, alternating,
// and returns the median of each figure.
func measure(interps []interp, runs int, file string) []sample {
	all := make([][]sample, len(interps))
	for r := 0; r < runs; r++ {
		for i, in := range interps {
			cmd := exec.Command(in.path, file)
			cmd.Env = env()
			cmd.Stderr = os.Stderr
			t0 := time.Now()
			out, err := cmd.Output()
			wall := time.Since(t0)
			if err != nil {
				fmt.Fprintf(os.Stderr, "%s %s: %v\n%s", in.name, filepath.Base(file), err, out)
				os.Exit(1)
			}
			s := sample{wall: wall, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
			for _, line := range strings.Split(string(out), "\n") {
				if v, ok := strings.CutPrefix(line, "elapsed "); ok {
					f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
					check(err)
					s.inner = time.Duration(f * float64(time.Second))
				}
			}
			all[i] = append(all[i], s)
		}
	}
	out := make([]sample, len(interps))
	for i, ss := range all {
		out[i] = sample{
			inner: median(ss, func(s sample) time.Duration { return s.inner }),
			wall:  median(ss, func(s sample) time.Duration { return s.wall }),
			cpu:   median(ss, func(s sample) time.Duration { return s.cpu }),
		}
	}
	return out
}

func median(ss []sample, f func(sample) time.Duration) time.Duration {
	v := make([]time.Duration, len(ss))
	for i, s := range ss {
		v[i] = f(s)
	}
	sort.Slice(v, func(a, b int) bool { return v[a] < v[b] })
	return v[len(v)/2]
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
	fmt.Fprintln(os.Stderr, "aiomeasure: no CPython found; use -python")
	os.Exit(1)
	return ""
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "aiomeasure:", err)
		os.Exit(1)
	}
}
