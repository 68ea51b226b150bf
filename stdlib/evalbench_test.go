package stdlib_test

// Benchmarks of the eval loop's hot paths, so that a speed regression shows
// up in a plain `go test -bench . ./stdlib` run. Each benchmark calls a
// Python function whose loop runs b.N times over one kind of work; ns/op
// and allocs/op are per loop iteration (the loop itself included, which
// BenchmarkLoop measures alone).

import (
	"testing"

	"gilpy/stdlib"
	pysys "gilpy/stdlib/sys"
	"gilpy/vm"
)

const benchSource = `
G = 7

def loop(n):
    for i in range(n):
        pass

def int_arith(n):
    x = 0
    for i in range(n):
        x = (x + i * 3) % 1000003

def float_arith(n):
    x = 0.5
    for i in range(n):
        x = x * 1.0000001 + 0.25 - x / 3.0

def global_load(n):
    x = 0
    for i in range(n):
        x = G + G

def call(n):
    def f(a, b):
        return a
    for i in range(n):
        f(i, i)

def call_kw(n):
    def f(a, b=1, *, c=2):
        return a
    for i in range(n):
        f(i, c=i)

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return self.x + self.y

def method_call(n):
    p = Point(1, 2)
    for i in range(n):
        p.norm1()

def attr_load_store(n):
    p = Point(1, 2)
    for i in range(n):
        p.x = p.y + 1

def instance_create(n):
    for i in range(n):
        Point(i, i)

def builtin_call(n):
    s = "abc"
    for i in range(n):
        len(s)
        str(i)

def dict_str(n):
    d = {}
    keys = ["k%d" % j for j in range(100)]
    for i in range(n):
        k = keys[i % 100]
        d[k] = d.get(k, 0) + 1

def str_concat(n):
    for i in range(n):
        s = "a" + str(i) + "b"

def list_ops(n):
    l = []
    for i in range(n):
        l.append(i)
        l[-1] = l[i // 2]

def generator(n):
    def gen(n):
        for i in range(n):
            yield i
    for x in gen(n):
        pass

def closure(n):
    c = 0
    def inc():
        nonlocal c
        c += 1
    for i in range(n):
        inc()

def exceptions(n):
    for i in range(n):
        try:
            raise ValueError(i)
        except ValueError:
            pass

def list_comp(n):
    for i in range(n // 10 + 1):
        [x * 2 for x in range(10)]

def sort_small(n):
    data = [(i * 7919) % 1009 for i in range(100)]
    for i in range(n // 100 + 1):
        sorted(data)
`

var benchInterp struct {
	th   *vm.Thread
	main *vm.Module
}

func benchFunc(b *testing.B, name string) {
	if benchInterp.th == nil {
		_, th := stdlib.NewInterpreter(pysys.Options{Argv: []string{""}})
		m := stdlib.MainModule(th)
		if err := th.ExecMain([]byte(benchSource), "<bench>", m); err != nil {
			b.Fatal(err)
		}
		benchInterp.th, benchInterp.main = th, m
	}
	fn, ok := benchInterp.main.Get(name)
	if !ok {
		b.Fatalf("no function %s", name)
	}
	b.ReportAllocs()
	b.ResetTimer()
	if _, err := vm.Call(benchInterp.th, fn, []vm.Value{vm.MakeInt(int64(b.N))}, nil); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkLoop(b *testing.B)           { benchFunc(b, "loop") }
func BenchmarkIntArith(b *testing.B)       { benchFunc(b, "int_arith") }
func BenchmarkFloatArith(b *testing.B)     { benchFunc(b, "float_arith") }
func BenchmarkGlobalLoad(b *testing.B)     { benchFunc(b, "global_load") }
func BenchmarkCall(b *testing.B)           { benchFunc(b, "call") }
func BenchmarkCallKeywords(b *testing.B)   { benchFunc(b, "call_kw") }
func BenchmarkMethodCall(b *testing.B)     { benchFunc(b, "method_call") }
func BenchmarkAttrLoadStore(b *testing.B)  { benchFunc(b, "attr_load_store") }
func BenchmarkInstanceCreate(b *testing.B) { benchFunc(b, "instance_create") }
func BenchmarkBuiltinCall(b *testing.B)    { benchFunc(b, "builtin_call") }
func BenchmarkDictStr(b *testing.B)        { benchFunc(b, "dict_str") }
func BenchmarkStrConcat(b *testing.B)      { benchFunc(b, "str_concat") }
func BenchmarkListOps(b *testing.B)        { benchFunc(b, "list_ops") }
func BenchmarkGenerator(b *testing.B)      { benchFunc(b, "generator") }
func BenchmarkClosure(b *testing.B)        { benchFunc(b, "closure") }
func BenchmarkExceptions(b *testing.B)     { benchFunc(b, "exceptions") }
func BenchmarkListComp(b *testing.B)       { benchFunc(b, "list_comp") }
func BenchmarkSortSmall(b *testing.B)      { benchFunc(b, "sort_small") }
