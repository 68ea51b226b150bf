package itertools

// islice, groupby, tee and the combinatoric iterators.

import (
	"gilpy/vm"
)

func islice(th *vm.Thread, o *iterObj, args, kw []vm.Value) error {
	if err := positional("islice", args, kw, 2, 4); err != nil {
		return err
	}
	next, err := iterOf(th, args[0])
	if err != nil {
		return err
	}
	idx := func(v vm.Value, msg string) (int, error) {
		if v.IsNone() {
			return -1, nil
		}
		if !vm.IsInt(v) && v.Type().Index == nil {
			return 0, vm.Errorf(vm.ValueError, "%s", msg)
		}
		n, err := vm.AsIndex(th, v)
		if err != nil || n < 0 {
			return 0, vm.Errorf(vm.ValueError, "%s", msg)
		}
		return n, nil
	}
	const stopMsg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
	const idxMsg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
	start, stop, step := 0, -1, 1
	if len(args) == 2 {
		if stop, err = idx(args[1], stopMsg); err != nil {
			return err
		}
	} else {
		if start, err = idx(args[1], idxMsg); err != nil {
			return err
		}
		if start < 0 {
			start = 0
		}
		if stop, err = idx(args[2], stopMsg); err != nil {
			return err
		}
		if len(args) == 4 {
			if args[3].IsNone() {
				step = 1
			} else {
				n, err := vm.AsIndex(th, args[3])
				if err != nil || n < 1 {
					return vm.Errorf(vm.ValueError, "Step for islice() must be a positive integer or None.")
				}
				step = n
			}
		}
	}
	cnt, nextWanted := 0, start
	o.next = func(th *vm.Thread) (vm.Value, error) {
		if stop >= 0 && nextWanted >= stop {
			// Consume up to stop so the source is left where CPython
			// leaves it.
			for cnt < stop {
				v, err := next()
				if err != nil || v.IsNull() {
					return vm.Null, err
				}
				cnt++
			}
			return vm.Null, nil
		}
		for {
			v, err := next()
			if err != nil || v.IsNull() {
				return vm.Null, err
			}
			c := cnt
			cnt++
			if c == nextWanted {
				nextWanted += step
				if stop >= 0 && nextWanted > stop {
					nextWanted = stop
				}
				return v, nil
			}
		}
	}
	return nil
}

// groupby state shared by the groupby object and its current grouper.
type groupState struct {
	next             func() (vm.Value, error)
	key              vm.Value // Null: identity
	tgtKey, currKey  vm.Value
	currValue        vm.Value
	currGrouper      *iterObj
	exhausted, begun bool
}

func (g *groupState) step(th *vm.Thread) (bool, error) {
	v, err := g.next()
	if err != nil {
		return false, err
	}
	if v.IsNull() {
		g.exhausted = true
		return false, nil
	}
	k := v
	if !g.key.IsNull() && !g.key.IsNone() {
		if k, err = vm.Call(th, g.key, []vm.Value{v}, nil); err != nil {
			return false, err
		}
	}
	g.currValue, g.currKey = v, k
	return true, nil
}

func groupby(th *vm.Thread, o *iterObj, args, kw []vm.Value) error {
	iterable, key := vm.Null, vm.None
	if err := vm.UnpackArgs("groupby", args, kw, "iterable", &iterable, "key?", &key); err != nil {
		return err
	}
	next, err := iterOf(th, iterable)
	if err != nil {
		return err
	}
	g := &groupState{next: next, key: key, tgtKey: vm.Null, currKey: vm.Null, currValue: vm.Null}
	o.next = func(th *vm.Thread) (vm.Value, error) {
		g.currGrouper = nil
		// Skip to the next key.
		for {
			if g.currKey.IsNull() {
				ok, err := g.step(th)
				if err != nil || !ok {
					return vm.Null, err
				}
			} else if !g.tgtKey.IsNull() {
				eq, err := vm.RichCompareBool(th, g.tgtKey, g.currKey, vm.CmpEQ)
				if err != nil {
					return vm.Null, err
				}
				if !eq {
					break
				}
				ok, err := g.step(th)
				if err != nil || !ok {
					return vm.Null, err
				}
			} else {
				break
			}
		}
		g.tgtKey = g.currKey
		tgt := g.tgtKey
		gr := iterLayout.New(types["_grouper"])
		g.currGrouper = gr
		gr.next = func(th *vm.Thread) (vm.Value, error) {
			if g.currGrouper != gr {
				return vm.Null, nil
			}
			if g.currValue.IsNull() {
				ok, err := g.step(th)
				if err != nil || !ok {
					return vm.Null, err
				}
			}
			eq, err := vm.RichCompareBool(th, tgt, g.currKey, vm.CmpEQ)
			if err != nil || !eq {
				return vm.Null, err
			}
			r := g.currValue
			g.currValue = vm.Null
			return r, nil
		}
		return vm.NewTuple(g.currKey, gr.Value()).Value(), nil
	}
	return nil
}

