package parser

import (
	"fmt"
	"strings"
	"testing"
)

// benchUnit is a slice of ordinary Python: functions, a class, loops,
// comprehensions, calls, strings and f-strings.
const benchUnit = `def func_%[1]d(a, b=1, *args, key=None, **kwargs):
    """Docstring for func_%[1]d."""
    total = a + b * 2 - len(args)
    for i in range(10):
        if i %% 2 == 0 and key is not None:
            total += i
        elif i > 5:
            total -= kwargs.get("x", 0)
    values = [x * x for x in args if x]
    return {"total": total, "values": values, "name": f"func_{total}"}


class Thing_%[1]d(Base):
    def method(self, item):
        with open(item) as fh:
            return self.data[item:] + fh.read()
`

// benchSource returns about n lines of Python.
func benchSource(n int) []byte {
	var b strings.Builder
	lines := strings.Count(benchUnit, "\n")
	for i := 0; i*lines < n; i++ {
		fmt.Fprintf(&b, benchUnit, i)
	}
	return []byte(b.String())
}

// BenchmarkParse parses a generated file of 10,000 lines and reports lines
// per second.
func BenchmarkParse(b *testing.B) {
	src := benchSource(10000)
	lines := strings.Count(string(src), "\n")
	if _, err := ParseModule("bench.py", src); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ParseModule("bench.py", src); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}
