package main

import "errors"

// cmdData manages the W2D1 datasets (issue: W2D1 deep learning).
func cmdData(args []string) error {
	return errors.New("nma data is not implemented yet")
}
