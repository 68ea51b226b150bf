package vm

// This file stops a runaway program from outside: gilpy's --max-seconds
// and --max-memory (for classrooms and automatic graders; CPython has no
// equivalent). A watchdog goroutine decides; the stop itself happens on a
// Python thread at its next check point, where it holds the GIL and can
// flush sys.stdout and sys.stderr safely. If no thread reaches a check
// point (all of them blocked, or one stuck in a long builtin), the watchdog
// takes the GIL itself, or after a grace period exits without flushing.

import (
	"os"
	"runtime/metrics"
	"sync/atomic"
	"time"
)

// Exit statuses of a stopped program.
const (
	ExitTimeLimit   = 124 // as GNU timeout(1)
	ExitMemoryLimit = 123
)

// stopRequest is a pending forced stop.
type stopRequest struct {
	msg  string
	code int
}

// stopGrace is how long the watchdog waits for an orderly stop.
const stopGrace = 2 * time.Second

// Limits are the resource limits of a run; zero means none.
type Limits struct {
	MaxSeconds float64
	MaxMemory  uint64 // bytes
}

// StartWatchdog enforces the limits for the rest of the process's life.
func (in *Interp) StartWatchdog(l Limits) {
	if l.MaxSeconds <= 0 && l.MaxMemory == 0 {
		return
	}
	start := time.Now()
	go func() {
		sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for range tick.C {
			if l.MaxSeconds > 0 && time.Since(start).Seconds() >= l.MaxSeconds {
				in.requestStop(formatLimit("time limit", "--max-seconds", formatSeconds(l.MaxSeconds)), ExitTimeLimit)
				return
			}
			if l.MaxMemory > 0 {
				metrics.Read(sample)
				used := sample[0].Value.Uint64() - sample[1].Value.Uint64()
				if used > l.MaxMemory {
					in.requestStop(formatLimit("memory limit", "--max-memory", formatMB(l.MaxMemory)), ExitMemoryLimit)
					return
				}
			}
		}
	}()
}

func formatLimit(what, flag, value string) string {
	return "gilpy: stopped: the program exceeded its " + what + " of " + value + " (" + flag + ")\n"
}

func formatSeconds(s float64) string { return trimFloat(s) + " s" }

func formatMB(b uint64) string { return trimFloat(float64(b)/(1<<20)) + " MB" }

func trimFloat(f float64) string {
	s := FormatFloatRepr(f)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		s = s[:len(s)-2]
	}
	return s
}

var stopping atomic.Bool

// requestStop asks the Python threads to stop the program, and makes sure
// it stops even if none of them can.
func (in *Interp) requestStop(msg string, code int) {
	in.stop.Store(&stopRequest{msg, code})
	in.GIL.Poke()
	go func() {
		// Every Python thread blocked (sleep, join, a deadlock): no check
		// point will come, but the GIL is free.
		t := in.GIL.NewThread("gilpy-watchdog")
		in.GIL.Acquire(t)
		in.stopNow(nil)
	}()
	time.Sleep(stopGrace)
	if stopping.CompareAndSwap(false, true) {
		os.Stderr.WriteString(msg)
		os.Exit(code)
	}
	// An orderly stop began but is stuck (a flush to a full pipe).
	time.Sleep(stopGrace)
	os.Exit(code)
}

// checkStop runs at check points: a pending stop ends the process here.
func (th *Thread) checkStop() {
	if th.Interp.stop.Load() != nil {
		th.Interp.stopNow(th)
	}
}

// stopNow flushes the standard streams and exits. th is the Python
// thread holding the GIL, or nil for the watchdog holding it.
func (in *Interp) stopNow(th *Thread) {
	if !stopping.CompareAndSwap(false, true) {
		select {} // another goroutine is already exiting
	}
	r := in.stop.Load()
	if th == nil {
		th = in.main
	}
	if in.Hooks.Flush != nil {
		in.Hooks.Flush(th)
	}
	os.Stderr.WriteString(r.msg)
	os.Exit(r.code)
}

// Kill ends the program from outside without exiting the process (the
// fuzzing harness's time limit): every thread raises SystemExit at its
// next check point, and the main thread also in an interruptible wait;
// no except clause, finally block or __exit__ runs on the way out, so
// not even a program that swallows every exception can go on. The
// interpreter is unusable afterwards.
func (in *Interp) Kill() {
	in.killed.Store(true)
	in.GIL.Poke()
	in.SignalArrived()
}

// Killed reports whether Kill was called.
func (in *Interp) Killed() bool { return in.killed.Load() }

func errKilled() error { return Errorf(SystemExit, "gilpy: interpreter killed") }
