// Package hashlib is the _hashlib module behind hashlib.py and hmac.py:
// hash objects for MD5, SHA-1, SHA-2, SHA-3, SHAKE and BLAKE2 on Go's
// crypto packages (BLAKE2 in blake2.go). Like CPython, update() releases
// the GIL for inputs of 2048 bytes or more, so threads hashing large
// buffers run in parallel.
package hashlib

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"crypto/subtle"
	"encoding"
	"encoding/hex"
	"hash"
	"strconv"
	"strings"
	"sync"

	"gilpy/vm"
)

// gilMinSize is CPython's HASHLIB_GIL_MINSIZE.
const gilMinSize = 2048

// Hash is a hashlib hash object.
type Hash struct {
	vm.Object
	mu    sync.Mutex // update() may run without the GIL
	name  string
	h     hash.Hash
	shake *sha3.SHAKE
	block int
}

var (
	hashLayout = vm.NewLayout[Hash]("_hashlib.HASH")
	hashType   *vm.Type
	xofType    *vm.Type
	blake2bT   *vm.Type
	blake2sT   *vm.Type
	sha3Types  = map[string]*vm.Type{}
)

func constructor(name string) (func() hash.Hash, int, bool) {
	switch name {
	case "md5":
		return md5.New, 64, true
	case "sha1":
		return sha1.New, 64, true
	case "sha224":
		return sha256.New224, 64, true
	case "sha256":
		return sha256.New, 64, true
	case "sha384":
		return sha512.New384, 128, true
	case "sha512":
		return sha512.New, 128, true
	case "sha512_224":
		return sha512.New512_224, 128, true
	case "sha512_256":
		return sha512.New512_256, 128, true
	case "sha3_224":
		return func() hash.Hash { return sha3.New224() }, 144, true
	case "sha3_256":
		return func() hash.Hash { return sha3.New256() }, 136, true
	case "sha3_384":
		return func() hash.Hash { return sha3.New384() }, 104, true
	case "sha3_512":
		return func() hash.Hash { return sha3.New512() }, 72, true
	case "blake2b":
		return func() hash.Hash { return newBlake2b(64, nil, nil, nil) }, 128, true
	case "blake2s":
		return func() hash.Hash { return newBlake2s(32, nil, nil, nil) }, 64, true
	}
	return nil, 0, false
}

// canonical maps the names new() accepts to hashlib's names.
func canonical(name string) string {
	n := strings.ToLower(name)
	switch n {
	case "sha-1":
		return "sha1"
	case "sha-224":
		return "sha224"
	case "sha-256":
		return "sha256"
	case "sha-384":
		return "sha384"
	case "sha-512":
		return "sha512"
	case "sha512-224":
		return "sha512_224"
	case "sha512-256":
		return "sha512_256"
	}
	return n
}

func typeFor(name string) *vm.Type {
	switch {
	case name == "blake2b":
		return blake2bT
	case name == "blake2s":
		return blake2sT
	case strings.HasPrefix(name, "sha3_"):
		return sha3Types[name]
	case strings.HasPrefix(name, "shake_"):
		return xofType
	}
	return hashType
}

func newHash(th *vm.Thread, name string, data vm.Value) (vm.Value, error) {
	name = canonical(name)
	o := hashLayout.New(typeFor(name))
	o.name = name
	switch name {
	case "shake_128":
		o.shake, o.block = sha3.NewSHAKE128(), 168
	case "shake_256":
		o.shake, o.block = sha3.NewSHAKE256(), 136
	default:
		mk, block, ok := constructor(name)
		if !ok {
			return vm.Null, vm.Errorf(vm.ValueError, "unsupported hash type %s", name)
		}
		o.h, o.block = mk(), block
	}
	if !data.IsNull() && !data.IsNone() {
		if err := o.update(th, data); err != nil {
			return vm.Null, err
		}
	}
	return o.Value(), nil
}

func bytesArg(v vm.Value) ([]byte, error) {
	if _, ok := vm.AsStr(v); ok {
		return nil, vm.Errorf(vm.TypeError, "Strings must be encoded before hashing")
	}
	b, ok := vm.AsBytesLike(v)
	if !ok {
		return nil, vm.Errorf(vm.TypeError, "object supporting the buffer API required")
	}
	return b, nil
}

func (o *Hash) write(b []byte) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.shake != nil {
		o.shake.Write(b)
	} else {
		o.h.Write(b)
	}
}

