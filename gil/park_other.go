//go:build !linux

package gil

import "time"

// Elsewhere the parker sleeps on a timer and polls: the wake-up comes
// within the poll period.
func (p *parker) sleep(d time.Duration) {
	if d > 50*time.Microsecond {
		d = 50 * time.Microsecond
	}
	time.Sleep(d)
}

func (p *parker) signal() {}
