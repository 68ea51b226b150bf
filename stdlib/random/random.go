// Package random is the _random module: the Mersenne Twister core that
// random.py's Random class builds on.
//
// Seeding, random() and getrandbits() reproduce CPython's _randommodule
// exactly (init_by_array over the 32-bit words of abs(seed), the 53-bit
// float from two outputs), so random.seed(n) yields CPython's sequences;
// everything built on top (randrange, shuffle, gauss, ...) lives in
// stdlib/pylib/lib/random.py and draws from these in the same order.
package random

import (
	"crypto/rand"
	"crypto/sha512"
	"encoding/binary"
	"math/big"

	"gilpy/vm"
)

const (
	n         = 624
	m         = 397
	matrixA   = 0x9908b0df
	upperMask = 0x80000000
	lowerMask = 0x7fffffff
)

// Random is a _random.Random instance: the generator state.
type Random struct {
	vm.Object
	mt    [n]uint32
	index int
}

var randomLayout = vm.NewLayout[Random]("_random.Random")

// RandomType is _random.Random.
var RandomType *vm.Type

func (r *Random) initGenrand(s uint32) {
	r.mt[0] = s
	for i := 1; i < n; i++ {
		r.mt[i] = 1812433253*(r.mt[i-1]^(r.mt[i-1]>>30)) + uint32(i)
	}
	r.index = n
}

