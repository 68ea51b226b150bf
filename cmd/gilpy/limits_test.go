package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// --max-seconds and --max-memory stop a runaway program with a message,
// their exit status, and the output so far flushed: a busy loop that
// swallows every exception, a program blocked in sleep (no check point
// comes), and one that allocates without end.
func TestResourceLimits(t *testing.T) {
	bin := buildGilpy(t)
	dir := t.TempDir()
	cases := []struct {
		name, src string
		flags     []string
		code      int
		msg       string
	}{
		{"busy", "print('start')\nwhile True:\n    try:\n        pass\n    except BaseException:\n        pass\n",
			[]string{"--max-seconds", "0.3"}, 124, "gilpy: stopped: the program exceeded its time limit of 0.3 s (--max-seconds)\n"},
		{"blocked", "import time\nprint('start')\ntime.sleep(60)\n",
			[]string{"--max-seconds", "0.3"}, 124, "gilpy: stopped: the program exceeded its time limit of 0.3 s (--max-seconds)\n"},
		{"memory", "print('start')\nl = []\nwhile True:\n    l.append([0] * 1000)\n",
			[]string{"--max-memory", "100M"}, 123, "gilpy: stopped: the program exceeded its memory limit of 100 MB (--max-memory)\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(dir, tc.name+".py")
			assert.NoError(t, os.WriteFile(file, []byte(tc.src), 0o644))
			cmd := exec.Command(bin, append(tc.flags, file)...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			start := time.Now()
			err := cmd.Run()
			ee, ok := err.(*exec.ExitError)
			if assert.True(t, ok, "exit error: %v", err) {
				assert.Equal(t, tc.code, ee.ExitCode())
			}
			assert.Equal(t, "start\n", stdout.String(), "output before the stop is flushed")
			assert.Equal(t, tc.msg, stderr.String())
			assert.Less(t, time.Since(start), 20*time.Second)
		})
	}
}
