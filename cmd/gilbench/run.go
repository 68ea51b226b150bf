package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// runResult is what one run of one program produced.
type runResult struct {
	Wall    time.Duration
	CPU     time.Duration // user + system, of the program and its reaped children
	MaxRSS  int64         // KiB
	Stdout  []byte
	Stderr  []byte // the last stderrKeep bytes
	Failure string // "" after exit status 0
}

const (
	stdoutKeep = 16 << 20 // a program printing more is broken anyway
	stderrKeep = 16 << 10
	stderrTail = 5 // lines of stderr shown for a failed run
)

// runOnce runs interpreter on the program in the program's folder, in a
// process group of its own that is killed when the run exceeds timeout
// (and after every run, so that no stray child outlives it).
//
// The environment is gilbench's own without PYTHONUNBUFFERED (which these
// machines set), so that both interpreters buffer a piped stdout as they
// do by default.
func runOnce(interpreter, prog string, timeout time.Duration) runResult {
	abs, err := filepath.Abs(prog)
	if err != nil {
		return runResult{Failure: err.Error()}
	}
	cmd := exec.Command(interpreter, abs)
	cmd.Dir = filepath.Dir(abs)
	cmd.Env = environment()
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	stdout := &headBuffer{max: stdoutKeep}
	stderr := &tailBuffer{max: stderrKeep}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	// A grandchild that keeps the pipes open must not keep Wait waiting.
	cmd.WaitDelay = 2 * time.Second

	start := time.Now()
	if err := cmd.Start(); err != nil {
		return runResult{Failure: "cannot start: " + err.Error()}
	}
	pgid := cmd.Process.Pid
	running.Store(int64(pgid))
	defer running.Store(0)
	var timedOut atomic.Bool
	timer := time.AfterFunc(timeout, func() {
		timedOut.Store(true)
		_ = syscall.Kill(-pgid, syscall.SIGKILL)
	})
	err = cmd.Wait()
	wall := time.Since(start)
	timer.Stop()
	_ = syscall.Kill(-pgid, syscall.SIGKILL)

	r := runResult{Wall: wall, Stdout: stdout.Bytes(), Stderr: stderr.Bytes()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.MaxRSS = ru.Maxrss // KiB on Linux
		r.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	var exitErr *exec.ExitError
	switch {
	case timedOut.Load():
		r.Failure = fmt.Sprintf("timed out after %s (process group killed)", timeout)
	case err == nil:
	case errors.As(err, &exitErr):
		r.Failure = exitErr.String() // "exit status 1", "signal: segmentation fault"
	default:
		r.Failure = err.Error()
	}
	if stdout.truncated && r.Failure == "" {
		r.Failure = fmt.Sprintf("printed more than %d bytes", stdoutKeep)
	}
	return r
}

// running is the process group of the run under way, 0 between runs.
var running atomic.Int64

// killOnInterrupt makes Ctrl-C (or SIGTERM) kill the run under way, whose
// process group does not get the terminal's signal, before gilbench exits
// after cleanup.
func killOnInterrupt(cleanup func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sigs
		if pgid := running.Load(); pgid != 0 {
			_ = syscall.Kill(-int(pgid), syscall.SIGKILL)
		}
		cleanup()
		fmt.Fprintln(os.Stderr, "gilbench: interrupted")
		os.Exit(130)
	}()
}

func environment() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PYTHONUNBUFFERED=") {
			env = append(env, kv)
		}
	}
	return env
}

// benchProgram runs one program A B A B: a warm-up run of each
// interpreter, then c.runs timed runs of each. A side that fails is not
// run again; the other side goes on, so its time still shows.
func benchProgram(c config, p program, gilpy, python string) progResult {
	r := progResult{Name: p.Name, Path: p.Path, CheckLines: p.CheckLines}
	sides := [2]*sideResult{&r.Gilpy, &r.CPython}
	binaries := [2]string{gilpy, python}
	var first [2][]byte // each side's warm-up stdout, as compared
	for round := 0; round <= c.runs; round++ {
		for i, s := range sides {
			if s.Failure != "" {
				continue
			}
			res := runOnce(binaries[i], p.Path, c.timeout)
			if res.Failure != "" {
				s.Failure = res.Failure
				s.StderrTail = lastLines(string(res.Stderr), stderrTail)
				continue
			}
			out := comparable(res.Stdout, p.CheckLines)
			if round == 0 {
				first[i] = out
				continue
			}
			if d := firstDifference(first[i], out, "the warm-up run", "a timed run"); d != "" && s.Unstable == "" {
				s.Unstable = "stdout differs between runs: " + d
			}
			s.Times = append(s.Times, res.Wall.Seconds())
			s.CPUTimes = append(s.CPUTimes, res.CPU.Seconds())
			s.RSSKiB = append(s.RSSKiB, res.MaxRSS)
		}
	}
	r.finish(first[1], first[0])
	return r
}

// headBuffer keeps the first max bytes written to it.
type headBuffer struct {
	bytes.Buffer
	max       int
	truncated bool
}

func (h *headBuffer) Write(p []byte) (int, error) {
	if room := h.max - h.Len(); len(p) > room {
		h.truncated = true
		h.Buffer.Write(p[:max(room, 0)])
		return len(p), nil
	}
	return h.Buffer.Write(p)
}

// tailBuffer keeps the last max bytes written to it.
type tailBuffer struct {
	buf []byte
	max int
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.buf = append(t.buf, p...)
	if len(t.buf) > t.max {
		t.buf = append(t.buf[:0], t.buf[len(t.buf)-t.max:]...)
	}
	return len(p), nil
}

func (t *tailBuffer) Bytes() []byte { return t.buf }
