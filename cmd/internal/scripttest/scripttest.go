// Package scripttest runs a Python program the way gilpy's script tests
// do, for both sides of the comparison: cmd/regen runs CPython to record
// the expected stdout, stderr and exit status, and the Go tests run gilpy
// and compare.
//
// Both sides run in one fixed environment (DESIGN §8): PYTHONUNBUFFERED
// and PYTHONHASHSEED unset, LC_ALL=C.UTF-8, stdout and stderr to separate
// pipes (so stdout is block-buffered, as when a harness captures it), the
// working directory set to the program's folder, the program named by its
// file name. The absolute path of that folder, which CPython prints in
// tracebacks, is replaced by "<DIR>" so expectations recorded in one
// checkout hold in another; so is the standard library's folder in
// traceback lines ("<stdlib>": CPython's install path, gilpy's "<gilpy>").
//
// A program may start with directive comments:
//
//	# test: args a b c       command-line arguments
//	# test: stdin input.txt   feed this file (relative to the program) to stdin
//	# test: sort-stdout       compare stdout lines sorted (nondeterministic order)
//	# test: timeout 60        seconds before the run is killed (default 60)
//	# test: env NAME=value    extra environment variable
//	# test: flags -u -X gil=0 interpreter flags before the program name
//
// Expectations live beside the program: name.py.out, name.py.err and
// name.py.exit; a missing file means empty output or exit status 0.
package scripttest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Result is what one run produced, normalised.
type Result struct {
	Stdout, Stderr string
	Exit           int
}

// Directives are the program's `# test:` settings.
type Directives struct {
	Args       []string
	Stdin      string
	SortStdout bool
	Timeout    time.Duration
	Env        []string
	Flags      []string
}

// ParseDirectives reads the `# test:` comments at the top of a program.
func ParseDirectives(src []byte) Directives {
	d := Directives{Timeout: 60 * time.Second}
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if !strings.HasPrefix(line, "#") {
			break
		}
		rest, ok := strings.CutPrefix(line, "# test:")
		if !ok {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) == 0 {
			continue
		}
		switch fields[0] {
		case "args":
			d.Args = fields[1:]
		case "stdin":
			if len(fields) > 1 {
				d.Stdin = fields[1]
			}
		case "sort-stdout":
			d.SortStdout = true
		case "timeout":
			if len(fields) > 1 {
				if n, err := strconv.Atoi(fields[1]); err == nil {
					d.Timeout = time.Duration(n) * time.Second
				}
			}
		case "env":
			d.Env = append(d.Env, fields[1:]...)
		case "flags":
			d.Flags = append(d.Flags, fields[1:]...)
		}
	}
	return d
}

// Env is the fixed environment both interpreters run in.
func Env(extra []string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "PYTHONUNBUFFERED", "PYTHONHASHSEED", "LC_ALL", "LANG", "PYTHONPATH", "PYTHONSTARTUP", "PYTHON_GIL":
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "LC_ALL=C.UTF-8", "PYTHONDONTWRITEBYTECODE=1")
	return append(env, extra...)
}

// Run executes the program at path with interpreter (a binary path) and
// returns its normalised result.
func Run(interpreter, path string) (Result, Directives, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return Result{}, Directives{}, err
	}
	src, err := os.ReadFile(abs)
	if err != nil {
		return Result{}, Directives{}, err
	}
	d := ParseDirectives(src)
	dir := filepath.Dir(abs)
	ctx, cancel := context.WithTimeout(context.Background(), d.Timeout)
	defer cancel()
	args := append(append([]string{}, d.Flags...), filepath.Base(abs))
	args = append(args, d.Args...)
	cmd := exec.CommandContext(ctx, interpreter, args...)
	cmd.Dir = dir
	cmd.Env = Env(d.Env)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if d.Stdin != "" {
		f, err := os.Open(filepath.Join(dir, d.Stdin))
		if err != nil {
			return Result{}, d, err
		}
		defer f.Close()
		cmd.Stdin = f
	}
	cmd.WaitDelay = 5 * time.Second
	runErr := cmd.Run()
	r := Result{Stdout: stdout.String(), Stderr: stderr.String()}
	var exitErr *exec.ExitError
	switch {
	case runErr == nil:
	case errors.As(runErr, &exitErr):
		r.Exit = exitErr.ExitCode()
		if ws, ok := exitErr.Sys().(interface{ Signal() os.Signal }); ok && r.Exit == -1 {
			_ = ws
		}
	default:
		return r, d, runErr
	}
	if ctx.Err() != nil {
		return r, d, errors.New("timed out after " + d.Timeout.String())
	}
	r = Normalise(r, dir, d)
	return r, d, nil
}

