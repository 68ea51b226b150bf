package main

// TestScripts runs every program under scripts/ that has recorded
// expectations (made by cmd/regen from CPython 3.11) with the gilpy binary
// and compares stdout, stderr and the exit status.

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"

	"gilpy/cmd/internal/scripttest"
)

// buildGilpy compiles the command once per test binary.
func buildGilpy(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "gilpy")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if race := os.Getenv("GILPY_TEST_RACE"); race != "" {
		cmd = exec.Command("go", "build", "-race", "-o", bin, ".")
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("building gilpy: %v", err)
	}
	return bin
}

func TestScripts(t *testing.T) {
	bin := buildGilpy(t)
	progs, err := scripttest.Programs([]string{"../../scripts"})
	if err != nil {
		t.Fatal(err)
	}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	ran := 0
	for _, p := range progs {
		want, ok := scripttest.Expected(p)
		if !ok {
			continue
		}
		ran++
		p := p
		rel, _ := filepath.Rel("../../scripts", p)
		t.Run(rel, func(t *testing.T) {
			t.Parallel()
			sem <- struct{}{}
			defer func() { <-sem }()
			got, _, err := scripttest.Run(bin, p)
			if err != nil {
				t.Fatalf("running: %v\nstdout:\n%s\nstderr:\n%s", err, got.Stdout, got.Stderr)
			}
			assert.Equal(t, want.Stdout, got.Stdout, "stdout")
			assert.Equal(t, want.Stderr, got.Stderr, "stderr")
			assert.Equal(t, want.Exit, got.Exit, "exit status")
		})
	}
	if ran == 0 {
		t.Fatal("no script has recorded expectations")
	}
}