func (o *Hash) update(th *vm.Thread, data vm.Value) error {
	b, err := bytesArg(data)
	if err != nil {
		return err
	}
	if len(b) >= gilMinSize {
		cp := append([]byte(nil), b...)
		th.Blocking(func() { o.write(cp) })
		return nil
	}
	o.write(b)
	return nil
}

// clone copies the state (the Go hashes marshal their state for that).
func (o *Hash) clone() (*Hash, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	c := hashLayout.New(o.Type())
	c.name, c.block = o.name, o.block
	switch h := o.h.(type) {
	case *blake2b:
		c.h = h.clone()
		return c, nil
	case *blake2s:
		c.h = h.clone()
		return c, nil
	}
	if o.shake != nil {
		st, err := o.shake.MarshalBinary()
		if err != nil {
			return nil, err
		}
		if o.name == "shake_128" {
			c.shake = sha3.NewSHAKE128()
		} else {
			c.shake = sha3.NewSHAKE256()
		}
		return c, c.shake.UnmarshalBinary(st)
	}
	m, ok := o.h.(encoding.BinaryMarshaler)
	if !ok {
		return nil, vm.Errorf(vm.ValueError, "cannot copy this hash")
	}
	st, err := m.MarshalBinary()
	if err != nil {
		return nil, vm.Errorf(vm.ValueError, "%s", err.Error())
	}
	mk, _, _ := constructor(o.name)
	c.h = mk()
	if err := c.h.(encoding.BinaryUnmarshaler).UnmarshalBinary(st); err != nil {
		return nil, vm.Errorf(vm.ValueError, "%s", err.Error())
	}
	return c, nil
}

func (o *Hash) digest() []byte {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.h.Sum(nil)
}

func (o *Hash) shakeDigest(n int) ([]byte, error) {
	c, err := o.clone()
	if err != nil {
		return nil, err
	}
	out := make([]byte, n)
	c.shake.Read(out)
	return out, nil
}

func self(v vm.Value) *Hash { return hashLayout.Must(v) }

func hashMethods(xof bool) []*vm.BuiltinMethod {
	ms := []*vm.BuiltinMethod{
		{Name: "update", Doc: "Update this hash object's state with the provided string.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("update", args[1:], 1, 1); err != nil {
				return vm.Null, err
			}
			return vm.None, self(args[0]).update(th, args[1])
		}},
		{Name: "copy", Doc: "Return a copy of the hash object.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			c, err := self(args[0]).clone()
			if err != nil {
				return vm.Null, err
			}
			return c.Value(), nil
		}},
	}
	if xof {
		lengthArg := func(th *vm.Thread, args, kw []vm.Value, name string) (int, error) {
			l := vm.Null
			if err := vm.UnpackArgs(name, args[1:], kw, "length", &l); err != nil {
				return 0, err
			}
			n, err := vm.AsIndex(th, l)
			if err != nil {
				return 0, err
			}
			if n < 0 {
				return 0, vm.Errorf(vm.ValueError, "length must be non-negative")
			}
			return n, nil
		}
		ms = append(ms,
			&vm.BuiltinMethod{Name: "digest", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				n, err := lengthArg(th, args, kw, "digest")
				if err != nil {
					return vm.Null, err
				}
				b, err := self(args[0]).shakeDigest(n)
				if err != nil {
					return vm.Null, err
				}
				return vm.NewBytes(b).Value(), nil
			}},
			&vm.BuiltinMethod{Name: "hexdigest", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				n, err := lengthArg(th, args, kw, "hexdigest")
				if err != nil {
					return vm.Null, err
				}
				b, err := self(args[0]).shakeDigest(n)
				if err != nil {
					return vm.Null, err
				}
				return vm.MakeStr(hex.EncodeToString(b)), nil
			}})
		return ms
	}
	return append(ms,
		&vm.BuiltinMethod{Name: "digest", Doc: "Return the digest value as a bytes object.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			return vm.NewBytes(self(args[0]).digest()).Value(), nil
		}},
		&vm.BuiltinMethod{Name: "hexdigest", Doc: "Return the digest value as a string of hexadecimal digits.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			return vm.MakeStr(hex.EncodeToString(self(args[0]).digest())), nil
		}})
}

func hashGetters() []*vm.GetSet {
	return []*vm.GetSet{
		{Name: "name", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeStr(self(v).name), nil }},
		{Name: "digest_size", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			o := self(v)
			if o.shake != nil {
				return vm.MakeInt(0), nil
			}
			return vm.MakeInt(int64(o.h.Size())), nil
		}},
		{Name: "block_size", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeInt(int64(self(v).block)), nil }},
	}
}

