package main

import "errors"

// cmdGrade grades student notebooks (issue: grading for teaching assistants).
func cmdGrade(args []string) error {
	return errors.New("nma grade is not implemented yet")
}
