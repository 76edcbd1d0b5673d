package main

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// depsByPackage runs `go list` over the module with the toolchain that
// built this test and returns each package's transitive dependencies.
func depsByPackage(t *testing.T) map[string][]string {
	t.Helper()
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "list", "-f", "{{.ImportPath}} {{join .Deps \" \"}}", "./...")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("go list: %v\n%s", err, stderr)
	}
	deps := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		deps[fields[0]] = fields[1:]
	}
	return deps
}

// testOnly reports the packages that exist for tests and for `wirewatch
// eval`, which the runtime must not link: the testing package, test
// helpers of the standard library, the evaluation and ROUGE, and the
// project's *test helper packages except the loopback Discord that the
// demo links (bot/discordtest, checked below like any runtime package).
func testOnly(pkg string) bool {
	switch pkg {
	case "testing", "net/http/httptest", "testing/fstest", "testing/iotest",
		"wirewatch/summarize/evaluate", "wirewatch/summarize/rouge":
		return true
	}
	return strings.HasPrefix(pkg, "testing/") ||
		strings.HasPrefix(pkg, "wirewatch/") && strings.HasSuffix(pkg, "test") && pkg != "wirewatch/bot/discordtest"
}

// TestBinaryLinksNoTestCode: the release binary links neither the testing
// package nor any test helper, and no runtime package (everything but
// cmd/wirewatch, which offers `wirewatch eval`) depends on the evaluation
// or ROUGE. The outbox does not depend on the rule package.
func TestBinaryLinksNoTestCode(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list over the module")
	}
	deps := depsByPackage(t)
	binary, ok := deps["wirewatch/cmd/wirewatch"]
	if !ok || len(deps) < 10 {
		t.Fatalf("go list found %d packages, none of them cmd/wirewatch", len(deps))
	}
	for _, dep := range binary {
		if testOnly(dep) && dep != "wirewatch/summarize/evaluate" && dep != "wirewatch/summarize/rouge" {
			t.Errorf("the binary links %s", dep)
		}
	}
	for pkg, pkgDeps := range deps {
		if pkg == "wirewatch/cmd/wirewatch" || testOnly(pkg) {
			continue
		}
		for _, dep := range pkgDeps {
			if testOnly(dep) {
				t.Errorf("%s depends on %s", pkg, dep)
			}
		}
		if pkg == "wirewatch/outbox" && (slices.Contains(pkgDeps, "wirewatch/alerts") || slices.Contains(pkgDeps, "wirewatch/rules")) {
			t.Errorf("the outbox depends on the rule package")
		}
	}
}
