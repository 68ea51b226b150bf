// Command gilpy runs Python programs: `gilpy script.py args`, `gilpy -c
// code`, `gilpy -m module`, or an interactive prompt. Its flags follow
// CPython's, plus gilpy's own tools for looking at the GIL.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"gilpy/stdlib"
	pysys "gilpy/stdlib/sys"
	"gilpy/vm"
	"gilpy/vm/code"
)

const usageLine = "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"

// options is the parsed command line.
type options struct {
	pysys.Options
	command string // -c
	module  string // -m
	script  string // file, or "-" for stdin
	dis     bool
	// profiling the interpreter itself (profile.go): a folder for the
	// profile files, and which profile
	profileDir  string
	profileKind string
	hasInput    bool
	version     int
	help        bool
	// limits for runaway programs (--max-seconds, --max-memory)
	limits vm.Limits
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == vm.ChildFlag && vm.ChildEntry != nil {
		os.Exit(vm.ChildEntry(os.Args[2:]))
	}
	code := run(os.Args)
	if code == stdlib.KeyboardInterruptStatus {
		// Die by SIGINT, as CPython does after an uncaught
		// KeyboardInterrupt, so the shell sees the interruption.
		signal.Reset(os.Interrupt)
		_ = syscall.Kill(os.Getpid(), syscall.SIGINT)
		code = 130
	}
	os.Exit(code)
}

func run(argv []string) int {
	prog := argv[0]
	opts, err := parseArgs(argv[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s\n", err)
		fmt.Fprintf(os.Stderr, usageLine, prog)
		fmt.Fprintf(os.Stderr, "Try `python -h' for more information.\n")
		return 2
	}
	if opts.help {
		fmt.Printf(usageLine, prog)
		fmt.Print(helpText)
		return 0
	}
	if opts.version > 0 {
		if opts.version > 1 {
			fmt.Println("Python 3.11.7 (gilpy)")
		} else {
			fmt.Println("Python 3.11.7")
		}
		return 0
	}
	if opts.dis {
		return disassemble(prog, opts)
	}
	if opts.profileKind != "" {
		p, err := startProfile(opts.profileKind, opts.profileDir)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gilpy: profile:", err)
			return 2
		}
		defer p.Stop()
	}
	exe, _ := os.Executable()
	opts.Executable = exe
	if os.Getenv("PYTHONUNBUFFERED") != "" && !opts.IgnoreEnv {
		opts.Unbuffered = true
	}

	var src []byte
	var filename string
	switch {
	case opts.command != "":
		opts.Argv = append([]string{"-c"}, opts.Argv...)
		src, filename = []byte(opts.command), "<string>"
	case opts.module != "":
		opts.Argv = append([]string{opts.module}, opts.Argv...)
		cwd, _ := os.Getwd()
		opts.Path0 = cwd
	case opts.script != "" && opts.script != "-":
		data, err := os.ReadFile(opts.script)
		if err != nil {
			abs, _ := filepath.Abs(opts.script)
			errno := 2
			msg := "No such file or directory"
			if st, serr := os.Stat(opts.script); serr == nil && st.IsDir() {
				// CPython looks for __main__.py in a directory.
				mainPy := filepath.Join(opts.script, "__main__.py")
				if d, err := os.ReadFile(mainPy); err == nil {
					data = d
					opts.Path0 = opts.script
					filename = mainPy
					break
				}
				fmt.Fprintf(os.Stderr, "%s: can't find '__main__' module in '%s'\n", prog, opts.script)
				return 1
			} else if os.IsPermission(err) {
				errno, msg = 13, "Permission denied"
			}
			if data == nil {
				fmt.Fprintf(os.Stderr, "%s: can't open file '%s': [Errno %d] %s\n", prog, abs, errno, msg)
				return 2
			}
		}
		src = data
		if filename == "" {
			filename = mainPath(opts.script)
			opts.Path0 = filepath.Dir(filename)
		}
		opts.Argv = append([]string{opts.script}, opts.Argv...)
	default:
		if opts.script == "-" {
			opts.Argv = append([]string{"-"}, opts.Argv...)
		} else {
			opts.Argv = append([]string{""}, opts.Argv...)
		}
		if !vm.IsTerminal(os.Stdin) || opts.script == "-" {
			data, _ := readAll(os.Stdin)
			src, filename = data, "<stdin>"
		}
	}

	in, th := stdlib.NewInterpreter(opts.Options)
	in.StartWatchdog(opts.limits)
	main := stdlib.MainModule(th)
	if filename != "" && filename != "<string>" && filename != "<stdin>" {
		main.Set("__file__", vm.MakeStr(filename))
	}
	var runErr error
	switch {
	case opts.module != "":
		runErr = stdlib.RunModule(th, opts.module, main)
	case src != nil:
		runErr = th.ExecMain(src, filename, main)
	default:
		runErr = repl(th, main)
	}
	return stdlib.Shutdown(in, th, runErr)
}

// mainPath is the script path as CPython records it for __main__: made
// absolute by prefixing the working directory, without cleaning it.
func mainPath(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	cwd, err := os.Getwd()
	if err != nil {
		return p
	}
	return cwd + "/" + p
}

func absPath(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}

