package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"wirewatch/config"
)

// TestVersionOf: the -ldflags value wins, then the module version a go
// install records, then the commit a build in a checkout records.
func TestVersionOf(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	const rev = "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d"
	tests := []struct {
		name     string
		override string
		info     *debug.BuildInfo
		want     string
	}{
		{"ldflags win", "v9.9.9", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "v9.9.9"},
		{"go install", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}, Settings: vcs(rev, "false")}, "v1.2.3"},
		{"pseudo-version", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261205001122-1a2b3c4d5e6f"}}, "v0.0.0-20261205001122-1a2b3c4d5e6f"},
		{"checkout", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "false")}, "devel+1a2b3c4d5e6f"},
		{"checkout with changes", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "true")}, "devel+1a2b3c4d5e6f-dirty"},
		{"no vcs stamp", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "devel"},
		{"no build info", "", nil, "devel"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := versionOf(tt.override, tt.info, tt.info != nil); got != tt.want {
				t.Errorf("versionOf = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestVersionOfBuiltBinary builds the binary as a checkout builds it and
// with -ldflags -X main.version, and runs wirewatch version: the first
// says the module version go version -m reads from the binary (a clean
// checkout's pseudo-version), else its commit, else "devel" where the
// toolchain stamped none (as in a git worktree); the second the flag.
func TestVersionOfBuiltBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	build := func(name string, flags ...string) string {
		t.Helper()
		bin := filepath.Join(dir, name)
		args := append(append([]string{"build", "-o", bin}, flags...), ".")
		cmd := exec.Command("go", args...)
		cmd.Env = append(os.Environ(), "GOFLAGS=-buildvcs=auto") // a go env file may turn stamping off
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return bin
	}
	run := func(bin string) string {
		t.Helper()
		out, err := exec.Command(bin, "version").Output()
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}

	bin := build("checkout")
	meta, err := exec.Command("go", "version", "-m", bin).Output()
	if err != nil {
		t.Fatal(err)
	}
	want := "wirewatch devel\n"
	if m := regexp.MustCompile(`(?m)^\s*mod\s+\S+\s+(v\S+)`).FindSubmatch(meta); m != nil {
		// Go 1.24 and later stamp a clean checkout with a pseudo-version.
		want = "wirewatch " + string(m[1]) + "\n"
	} else if m := regexp.MustCompile(`(?m)^\s*build\s+vcs\.revision=([0-9a-f]{12})`).FindSubmatch(meta); m != nil {
		dirty := ""
		if regexp.MustCompile(`(?m)^\s*build\s+vcs\.modified=true`).Match(meta) {
			dirty = "-dirty"
		}
		want = "wirewatch devel+" + string(m[1]) + dirty + "\n"
	} else {
		t.Log("the toolchain stamped no commit here (a git worktree, or no git)")
	}
	if got := run(bin); got != want {
		t.Errorf("checkout build: wirewatch version = %q, want %q", got, want)
	}
	if got := run(build("ldflags", "-ldflags", "-X main.version=v9.9.9")); got != "wirewatch v9.9.9\n" {
		t.Errorf("-ldflags build: wirewatch version = %q, want %q", got, "wirewatch v9.9.9\n")
	}
}

// TestUserAgentVersion: the default User-Agent of feed requests names the
// version wirewatch version prints.
func TestUserAgentVersion(t *testing.T) {
	cfg, err := config.Parse("ua.toml", []byte("[[feeds]]\nname = \"w\"\nurl = \"https://example.com/f.xml\"\n\n[[channels]]\nname = \"c\"\nid = \"123456789012345678\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "wirewatch/" + buildVersion() + " "; !strings.HasPrefix(cfg.Polling.UserAgent, want) {
		t.Errorf("User-Agent = %q, want it to start %q", cfg.Polling.UserAgent, want)
	}
}
