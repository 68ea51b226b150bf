package vm

// This file implements dict: CPython's compact ordered hash table. Entries
// are appended in insertion order; a separate open-addressing index table
// maps hashes to entry positions. Keys compare with Python's == (so 1, 1.0
// and True are one key), with fast paths for identical and str keys.

import (
	"sync/atomic"
)

// Dict is a Python dict.
type Dict struct {
	Object
	indices []int32 // -1 empty, -2 deleted, else an index into entries
	entries []dictEntry
	used    int // live entries
	// keysVersion changes whenever an entry's key may have changed position
	// or identity (insert, delete, resize), never on a plain value update.
	// LOAD_GLOBAL caches (keysVersion, entry index) and stays valid while a
	// module rebinds its globals.
	keysVersion uint64
	// nonStr is set once a key that is not an exact str is stored; while it
	// is clear, str lookups never need to call __eq__.
	nonStr bool
}

type dictEntry struct {
	hash  int64
	key   Value // Null marks a deleted entry
	value Value
}

const (
	dictEmpty   = -1
	dictDeleted = -2
	dictMinSize = 8
)

var dictLayout = NewLayout[Dict]("dict")

var dictKeysVersion atomic.Uint64

func newKeysVersion() uint64 { return dictKeysVersion.Add(1) }

// NewDict returns an empty dict.
func NewDict() *Dict {
	d := &Dict{}
	d.typ = DictType
	d.keysVersion = newKeysVersion()
	return d
}

// NewDictSized returns an empty dict with room for n entries.
func NewDictSized(n int) *Dict {
	d := NewDict()
	if n > 5 {
		size := dictMinSize
		for size*2 < n*3 {
			size <<= 1
		}
		d.indices = newIndices(size)
		d.entries = make([]dictEntry, 0, n)
	}
	return d
}

// Instance dicts come with their first entries in the same allocation:
// attribute-heavy code makes one dict per object, and allocating the dict
// and its entries separately was a fifth of the run time of a program
// creating small objects in a loop. The sizes fit the index-free small
// dict (at most dictMinSize*2/3 entries).
type (
	dictInline2 struct {
		Dict
		e [2]dictEntry
	}
	dictInline4 struct {
		Dict
		e [4]dictEntry
	}
	dictInline5 struct {
		Dict
		e [5]dictEntry
	}
)

// newInstanceDict returns an empty dict for an instance whose class's
// instances usually have hint attributes.
func newInstanceDict(hint int) *Dict {
	var d *Dict
	switch {
	case hint <= 2:
		x := &dictInline2{}
		x.entries = x.e[:0]
		d = &x.Dict
	case hint <= 4:
		x := &dictInline4{}
		x.entries = x.e[:0]
		d = &x.Dict
	case hint <= 5:
		x := &dictInline5{}
		x.entries = x.e[:0]
		d = &x.Dict
	default:
		return NewDictSized(hint)
	}
	d.typ = DictType
	d.keysVersion = newKeysVersion()
	return d
}

func newIndices(n int) []int32 {
	ix := make([]int32, n)
	for i := range ix {
		ix[i] = dictEmpty
	}
	return ix
}

// AsDict returns v as a *Dict if it is a dict or a dict subclass instance.
func AsDict(v Value) (*Dict, bool) { return dictLayout.Cast(v) }

// Len is the number of items.
func (d *Dict) Len() int { return d.used }

// KeysVersion is the current keys version (see the field).
func (d *Dict) KeysVersion() uint64 { return d.keysVersion }

// EntryValue returns the value of entry i and whether i is live; used by the
// eval loop's global cache.
func (d *Dict) entryAt(i int) (Value, bool) {
	if i < len(d.entries) {
		e := &d.entries[i]
		if !e.key.IsNull() {
			return e.value, true
		}
	}
	return Null, false
}

// ----------------------------------------------------------- lookup core

