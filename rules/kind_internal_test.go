package rules

import (
	"strings"
	"testing"
)

// TestNoKindsRegistered: a program that reads rulebooks without linking
// the check kinds gets one line saying so, not an error per rule.
func TestNoKindsRegistered(t *testing.T) {
	saved := kinds
	kinds = map[string]Kind{}
	defer func() { kinds = saved }()
	_, err := parse("user.yaml", []byte("rules:\n  - {id: X-1, check: forbid}\n"))
	if err == nil || !strings.Contains(err.Error(), "user.yaml: no check kinds are registered") || strings.Contains(err.Error(), "\n") {
		t.Errorf("error %v", err)
	}
}