func newHashType(name, module string, xof bool, slots vm.Slots) *vm.Type {
	if slots.Repr == nil {
		slots.Repr = func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			return vm.MakeStr("<" + self(v).name + " " + v.Type().FullName() + " object @ 0x" + strconv.FormatUint(vm.ID(v), 16) + ">"), nil
		}
	}
	return vm.NewBuiltinType(vm.TypeSpec{
		Name: name, Module: module, Layout: hashLayout.Info(), Slots: slots,
		Methods: hashMethods(xof), Getters: hashGetters(),
	})
}

// blake2New is blake2b(data=b”, *, digest_size, key, salt, person, ...).
func blake2New(big bool) func(th *vm.Thread, t *vm.Type, args, kw []vm.Value) (vm.Value, error) {
	return func(th *vm.Thread, t *vm.Type, args, kw []vm.Value) (vm.Value, error) {
		maxDigest, maxKey, maxSalt := 64, 64, 16
		name := "blake2b"
		if !big {
			maxDigest, maxKey, maxSalt, name = 32, 32, 8, "blake2s"
		}
		data, ds, key, salt, person := vm.None, vm.MakeInt(int64(maxDigest)), vm.Null, vm.Null, vm.Null
		var ignored [8]vm.Value
		if err := vm.UnpackArgs(name, args, kw, "data?", &data, "/", "*", "digest_size?", &ds, "key?", &key, "salt?", &salt, "person?", &person,
			"fanout?", &ignored[0], "depth?", &ignored[1], "leaf_size?", &ignored[2], "node_offset?", &ignored[3],
			"node_depth?", &ignored[4], "inner_size?", &ignored[5], "last_node?", &ignored[6], "usedforsecurity?", &ignored[7]); err != nil {
			return vm.Null, err
		}
		size, err := vm.AsIndex(th, ds)
		if err != nil {
			return vm.Null, err
		}
		if size < 1 || size > maxDigest {
			return vm.Null, vm.Errorf(vm.ValueError, "digest_size must be between 1 and %d bytes", maxDigest)
		}
		get := func(v vm.Value, what string, limit int) ([]byte, error) {
			if v.IsNull() {
				return nil, nil
			}
			b, ok := vm.AsBytesLike(v)
			if !ok {
				return nil, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", vm.TypeName(v))
			}
			if len(b) > limit {
				return nil, vm.Errorf(vm.ValueError, "maximum %s length is %d bytes", what, limit)
			}
			return b, nil
		}
		k, err := get(key, "key", maxKey)
		if err != nil {
			return vm.Null, err
		}
		s, err := get(salt, "salt", maxSalt)
		if err != nil {
			return vm.Null, err
		}
		p, err := get(person, "person", maxSalt)
		if err != nil {
			return vm.Null, err
		}
		o := hashLayout.New(t)
		o.name = name
		if big {
			o.h, o.block = newBlake2b(size, k, s, p), 128
		} else {
			o.h, o.block = newBlake2s(size, k, s, p), 64
		}
		if !data.IsNone() {
			if err := o.update(th, data); err != nil {
				return vm.Null, err
			}
		}
		return o.Value(), nil
	}
}