// lookupStr finds an exact-str key without calling Python code. It returns
// the entry index or -1. It must only be used when the key is an exact str:
// a str never equals a non-str key unless that key's __eq__ says so, and
// that case is excluded by nonStr.
func (d *Dict) lookupStr(key *Str) int {
	if d.indices == nil {
		// Small dicts without an index table: linear scan.
		for i := range d.entries {
			e := &d.entries[i]
			if e.key.isObj(&key.Object) {
				return i
			}
		}
		h := key.Hash()
		for i := range d.entries {
			e := &d.entries[i]
			if e.hash == h {
				if s, ok := castExact[Str](e.key, StrType); ok && s.s == key.s {
					return i
				}
			}
		}
		return -1
	}
	h := key.Hash()
	mask := uint64(len(d.indices) - 1)
	perturb := uint64(h)
	i := uint64(h) & mask
	for {
		ix := d.indices[i]
		if ix == dictEmpty {
			return -1
		}
		if ix >= 0 {
			e := &d.entries[ix]
			if e.key.isObj(&key.Object) {
				return int(ix)
			}
			if e.hash == h {
				if s, ok := castExact[Str](e.key, StrType); ok && s.s == key.s {
					return int(ix)
				}
			}
		}
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
}

// lookup finds key (with hash h), calling __eq__ where needed. It returns
// the entry index or -1.
func (d *Dict) lookup(th *Thread, key Value, h int64) (int, error) {
	if !d.nonStr {
		if s, ok := castExact[Str](key, StrType); ok {
			return d.lookupStr(s), nil
		}
	}
restart:
	if d.indices == nil {
		for i := 0; i < len(d.entries); i++ {
			e := &d.entries[i]
			if e.key.Is(key) {
				return i, nil
			}
			if e.hash == h && !e.key.IsNull() {
				eq, changed, err := d.keyEq(th, i, key)
				if err != nil {
					return -1, err
				}
				if changed {
					goto restart
				}
				if eq {
					return i, nil
				}
			}
		}
		return -1, nil
	}
	mask := uint64(len(d.indices) - 1)
	perturb := uint64(h)
	i := uint64(h) & mask
	for {
		ix := d.indices[i]
		if ix == dictEmpty {
			return -1, nil
		}
		if ix >= 0 {
			e := &d.entries[ix]
			if e.key.Is(key) {
				return int(ix), nil
			}
			if e.hash == h {
				eq, changed, err := d.keyEq(th, int(ix), key)
				if err != nil {
					return -1, err
				}
				if changed {
					goto restart
				}
				if eq {
					return int(ix), nil
				}
			}
		}
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
}

// keyEq compares entry i's key with key. If the comparison ran Python code
// that mutated the dict, changed is true and the lookup must restart, as
// CPython's lookdict does.
func (d *Dict) keyEq(th *Thread, i int, key Value) (eq, changed bool, err error) {
	e := d.entries[i]
	if a, ok := castExact[Str](e.key, StrType); ok {
		if b, ok := castExact[Str](key, StrType); ok {
			return a.s == b.s, false, nil
		}
	}
	if e.key.IsSmallInt() && key.IsSmallInt() {
		return e.key.n == key.n, false, nil
	}
	entries, ver := d.entries, d.keysVersion
	eq, err = RichCompareBool(th, e.key, key, CmpEQ)
	if err != nil {
		return false, false, err
	}
	if ver != d.keysVersion || len(entries) != len(d.entries) || (len(entries) > 0 && &entries[0] != &d.entries[0]) || !d.entries[i].key.Is(e.key) {
		return false, true, nil
	}
	return eq, false, nil
}

// ------------------------------------------------------------ insertion

func (d *Dict) insertNew(key Value, h int64, v Value) {
	if !d.nonStr {
		if _, ok := castExact[Str](key, StrType); !ok {
			d.nonStr = true
		}
	}
	d.keysVersion = newKeysVersion()
	if d.indices == nil && len(d.entries) < dictMinSize*2/3 {
		if len(d.entries) == cap(d.entries) {
			// Compact deleted entries out before growing the slice.
			d.compact()
		}
		d.entries = append(d.entries, dictEntry{hash: h, key: key, value: v})
		d.used++
		return
	}
	if d.indices == nil || (len(d.entries)+1)*3 > len(d.indices)*2 {
		d.resize((d.used + 1) * 3)
	}
	d.entries = append(d.entries, dictEntry{hash: h, key: key, value: v})
	d.used++
	d.insertIndex(h, int32(len(d.entries)-1))
}

func (d *Dict) insertIndex(h int64, ix int32) {
	mask := uint64(len(d.indices) - 1)
	perturb := uint64(h)
	i := uint64(h) & mask
	for d.indices[i] >= 0 {
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
	d.indices[i] = ix
}

// resize rebuilds the index table with room for at least min entries and
// drops deleted entries.
func (d *Dict) resize(minUsed int) {
	size := dictMinSize
	for size < minUsed {
		size <<= 1
	}
	d.compact()
	d.indices = newIndices(size)
	for i := range d.entries {
		d.insertIndex(d.entries[i].hash, int32(i))
	}
	d.keysVersion = newKeysVersion()
}

// compact drops deleted entries (keeping order).
func (d *Dict) compact() {
	if d.used == len(d.entries) {
		if cap(d.entries) == len(d.entries) {
			n := make([]dictEntry, len(d.entries), max(4, len(d.entries)*2))
			copy(n, d.entries)
			d.entries = n
		}
		return
	}
	n := make([]dictEntry, 0, max(4, d.used*2))
	for _, e := range d.entries {
		if !e.key.IsNull() {
			n = append(n, e)
		}
	}
	d.entries = n
	if d.indices != nil {
		d.indices = newIndices(len(d.indices))
		for i := range d.entries {
			d.insertIndex(d.entries[i].hash, int32(i))
		}
	}
	d.keysVersion = newKeysVersion()
}

// ------------------------------------------------------------ public API

// Get looks key up; found is false when it is absent.
func (d *Dict) Get(th *Thread, key Value) (v Value, found bool, err error) {
	h, err := Hash(th, key)
	if err != nil {
		return Null, false, err
	}
	i, err := d.lookup(th, key, h)
	if err != nil || i < 0 {
		return Null, false, err
	}
	return d.entries[i].value, true, nil
}

// Set stores key: value.
func (d *Dict) Set(th *Thread, key, v Value) error {
	h, err := Hash(th, key)
	if err != nil {
		return err
	}
	return d.setHashed(th, key, h, v)
}

func (d *Dict) setHashed(th *Thread, key Value, h int64, v Value) error {
	i, err := d.lookup(th, key, h)
	if err != nil {
		return err
	}
	if i >= 0 {
		d.entries[i].value = v
		return nil
	}
	d.insertNew(key, h, v)
	return nil
}

// Delete removes key; found is false when it was absent.
func (d *Dict) Delete(th *Thread, key Value) (found bool, err error) {
	h, err := Hash(th, key)
	if err != nil {
		return false, err
	}
	i, err := d.lookup(th, key, h)
	if err != nil || i < 0 {
		return false, err
	}
	d.deleteAt(i)
	return true, nil
}

func (d *Dict) deleteAt(i int) {
	e := &d.entries[i]
	if d.indices != nil {
		mask := uint64(len(d.indices) - 1)
		perturb := uint64(e.hash)
		j := uint64(e.hash) & mask
		for d.indices[j] != int32(i) {
			perturb >>= 5
			j = (j*5 + perturb + 1) & mask
		}
		d.indices[j] = dictDeleted
	}
	e.key = Null
	e.value = Null
	d.used--
	d.keysVersion = newKeysVersion()
	if d.used == 0 {
		d.entries = d.entries[:0]
		if d.indices != nil {
			for k := range d.indices {
				d.indices[k] = dictEmpty
			}
		}
	}
}

// GetStr looks up an exact-str key without calling Python code.
func (d *Dict) getStr(key *Str) (Value, bool) {
	if d == nil {
		return Null, false
	}
	if !d.nonStr {
		if i := d.lookupStr(key); i >= 0 {
			return d.entries[i].value, true
		}
		return Null, false
	}
	// A non-str key could claim equality with key; do it properly. Errors
	// from such a key's __eq__ are treated as "not equal" here, as
	// _PyDict_GetItem_KnownHash swallows them.
	i, err := d.lookup(nil, key.Value(), key.Hash())
	if err != nil || i < 0 {
		return Null, false
	}
	return d.entries[i].value, true
}

func (d *Dict) mustGetStr(key *Str) Value {
	v, _ := d.getStr(key)
	return v
}

// GetStr is getStr for other packages.
func (d *Dict) GetStr(key *Str) (Value, bool) { return d.getStr(key) }

// GetString looks up a Go string key.
func (d *Dict) GetString(key string) (Value, bool) { return d.getStr(NewStr(key)) }

func (d *Dict) getStrString(key string) string {
	if v, ok := d.getStr(Intern(key)); ok {
		if s, ok := AsStr(v); ok {
			return s.s
		}
	}
	return ""
}

// SetStr stores an exact-str key; it cannot fail.
func (d *Dict) SetStr(key *Str, v Value) {
	if !d.nonStr {
		if i := d.lookupStr(key); i >= 0 {
			d.entries[i].value = v
			return
		}
		d.insertNew(key.Value(), key.Hash(), v)
		return
	}
	_ = d.setHashed(nil, key.Value(), key.Hash(), v)
}

// SetString stores a Go string key.
func (d *Dict) SetString(key string, v Value) { d.SetStr(Intern(key), v) }

// DeleteStr removes an exact-str key.
func (d *Dict) DeleteStr(key *Str) bool {
	i := -1
	if !d.nonStr {
		i = d.lookupStr(key)
	} else {
		i, _ = d.lookup(nil, key.Value(), key.Hash())
	}
	if i < 0 {
		return false
	}
	d.deleteAt(i)
	return true
}

// Clear empties the dict.
func (d *Dict) Clear() {
	d.indices = nil
	d.entries = nil
	d.used = 0
	d.nonStr = false
	d.keysVersion = newKeysVersion()
}

// Items returns the live entries in order (a copy).
func (d *Dict) Items() (keys, values []Value) {
	keys = make([]Value, 0, d.used)
	values = make([]Value, 0, d.used)
	for _, e := range d.entries {
		if !e.key.IsNull() {
			keys = append(keys, e.key)
			values = append(values, e.value)
		}
	}
	return keys, values
}

// Keys returns the keys in order.
func (d *Dict) Keys() []Value {
	keys := make([]Value, 0, d.used)
	for _, e := range d.entries {
		if !e.key.IsNull() {
			keys = append(keys, e.key)
		}
	}
	return keys
}

// Range calls f for each item in order until f returns false. The dict
// must not be mutated during the walk.
func (d *Dict) Range(f func(k, v Value) bool) {
	for i := 0; i < len(d.entries); i++ {
		e := d.entries[i]
		if !e.key.IsNull() && !f(e.key, e.value) {
			return
		}
	}
}

// Copy returns a shallow copy (an exact dict).
func (d *Dict) Copy() *Dict {
	n := NewDict()
	n.nonStr = d.nonStr
	n.used = d.used
	if d.used == len(d.entries) {
		n.entries = append([]dictEntry(nil), d.entries...)
	} else {
		n.entries = make([]dictEntry, 0, d.used)
		for _, e := range d.entries {
			if !e.key.IsNull() {
				n.entries = append(n.entries, e)
			}
		}
	}
	if d.indices != nil {
		n.indices = newIndices(len(d.indices))
		for i := range n.entries {
			n.insertIndex(n.entries[i].hash, int32(i))
		}
	}
	return n
}

// Update merges other into d (later keys win).
func (d *Dict) Update(th *Thread, other *Dict) error {
	for i := 0; i < len(other.entries); i++ {
		e := other.entries[i]
		if e.key.IsNull() {
			continue
		}
		if err := d.setHashed(th, e.key, e.hash, e.value); err != nil {
			return err
		}
	}
	return nil
}

// iterState walks a dict for a dict iterator, detecting mutation.
type dictCursor struct {
	d       *Dict
	pos     int
	used    int
	version uint64
	left    int
}

func newDictCursor(d *Dict) dictCursor {
	return dictCursor{d: d, used: d.used, version: d.keysVersion, left: d.used}
}

// next returns the next live entry, or ok=false at the end.
func (c *dictCursor) next() (e *dictEntry, ok bool, err error) {
	d := c.d
	if d == nil {
		return nil, false, nil
	}
	if d.used != c.used {
		c.d = nil
		return nil, false, Errorf(RuntimeError, "dictionary changed size during iteration")
	}
	if c.version != d.keysVersion && c.left >= 0 {
		// Keys were replaced without a size change (delete + insert).
		// Resynchronise by position the way CPython effectively does: it
		// raises when it notices, which is when it runs off the entries.
		c.version = d.keysVersion
	}
	for c.pos < len(d.entries) {
		e := &d.entries[c.pos]
		c.pos++
		if !e.key.IsNull() {
			c.left--
			return e, true, nil
		}
	}
	if c.left > 0 {
		c.d = nil
		return nil, false, Errorf(RuntimeError, "dictionary keys changed during iteration")
	}
	c.d = nil
	return nil, false, nil
}
