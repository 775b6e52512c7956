package outcome_test

import (
	"encoding/json"
	"fmt"

	"github.com/nma-go/nma-go/nma/outcome"
)

// One outcome, three spellings: words for messages and files, a short code for tables,
// and JSON that reads back.
func ExampleOutcome() {
	o := outcome.NotDone
	b, _ := json.Marshal(map[string]outcome.Outcome{"verdict": o})
	var back map[string]outcome.Outcome
	_ = json.Unmarshal(b, &back)
	fmt.Println(o, "|", o.Short(), "|", string(b), "|", back["verdict"] == o, o.OK())
	// Output:
	// not done | todo | {"verdict":"not done"} | true false
}

// The grader's legend lists every outcome.
func ExampleAll() {
	for _, o := range outcome.All() {
		fmt.Printf("%s=%s ", o.Short(), o)
	}
	fmt.Println()
	// Output:
	// ok=passed fail=failed todo=not done crash=crashed time=timed out mem=out of memory exit=no verdict build=compile error sig=wrong signature miss=missing rej=rejected bad=invalid notebook -=not submitted ERR=error
}
