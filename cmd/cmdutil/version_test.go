package cmdutil

import (
	"runtime/debug"
	"testing"
)

func TestVersionFromBuildInfo(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	for _, c := range []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{"no build info", nil, "0.1.0"},
		{"go install of a tag", &debug.BuildInfo{Main: debug.Module{Version: "v1.4.2"}}, "1.4.2"},
		{"go install of a commit", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261204171500-4bbc46c1d2e3"}}, "0.0.0-20261204171500-4bbc46c1d2e3"},
		{"go build in a checkout", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("4bbc46c1d2e3f4a5b6c7", "false")}, "0.1.0-dev+4bbc46c1d2e3"},
		{"uncommitted changes", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("4bbc46c1d2e3f4a5b6c7", "true")}, "0.1.0-dev+4bbc46c1d2e3.dirty"},
		{"-buildvcs=false", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "0.1.0"},
	} {
		if got := versionFrom(c.bi); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
