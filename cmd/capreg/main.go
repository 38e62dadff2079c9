// Command capreg computes the regulatory capital of Brazilian health-plan
// operators under ANS RN 569/2022.
package main

import (
	"os"

	"github.com/capreg/capreg/pkg/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.System()))
}