// ------------------------------------------------------------------ tee

// teeShared is the buffer the tee iterators of one source share.
type teeShared struct {
	next  func() (vm.Value, error)
	buf   []vm.Value
	base  int // index of buf[0] in the stream
	done  bool
	users []*teeObj
}

// teeObj is one tee iterator's position in the shared buffer.
type teeObj struct {
	shared *teeShared
	pos    int
}

func (s *teeShared) trim() {
	min := -1
	for _, u := range s.users {
		if min < 0 || u.pos < min {
			min = u.pos
		}
	}
	if drop := min - s.base; drop > 0 {
		s.buf = append([]vm.Value(nil), s.buf[drop:]...)
		s.base = min
	}
}

func initTee(o *iterObj, s *teeShared) {
	t := &teeObj{shared: s}
	if len(s.users) > 0 {
		t.pos = s.users[0].pos
	}
	s.users = append(s.users, t)
	o.tee = t
	o.next = func(th *vm.Thread) (vm.Value, error) {
		i := t.pos - s.base
		if i < len(s.buf) {
			v := s.buf[i]
			t.pos++
			s.trim()
			return v, nil
		}
		if s.done {
			return vm.Null, nil
		}
		v, err := s.next()
		if err != nil {
			return vm.Null, err
		}
		if v.IsNull() {
			s.done = true
			return vm.Null, nil
		}
		s.buf = append(s.buf, v)
		t.pos++
		s.trim()
		return v, nil
	}
}

func teeCopy(o *iterObj) vm.Value {
	c := iterLayout.New(types["_tee"])
	initTee(c, o.tee.shared)
	c.tee.pos = o.tee.pos
	return c.Value()
}

