package multiprocessing

// Shared memory. Every Value, Array, lock and semaphore lives in a block
// of an arena: a memfd (an anonymous file that never appears in /dev/shm)
// mapped MAP_SHARED. A child receives the arena's descriptor through the
// bootstrap and maps the same pages, so a store in one process is seen by
// the others. The mapping is outside the Go heap: only plain bytes and
// atomic words are kept there, never Go pointers.

import (
	"sync"
	"sync/atomic"
	"unsafe"

	"golang.org/x/sys/unix"
)

const arenaSize = 1 << 20

// arena is one shared mapping.
type arena struct {
	id   int64 // unique within this process
	fd   int
	size int
	mem  []byte
	used int // bytes handed out (bump allocation)
}

// heap hands out blocks from arenas. Blocks are never freed: programs
// create a handful of shared objects, and an arena is 1 MiB of address
// space whose untouched pages cost nothing.
type heap struct {
	mu     sync.Mutex
	arenas []*arena
	nextID atomic.Int64
}

var theHeap heap

func newArena(size int) (*arena, error) {
	fd, err := unix.MemfdCreate("gilpy-mp", unix.MFD_CLOEXEC)
	if err != nil {
		return nil, err
	}
	if err := unix.Ftruncate(fd, int64(size)); err != nil {
		unix.Close(fd)
		return nil, err
	}
	mem, err := unix.Mmap(fd, 0, size, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
	if err != nil {
		unix.Close(fd)
		return nil, err
	}
	a := &arena{id: theHeap.nextID.Add(1), fd: fd, size: size, mem: mem}
	return a, nil
}

// mapArena maps an arena inherited from the parent (its descriptor is fd).
func mapArena(fd, size int) (*arena, error) {
	mem, err := unix.Mmap(fd, 0, size, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
	if err != nil {
		return nil, err
	}
	a := &arena{id: theHeap.nextID.Add(1), fd: fd, size: size, mem: mem, used: size}
	theHeap.mu.Lock()
	theHeap.arenas = append(theHeap.arenas, a)
	theHeap.mu.Unlock()
	return a, nil
}

// block is a piece of an arena.
type block struct {
	a    *arena
	off  int
	size int
}

// alloc returns a zeroed, 16-byte aligned block of n bytes.
func alloc(n int) (block, error) {
	if n <= 0 {
		n = 1
	}
	n = (n + 15) &^ 15
	theHeap.mu.Lock()
	defer theHeap.mu.Unlock()
	// Only arenas this process created have free room; inherited ones
	// are marked full.
	for _, a := range theHeap.arenas {
		if a.size-a.used >= n {
			b := block{a, a.used, n}
			a.used += n
			return b, nil
		}
	}
	size := arenaSize
	if n > size {
		size = (n + 4095) &^ 4095
	}
	a, err := newArena(size)
	if err != nil {
		return block{}, err
	}
	theHeap.arenas = append(theHeap.arenas, a)
	b := block{a, 0, n}
	a.used = n
	return b, nil
}

// bytes is the block's memory.
func (b block) bytes() []byte { return b.a.mem[b.off : b.off+b.size] }

// word32 is a pointer to the aligned 32-bit word at byte offset i.
func (b block) word32(i int) *uint32 {
	return (*uint32)(unsafe.Pointer(&b.a.mem[b.off+i]))
}
