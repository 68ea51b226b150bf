package vm

// This file holds the shared half of attribute caching. An instruction's
// inline cache (inlineCache, one per LOAD_ATTR/STORE_ATTR/LOAD_METHOD)
// remembers how the last type it saw resolves the name; these tables
// remember it for every (type version, name) pair, so that a site seeing
// several types (a method of a base class running on instances of its
// subclasses) switches its cache to the other type with one probe instead
// of a full attribute lookup and a new cache entry. It is the part of
// CPython 3.11's specialization that keeps polymorphic sites cheap.
//
// Entries are immutable once published, like the method cache's (type.go),
// and an entry is only used while its type keeps the version it was made
// under.

import "sync/atomic"

const attrTableSize = 1 << 12

var (
	loadTable  [attrTableSize]atomic.Pointer[inlineCache]
	storeTable [attrTableSize]atomic.Pointer[inlineCache]
)

func attrTableSlot(table *[attrTableSize]atomic.Pointer[inlineCache], v uint32, name *Str) *atomic.Pointer[inlineCache] {
	return &table[(uint64(v)*0x9E3779B1^uint64(name.Hash()))&(attrTableSize-1)]
}

// typeAttrCache returns how loading name from instances of t resolves
// (kind attrNone when no cached form applies), or nil when t has no
// version. obj is the instance at hand, whose dict gives the index hint.
func typeAttrCache(t *Type, name *Str, obj Value) *inlineCache {
	v := t.version
	if v == 0 {
		return nil
	}
	slot := attrTableSlot(&loadTable, v, name)
	if c := slot.Load(); c != nil && c.typ == t && c.typeVer == v && c.name == name {
		return c
	}
	c := attrCacheFor(t, name)
	if c.kind == attrInstance && obj.IsHeap() {
		if d := obj.header().dict; d != nil && !d.nonStr {
			c.hint = max(d.lookupStr(name), 0)
		}
	}
	slot.Store(c)
	return c
}

// attrCacheFor describes how name resolves on t.
func attrCacheFor(t *Type, name *Str) *inlineCache {
	c := &inlineCache{name: name, typ: t, typeVer: t.version}
	if t.flags&flagHasGetattr != 0 || !isGenericGetAttr(t) {
		return c // attrNone
	}
	descr := t.Lookup(name)
	if descr.IsNull() {
		c.kind = attrInstance
		return c
	}
	dt := descr.Type()
	switch {
	case dt.DescrGet != nil && dt.DescrSet != nil:
		c.kind = attrDataDescr
	case dt == FunctionType:
		c.kind = attrMethod
	case dt == MethodDescriptorType:
		c.kind = attrMethodDescr
	case dt.DescrGet == nil:
		c.kind = attrClassValue
	default:
		return c
	}
	c.value = descr
	return c
}

// typeStoreCache returns the cache for storing name on instances of t
// when the value goes straight into the instance dict (a heap type with
// object's __setattr__ and no descriptor for the name), else nil.
func typeStoreCache(t *Type, name *Str) *inlineCache {
	v := t.version
	if v == 0 || !t.IsHeapType() || !t.hasDict {
		return nil
	}
	slot := attrTableSlot(&storeTable, v, name)
	if c := slot.Load(); c != nil && c.typ == t && c.typeVer == v && c.name == name {
		if c.kind == attrNone {
			return nil
		}
		return c
	}
	c := &inlineCache{name: name, typ: t, typeVer: v}
	if isGenericSetAttr(t) && t.Lookup(name).IsNull() {
		c.kind = attrInstance
	}
	slot.Store(c)
	if c.kind == attrNone {
		return nil
	}
	return c
}
