package asyncio

import (
	"container/heap"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRingIsFIFOAcrossGrowth(t *testing.T) {
	var r ring
	var hs []*Handle
	for i := 0; i < 200; i++ {
		h := &Handle{seq: uint64(i)}
		hs = append(hs, h)
		r.push(h)
		if i%3 == 0 {
			// Interleave pops so the buffer wraps before it grows.
			assert.Same(t, hs[0], r.pop())
			hs = hs[1:]
		}
	}
	assert.Equal(t, len(hs), r.size)
	for _, want := range hs {
		assert.Same(t, want, r.pop())
	}
	assert.Equal(t, 0, r.size)
}

func TestTimerHeapOrdersByDeadlineThenSequence(t *testing.T) {
	var th timerHeap
	whens := []float64{3, 1, 2, 1, 3, 1}
	for i, w := range whens {
		heap.Push(&th, &Handle{when: w, seq: uint64(i)})
	}
	var got [][2]float64
	for th.Len() > 0 {
		h := heap.Pop(&th).(*Handle)
		assert.Equal(t, -1, h.idx)
		got = append(got, [2]float64{h.when, float64(h.seq)})
	}
	// Equal deadlines come out in the order they were scheduled (L5).
	assert.Equal(t, [][2]float64{{1, 1}, {1, 3}, {1, 5}, {2, 2}, {3, 0}, {3, 4}}, got)
}
