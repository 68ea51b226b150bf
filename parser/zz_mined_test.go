package parser

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

func TestMined(t *testing.T) {
	data, err := os.ReadFile(os.Getenv("MINED"))
	if err != nil {
		t.Skip()
	}
	var cases []errorCase
	json.Unmarshal(data, &cases)
	bad := 0
	for _, c := range cases {
		var err error
		if c.SrcB64 == "" {
			_, err = ParseString("<test>", c.Src, ModeExec)
		} else {
			_, err = Parse("<test>", c.source(), ModeExec)
		}
		var got string
		if err != nil {
			se := err.(*SyntaxError)
			got = fmt.Sprintf("%s: %q at %d:%d-%d:%d", se.Type, se.Msg, se.Lineno, se.Offset, se.EndLineno, se.EndOffset)
		}
		want := ""
		if !c.OK {
			want = fmt.Sprintf("%s: %q at %d:%d-%d:%d", c.Type, c.Msg, c.Lineno, c.Offset, c.EndLineno, c.EndOffset)
		}
		if got != want {
			bad++
			fmt.Printf("---- %q\n  want %s\n  got  %s\n", c.Src, want, got)
		}
	}
	fmt.Println("mismatches:", bad, "of", len(cases))
}