func init() {
	hashType = newHashType("HASH", "_hashlib", false, vm.Slots{})
	xofType = newHashType("HASHXOF", "_hashlib", true, vm.Slots{})
	blake2bT = newHashType("blake2b", "_blake2", false, vm.Slots{New: blake2New(true)})
	blake2sT = newHashType("blake2s", "_blake2", false, vm.Slots{New: blake2New(false)})
	for _, n := range []string{"sha3_224", "sha3_256", "sha3_384", "sha3_512"} {
		sha3Types[n] = newHashType(n, "_sha3", false, vm.Slots{})
	}
	vm.RegisterModule("_hashlib", func(th *vm.Thread, m *vm.Module) error {
		m.Set("HASH", hashType.Value())
		m.Set("HASHXOF", xofType.Value())
		m.Set("blake2b", blake2bT.Value())
		m.Set("blake2s", blake2sT.Value())
		m.AddFunc("new", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			name, data, ufs := vm.Null, vm.None, vm.True
			if err := vm.UnpackArgs("new", args, kw, "name", &name, "data?", &data, "*", "usedforsecurity?", &ufs); err != nil {
				return vm.Null, err
			}
			s, ok := vm.AsStr(name)
			if !ok {
				return vm.Null, vm.Errorf(vm.TypeError, "new() argument 'name' must be str, not %s", vm.TypeName(name))
			}
			return newHash(th, s.String(), data)
		})
		for _, n := range []string{"md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256"} {
			n := n
			m.AddFunc("openssl_"+n, func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				data, ufs, str := vm.None, vm.True, vm.None
				if err := vm.UnpackArgs(n, args, kw, "string?", &data, "*", "usedforsecurity?", &ufs, "data?", &str); err != nil {
					return vm.Null, err
				}
				if data.IsNone() {
					data = str
				}
				return newHash(th, n, data)
			})
		}
		m.AddFunc("pbkdf2_hmac", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			name, pw, salt, iters, dklen := vm.Null, vm.Null, vm.Null, vm.Null, vm.None
			if err := vm.UnpackArgs("pbkdf2_hmac", args, kw, "hash_name", &name, "password", &pw, "salt", &salt, "iterations", &iters, "dklen?", &dklen); err != nil {
				return vm.Null, err
			}
			ns, _ := vm.AsStr(name)
			if ns == nil {
				return vm.Null, vm.Errorf(vm.TypeError, "pbkdf2_hmac() argument 'hash_name' must be str")
			}
			mk, _, ok := constructor(canonical(ns.String()))
			if !ok {
				return vm.Null, vm.Errorf(vm.ValueError, "unsupported hash type %s", ns.String())
			}
			p, err := bytesArg(pw)
			if err != nil {
				return vm.Null, err
			}
			s, err := bytesArg(salt)
			if err != nil {
				return vm.Null, err
			}
			n, err := vm.AsIndex(th, iters)
			if err != nil {
				return vm.Null, err
			}
			if n < 1 {
				return vm.Null, vm.Errorf(vm.ValueError, "iteration value must be greater than 0.")
			}
			length := mk().Size()
			if !dklen.IsNone() {
				if length, err = vm.AsIndex(th, dklen); err != nil {
					return vm.Null, err
				}
				if length < 1 {
					return vm.Null, vm.Errorf(vm.ValueError, "key length must be greater than 0.")
				}
			}
			var out []byte
			var kerr error
			th.Blocking(func() { out, kerr = pbkdf2.Key(mk, string(p), s, n, length) })
			if kerr != nil {
				return vm.Null, vm.Errorf(vm.ValueError, "%s", kerr.Error())
			}
			return vm.NewBytes(out).Value(), nil
		})
		m.AddFunc("compare_digest", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("compare_digest", args, 2, 2); err != nil {
				return vm.Null, err
			}
			as, aStr := vm.AsStr(args[0])
			bs, bStr := vm.AsStr(args[1])
			if aStr && bStr {
				return vm.MakeBool(subtle.ConstantTimeCompare([]byte(as.String()), []byte(bs.String())) == 1), nil
			}
			if aStr || bStr {
				return vm.Null, vm.Errorf(vm.TypeError, "unsupported operand types(s) or combination of types: '%s' and '%s'", vm.TypeName(args[0]), vm.TypeName(args[1]))
			}
			a, ok1 := vm.AsBytesLike(args[0])
			b, ok2 := vm.AsBytesLike(args[1])
			if !ok1 || !ok2 {
				return vm.Null, vm.Errorf(vm.TypeError, "unsupported operand types(s) or combination of types: '%s' and '%s'", vm.TypeName(args[0]), vm.TypeName(args[1]))
			}
			return vm.MakeBool(subtle.ConstantTimeCompare(a, b) == 1), nil
		})
		m.AddFunc("hmac_digest", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("hmac_digest", args, 3, 3); err != nil {
				return vm.Null, err
			}
			key, err := bytesArg(args[0])
			if err != nil {
				return vm.Null, err
			}
			msg, err := bytesArg(args[1])
			if err != nil {
				return vm.Null, err
			}
			ns, _ := vm.AsStr(args[2])
			if ns == nil {
				return vm.Null, vm.Errorf(vm.TypeError, "digest must be a name")
			}
			mk, _, ok := constructor(canonical(ns.String()))
			if !ok {
				return vm.Null, vm.Errorf(vm.ValueError, "unsupported hash type %s", ns.String())
			}
			h := hmac.New(mk, key)
			h.Write(msg)
			return vm.NewBytes(h.Sum(nil)).Value(), nil
		})
		return nil
	})
}