func readAll(f *os.File) ([]byte, error) {
	var buf []byte
	tmp := make([]byte, 32*1024)
	for {
		n, err := f.Read(tmp)
		buf = append(buf, tmp[:n]...)
		if err != nil {
			return buf, nil
		}
	}
}

func disassemble(prog string, opts options) int {
	var src []byte
	name := "<string>"
	if opts.command != "" {
		src = []byte(opts.command)
	} else {
		data, err := os.ReadFile(opts.script)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: can't open file '%s': [Errno 2] No such file or directory\n", prog, absPath(opts.script))
			return 2
		}
		src, name = data, opts.script
	}
	c, err := vm.CompileToCode(src, name, "exec")
	if err != nil {
		_, th := stdlib.NewInterpreter(opts.Options)
		th.PrintException(vm.AsException(err))
		return 1
	}
	code.Disassemble(os.Stdout, c)
	return 0
}

// parseArgs reads CPython-style options up to the script name.
func parseArgs(args []string) (options, error) {
	var o options
	o.XOptions = map[string]string{}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			if i+1 < len(args) {
				o.script = args[i+1]
				o.Argv = args[i+2:]
			}
			return o, nil
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			o.script = a
			o.Argv = args[i+1:]
			return o, nil
		}
		switch a {
		case "--version":
			o.version++
			continue
		case "--help":
			o.help = true
			continue
		case "--dis":
			o.dis = true
			continue
		case "--cpuprofile", "--memprofile", "--trace", "--blockprofile", "--mutexprofile":
			if i+1 >= len(args) {
				return o, fmt.Errorf("Argument expected for the %s option", a)
			}
			i++
			o.profileKind, o.profileDir = a[2:], args[i]
			continue
		case "--max-seconds", "--max-memory":
			if i+1 >= len(args) {
				return o, fmt.Errorf("Argument expected for the %s option", a)
			}
			i++
			if err := parseLimit(&o.limits, a, args[i]); err != nil {
				return o, err
			}
			continue
		}
		if strings.HasPrefix(a, "--") {
			return o, fmt.Errorf("unknown option %s", a)
		}
		// Single-letter options may be combined: -uB, -c"code".
		for j := 1; j < len(a); j++ {
			c := a[j]
			takesArg := strings.IndexByte("cmWX", c) >= 0
			var val string
			if takesArg {
				if j+1 < len(a) {
					val = a[j+1:]
				} else if i+1 < len(args) {
					i++
					val = args[i]
				} else {
					return o, fmt.Errorf("Argument expected for the -%c option", c)
				}
			}
			switch c {
			case 'c':
				o.command = val
				o.Argv = args[i+1:]
				return o, nil
			case 'm':
				o.module = val
				o.Argv = args[i+1:]
				return o, nil
			case 'W':
				o.WarnOpts = append(o.WarnOpts, val)
			case 'X':
				k, v, _ := strings.Cut(val, "=")
				o.XOptions[k] = v
			case 'u':
				o.Unbuffered = true
			case 'V':
				o.version++
			case 'h', '?':
				o.help = true
			case 'E':
				o.IgnoreEnv = true
			case 'I':
				o.Isolated, o.IgnoreEnv, o.SafePath = true, true, true
			case 'P':
				o.SafePath = true
			case 'B':
				o.DontWriteBytecode = true
			case 'O':
				o.Optimize++
			case 'v':
				o.Verbose++
			case 'q':
				o.Quiet = true
			case 'i':
				o.Inspect, o.Interactive = true, true
			case 's', 'S', 'd', 'b', 'R':
				if c == 'S' {
					o.NoSite = true
				}
			default:
				return o, fmt.Errorf("unknown option -%c", c)
			}
			if takesArg {
				break
			}
		}
	}
	return o, nil
}

const helpText = `Options (and corresponding environment variables):
-c cmd : program passed in as string (terminates option list)
-h     : print this help message and exit (also -? or --help)
-m mod : run library module as a script (terminates option list)
-u     : force the stdout and stderr streams to be unbuffered;
         also PYTHONUNBUFFERED=x
-V     : print the Python version number and exit (also --version)
-X opt : set implementation-specific option:
         -X gil=0|1: run without / with the global interpreter lock
--dis  : print the bytecode of the program instead of running it
--cpuprofile DIR, --memprofile DIR, --trace DIR: profile gilpy itself
--max-seconds N: stop the program after N seconds (exit status 124)
--max-memory N: stop the program when it uses more than N megabytes
         (N may end in K, M or G; exit status 123)
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
`

// parseLimit reads the value of --max-seconds or --max-memory.
func parseLimit(l *vm.Limits, flag, v string) error {
	bad := fmt.Errorf("%s: invalid value %q", flag, v)
	if flag == "--max-seconds" {
		s, err := strconv.ParseFloat(v, 64)
		if err != nil || s <= 0 {
			return bad
		}
		l.MaxSeconds = s
		return nil
	}
	mult := float64(1 << 20)
	switch strings.ToUpper(v[len(v)-1:]) {
	case "K":
		mult, v = 1<<10, v[:len(v)-1]
	case "M":
		v = v[:len(v)-1]
	case "G":
		mult, v = 1<<30, v[:len(v)-1]
	}
	n, err := strconv.ParseFloat(v, 64)
	if err != nil || n <= 0 {
		return bad
	}
	l.MaxMemory = uint64(n * mult)
	return nil
}
