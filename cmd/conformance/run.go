package main

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"

	"gilpy/cmd/internal/scripttest"
)

// maxOutput caps what is kept of a stream, so that a runaway program
// cannot fill the memory.
const maxOutput = 4 << 20

// runProgram runs interpreter on the program at path (an absolute path) the
// way gilpy's script tests do (scripttest.Env: PYTHONHASHSEED and
// PYTHONUNBUFFERED unset, LC_ALL=C.UTF-8; the program's folder as working
// directory and its file name as argument; stdout and stderr to pipes), in a
// process group of its own that is killed when the timeout expires, and
// also once the program has exited, so that no child it left behind
// survives. The program's folder in the output is replaced by "<DIR>".
func runProgram(interpreter string, flags []string, path string, timeout time.Duration) Run {
	dir := filepath.Dir(path)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	args := append(append([]string{}, flags...), filepath.Base(path))
	cmd := exec.CommandContext(ctx, interpreter, args...)
	cmd.Dir = dir
	cmd.Env = scripttest.Env(nil)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 2 * time.Second
	var stdout, stderr cappedBuffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr

	start := time.Now()
	err := cmd.Run()
	r := Run{Elapsed: time.Since(start), TimedOut: ctx.Err() != nil}
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
	var exitErr *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exitErr):
		r.Exit = exitErr.ExitCode()
		if ws, ok := exitErr.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			r.Exit = 128 + int(ws.Signal())
		}
	default: // could not start, or pipes held open past WaitDelay
		r.Exit = -1
		stderr.WriteString("conformance: " + err.Error() + "\n")
	}
	res := scripttest.Normalise(scripttest.Result{Stdout: stdout.String(), Stderr: stderr.String()}, dir, scripttest.Directives{})
	r.Stdout, r.Stderr = res.Stdout, res.Stderr
	return r
}

// cappedBuffer keeps the first maxOutput bytes written to it and drops
// the rest.
type cappedBuffer struct{ bytes.Buffer }

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if room := maxOutput - b.Len(); room < len(p) {
		if room > 0 {
			b.Buffer.Write(p[:room])
		}
		return len(p), nil
	}
	return b.Buffer.Write(p)
}