func tee(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if err := positional("tee", args, kw, 1, 2); err != nil {
		return vm.Null, err
	}
	n := 2
	if len(args) == 2 {
		var err error
		if n, err = vm.AsIndex(th, args[1]); err != nil {
			return vm.Null, err
		}
	}
	if n < 0 {
		return vm.Null, vm.Errorf(vm.ValueError, "n must be >= 0")
	}
	out := make([]vm.Value, n)
	if n == 0 {
		return vm.NewTuple().Value(), nil
	}
	var first *iterObj
	if o, ok := iterLayout.Cast(args[0]); ok && o.Type() == types["_tee"] {
		// A tee object is reused as the first result, as CPython does.
		first = o
		out[0] = o.Value()
	} else {
		next, err := iterOf(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		first = iterLayout.New(types["_tee"])
		initTee(first, &teeShared{next: next})
		out[0] = first.Value()
	}
	for i := 1; i < n; i++ {
		out[i] = teeCopy(first)
	}
	return vm.NewTuple(out...).Value(), nil
}

// ------------------------------------------------------- combinatorics

func poolOf(th *vm.Thread, v vm.Value) ([]vm.Value, error) {
	return vm.SeqToSlice(th, v)
}

func product(th *vm.Thread, o *iterObj, args, kw []vm.Value) error {
	repeat := 1
	npos := len(args) - len(kw)
	for i, k := range kw {
		s, _ := vm.AsStr(k)
		if s.String() != "repeat" {
			return vm.Errorf(vm.TypeError, "product() got an unexpected keyword argument '%s'", s.String())
		}
		n, err := vm.AsIndex(th, args[npos+i])
		if err != nil {
			return err
		}
		if n < 0 {
			return vm.Errorf(vm.ValueError, "repeat argument cannot be negative")
		}
		repeat = n
	}
	var pools [][]vm.Value
	for i := 0; i < npos; i++ {
		p, err := poolOf(th, args[i])
		if err != nil {
			return err
		}
		pools = append(pools, p)
	}
	var all [][]vm.Value
	for r := 0; r < repeat; r++ {
		all = append(all, pools...)
	}
	idx := make([]int, len(all))
	first := true
	for _, p := range all {
		if len(p) == 0 {
			o.next = func(th *vm.Thread) (vm.Value, error) { return vm.Null, nil }
			return nil
		}
	}
	o.next = func(th *vm.Thread) (vm.Value, error) {
		if first {
			first = false
		} else {
			i := len(idx) - 1
			for ; i >= 0; i-- {
				idx[i]++
				if idx[i] < len(all[i]) {
					break
				}
				idx[i] = 0
			}
			if i < 0 {
				return vm.Null, nil
			}
		}
		out := make([]vm.Value, len(idx))
		for i, j := range idx {
			out[i] = all[i][j]
		}
		return vm.NewTuple(out...).Value(), nil
	}
	return nil
}

func permutations(th *vm.Thread, o *iterObj, args, kw []vm.Value) error {
	iterable, rV := vm.Null, vm.None
	if err := vm.UnpackArgs("permutations", args, kw, "iterable", &iterable, "r?", &rV); err != nil {
		return err
	}
	pool, err := poolOf(th, iterable)
	if err != nil {
		return err
	}
	n := len(pool)
	r := n
	if !rV.IsNone() {
		if r, err = vm.AsIndex(th, rV); err != nil {
			return err
		}
		if r < 0 {
			return vm.Errorf(vm.ValueError, "r must be non-negative")
		}
	}
	indices := make([]int, n)
	for i := range indices {
		indices[i] = i
	}
	cycles := make([]int, r)
	for i := range cycles {
		cycles[i] = n - i
	}
	first, stopped := true, r > n
	emit := func() vm.Value {
		out := make([]vm.Value, r)
		for i := 0; i < r; i++ {
			out[i] = pool[indices[i]]
		}
		return vm.NewTuple(out...).Value()
	}
	o.next = func(th *vm.Thread) (vm.Value, error) {
		if stopped {
			return vm.Null, nil
		}
		if first {
			first = false
			return emit(), nil
		}
		if n == 0 {
			stopped = true
			return vm.Null, nil
		}
		for i := r - 1; i >= 0; i-- {
			cycles[i]--
			if cycles[i] == 0 {
				// Rotate indices[i:] left by one.
				x := indices[i]
				copy(indices[i:], indices[i+1:])
				indices[n-1] = x
				cycles[i] = n - i
			} else {
				j := cycles[i]
				indices[i], indices[n-j] = indices[n-j], indices[i]
				return emit(), nil
			}
		}
		stopped = true
		return vm.Null, nil
	}
	return nil
}

func combinations(th *vm.Thread, o *iterObj, args, kw []vm.Value, repl bool) error {
	name := "combinations"
	if repl {
		name = "combinations_with_replacement"
	}
	iterable, rV := vm.Null, vm.Null
	if err := vm.UnpackArgs(name, args, kw, "iterable", &iterable, "r", &rV); err != nil {
		return err
	}
	pool, err := poolOf(th, iterable)
	if err != nil {
		return err
	}
	r, err := vm.AsIndex(th, rV)
	if err != nil {
		return err
	}
	if r < 0 {
		return vm.Errorf(vm.ValueError, "r must be non-negative")
	}
	n := len(pool)
	indices := make([]int, r)
	if !repl {
		for i := range indices {
			indices[i] = i
		}
	}
	first := true
	stopped := (!repl && r > n) || (repl && n == 0 && r > 0)
	emit := func() vm.Value {
		out := make([]vm.Value, r)
		for i, j := range indices {
			out[i] = pool[j]
		}
		return vm.NewTuple(out...).Value()
	}
	o.next = func(th *vm.Thread) (vm.Value, error) {
		if stopped {
			return vm.Null, nil
		}
		if first {
			first = false
			return emit(), nil
		}
		i := r - 1
		if repl {
			for ; i >= 0 && indices[i] == n-1; i-- {
			}
			if i < 0 {
				stopped = true
				return vm.Null, nil
			}
			v := indices[i] + 1
			for j := i; j < r; j++ {
				indices[j] = v
			}
			return emit(), nil
		}
		for ; i >= 0 && indices[i] == i+n-r; i-- {
		}
		if i < 0 {
			stopped = true
			return vm.Null, nil
		}
		indices[i]++
		for j := i + 1; j < r; j++ {
			indices[j] = indices[j-1] + 1
		}
		return emit(), nil
	}
	return nil
}