func (r *Random) initByArray(key []uint32) {
	r.initGenrand(19650218)
	i, j := 1, 0
	k := n
	if len(key) > k {
		k = len(key)
	}
	for ; k > 0; k-- {
		r.mt[i] = (r.mt[i] ^ ((r.mt[i-1] ^ (r.mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= n {
			r.mt[0] = r.mt[n-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = n - 1; k > 0; k-- {
		r.mt[i] = (r.mt[i] ^ ((r.mt[i-1] ^ (r.mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= n {
			r.mt[0] = r.mt[n-1]
			i = 1
		}
	}
	r.mt[0] = 0x80000000
}

func (r *Random) genrand() uint32 {
	if r.index >= n {
		var kk int
		mag := [2]uint32{0, matrixA}
		for kk = 0; kk < n-m; kk++ {
			y := (r.mt[kk] & upperMask) | (r.mt[kk+1] & lowerMask)
			r.mt[kk] = r.mt[kk+m] ^ (y >> 1) ^ mag[y&1]
		}
		for ; kk < n-1; kk++ {
			y := (r.mt[kk] & upperMask) | (r.mt[kk+1] & lowerMask)
			r.mt[kk] = r.mt[kk+(m-n)] ^ (y >> 1) ^ mag[y&1]
		}
		y := (r.mt[n-1] & upperMask) | (r.mt[0] & lowerMask)
		r.mt[n-1] = r.mt[m-1] ^ (y >> 1) ^ mag[y&1]
		r.index = 0
	}
	y := r.mt[r.index]
	r.index++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

// Float is random(): 53 random bits scaled to [0, 1).
func (r *Random) Float() float64 {
	a := r.genrand() >> 5
	b := r.genrand() >> 6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}

func (r *Random) seedURandom() {
	var buf [n * 4]byte
	if _, err := rand.Read(buf[:]); err != nil {
		r.initGenrand(uint32(len(buf)))
		return
	}
	key := make([]uint32, n)
	for i := range key {
		key[i] = binary.LittleEndian.Uint32(buf[4*i:])
	}
	r.initByArray(key)
}

// seedBig seeds from abs(v) as CPython's random_seed does.
func (r *Random) seedBig(v *big.Int) {
	a := new(big.Int).Abs(v)
	words := a.Bits()
	var key []uint32
	for _, w := range words {
		key = append(key, uint32(w))
		if bitsPerWord == 64 {
			key = append(key, uint32(uint64(w)>>32))
		}
	}
	for len(key) > 1 && key[len(key)-1] == 0 {
		key = key[:len(key)-1]
	}
	if len(key) == 0 {
		key = []uint32{0}
	}
	r.initByArray(key)
}

const bitsPerWord = 32 << (^uint(0) >> 63)

func (r *Random) seed(th *vm.Thread, arg vm.Value) error {
	switch {
	case arg.IsNull() || arg.IsNone():
		r.seedURandom()
		return nil
	case vm.IsInt(arg):
		r.seedBig(vm.ToBig(arg))
		return nil
	}
	h, err := vm.Hash(th, arg)
	if err != nil {
		return err
	}
	r.seedBig(big.NewInt(h))
	return nil
}

func self(v vm.Value) *Random { return randomLayout.Must(v) }

func init() {
	RandomType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "Random", Module: "_random", Layout: randomLayout.Info(),
		Doc: "Random() -> create a random number generator with its own internal state.",
		Slots: vm.Slots{
			New: func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				if t == RandomType && len(kw) > 0 {
					return vm.Null, vm.Errorf(vm.TypeError, "Random() takes no keyword arguments")
				}
				npos := len(args) - len(kw)
				if npos > 1 {
					return vm.Null, vm.Errorf(vm.TypeError, "Random() expected at most 1 argument, got %d", npos)
				}
				r := randomLayout.New(t)
				arg := vm.Null
				if npos == 1 {
					arg = args[0]
				}
				if err := r.seed(th, arg); err != nil {
					return vm.Null, err
				}
				return r.Value(), nil
			},
			Init: func(th *vm.Thread, self vm.Value, args []vm.Value, kw []vm.Value) error { return nil },
		},
		Methods: []*vm.BuiltinMethod{
			{Name: "random", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				if len(args) != 1 || len(kw) > 0 {
					return vm.Null, vm.Errorf(vm.TypeError, "Random.random() takes no arguments (%d given)", len(args)-1)
				}
				return vm.MakeFloat(self(args[0]).Float()), nil
			}},
			{Name: "seed", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				if err := vm.NoKeywords("seed", kw); err != nil {
					return vm.Null, err
				}
				if len(args) > 2 {
					return vm.Null, vm.Errorf(vm.TypeError, "seed expected at most 1 argument, got %d", len(args)-1)
				}
				arg := vm.Null
				if len(args) == 2 {
					arg = args[1]
				}
				if err := self(args[0]).seed(th, arg); err != nil {
					return vm.Null, err
				}
				return vm.None, nil
			}},
			{Name: "getrandbits", Fn: getrandbits},
			{Name: "getstate", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				r := self(args[0])
				items := make([]vm.Value, n+1)
				for i, w := range r.mt {
					items[i] = vm.MakeInt(int64(w))
				}
				items[n] = vm.MakeInt(int64(r.index))
				return vm.NewTuple(items...).Value(), nil
			}},
			{Name: "setstate", Fn: setstate},
		},
	})
	vm.RegisterModule("_random", func(th *vm.Thread, mod *vm.Module) error {
		mod.AddType(RandomType)
		// _sha512_seed is random.seed's conversion of a str/bytes seed:
		// int.from_bytes(data + sha512(data).digest(), 'big').
		mod.AddFunc("_sha512_seed", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			b, ok := vm.AsBytesLike(args[0])
			if !ok {
				return vm.Null, vm.Errorf(vm.TypeError, "bytes expected")
			}
			sum := sha512.Sum512(b)
			all := append(append([]byte{}, b...), sum[:]...)
			return vm.MakeBigInt(new(big.Int).SetBytes(all)), nil
		})
		return nil
	})
}

func getrandbits(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if err := vm.NoKeywords("getrandbits", kw); err != nil {
		return vm.Null, err
	}
	if len(args) != 2 {
		return vm.Null, vm.Errorf(vm.TypeError, "Random.getrandbits() takes exactly one argument (%d given)", len(args)-1)
	}
	r := self(args[0])
	k, err := vm.AsIndex(th, args[1])
	if err != nil {
		return vm.Null, err
	}
	if k < 0 {
		return vm.Null, vm.Errorf(vm.ValueError, "number of bits must be non-negative")
	}
	if k == 0 {
		return vm.MakeInt(0), nil
	}
	if k <= 32 {
		return vm.MakeInt(int64(r.genrand() >> (32 - k))), nil
	}
	// Fill 32-bit words from the least significant end; the last word
	// keeps its top bits.
	nw := (k-1)/32 + 1
	buf := make([]byte, nw*4)
	for i := 0; i < nw; i++ {
		w := r.genrand()
		if k < 32 {
			w >>= 32 - k
		}
		binary.BigEndian.PutUint32(buf[(nw-1-i)*4:], w)
		k -= 32
	}
	return vm.MakeBigInt(new(big.Int).SetBytes(buf)), nil
}

func setstate(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if len(args) != 2 {
		return vm.Null, vm.Errorf(vm.TypeError, "Random.setstate() takes exactly one argument (%d given)", len(args)-1)
	}
	r := self(args[0])
	t, ok := vm.AsTuple(args[1])
	if !ok {
		return vm.Null, vm.Errorf(vm.TypeError, "state vector must be a tuple")
	}
	if t.Len() != n+1 {
		return vm.Null, vm.Errorf(vm.ValueError, "state vector is the wrong size")
	}
	var mt [n]uint32
	for i := 0; i < n; i++ {
		x := t.At(i)
		if !vm.IsInt(x) {
			return vm.Null, vm.Errorf(vm.TypeError, "an integer is required (got type %s)", vm.TypeName(x))
		}
		b := vm.ToBig(x)
		if b.Sign() < 0 || b.BitLen() > 32 {
			return vm.Null, vm.Errorf(vm.OverflowError, "Python int too large to convert to C unsigned long")
		}
		mt[i] = uint32(b.Uint64())
	}
	idx, err := vm.AsIndex(th, t.At(n))
	if err != nil {
		return vm.Null, err
	}
	if idx < 0 || idx > n {
		return vm.Null, vm.Errorf(vm.ValueError, "invalid state")
	}
	r.mt = mt
	r.index = idx
	return vm.None, nil
}
