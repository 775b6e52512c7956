//go:build unix

package grade

import "syscall"

// mkfifo makes a named pipe (a submission that would block a naive reader).
func mkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }

// mkCharDevice makes a character device node (1, 5: /dev/zero's numbers); it needs root.
func mkCharDevice(path string) error { return syscall.Mknod(path, syscall.S_IFCHR|0o644, 1<<8|5) }
