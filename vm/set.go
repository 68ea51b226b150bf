package vm

// This file implements set and frozenset with CPython's hash table
// (Objects/setobject.c): the same probing (linear runs of 9, then
// perturbation), the same resize policy and the same algorithms for the
// set operations. Iteration walks the table, so a set of ints iterates, and
// prints, in exactly CPython's order.

import "strings"

// Set is a set or frozenset.
type Set struct {
	Object
	table  []setEntry
	fill   int // active + dummy
	used   int // active
	hash   int64
	finger int
}

type setEntry struct {
	key   Value
	hash  int64
	state uint8 // 0 empty, 1 active, 2 dummy
}

const (
	setMinSize      = 8
	setLinearProbes = 9
	setPerturbShift = 5
)

var setLayout = NewLayout[Set]("set")

func newSet(t *Type) *Set {
	s := setLayout.New(t)
	s.table = make([]setEntry, setMinSize)
	s.hash = -1
	return s
}

// NewSet returns an empty set.
func NewSet() *Set { return newSet(SetType) }

// AsSet returns v as a *Set (set, frozenset or a subclass).
func AsSet(v Value) (*Set, bool) { return setLayout.Cast(v) }

// newSetFromSlice builds a set of type t from items.
func newSetFromSlice(th *Thread, t *Type, items []Value) (*Set, error) {
	s := newSet(t)
	for _, x := range items {
		if err := s.Add(th, x); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Len is the number of elements.
func (s *Set) Len() int { return s.used }

func (s *Set) mask() uint64 { return uint64(len(s.table) - 1) }

// lookup finds key: the index of its entry, or of the empty slot where a
// search ended (-1 with found=false when an error occurred).
func (s *Set) lookup(th *Thread, key Value, hash int64) (int, bool, error) {
restart:
	table := s.table
	mask := s.mask()
	perturb := uint64(hash)
	i := uint64(hash) & mask
	for {
		probes := 0
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		j := i
		for {
			e := &table[j]
			if e.state == 0 {
				return int(j), false, nil
			}
			if e.state == 1 && e.hash == hash {
				if e.key.Is(key) {
					return int(j), true, nil
				}
				eq, err := setKeyEq(th, e.key, key)
				if err != nil {
					return -1, false, err
				}
				if len(s.table) != len(table) || &s.table[0] != &table[0] || !table[j].key.Is(e.key) {
					goto restart
				}
				if eq {
					return int(j), true, nil
				}
			}
			if probes == 0 {
				break
			}
			probes--
			j++
		}
		perturb >>= setPerturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

func setKeyEq(th *Thread, a, b Value) (bool, error) {
	if sa, ok := castExact[Str](a, StrType); ok {
		if sb, ok := castExact[Str](b, StrType); ok {
			return sa.s == sb.s, nil
		}
	}
	return RichCompareBool(th, a, b, CmpEQ)
}

// addEntry is set_add_entry.
func (s *Set) addEntry(th *Thread, key Value, hash int64) error {
restart:
	table := s.table
	mask := s.mask()
	perturb := uint64(hash)
	i := uint64(hash) & mask
	freeslot := -1
	for {
		probes := 0
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		j := i
		for {
			e := &table[j]
			if e.state == 0 {
				if freeslot >= 0 {
					s.used++
					table[freeslot] = setEntry{key: key, hash: hash, state: 1}
					return nil
				}
				s.fill++
				s.used++
				*e = setEntry{key: key, hash: hash, state: 1}
				if uint64(s.fill)*5 < mask*3 {
					return nil
				}
				if s.used > 50000 {
					s.resize(s.used * 2)
				} else {
					s.resize(s.used * 4)
				}
				return nil
			}
			if e.state == 1 && e.hash == hash {
				if e.key.Is(key) {
					return nil
				}
				eq, err := setKeyEq(th, e.key, key)
				if err != nil {
					return err
				}
				if eq {
					return nil
				}
				if len(s.table) != len(table) || &s.table[0] != &table[0] || !table[j].key.Is(e.key) {
					goto restart
				}
			} else if e.state == 2 {
				freeslot = int(j)
			}
			if probes == 0 {
				break
			}
			probes--
			j++
		}
		perturb >>= setPerturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

func insertClean(table []setEntry, key Value, hash int64) {
	mask := uint64(len(table) - 1)
	perturb := uint64(hash)
	i := uint64(hash) & mask
	for {
		if table[i].state == 0 {
			table[i] = setEntry{key: key, hash: hash, state: 1}
			return
		}
		if i+setLinearProbes <= mask {
			for j := uint64(1); j <= setLinearProbes; j++ {
				if table[i+j].state == 0 {
					table[i+j] = setEntry{key: key, hash: hash, state: 1}
					return
				}
			}
		}
		perturb >>= setPerturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// resize is set_table_resize.
func (s *Set) resize(minused int) {
	newsize := setMinSize
	for newsize <= minused {
		newsize <<= 1
	}
	old := s.table
	if newsize == setMinSize && len(old) == setMinSize && s.fill == s.used {
		return
	}
	s.table = make([]setEntry, newsize)
	s.fill = s.used
	for _, e := range old {
		if e.state == 1 {
			insertClean(s.table, e.key, e.hash)
		}
	}
}

// Add adds x.
func (s *Set) Add(th *Thread, x Value) error {
	h, err := Hash(th, x)
	if err != nil {
		return err
	}
	return s.addEntry(th, x, h)
}

// Contains reports whether x is in the set.
func (s *Set) Contains(th *Thread, x Value) (bool, error) {
	h, err := Hash(th, x)
	if err != nil {
		// set.__contains__ retries a set argument as a frozenset.
		if other, ok := AsSet(x); ok && AsException(err).Matches(TypeError) {
			fs := newSet(FrozenSetType)
			if err := fs.merge(th, other); err != nil {
				return false, err
			}
			return s.Contains(th, fs.Value())
		}
		return false, err
	}
	_, found, err := s.lookup(th, x, h)
	return found, err
}

func (s *Set) containsHashed(th *Thread, x Value, h int64) (bool, error) {
	_, found, err := s.lookup(th, x, h)
	return found, err
}

// Discard removes x if present.
func (s *Set) Discard(th *Thread, x Value) (bool, error) {
	h, err := Hash(th, x)
	if err != nil {
		if other, ok := AsSet(x); ok && AsException(err).Matches(TypeError) {
			fs := newSet(FrozenSetType)
			if err := fs.merge(th, other); err != nil {
				return false, err
			}
			return s.Discard(th, fs.Value())
		}
		return false, err
	}
	return s.discardHashed(th, x, h)
}

func (s *Set) discardHashed(th *Thread, x Value, h int64) (bool, error) {
	i, found, err := s.lookup(th, x, h)
	if err != nil || !found {
		return false, err
	}
	s.table[i] = setEntry{key: Null, hash: -1, state: 2}
	s.used--
	return true, nil
}

// Items returns the elements in table (iteration) order.
func (s *Set) Items() []Value {
	out := make([]Value, 0, s.used)
	for _, e := range s.table {
		if e.state == 1 {
			out = append(out, e.key)
		}
	}
	return out
}

// merge is set_merge: add every element of other.
func (s *Set) merge(th *Thread, other *Set) error {
	if other == s || other.used == 0 {
		return nil
	}
	if (s.fill+other.used)*5 >= int(s.mask())*3 {
		s.resize((s.used + other.used) * 2)
	}
	if s.fill == 0 && len(s.table) == len(other.table) && other.fill == other.used {
		copy(s.table, other.table)
		s.fill, s.used = other.fill, other.used
		return nil
	}
	if s.fill == 0 {
		s.fill, s.used = other.used, other.used
		for _, e := range other.table {
			if e.state == 1 {
				insertClean(s.table, e.key, e.hash)
			}
		}
		return nil
	}
	for i := 0; i < len(other.table); i++ {
		e := other.table[i]
		if e.state == 1 {
			if err := s.addEntry(th, e.key, e.hash); err != nil {
				return err
			}
		}
	}
	return nil
}

// Update is set_update_internal: add everything from an iterable.
func (s *Set) Update(th *Thread, other Value) error {
	if o, ok := AsSet(other); ok {
		return s.merge(th, o)
	}
	if d, ok := castExact[Dict](other, DictType); ok {
		if (s.fill+d.used)*5 >= int(s.mask())*3 {
			s.resize((s.used + d.used) * 2)
		}
		for i := 0; i < len(d.entries); i++ {
			e := d.entries[i]
			if e.key.IsNull() {
				continue
			}
			if err := s.addEntry(th, e.key, e.hash); err != nil {
				return err
			}
		}
		return nil
	}
	return ForEach(th, other, func(x Value) (bool, error) {
		return true, s.Add(th, x)
	})
}

// copySet is set_copy: a new set of the base type with the same table.
func (s *Set) copySet(th *Thread) *Set {
	t := SetType
	if s.typ.IsSubtype(FrozenSetType) {
		t = FrozenSetType
	}
	n := newSet(t)
	_ = n.merge(th, s)
	return n
}

func (s *Set) baseType() *Type {
	if s.typ.IsSubtype(FrozenSetType) {
		return FrozenSetType
	}
	return SetType
}

func setIntersection(th *Thread, so *Set, other Value) (*Set, error) {
	if other.Is(so.Value()) {
		return so.copySet(th), nil
	}
	result := newSet(so.baseType())
	if o, ok := AsSet(other); ok {
		a, b := so, o
		if b.used > a.used {
			a, b = b, a
		}
		for _, e := range b.table {
			if e.state != 1 {
				continue
			}
			found, err := a.containsHashed(th, e.key, e.hash)
			if err != nil {
				return nil, err
			}
			if found {
				if err := result.addEntry(th, e.key, e.hash); err != nil {
					return nil, err
				}
			}
		}
		return result, nil
	}
	err := ForEach(th, other, func(x Value) (bool, error) {
		h, err := Hash(th, x)
		if err != nil {
			return false, err
		}
		found, err := so.containsHashed(th, x, h)
		if err != nil {
			return false, err
		}
		if found {
			if err := result.addEntry(th, x, h); err != nil {
				return false, err
			}
			if result.used >= so.used {
				return false, nil
			}
		}
		return true, nil
	})
	return result, err
}

func setDifferenceUpdate(th *Thread, so *Set, other Value) error {
	if other.Is(so.Value()) {
		so.table = make([]setEntry, setMinSize)
		so.fill, so.used = 0, 0
		return nil
	}
	if o, ok := AsSet(other); ok {
		if o.used>>3 > so.used {
			var err error
			o, err = setIntersection(th, so, other)
			if err != nil {
				return err
			}
		}
		for _, e := range o.table {
			if e.state == 1 {
				if _, err := so.discardHashed(th, e.key, e.hash); err != nil {
					return err
				}
			}
		}
	} else {
		err := ForEach(th, other, func(x Value) (bool, error) {
			_, err := so.Discard(th, x)
			return true, err
		})
		if err != nil {
			return err
		}
	}
	if so.fill-so.used <= int(so.mask())/4 {
		return nil
	}
	if so.used > 50000 {
		so.resize(so.used * 2)
	} else {
		so.resize(so.used * 4)
	}
	return nil
}

func setDifference(th *Thread, so *Set, other Value) (*Set, error) {
	otherSize := -1
	if o, ok := AsSet(other); ok {
		otherSize = o.used
	} else if d, ok := castExact[Dict](other, DictType); ok {
		otherSize = d.used
	}
	if otherSize < 0 || so.used>>2 > otherSize {
		r := so.copySet(th)
		return r, setDifferenceUpdate(th, r, other)
	}
	result := newSet(so.baseType())
	for _, e := range so.table {
		if e.state != 1 {
			continue
		}
		var found bool
		var err error
		if d, ok := castExact[Dict](other, DictType); ok {
			var i int
			i, err = d.lookup(th, e.key, e.hash)
			found = i >= 0
		} else {
			o, _ := AsSet(other)
			found, err = o.containsHashed(th, e.key, e.hash)
		}
		if err != nil {
			return nil, err
		}
		if !found {
			if err := result.addEntry(th, e.key, e.hash); err != nil {
				return nil, err
			}
		}
	}
	return result, nil
}

func setSymmetricDifferenceUpdate(th *Thread, so *Set, other Value) error {
	if other.Is(so.Value()) {
		so.table = make([]setEntry, setMinSize)
		so.fill, so.used = 0, 0
		return nil
	}
	if d, ok := castExact[Dict](other, DictType); ok {
		for _, e := range d.entries {
			if e.key.IsNull() {
				continue
			}
			found, err := so.discardHashed(th, e.key, e.hash)
			if err != nil {
				return err
			}
			if !found {
				if err := so.addEntry(th, e.key, e.hash); err != nil {
					return err
				}
			}
		}
		return nil
	}
	o, ok := AsSet(other)
	if !ok {
		o = newSet(so.baseType())
		if err := o.Update(th, other); err != nil {
			return err
		}
	}
	for _, e := range o.table {
		if e.state != 1 {
			continue
		}
		found, err := so.discardHashed(th, e.key, e.hash)
		if err != nil {
			return err
		}
		if !found {
			if err := so.addEntry(th, e.key, e.hash); err != nil {
				return err
			}
		}
	}
	return nil
}

func setIsSubset(th *Thread, so *Set, other Value) (bool, error) {
	o, ok := AsSet(other)
	if !ok {
		tmp, err := setIntersection(th, so, other)
		if err != nil {
			return false, err
		}
		return tmp.used == so.used, nil
	}
	if so.used > o.used {
		return false, nil
	}
	for _, e := range so.table {
		if e.state != 1 {
			continue
		}
		found, err := o.containsHashed(th, e.key, e.hash)
		if err != nil || !found {
			return false, err
		}
	}
	return true, nil
}

func setIsSuperset(th *Thread, so *Set, other Value) (bool, error) {
	if o, ok := AsSet(other); ok {
		return setIsSubset(th, o, so.Value())
	}
	result := true
	err := ForEach(th, other, func(x Value) (bool, error) {
		found, err := so.Contains(th, x)
		if err != nil {
			return false, err
		}
		if !found {
			result = false
			return false, nil
		}
		return true, nil
	})
	return result, err
}

func frozensetHash(th *Thread, v Value) (int64, error) {
	s := setLayout.Must(v)
	if s.hash != -1 {
		return s.hash, nil
	}
	shuffle := func(h uint64) uint64 { return ((h ^ 89869747) ^ (h << 16)) * 3644798167 }
	var hash uint64
	for _, e := range s.table {
		switch e.state {
		case 1:
			hash ^= shuffle(uint64(e.hash))
		case 2:
			hash ^= shuffle(^uint64(0))
		default:
			hash ^= shuffle(0)
		}
	}
	if (len(s.table)-s.fill)&1 != 0 {
		hash ^= shuffle(0)
	}
	if (s.fill-s.used)&1 != 0 {
		hash ^= shuffle(^uint64(0))
	}
	hash ^= (uint64(s.used) + 1) * 1927868237
	hash ^= (hash >> 11) ^ (hash >> 25)
	hash = hash*69069 + 907133923
	if hash == ^uint64(0) {
		hash = 590923713
	}
	s.hash = int64(hash)
	return s.hash, nil
}

func setRepr(th *Thread, v Value) (Value, error) {
	s := setLayout.Must(v)
	name := s.typ.Name
	if !th.reprEnter(v) {
		return MakeStr(name + "(...)"), nil
	}
	defer th.reprLeave(v)
	if s.used == 0 {
		return MakeStr(name + "()"), nil
	}
	var b strings.Builder
	exact := s.typ == SetType
	if !exact {
		b.WriteString(name + "(")
	}
	b.WriteByte('{')
	first := true
	for _, e := range s.Items() {
		if !first {
			b.WriteString(", ")
		}
		first = false
		r, err := Repr(th, e)
		if err != nil {
			return Null, err
		}
		b.WriteString(r.s)
	}
	b.WriteByte('}')
	if !exact {
		b.WriteByte(')')
	}
	return MakeStr(b.String()), nil
}

func setCompare(th *Thread, a, b Value, op CompareOp) (Value, error) {
	sa := setLayout.Must(a)
	sb, ok := AsSet(b)
	if !ok {
		return NotImplemented, nil
	}
	var r bool
	var err error
	switch op {
	case CmpEQ, CmpNE:
		if sa.used != sb.used {
			r = false
		} else {
			r, err = setIsSubset(th, sa, b)
		}
		if op == CmpNE {
			r = !r
		}
	case CmpLE:
		r, err = setIsSubset(th, sa, b)
	case CmpGE:
		r, err = setIsSuperset(th, sa, b)
	case CmpLT:
		if sa.used < sb.used {
			r, err = setIsSubset(th, sa, b)
		}
	case CmpGT:
		if sa.used > sb.used {
			r, err = setIsSuperset(th, sa, b)
		}
	}
	return MakeBool(r), err
}

// setIter iterates a set's table.
type setIter struct {
	Object
	s    *Set
	used int
	pos  int
}

var setIterLayout = NewLayout[setIter]("set_iterator")

func setIterNext(th *Thread, v Value) (Value, error) {
	it := setIterLayout.Must(v)
	s := it.s
	if s == nil {
		return Null, nil
	}
	if it.used != s.used {
		it.s = nil
		return Null, Errorf(RuntimeError, "Set changed size during iteration")
	}
	for it.pos < len(s.table) {
		e := s.table[it.pos]
		it.pos++
		if e.state == 1 {
			return e.key, nil
		}
	}
	it.s = nil
	return Null, nil
}

func initSetTypes() {
	bin := func(f func(th *Thread, a *Set, b Value) (Value, error)) func(*Thread, Value, Value) (Value, error) {
		return func(th *Thread, a, b Value) (Value, error) {
			sa, ok1 := AsSet(a)
			_, ok2 := AsSet(b)
			if !ok1 || !ok2 {
				return NotImplemented, nil
			}
			return f(th, sa, b)
		}
	}
	or := bin(func(th *Thread, a *Set, b Value) (Value, error) {
		r := a.copySet(th)
		if b.Is(a.Value()) {
			return r.Value(), nil
		}
		return r.Value(), r.Update(th, b)
	})
	and := bin(func(th *Thread, a *Set, b Value) (Value, error) {
		r, err := setIntersection(th, a, b)
		if err != nil {
			return Null, err
		}
		return r.Value(), nil
	})
	sub := bin(func(th *Thread, a *Set, b Value) (Value, error) {
		r, err := setDifference(th, a, b)
		if err != nil {
			return Null, err
		}
		return r.Value(), nil
	})
	xor := bin(func(th *Thread, a *Set, b Value) (Value, error) {
		r := newSet(a.baseType())
		if err := r.Update(th, b); err != nil {
			return Null, err
		}
		return r.Value(), setSymmetricDifferenceUpdate(th, r, a.Value())
	})
	common := Slots{
		Repr:    setRepr,
		Compare: setCompare,
		Len:     func(th *Thread, v Value) (int, error) { return setLayout.Must(v).used, nil },
		Contains: func(th *Thread, v, x Value) (bool, error) {
			return setLayout.Must(v).Contains(th, x)
		},
		Iter: func(th *Thread, v Value) (Value, error) {
			s := setLayout.Must(v)
			it := &setIter{s: s, used: s.used}
			it.typ = SetIterType
			return it.Value(), nil
		},
		Binary: [numBinaryOps]func(*Thread, Value, Value) (Value, error){OpOr: or, OpAnd: and, OpSub: sub, OpXor: xor},
	}
	setSlots := common
	setSlots.Hash = unhashable
	setSlots.New = func(th *Thread, t *Type, args []Value, kw []Value) (Value, error) {
		return newSet(t).Value(), nil
	}
	setSlots.Init = func(th *Thread, self Value, args []Value, kw []Value) error {
		if len(kw) > 0 {
			return Errorf(TypeError, "set() takes no keyword arguments")
		}
		if len(args) > 1 {
			return Errorf(TypeError, "set expected at most 1 argument, got %d", len(args))
		}
		s := setLayout.Must(self)
		if s.used > 0 {
			s.table = make([]setEntry, setMinSize)
			s.fill, s.used = 0, 0
		}
		if len(args) == 1 {
			return s.Update(th, args[0])
		}
		return nil
	}
	inplace := func(f func(th *Thread, a *Set, b Value) error) func(*Thread, Value, Value) (Value, error) {
		return func(th *Thread, a, b Value) (Value, error) {
			if _, ok := AsSet(b); !ok {
				return NotImplemented, nil
			}
			return a, f(th, setLayout.Must(a), b)
		}
	}
	setSlots.Inplace = [numBinaryOps]func(*Thread, Value, Value) (Value, error){
		OpOr: inplace(func(th *Thread, a *Set, b Value) error { return a.Update(th, b) }),
		OpAnd: inplace(func(th *Thread, a *Set, b Value) error {
			r, err := setIntersection(th, a, b)
			if err != nil {
				return err
			}
			a.table, a.fill, a.used = r.table, r.fill, r.used
			return nil
		}),
		OpSub: inplace(setDifferenceUpdate),
		OpXor: inplace(setSymmetricDifferenceUpdate),
	}
	initBuiltinType(SetType, TypeSpec{
		Name: "set", Layout: setLayout.info,
		Doc:     "set() -> new empty set object\nset(iterable) -> new set object",
		Slots:   setSlots,
		Methods: setMethods(false),
	})
	fsSlots := common
	fsSlots.Hash = frozensetHash
	fsSlots.New = func(th *Thread, t *Type, args []Value, kw []Value) (Value, error) {
		if len(kw) > 0 && t == FrozenSetType {
			return Null, Errorf(TypeError, "frozenset() takes no keyword arguments")
		}
		if len(args) > 1 {
			return Null, Errorf(TypeError, "frozenset expected at most 1 argument, got %d", len(args))
		}
		if len(args) == 1 && t == FrozenSetType {
			if fs, ok := castExact[Set](args[0], FrozenSetType); ok {
				return fs.Value(), nil
			}
		}
		s := newSet(t)
		if len(args) == 1 {
			if err := s.Update(th, args[0]); err != nil {
				return Null, err
			}
		}
		return s.Value(), nil
	}
	initBuiltinType(FrozenSetType, TypeSpec{
		Name: "frozenset", Layout: setLayout.info,
		Doc:     "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object",
		Slots:   fsSlots,
		Methods: setMethods(true),
	})
	initBuiltinType(SetIterType, TypeSpec{
		Name: "set_iterator", Layout: setIterLayout.info, Final: true,
		Slots: Slots{
			Iter: func(th *Thread, v Value) (Value, error) { return v, nil },
			Next: setIterNext,
		},
		Methods: []*BuiltinMethod{{Name: "__length_hint__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			it := setIterLayout.Must(args[0])
			if it.s == nil {
				return MakeInt(0), nil
			}
			n := 0
			for _, e := range it.s.table[it.pos:] {
				if e.state == 1 {
					n++
				}
			}
			return MakeInt(int64(n)), nil
		}}},
	})
}

func setMethods(frozen bool) []*BuiltinMethod {
	self := func(args []Value) *Set { return setLayout.Must(args[0]) }
	multi := func(name string, f func(th *Thread, s *Set, others []Value) (Value, error)) *BuiltinMethod {
		return &BuiltinMethod{Name: name, Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if len(kw) > 0 {
				return Null, Errorf(TypeError, "%s() takes no keyword arguments", name)
			}
			return f(th, self(args), args[1:])
		}}
	}
	one := func(name string, f func(th *Thread, s *Set, other Value) (Value, error)) *BuiltinMethod {
		return &BuiltinMethod{Name: name, Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if len(args) != 2 || len(kw) > 0 {
				return Null, Errorf(TypeError, "%s() takes exactly one argument (%d given)", name, len(args)-1)
			}
			return f(th, self(args), args[1])
		}}
	}
	ms := []*BuiltinMethod{
		multi("union", func(th *Thread, s *Set, others []Value) (Value, error) {
			r := s.copySet(th)
			for _, o := range others {
				if o.Is(s.Value()) {
					continue
				}
				if err := r.Update(th, o); err != nil {
					return Null, err
				}
			}
			return r.Value(), nil
		}),
		multi("intersection", func(th *Thread, s *Set, others []Value) (Value, error) {
			if len(others) == 0 {
				return s.copySet(th).Value(), nil
			}
			r := s
			for _, o := range others {
				var err error
				if r, err = setIntersection(th, r, o); err != nil {
					return Null, err
				}
			}
			return r.Value(), nil
		}),
		multi("difference", func(th *Thread, s *Set, others []Value) (Value, error) {
			if len(others) == 0 {
				return s.copySet(th).Value(), nil
			}
			r, err := setDifference(th, s, others[0])
			if err != nil {
				return Null, err
			}
			for _, o := range others[1:] {
				if err := setDifferenceUpdate(th, r, o); err != nil {
					return Null, err
				}
			}
			return r.Value(), nil
		}),
		one("symmetric_difference", func(th *Thread, s *Set, o Value) (Value, error) {
			r := newSet(s.baseType())
			if err := r.Update(th, o); err != nil {
				return Null, err
			}
			return r.Value(), setSymmetricDifferenceUpdate(th, r, s.Value())
		}),
		one("issubset", func(th *Thread, s *Set, o Value) (Value, error) {
			r, err := setIsSubset(th, s, o)
			return MakeBool(r), err
		}),
		one("issuperset", func(th *Thread, s *Set, o Value) (Value, error) {
			r, err := setIsSuperset(th, s, o)
			return MakeBool(r), err
		}),
		one("isdisjoint", func(th *Thread, s *Set, o Value) (Value, error) {
			r, err := setIntersection(th, s, o)
			if err != nil {
				return Null, err
			}
			return MakeBool(r.used == 0), nil
		}),
		{Name: "copy", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			s := self(args)
			if frozen && s.typ == FrozenSetType {
				return args[0], nil
			}
			return s.copySet(th).Value(), nil
		}},
		{Name: "__reduce__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			s := self(args)
			var state Value = None
			if s.dict != nil {
				state = s.dict.Value()
			}
			return NewTuple(s.typ.Value(), NewTuple(NewList(s.Items()).Value()).Value(), state).Value(), nil
		}},
		{Name: "__class_getitem__", Flags: MethClass, Fn: classGetItemAlias},
	}
	if frozen {
		return ms
	}
	return append(ms,
		one("add", func(th *Thread, s *Set, o Value) (Value, error) { return None, s.Add(th, o) }),
		one("discard", func(th *Thread, s *Set, o Value) (Value, error) {
			_, err := s.Discard(th, o)
			return None, err
		}),
		one("remove", func(th *Thread, s *Set, o Value) (Value, error) {
			found, err := s.Discard(th, o)
			if err != nil {
				return Null, err
			}
			if !found {
				return Null, NewException(KeyError, o)
			}
			return None, nil
		}),
		&BuiltinMethod{Name: "pop", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			s := self(args)
			if s.used == 0 {
				return Null, Errorf(KeyError, "pop from an empty set")
			}
			i := s.finger & int(s.mask())
			for s.table[i].state != 1 {
				i++
				if i > int(s.mask()) {
					i = 0
				}
			}
			k := s.table[i].key
			s.table[i] = setEntry{key: Null, hash: -1, state: 2}
			s.used--
			s.finger = i + 1
			return k, nil
		}},
		&BuiltinMethod{Name: "clear", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			s := self(args)
			s.table = make([]setEntry, setMinSize)
			s.fill, s.used = 0, 0
			return None, nil
		}},
		multi("update", func(th *Thread, s *Set, others []Value) (Value, error) {
			for _, o := range others {
				if err := s.Update(th, o); err != nil {
					return Null, err
				}
			}
			return None, nil
		}),
		multi("intersection_update", func(th *Thread, s *Set, others []Value) (Value, error) {
			r := s
			for _, o := range others {
				var err error
				if r, err = setIntersection(th, r, o); err != nil {
					return Null, err
				}
			}
			if r != s {
				s.table, s.fill, s.used = r.table, r.fill, r.used
			}
			return None, nil
		}),
		multi("difference_update", func(th *Thread, s *Set, others []Value) (Value, error) {
			for _, o := range others {
				if err := setDifferenceUpdate(th, s, o); err != nil {
					return Null, err
				}
			}
			return None, nil
		}),
		one("symmetric_difference_update", func(th *Thread, s *Set, o Value) (Value, error) {
			return None, setSymmetricDifferenceUpdate(th, s, o)
		}),
	)
}
