package vm

// This file gives stdlib packages the address of a heap object, for
// weak references (package weak needs a *T): the header is the first
// field of every heap object, so a *Object is a pointer to the start of
// the allocation.

// HeapObject returns the header of a heap value, or nil for immediates
// (ints that fit in 64 bits, floats, bools, None).
func (v Value) HeapObject() *Object {
	if v.IsHeap() {
		return (*Object)(v.p)
	}
	return nil
}
