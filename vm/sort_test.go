package vm

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/rand"
	"slices"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// countLess compares keyed ints, counts its calls and fails at call failAt
// (0: never).
type countLess struct {
	calls  *int
	failAt int
}

var errSortTest = errors.New("comparison failed")

func (c countLess) less(a, b keyed[int64]) (bool, error) {
	*c.calls++
	if *c.calls == c.failAt {
		return false, errSortTest
	}
	return a.k < b.k, nil
}

func newCountSort(a []keyed[int64], failAt int) (*timsort[keyed[int64], countLess], *int) {
	calls := new(int)
	s := &timsort[keyed[int64], countLess]{lt: countLess{calls: calls, failAt: failAt}, a: a, minGallop: sortMinGallop}
	return s, calls
}

// keyedInts returns the keys with their original positions as values.
func keyedInts(keys []int64) []keyed[int64] {
	a := make([]keyed[int64], len(keys))
	for i, k := range keys {
		a[i] = keyed[int64]{k, MakeInt(int64(i))}
	}
	return a
}

func TestSortMinRun(t *testing.T) {
	for n := 0; n < 64; n++ {
		assert.Equal(t, n, sortMinRun(n))
	}
	for _, n := range []int{64, 128, 1 << 10, 1 << 20} {
		assert.Equal(t, 32, sortMinRun(n), "power of two %d", n)
	}
	assert.Equal(t, 33, sortMinRun(65))
	assert.Equal(t, 63, sortMinRun(125))
	assert.Equal(t, 61, sortMinRun(976))
	for n := 64; n < 100000; n += 37 {
		m := sortMinRun(n)
		require.True(t, m >= 32 && m <= 64, "n=%d minrun=%d", n, m)
		// n/m is a power of two or a little below one: ceil(n/m) runs
		// need at most that power of two.
		runs := (n + m - 1) / m
		p := 1
		for p < runs {
			p <<= 1
		}
		require.True(t, runs <= p && n <= p*m, "n=%d minrun=%d", n, m)
		if m > 32 {
			// A smaller minrun would need more than p runs.
			require.Greater(t, n, p*(m-1), "n=%d minrun=%d", n, m)
		}
	}
}

// powerRef is the definition of a boundary's power: the first binary
// digit where the run midpoints, as fractions of n, differ.
func powerRef(s1, n1, n2, n int) int {
	a := float64(2*s1+n1) / float64(2*n)
	b := float64(2*s1+2*n1+n2) / float64(2*n)
	for k := 1; ; k++ {
		if math.Floor(a*math.Exp2(float64(k))) != math.Floor(b*math.Exp2(float64(k))) {
			return k
		}
	}
}

func TestSortPower(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		n := 2 + r.Intn(5000)
		s1 := r.Intn(n - 1)
		n1 := 1 + r.Intn(n-s1-1)
		n2 := 1 + r.Intn(n-s1-n1)
		require.Equal(t, powerRef(s1, n1, n2, n), sortPower(s1, n1, n2, n), "s1=%d n1=%d n2=%d n=%d", s1, n1, n2, n)
	}
	// Two halves meet at the root.
	assert.Equal(t, 1, sortPower(0, 50, 50, 100))
	assert.Equal(t, 2, sortPower(0, 25, 25, 100))
	assert.Equal(t, 2, sortPower(50, 25, 25, 100))
}

func TestSortCountRun(t *testing.T) {
	tests := []struct {
		keys []int64
		lo   int
		n    int
		desc bool
	}{
		{[]int64{5}, 0, 1, false},
		{[]int64{1, 2, 2, 3, 1}, 0, 4, false},
		{[]int64{3, 2, 1, 1, 0}, 0, 3, true}, // strictly descending only
		{[]int64{2, 2, 2}, 0, 3, false},
		{[]int64{1, 0}, 0, 2, true},
		{[]int64{9, 1, 2, 3, 0}, 1, 3, false},
		{[]int64{5, 4, 3, 2, 1}, 0, 5, true},
	}
	for _, tc := range tests {
		s, calls := newCountSort(keyedInts(tc.keys), 0)
		n, desc, err := s.countRun(tc.lo, len(tc.keys))
		require.NoError(t, err)
		assert.Equal(t, tc.n, n, "%v", tc.keys)
		assert.Equal(t, tc.desc, desc, "%v", tc.keys)
		// One comparison per element of the run, plus the one that ends it.
		want := n - 1
		if tc.lo+n < len(tc.keys) {
			want++
		}
		assert.Equal(t, want, *calls, "%v", tc.keys)
	}
}

