package hashlib

// BLAKE2b and BLAKE2s (RFC 7693) with the parameter block hashlib exposes
// (digest_size, key, salt, person). Written here because the Go standard
// library has no BLAKE2 and golang.org/x/crypto is not a dependency.

import (
	"encoding/binary"
	"math/bits"
)

var blake2bIV = [8]uint64{
	0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
	0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
}

var blake2sIV = [8]uint32{
	0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
	0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
}

var sigma = [12][16]byte{
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
	{14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
	{11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
	{7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
	{9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
	{2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
	{12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
	{13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
	{6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
	{10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
	{14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
}

// blake2b is a BLAKE2b state implementing hash.Hash.
type blake2b struct {
	h      [8]uint64
	t      [2]uint64
	buf    [128]byte
	n      int
	size   int
	keyBlk []byte
	init   [8]uint64
}

func newBlake2b(size int, key, salt, person []byte) *blake2b {
	d := &blake2b{size: size}
	var p [64]byte
	p[0] = byte(size)
	p[1] = byte(len(key))
	p[2] = 1 // fanout
	p[3] = 1 // depth
	copy(p[32:48], salt)
	copy(p[48:64], person)
	for i := range d.init {
		d.init[i] = blake2bIV[i] ^ binary.LittleEndian.Uint64(p[8*i:])
	}
	if len(key) > 0 {
		d.keyBlk = make([]byte, 128)
		copy(d.keyBlk, key)
	}
	d.Reset()
	return d
}

func (d *blake2b) Reset() {
	d.h = d.init
	d.t = [2]uint64{}
	d.n = 0
	if d.keyBlk != nil {
		copy(d.buf[:], d.keyBlk)
		d.n = 128
	}
}

func (d *blake2b) Size() int      { return d.size }
func (d *blake2b) BlockSize() int { return 128 }

func (d *blake2b) compress(block []byte, last bool) {
	var m [16]uint64
	for i := range m {
		m[i] = binary.LittleEndian.Uint64(block[8*i:])
	}
	var v [16]uint64
	copy(v[:8], d.h[:])
	copy(v[8:], blake2bIV[:])
	v[12] ^= d.t[0]
	v[13] ^= d.t[1]
	if last {
		v[14] = ^v[14]
	}
	g := func(a, b, c, e int, x, y uint64) {
		v[a] = v[a] + v[b] + x
		v[e] = bits.RotateLeft64(v[e]^v[a], -32)
		v[c] = v[c] + v[e]
		v[b] = bits.RotateLeft64(v[b]^v[c], -24)
		v[a] = v[a] + v[b] + y
		v[e] = bits.RotateLeft64(v[e]^v[a], -16)
		v[c] = v[c] + v[e]
		v[b] = bits.RotateLeft64(v[b]^v[c], -63)
	}
	for r := 0; r < 12; r++ {
		s := &sigma[r]
		g(0, 4, 8, 12, m[s[0]], m[s[1]])
		g(1, 5, 9, 13, m[s[2]], m[s[3]])
		g(2, 6, 10, 14, m[s[4]], m[s[5]])
		g(3, 7, 11, 15, m[s[6]], m[s[7]])
		g(0, 5, 10, 15, m[s[8]], m[s[9]])
		g(1, 6, 11, 12, m[s[10]], m[s[11]])
		g(2, 7, 8, 13, m[s[12]], m[s[13]])
		g(3, 4, 9, 14, m[s[14]], m[s[15]])
	}
	for i := 0; i < 8; i++ {
		d.h[i] ^= v[i] ^ v[i+8]
	}
}

func (d *blake2b) addCount(n uint64) {
	d.t[0] += n
	if d.t[0] < n {
		d.t[1]++
	}
}

func (d *blake2b) Write(p []byte) (int, error) {
	total := len(p)
	for len(p) > 0 {
		if d.n == 128 {
			d.addCount(128)
			d.compress(d.buf[:], false)
			d.n = 0
		}
		k := copy(d.buf[d.n:], p)
		d.n += k
		p = p[k:]
	}
	return total, nil
}

func (d *blake2b) Sum(in []byte) []byte {
	c := *d
	c.addCount(uint64(c.n))
	clear(c.buf[c.n:])
	c.compress(c.buf[:], true)
	var out [64]byte
	for i, x := range c.h {
		binary.LittleEndian.PutUint64(out[8*i:], x)
	}
	return append(in, out[:c.size]...)
}

func (d *blake2b) clone() *blake2b { c := *d; return &c }

// blake2s is a BLAKE2s state implementing hash.Hash.
type blake2s struct {
	h      [8]uint32
	t      [2]uint32
	buf    [64]byte
	n      int
	size   int
	keyBlk []byte
	init   [8]uint32
}

func newBlake2s(size int, key, salt, person []byte) *blake2s {
	d := &blake2s{size: size}
	var p [32]byte
	p[0] = byte(size)
	p[1] = byte(len(key))
	p[2] = 1
	p[3] = 1
	copy(p[16:24], salt)
	copy(p[24:32], person)
	for i := range d.init {
		d.init[i] = blake2sIV[i] ^ binary.LittleEndian.Uint32(p[4*i:])
	}
	if len(key) > 0 {
		d.keyBlk = make([]byte, 64)
		copy(d.keyBlk, key)
	}
	d.Reset()
	return d
}

func (d *blake2s) Reset() {
	d.h = d.init
	d.t = [2]uint32{}
	d.n = 0
	if d.keyBlk != nil {
		copy(d.buf[:], d.keyBlk)
		d.n = 64
	}
}

func (d *blake2s) Size() int      { return d.size }
func (d *blake2s) BlockSize() int { return 64 }

func (d *blake2s) compress(block []byte, last bool) {
	var m [16]uint32
	for i := range m {
		m[i] = binary.LittleEndian.Uint32(block[4*i:])
	}
	var v [16]uint32
	copy(v[:8], d.h[:])
	copy(v[8:], blake2sIV[:])
	v[12] ^= d.t[0]
	v[13] ^= d.t[1]
	if last {
		v[14] = ^v[14]
	}
	g := func(a, b, c, e int, x, y uint32) {
		v[a] = v[a] + v[b] + x
		v[e] = bits.RotateLeft32(v[e]^v[a], -16)
		v[c] = v[c] + v[e]
		v[b] = bits.RotateLeft32(v[b]^v[c], -12)
		v[a] = v[a] + v[b] + y
		v[e] = bits.RotateLeft32(v[e]^v[a], -8)
		v[c] = v[c] + v[e]
		v[b] = bits.RotateLeft32(v[b]^v[c], -7)
	}
	for r := 0; r < 10; r++ {
		s := &sigma[r]
		g(0, 4, 8, 12, m[s[0]], m[s[1]])
		g(1, 5, 9, 13, m[s[2]], m[s[3]])
		g(2, 6, 10, 14, m[s[4]], m[s[5]])
		g(3, 7, 11, 15, m[s[6]], m[s[7]])
		g(0, 5, 10, 15, m[s[8]], m[s[9]])
		g(1, 6, 11, 12, m[s[10]], m[s[11]])
		g(2, 7, 8, 13, m[s[12]], m[s[13]])
		g(3, 4, 9, 14, m[s[14]], m[s[15]])
	}
	for i := 0; i < 8; i++ {
		d.h[i] ^= v[i] ^ v[i+8]
	}
}

func (d *blake2s) addCount(n uint32) {
	d.t[0] += n
	if d.t[0] < n {
		d.t[1]++
	}
}

func (d *blake2s) Write(p []byte) (int, error) {
	total := len(p)
	for len(p) > 0 {
		if d.n == 64 {
			d.addCount(64)
			d.compress(d.buf[:], false)
			d.n = 0
		}
		k := copy(d.buf[d.n:], p)
		d.n += k
		p = p[k:]
	}
	return total, nil
}

func (d *blake2s) Sum(in []byte) []byte {
	c := *d
	c.addCount(uint32(c.n))
	clear(c.buf[c.n:])
	c.compress(c.buf[:], true)
	var out [32]byte
	for i, x := range c.h {
		binary.LittleEndian.PutUint32(out[4*i:], x)
	}
	return append(in, out[:c.size]...)
}

func (d *blake2s) clone() *blake2s { c := *d; return &c }
