package vm

import "golang.org/x/sys/unix"

// isTerminalFd reports whether fd is a terminal (the TCGETS ioctl succeeds).
func isTerminalFd(fd int) bool {
	_, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	return err == nil
}
