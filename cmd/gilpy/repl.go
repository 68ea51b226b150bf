package main

// The interactive prompt: ">>> " and "... " prompts with line editing and
// history (peterh/liner), each input compiled in "single" mode so that
// expression values are printed, exceptions printed without leaving.

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/peterh/liner"

	"gilpy/vm"
)

func repl(th *vm.Thread, main *vm.Module) error {
	fmt.Fprintf(os.Stderr, "Python 3.11.7 (gilpy) on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n")
	line := liner.NewLiner()
	defer line.Close()
	line.SetCtrlCAborts(true)
	var buf []string
	for {
		prompt := ">>> "
		if len(buf) > 0 {
			prompt = "... "
		}
		th.ReleaseGIL()
		text, err := line.Prompt(prompt)
		th.AcquireGIL()
		if errors.Is(err, liner.ErrPromptAborted) {
			fmt.Fprintln(os.Stderr, "\nKeyboardInterrupt")
			buf = nil
			continue
		}
		if err == io.EOF {
			fmt.Fprintln(os.Stderr)
			return nil
		}
		if err != nil {
			return nil
		}
		buf = append(buf, text)
		src := strings.Join(buf, "\n") + "\n"
		if len(buf) > 1 && strings.TrimSpace(text) != "" {
			// Inside a block, wait for the blank line that ends it.
			continue
		}
		co, cerr := vm.CompileSource(th, []byte(src), "<stdin>", "single")
		if cerr != nil {
			if vm.IsIncompleteInput(cerr) && strings.TrimSpace(text) != "" {
				continue
			}
			buf = nil
			th.PrintException(vm.AsException(cerr))
			continue
		}
		if strings.TrimSpace(src) != "" {
			line.AppendHistory(strings.Join(buf, "\n"))
		}
		buf = nil
		if _, rerr := th.RunCode(co, main.Dict(), main.Dict().Value()); rerr != nil {
			exc := vm.AsException(rerr)
			if exc.Matches(vm.SystemExit) {
				return rerr
			}
			th.PrintException(exc)
		}
		if th.Interp.Hooks.Flush != nil {
			th.Interp.Hooks.Flush(th)
		}
	}
}
