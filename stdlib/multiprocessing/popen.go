package multiprocessing

// Starting a child. Go cannot fork a running program (other threads would
// be lost mid-flight), so a child is this same binary started again with
// vm.ChildFlag. Its descriptors:
//
//	0      /dev/null (CPython's child replaces stdin with devnull)
//	1, 2   the parent's stdout and stderr, the same open files (no copying
//	       goroutine in between, so output order is the kernel's)
//	3      the bootstrap pipe: the parent writes the prep data, the
//	       compiled code of the library modules it has loaded, and the
//	       pickled state, then keeps its end open; EOF means the parent died
//	4      the sentinel pipe's write end: the parent's read end becomes
//	       readable (EOF) when the child exits (Process.sentinel)
//	5...   descriptors the pickled state refers to (shared memory arenas,
//	       pipes and sockets), in the order the pickler met them

import (
	"encoding/binary"
	"encoding/json"
	"os"
	"runtime"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"gilpy/vm"
)

const (
	bootstrapFD    = 3
	sentinelFD     = 4
	firstInherited = 5
	bootMagic      = "GPMP"
	bootHeader     = 20 // magic, prep length, code length, payload length
)

// prep is what a child needs before it can unpickle anything: the
// interpreter settings and, for spawn, the main file to run.
type prep struct {
	Method     string            `json:"method"`
	Argv       []string          `json:"argv"`
	SysPath    []string          `json:"sys_path"`
	MainPath   string            `json:"main_path"`
	Cwd        string            `json:"cwd"`
	Unbuffered bool              `json:"unbuffered"`
	NoGIL      bool              `json:"nogil"`
	XOptions   map[string]string `json:"xoptions"`
	NFDs       int               `json:"nfds"`
	// Thread is the name of the thread that started the child: after a
	// fork the forking thread is the child's main thread, name and all.
	Thread string `json:"thread"`
}

// spawnCtx collects the descriptors a bootstrap pickle refers to. It is
// set on the thread while Process.start() pickles (CPython's
// get_spawning_popen()).
type spawnCtx struct {
	files []*os.File
	byFD  map[int]int
}

const spawnKey = "multiprocessing.spawning"

func currentSpawn(th *vm.Thread) *spawnCtx {
	if th.Data == nil {
		return nil
	}
	c, _ := th.Data[spawnKey].(*spawnCtx)
	return c
}

func setSpawn(th *vm.Thread, c *spawnCtx) {
	if th.Data == nil {
		th.Data = map[string]any{}
	}
	if c == nil {
		delete(th.Data, spawnKey)
	} else {
		th.Data[spawnKey] = c
	}
}

// register arranges for fd to be passed to the child and returns its index
// among the inherited descriptors.
func (c *spawnCtx) register(fd int) (int, error) {
	if i, ok := c.byFD[fd]; ok {
		return i, nil
	}
	nfd, err := unix.FcntlInt(uintptr(fd), unix.F_DUPFD_CLOEXEC, 0)
	if err != nil {
		return 0, vm.NewOSError(int(err.(syscall.Errno)), err.Error())
	}
	if c.byFD == nil {
		c.byFD = map[int]int{}
	}
	i := len(c.files)
	c.files = append(c.files, os.NewFile(uintptr(nfd), "inherited"))
	c.byFD[fd] = i
	return i, nil
}

func (c *spawnCtx) closeAll() {
	for _, f := range c.files {
		f.Close()
	}
	c.files = nil
}

// popen is a started child.
type popen struct {
	pid       int
	proc      *os.Process
	done      chan struct{}
	mu        sync.Mutex
	code      int
	sentinel  int // read end; -1 once closed
	bootWrite int // write end of the bootstrap pipe; closed when the child is reaped
}

var devNull struct {
	once sync.Once
	f    *os.File
	err  error
}

func openDevNull() (*os.File, error) {
	devNull.once.Do(func() { devNull.f, devNull.err = os.Open(os.DevNull) })
	return devNull.f, devNull.err
}