func TestSortGallop(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 3000; i++ {
		n := 1 + r.Intn(200)
		keys := make([]int64, n)
		for j := range keys {
			keys[j] = int64(r.Intn(50))
		}
		slices.Sort(keys)
		a := keyedInts(keys)
		key := keyed[int64]{int64(r.Intn(52) - 1), Null}
		hint := r.Intn(n)
		s, calls := newCountSort(a, 0)
		left, err := s.gallopLeft(key, a, hint)
		require.NoError(t, err)
		require.Equal(t, sort.Search(n, func(j int) bool { return keys[j] >= key.k }), left)
		right, err := s.gallopRight(key, a, hint)
		require.NoError(t, err)
		require.Equal(t, sort.Search(n, func(j int) bool { return keys[j] > key.k }), right)
		// Galloping costs O(log distance from hint) comparisons each.
		dist := max(abs(left-hint), abs(right-hint)) + 1
		require.LessOrEqual(t, *calls, 2*(2*bitsLen(dist)+2), "n=%d hint=%d", n, hint)
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func bitsLen(x int) int {
	n := 0
	for ; x > 0; x >>= 1 {
		n++
	}
	return n
}

func TestSortBinarySort(t *testing.T) {
	keys := []int64{1, 4, 6, 3, 4, 0, 6}
	a := keyedInts(keys)
	s, _ := newCountSort(a, 0)
	require.NoError(t, s.binarySort(0, len(a), 3))
	var got []string
	for _, e := range a {
		got = append(got, fmt.Sprintf("%d/%d", e.k, e.v.SmallInt()))
	}
	// Stable: the 4 and 6 inserted later go after the equal ones already there.
	assert.Equal(t, []string{"0/5", "1/0", "3/3", "4/1", "4/4", "6/2", "6/6"}, got)
}

// sortInputs are data shapes that exercise runs, galloping and merging.
func sortInputs(r *rand.Rand) map[string][]int64 {
	in := map[string][]int64{}
	for _, n := range []int{0, 1, 2, 5, 63, 64, 65, 100, 1000, 4097, 20000} {
		rnd, few, asc, desc, saw, runs := make([]int64, n), make([]int64, n), make([]int64, n), make([]int64, n), make([]int64, n), make([]int64, 0, n)
		for i := 0; i < n; i++ {
			rnd[i] = r.Int63n(1 << 40)
			few[i] = r.Int63n(3)
			asc[i] = int64(i)
			desc[i] = int64(n - i)
			saw[i] = int64(i % 97)
		}
		for len(runs) < n {
			k := min(1+r.Intn(300), n-len(runs))
			run := make([]int64, k)
			for i := range run {
				run[i] = r.Int63n(1000)
			}
			slices.Sort(run)
			if r.Intn(2) == 0 {
				slices.Reverse(run)
			}
			runs = append(runs, run...)
		}
		for name, keys := range map[string][]int64{"random": rnd, "few": few, "asc": asc, "desc": desc, "saw": saw, "runs": runs} {
			in[fmt.Sprintf("%s/%d", name, n)] = keys
		}
	}
	return in
}

func TestTimsortMatchesStableSort(t *testing.T) {
	for name, keys := range sortInputs(rand.New(rand.NewSource(3))) {
		a := keyedInts(keys)
		want := slices.Clone(a)
		slices.SortStableFunc(want, func(x, y keyed[int64]) int {
			switch {
			case x.k < y.k:
				return -1
			case x.k > y.k:
				return 1
			}
			return 0
		})
		s, calls := newCountSort(a, 0)
		require.NoError(t, s.sort(), name)
		require.Equal(t, want, a, name)
		n := len(keys)
		if n > 1 && (name[:3] == "asc" || name[:4] == "desc") {
			// A single natural run: n-1 comparisons, nothing merged.
			assert.Equal(t, n-1, *calls, name)
		}
		if n > 1 {
			// Timsort's bound: at most about n*log2(n) comparisons.
			assert.LessOrEqual(t, *calls, n*bitsLen(n), name)
		}
	}
}

func TestTimsortErrorLeavesPermutation(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	for name, keys := range sortInputs(r) {
		n := len(keys)
		if n < 2 || n > 5000 {
			continue
		}
		s, calls := newCountSort(keyedInts(keys), 0)
		require.NoError(t, s.sort())
		total := *calls
		for _, at := range []int{1, total / 3, total / 2, total - 1, total} {
			if at < 1 {
				continue
			}
			a := keyedInts(keys)
			s, _ := newCountSort(a, at)
			require.ErrorIs(t, s.sort(), errSortTest, "%s at %d", name, at)
			seen := make([]bool, n)
			for _, e := range a {
				i := e.v.SmallInt()
				require.False(t, seen[i], "%s at %d: duplicate %d", name, at, i)
				require.Equal(t, keys[i], e.k, "%s at %d: key separated from its value", name, at)
				seen[i] = true
			}
		}
	}
}

func TestPresortCheck(t *testing.T) {
	i, f, s := MakeInt(1), MakeFloat(1), MakeStr("a")
	big := MakeBigInt(new(big.Int).Lsh(big.NewInt(1), 80))
	tup := func(vs ...Value) Value { return NewTuple(vs...).Value() }
	tests := []struct {
		name       string
		keys       []Value
		kind, elem sortKind
	}{
		{"ints", []Value{i, i}, sortInt, 0},
		{"floats", []Value{f, f}, sortFloat, 0},
		{"strs", []Value{s, s}, sortStr, 0},
		{"big ints", []Value{i, big}, sortSameType, 0},
		{"int and float", []Value{i, f}, sortSafe, 0},
		{"bools", []Value{True, False}, sortSameType, 0},
		{"None", []Value{None, None}, sortSameType, 0},
		{"tuples of ints", []Value{tup(i, s), tup(i)}, sortTuple, sortInt},
		{"tuples of strs", []Value{tup(s), tup(s, s)}, sortTuple, sortStr},
		{"tuples of mixed", []Value{tup(s), tup(i)}, sortTuple, sortSafe},
		{"tuples of tuples", []Value{tup(tup(i)), tup(tup(i))}, sortTuple, sortSafe},
		{"empty tuple", []Value{tup(i), tup()}, sortSafe, 0},
		{"empty tuple first", []Value{tup(), tup(i)}, sortSameType, 0},
		{"tuple and int", []Value{tup(i), i}, sortSafe, 0},
	}
	for _, tc := range tests {
		kind, elem := presortCheck(tc.keys)
		assert.Equal(t, tc.kind, kind, tc.name)
		if kind == sortTuple {
			assert.Equal(t, tc.elem, elem, tc.name)
		}
	}
}

func TestSortValuesSpecialised(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	n := 5000
	ints, floats, strs := make([]Value, n), make([]Value, n), make([]Value, n)
	for i := range ints {
		ints[i] = MakeInt(r.Int63n(1000) - 500)
		floats[i] = MakeFloat(r.NormFloat64())
		strs[i] = MakeStr(fmt.Sprintf("%x", r.Intn(4000)))
	}
	require.NoError(t, SortValues(nil, ints))
	assert.True(t, slices.IsSortedFunc(ints, func(a, b Value) int { return int(a.SmallInt() - b.SmallInt()) }))
	require.NoError(t, sortValues(nil, floats, nil, true))
	assert.True(t, slices.IsSortedFunc(floats, func(a, b Value) int {
		if a.Float() > b.Float() {
			return -1
		}
		return 1
	}))
	// Items with equal str keys keep their order, forwards and reversed.
	for _, reverse := range []bool{false, true} {
		items := make([]Value, n)
		for i := range items {
			items[i] = MakeInt(int64(i))
		}
		require.NoError(t, sortValues(nil, items, strs, reverse))
		for i := 1; i < n; i++ {
			a, b := strLayout.Must(strs[items[i-1].SmallInt()]).s, strLayout.Must(strs[items[i].SmallInt()]).s
			if reverse {
				a, b = b, a
			}
			require.LessOrEqual(t, a, b)
			if a == b {
				require.Less(t, items[i-1].SmallInt(), items[i].SmallInt())
			}
		}
	}
}

// Benchmarks: sorting 1M values of one kind, as sorted() does after
// copying (the copy is outside the timer).

func benchSort(b *testing.B, gen func(r *rand.Rand) Value) {
	r := rand.New(rand.NewSource(6))
	src := make([]Value, 1<<20)
	for i := range src {
		src[i] = gen(r)
	}
	a := slices.Clone(src)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		copy(a, src)
		b.StartTimer()
		if err := sortValues(nil, a, nil, false); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSortInts(b *testing.B) {
	benchSort(b, func(r *rand.Rand) Value { return MakeInt(r.Int63n(1 << 30)) })
}

func BenchmarkSortFloats(b *testing.B) {
	benchSort(b, func(r *rand.Rand) Value { return MakeFloat(r.Float64()) })
}

func BenchmarkSortStrs(b *testing.B) {
	benchSort(b, func(r *rand.Rand) Value {
		var buf [6]byte
		for i := range buf {
			buf[i] = byte('a' + r.Intn(10))
		}
		return MakeStr(string(buf[:]))
	})
}

func BenchmarkSortTuples(b *testing.B) {
	benchSort(b, func(r *rand.Rand) Value {
		return NewTuple(MakeInt(r.Int63n(1000)), MakeInt(r.Int63n(1000))).Value()
	})
}

func BenchmarkSortSorted(b *testing.B) {
	n := int64(0)
	benchSort(b, func(r *rand.Rand) Value { n++; return MakeInt(n) })
}
