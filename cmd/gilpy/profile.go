package main

// Profiling the interpreter itself: --cpuprofile DIR, --memprofile DIR,
// --trace DIR, --blockprofile DIR, --mutexprofile DIR write cpu.pprof,
// mem.pprof, trace.out, block.pprof or mutex.pprof into DIR, for
// `go tool pprof` / `go tool trace`.
//
// This is the standard library's runtime/pprof and runtime/trace rather
// than github.com/pkg/profile (named in DESIGN.md): that package links
// net/http and crypto/tls into every gilpy binary through its fgprof
// dependency, which cost 2.5 MB of binary and start-up time for a feature
// only developers use.

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
)

type profiler struct {
	kind string
	f    *os.File
}

// startProfile begins the profile kind (a flag name without the dashes).
func startProfile(kind, dir string) (*profiler, error) {
	name := map[string]string{
		"cpuprofile": "cpu.pprof", "memprofile": "mem.pprof", "trace": "trace.out",
		"blockprofile": "block.pprof", "mutexprofile": "mutex.pprof",
	}[kind]
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, err
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return nil, err
	}
	p := &profiler{kind: kind, f: f}
	switch kind {
	case "cpuprofile":
		err = pprof.StartCPUProfile(f)
	case "memprofile":
		runtime.MemProfileRate = 4096
	case "trace":
		err = trace.Start(f)
	case "blockprofile":
		runtime.SetBlockProfileRate(1)
	case "mutexprofile":
		runtime.SetMutexProfileFraction(1)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return p, nil
}

// Stop ends the profile and writes it out.
func (p *profiler) Stop() {
	var err error
	switch p.kind {
	case "cpuprofile":
		pprof.StopCPUProfile()
	case "memprofile":
		err = pprof.Lookup("allocs").WriteTo(p.f, 0)
	case "trace":
		trace.Stop()
	case "blockprofile":
		err = pprof.Lookup("block").WriteTo(p.f, 0)
	case "mutexprofile":
		err = pprof.Lookup("mutex").WriteTo(p.f, 0)
	}
	if cerr := p.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gilpy: profile:", err)
	}
}