// startChild runs the child process and sends it its bootstrap.
func startChild(th *vm.Thread, p prep, codeBlob, payload []byte, ctx *spawnCtx) (*popen, error) {
	in := th.Interp
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	var bootPipe, sentPipe [2]int
	if err := unix.Pipe2(bootPipe[:], unix.O_CLOEXEC); err != nil {
		return nil, err
	}
	if err := unix.Pipe2(sentPipe[:], unix.O_CLOEXEC); err != nil {
		unix.Close(bootPipe[0])
		unix.Close(bootPipe[1])
		return nil, err
	}
	null, err := openDevNull()
	if err != nil {
		return nil, err
	}
	bootR := os.NewFile(uintptr(bootPipe[0]), "bootstrap")
	sentW := os.NewFile(uintptr(sentPipe[1]), "sentinel")
	files := []*os.File{null, in.Stdout, in.Stderr, bootR, sentW}
	files = append(files, ctx.files...)
	p.NFDs = len(ctx.files)
	prepData, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	proc, err := os.StartProcess(exe, []string{exe, vm.ChildFlag, p.Method}, &os.ProcAttr{Files: files, Env: os.Environ()})
	// The child has its copies now (or never will).
	bootR.Close()
	sentW.Close()
	if err != nil {
		unix.Close(bootPipe[1])
		unix.Close(sentPipe[0])
		return nil, err
	}
	pp := &popen{pid: proc.Pid, proc: proc, done: make(chan struct{}), sentinel: sentPipe[0], bootWrite: bootPipe[1]}
	msg := make([]byte, 0, bootHeader+len(prepData)+len(codeBlob)+len(payload))
	msg = append(msg, bootMagic...)
	msg = binary.BigEndian.AppendUint32(msg, uint32(len(prepData)))
	msg = binary.BigEndian.AppendUint32(msg, uint32(len(codeBlob)))
	msg = binary.BigEndian.AppendUint64(msg, uint64(len(payload)))
	msg = append(msg, prepData...)
	msg = append(msg, codeBlob...)
	msg = append(msg, payload...)
	// The child reads its whole bootstrap first thing; write it before
	// returning, so that a parent exiting right after start() cannot
	// leave the child without it. An early death of the child shows as
	// EPIPE here and as its exit code later.
	th.Blocking(func() { _ = writeAll(pp.bootWrite, msg) })
	go pp.reap()
	runtime.SetFinalizer(pp, func(pp *popen) { pp.closeSentinel() })
	return pp, nil
}

func writeAll(fd int, b []byte) error {
	for len(b) > 0 {
		n, err := unix.Write(fd, b)
		if err == unix.EINTR || err == unix.EAGAIN {
			continue
		}
		if err != nil {
			return err
		}
		b = b[n:]
	}
	return nil
}

// reap waits for the child's exit (so no zombie is left) and records its
// status as CPython's exitcode: the exit status, or -signum.
func (p *popen) reap() {
	st, err := p.proc.Wait()
	code := 1
	if err == nil {
		if ws, ok := st.Sys().(syscall.WaitStatus); ok {
			if ws.Signaled() {
				code = -int(ws.Signal())
			} else {
				code = ws.ExitStatus()
			}
		}
	}
	p.mu.Lock()
	p.code = code
	// Nobody is left to be told that we died.
	if p.bootWrite >= 0 {
		unix.Close(p.bootWrite)
		p.bootWrite = -1
	}
	p.mu.Unlock()
	close(p.done)
}

// poll returns the exit code, or false while the child runs.
func (p *popen) poll() (int, bool) {
	select {
	case <-p.done:
	default:
		// The sentinel turns readable when the child's descriptors close,
		// that is when it exits; the reaper is then about to record the
		// status. Wait for it, so that exitcode agrees with the sentinel
		// as waitpid(WNOHANG) does in CPython.
		p.mu.Lock()
		s := p.sentinel
		p.mu.Unlock()
		if s < 0 || !waitReadable(s, 0) {
			return 0, false
		}
		<-p.done
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.code, true
}

// wait blocks (the caller releases the GIL) until the child exits or the
// timeout passes (negative: no timeout).
func (p *popen) wait(timeout time.Duration) (int, bool) {
	if timeout < 0 {
		<-p.done
	} else {
		t := time.NewTimer(timeout)
		defer t.Stop()
		select {
		case <-p.done:
		case <-t.C:
			return 0, false
		}
	}
	return p.poll()
}

func (p *popen) signal(sig syscall.Signal) {
	if _, done := p.poll(); done {
		return
	}
	_ = p.proc.Signal(sig)
}

func (p *popen) closeSentinel() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.sentinel >= 0 {
		unix.Close(p.sentinel)
		p.sentinel = -1
	}
}
