package main

import (
	"runtime/debug"

	"wirewatch/config"
)

// The default User-Agent names the binary's version too, unless the build
// set config.Version itself.
func init() {
	if config.Version == "dev" {
		config.Version = buildVersion()
	}
}

// version is set at build time with -ldflags "-X main.version=v1.2.3"; when
// it is not, buildVersion reads what the Go toolchain recorded.
var version = ""

// buildVersion is the version printed by wirewatch version, logged at
// start-up and shown by wirewatch_build_info: the -ldflags value, else
// the module version (go install wirewatch/cmd/wirewatch@v1.2.3), else the
// commit it was built from ("devel+1a2b3c4d5e6f", "-dirty" with
// uncommitted changes), else "devel".
func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	return versionOf(version, info, ok)
}

// versionOf is buildVersion for a given -ldflags value and build info.
func versionOf(override string, info *debug.BuildInfo, ok bool) string {
	if override != "" {
		return override
	}
	if !ok || info == nil {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if rev == "" {
		return "devel"
	}
	return "devel+" + rev[:min(12, len(rev))] + dirty
}