// stdlibPath matches the start of a traceback line in a standard-library
// module: CPython's (".../lib/python3.11/") or gilpy's ("<gilpy>/").
var stdlibPath = regexp.MustCompile(`File "(?:<gilpy>|[^"\n]*/lib/python3\.\d+)/`)

// Normalise replaces the program's folder with <DIR>, the standard
// library's folder in tracebacks with <stdlib>, and applies the
// sort-stdout directive.
func Normalise(r Result, dir string, d Directives) Result {
	r.Stdout = strings.ReplaceAll(r.Stdout, dir, "<DIR>")
	r.Stderr = strings.ReplaceAll(r.Stderr, dir, "<DIR>")
	// A traceback through the standard library names CPython's install
	// folder on one side and gilpy's embedded library on the other.
	r.Stderr = stdlibPath.ReplaceAllString(r.Stderr, `File "<stdlib>/`)
	if d.SortStdout {
		lines := strings.SplitAfter(r.Stdout, "\n")
		if n := len(lines); n > 0 && lines[n-1] == "" {
			lines = lines[:n-1]
		}
		for i, l := range lines {
			lines[i] = strings.TrimSuffix(l, "\n")
		}
		sort.Strings(lines)
		if len(lines) > 0 {
			r.Stdout = strings.Join(lines, "\n") + "\n"
		}
	}
	return r
}

// Expected reads the recorded expectations of the program at path; ok is
// false when none were recorded.
func Expected(path string) (Result, bool) {
	var r Result
	found := false
	if b, err := os.ReadFile(path + ".out"); err == nil {
		r.Stdout, found = string(b), true
	}
	if b, err := os.ReadFile(path + ".err"); err == nil {
		r.Stderr, found = string(b), true
	}
	if b, err := os.ReadFile(path + ".exit"); err == nil {
		n, _ := strconv.Atoi(strings.TrimSpace(string(b)))
		r.Exit, found = n, true
	}
	return r, found
}

// Write records r as the expectations of the program at path.
func Write(path string, r Result) error {
	write := func(suffix, content string) error {
		p := path + suffix
		if content == "" {
			if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
				return err
			}
			return nil
		}
		return os.WriteFile(p, []byte(content), 0o644)
	}
	if err := write(".out", r.Stdout); err != nil {
		return err
	}
	if err := write(".err", r.Stderr); err != nil {
		return err
	}
	exit := ""
	if r.Exit != 0 {
		exit = strconv.Itoa(r.Exit) + "\n"
	}
	if err := write(".exit", exit); err != nil {
		return err
	}
	// A program with no output and status 0 still needs a marker.
	if r.Stdout == "" && r.Stderr == "" && r.Exit == 0 {
		return os.WriteFile(path+".out", nil, 0o644)
	}
	return nil
}

// Programs lists the .py files under the given files/folders, skipping
// folders named "_" prefixed or "testdata" helpers (modules imported by
// programs live in folders whose name starts with "_").
func Programs(roots []string) ([]string, error) {
	var out []string
	for _, root := range roots {
		st, err := os.Stat(root)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, root)
			continue
		}
		err = filepath.WalkDir(root, func(p string, e os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() && p != root && (strings.HasPrefix(e.Name(), "_") || e.Name() == "__pycache__") {
				return filepath.SkipDir
			}
			if !e.IsDir() && strings.HasSuffix(p, ".py") && !strings.HasPrefix(e.Name(), "_") {
				out = append(out, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}
