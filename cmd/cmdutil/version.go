package cmdutil

import (
	"runtime/debug"
	"strings"
)

// baseVersion is the version of this source tree, for builds that carry
// no other: `go build` in a checkout without version control stamping,
// and tests.
const baseVersion = "0.1.0"

// Version is the program version. Release builds may set it with
// -ldflags "-X shouhou/cmd/cmdutil.Version=…"; otherwise it comes from the
// module build info: the module version `go install shouhou@v1.2.3`
// records, else the commit `go build` stamped in a checkout
// (0.1.0-dev+1a2b3c4d5e6f, .dirty with uncommitted changes), else 0.1.0.
var Version = ""

func init() {
	if Version == "" {
		bi, _ := debug.ReadBuildInfo()
		Version = versionFrom(bi)
	}
}

// Revision is the commit the program was built from, when known.
func Revision() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	rev, _ := vcs(bi)
	return rev
}

func versionFrom(bi *debug.BuildInfo) string {
	if bi == nil {
		return baseVersion
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return strings.TrimPrefix(v, "v")
	}
	rev, dirty := vcs(bi)
	if rev == "" {
		return baseVersion
	}
	v := baseVersion + "-dev+" + rev[:min(12, len(rev))]
	if dirty {
		v += ".dirty"
	}
	return v
}

func vcs(bi *debug.BuildInfo) (rev string, dirty bool) {
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	return rev, dirty
}
