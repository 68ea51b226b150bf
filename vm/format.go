package vm

// This file is a placeholder for the format-spec mini-language; format()
// of ints, floats and strs with an empty spec works, anything else is
// being written in format_spec.go.

import (
	"fmt"
	"strconv"
)

// FormatInt is format(int, spec).
func FormatInt(th *Thread, v Value, spec string) (string, error) {
	if spec == "" {
		return intString(v)
	}
	if n, ok := intToInt64(v); ok {
		switch spec {
		case "d":
			return strconv.FormatInt(n, 10), nil
		case "x":
			return strconv.FormatInt(n, 16), nil
		}
		return fmt.Sprint(n), nil
	}
	return intString(v)
}

// FormatFloat is format(float, spec).
func FormatFloat(th *Thread, f float64, spec string) (string, error) {
	if spec == "" {
		return FormatFloatRepr(f), nil
	}
	if len(spec) > 2 && spec[0] == '.' && spec[len(spec)-1] == 'f' {
		p, _ := strconv.Atoi(spec[1 : len(spec)-1])
		return strconv.FormatFloat(f, 'f', p, 64), nil
	}
	return FormatFloatRepr(f), nil
}

// FormatStr is format(str, spec).
func FormatStr(th *Thread, s string, spec string) (string, error) { return s, nil }

// FormatComplexSpec is format(complex, spec).
func FormatComplexSpec(th *Thread, c complex128, spec Value) (Value, error) {
	return MakeStr(formatComplex(c)), nil
}

// StrFormatMethod is str.format.
func StrFormatMethod(th *Thread, args []Value, kwnames []Value) (Value, error) {
	return args[0], nil
}

// StrFormatMapMethod is str.format_map.
func StrFormatMapMethod(th *Thread, args []Value, kwnames []Value) (Value, error) {
	return args[0], nil
}

// PercentFormat is str % args.
func PercentFormat(th *Thread, format string, args Value) (string, error) {
	return format, nil
}

// PercentFormatBytes is bytes % args.
func PercentFormatBytes(th *Thread, format []byte, args Value) ([]byte, error) {
	return format, nil
}
