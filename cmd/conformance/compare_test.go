package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFirstDiff(t *testing.T) {
	for _, c := range []struct {
		name, want, got string
		line            int
		w, g            string
		ok              bool
	}{
		{"equal", "a\nb\n", "a\nb\n", 0, "", "", false},
		{"empty", "", "", 0, "", "", false},
		{"second line", "a\nb\nc\n", "a\nB\nc\n", 2, "b", "B", true},
		{"gilpy stops early", "a\nb\n", "a\n", 2, "b", "<EOF>", true},
		{"gilpy prints more", "a\n", "a\nextra\n", 2, "<EOF>", "extra", true},
		{"nothing printed", "a\n", "", 1, "a", "<EOF>", true},
		{"missing final newline", "a\nb\n", "a\nb", 2, "b", "b<no newline>", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			line, w, g, ok := FirstDiff(c.want, c.got)
			assert.Equal(t, c.ok, ok)
			assert.Equal(t, c.line, line)
			assert.Equal(t, c.w, w)
			assert.Equal(t, c.g, g)
		})
	}
}

func TestJudgeSkips(t *testing.T) {
	gil := Run{Stdout: "anything\n"}
	v := Judge([]Run{{Stdout: "SKIP\n"}}, gil, false)
	assert.Equal(t, Skip, v.Status)
	assert.Equal(t, "CPython prints SKIP", v.Reason)

	v = Judge([]Run{{Exit: 1, Stderr: "Traceback...\nImportError: no module named 'micropython'\n"}}, gil, false)
	assert.Equal(t, Skip, v.Status)
	assert.Equal(t, "CPython exits 1: ImportError: no module named 'micropython'", v.Reason)

	v = Judge([]Run{{TimedOut: true, Exit: 137}}, gil, false)
	assert.Equal(t, Skip, v.Status)
	assert.Equal(t, "CPython timed out", v.Reason)

	// SKIP printed after other output is an ordinary output line.
	v = Judge([]Run{{Stdout: "1\nSKIP\n"}}, Run{Stdout: "1\nSKIP\n"}, false)
	assert.Equal(t, Pass, v.Status)
}

func TestJudgeFailures(t *testing.T) {
	cpy := []Run{{Stdout: "1\n2\n"}}

	assert.Equal(t, Verdict{Status: Pass}, Judge(cpy, Run{Stdout: "1\n2\n"}, false))

	v := Judge(cpy, Run{Stdout: "1\n3\n"}, false)
	assert.Equal(t, Verdict{Status: Fail, Reason: "output", Line: 2, Want: "2", Got: "3"}, v)

	v = Judge(cpy, Run{Stdout: "1\n", Exit: 1, Stderr: "Traceback (most recent call last):\nAttributeError: 'str' object has no attribute 'x'\n"}, false)
	assert.Equal(t, Verdict{Status: Fail, Reason: "exit", Line: 2, Want: "2", Got: "<EOF>",
		Error: "AttributeError: 'str' object has no attribute 'x'"}, v)

	v = Judge(cpy, Run{Stdout: "1\n2\n", Exit: 3}, false)
	assert.Equal(t, "exit", v.Reason)
	assert.Equal(t, 0, v.Line)
	assert.Equal(t, "exit 0", v.Want)
	assert.Equal(t, "exit 3", v.Got)

	v = Judge(cpy, Run{Stdout: "1\n2\n", TimedOut: true, Exit: 137}, false)
	assert.Equal(t, "timeout", v.Reason)

	v = Judge(cpy, Run{Stdout: "1\n", Exit: 2, Stderr: "panic: runtime error: index out of range\n\ngoroutine 1 [running]:\nmain.main()\n"}, false)
	assert.Equal(t, "panic", v.Reason)

	v = Judge(cpy, Run{Stdout: "1\n", Exit: 1, Stderr: "Traceback (most recent call last):\nSystemError: vm: nil pointer\n"}, false)
	assert.Equal(t, "SystemError", v.Reason)
}

func TestJudgeNondeterministic(t *testing.T) {
	cpy := []Run{{Stdout: "a\nb\n"}, {Stdout: "b\na\n"}}
	v := Judge(cpy, Run{Stdout: "b\na\n"}, false)
	assert.Equal(t, Pass, v.Status)
	assert.True(t, v.Nondeterministic)

	v = Judge(cpy, Run{Stdout: "a\n"}, false)
	assert.Equal(t, Fail, v.Status)
	assert.True(t, v.Nondeterministic)
	assert.Equal(t, 2, v.Line) // against the first CPython run
}

func TestMasks(t *testing.T) {
	m, err := ParseMasks("# a program\n# conformance: mask pid \\d+\n# test: sort-stdout\nprint(1)\n# conformance: mask ignored after code\n")
	assert.NoError(t, err)
	assert.Len(t, m.Res, 1)
	m.Sort = true
	assert.Equal(t, "a\nb <*>\n", m.Apply("b pid 1234\na\n"))
	assert.Equal(t, "", m.Apply(""))

	_, err = ParseMasks("# conformance: mask (\n")
	assert.Error(t, err)
}

func TestJudgeKeepErrors(t *testing.T) {
	cpy := []Run{{Stdout: "1\n", Exit: 1, Stderr: "Traceback (most recent call last):\nIndexError: list index out of range\n"}}
	assert.Equal(t, Skip, Judge(cpy, Run{}, false).Status)

	v := Judge(cpy, Run{Stdout: "1\n", Exit: 1, Stderr: "Traceback (most recent call last):\nIndexError: list index out of range\n"}, true)
	assert.Equal(t, Pass, v.Status)

	v = Judge(cpy, Run{Stdout: "1\n", Exit: 1, Stderr: "Traceback (most recent call last):\nKeyError: 20\n"}, true)
	assert.Equal(t, Verdict{Status: Fail, Reason: "error", Want: "IndexError: list index out of range",
		Got: "KeyError: 20", Error: "KeyError: 20"}, v)
}
