package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
	"go.yaml.in/yaml/v3"
)

// dockerfile is the repository's Dockerfile read as instructions: each
// line a keyword and its arguments, continuation lines joined, comments
// dropped, and the stage (counted from 0) each instruction belongs to.
type dockerInstr struct {
	stage   int
	keyword string
	args    string
}

func readDockerfile(t *testing.T, path string) []dockerInstr {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []dockerInstr
	stage, line := -1, ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		text := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(text, "#") || (text == "" && line == "") {
			continue
		}
		if strings.HasSuffix(text, "\\") {
			line += strings.TrimSuffix(text, "\\") + " "
			continue
		}
		line += text
		keyword, args, _ := strings.Cut(line, " ")
		keyword = strings.ToUpper(keyword)
		if keyword == "FROM" {
			stage++
		}
		out = append(out, dockerInstr{stage, keyword, strings.TrimSpace(args)})
		line = ""
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDockerfile checks what can be checked of the image without a Docker
// daemon: it is built with go.mod's Go, runs as a non-root user that owns
// /data (so a fresh volume there is writable), and its health check, once
// wirewatch has a health command, runs it (distroless has no curl).
func TestDockerfile(t *testing.T) {
	instrs := readDockerfile(t, filepath.Join("..", "..", "Dockerfile"))
	last := instrs[len(instrs)-1].stage

	mod, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	goLine := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(mod)
	if goLine == nil {
		t.Fatal("go.mod has no go line")
	}
	var user, dataOwner, health string
	builtWith := ""
	for _, in := range instrs {
		switch {
		case in.keyword == "FROM" && strings.HasPrefix(in.args, "golang:"):
			tag, _, _ := strings.Cut(strings.TrimPrefix(in.args, "golang:"), " ")
			builtWith, _, _ = strings.Cut(tag, "-")
		case in.stage != last:
		case in.keyword == "USER":
			user = in.args
		case in.keyword == "COPY" && strings.HasSuffix(in.args, " /data"):
			for _, f := range strings.Fields(in.args) {
				if o, ok := strings.CutPrefix(f, "--chown="); ok {
					dataOwner = o
				}
			}
			if dataOwner == "" {
				dataOwner = "0:0"
			}
		case in.keyword == "HEALTHCHECK":
			health = in.args
		}
	}
	if builtWith != string(goLine[1]) {
		t.Errorf("the build stage's Go is %q, go.mod's is %q", builtWith, goLine[1])
	}
	if user == "" || user == "root" || strings.HasPrefix(user, "0") {
		t.Errorf("the image runs as %q, want a non-root user", user)
	}
	if dataOwner != user {
		t.Errorf("/data is copied owned by %q, the image runs as %q: a fresh volume there is not writable", dataOwner, user)
	}
	if _, ok := commands["health"]; ok {
		if !regexp.MustCompile(`wirewatch"?,?\s*"?health\b`).MatchString(health) {
			t.Errorf("HEALTHCHECK %q does not run wirewatch health", health)
		}
	}
}

// TestSystemdUnit: the unit in contrib/ runs the bot as a user of its own
// with the hardening options this README promises, and, where systemd is
// installed, systemd-analyze accepts it and rates its exposure OK or
// better.
func TestSystemdUnit(t *testing.T) {
	unit := filepath.Join("..", "..", "contrib", "wirewatch.service")
	raw, err := os.ReadFile(unit)
	if err != nil {
		t.Fatal(err)
	}
	set := map[string]string{}
	for _, l := range strings.Split(string(raw), "\n") {
		if k, v, ok := strings.Cut(strings.TrimSpace(l), "="); ok && !strings.HasPrefix(l, "#") {
			set[k] = v
		}
	}
	for key, want := range map[string]string{
		"DynamicUser":     "yes",
		"ProtectSystem":   "strict",
		"StateDirectory":  "wirewatch",
		"NoNewPrivileges": "yes",
		"ProtectHome":     "yes",
		"PrivateTmp":      "yes",
		"Restart":         "on-failure",
		"ExecStart":       "/usr/local/bin/wirewatch run -config /etc/wirewatch/wirewatch.toml",
	} {
		if set[key] != want {
			t.Errorf("%s=%q, want %q", key, set[key], want)
		}
	}
	if _, ok := set["CapabilityBoundingSet"]; !ok || set["CapabilityBoundingSet"] != "" {
		t.Errorf("CapabilityBoundingSet=%q, want it empty (no capabilities)", set["CapabilityBoundingSet"])
	}

	if _, err := exec.LookPath("systemd-analyze"); err != nil {
		t.Skip("systemd-analyze is not installed: the unit's keys are checked, not its syntax")
	}
	// verify wants ExecStart's binary to exist: point it at a stand-in.
	dir := t.TempDir()
	stand := filepath.Join(dir, "wirewatch")
	if err := os.WriteFile(stand, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	copyUnit := filepath.Join(dir, "wirewatch.service")
	if err := os.WriteFile(copyUnit, []byte(strings.ReplaceAll(string(raw), "/usr/local/bin/wirewatch", stand)), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("systemd-analyze", "verify", copyUnit).CombinedOutput(); err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
	out, err := exec.Command("systemd-analyze", "security", "--offline=yes", "--threshold=20", copyUnit).CombinedOutput()
	if err != nil {
		t.Errorf("systemd-analyze security: exposure above 2.0 (%v):\n%s", err, out)
	}
	if m := regexp.MustCompile(`Overall exposure level for \S+: (\S+ \S+)`).FindSubmatch(out); m != nil {
		t.Logf("systemd-analyze security: %s", m[1])
	}
}

// TestCompose: contrib/compose.yaml runs two replicas of the image built
// from this repository on a PostgreSQL that is healthy before they start,
// with the token and the database password from the environment and the
// config read-only.
func TestCompose(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "contrib", "compose.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var compose struct {
		Services map[string]struct {
			Image string
			Build struct {
				Context string
			}
			Command     []string
			Environment map[string]string
			Volumes     []string
			DependsOn   map[string]struct{ Condition string } `yaml:"depends_on"`
			Deploy      struct{ Replicas int }
			Healthcheck struct{ Test []string }
			Restart     string
		}
		Volumes map[string]any
	}
	dec := yaml.NewDecoder(strings.NewReader(string(raw)))
	dec.KnownFields(false)
	if err := dec.Decode(&compose); err != nil {
		t.Fatal(err)
	}
	pg, ok := compose.Services["postgres"]
	if !ok || !strings.HasPrefix(pg.Image, "postgres:") || len(pg.Healthcheck.Test) == 0 {
		t.Errorf("postgres service: %+v, want a postgres image with a health check", pg)
	}
	ww, ok := compose.Services["wirewatch"]
	if !ok {
		t.Fatal("no wirewatch service")
	}
	if ww.Build.Context != ".." {
		t.Errorf("wirewatch builds from %q, want the repository (..)", ww.Build.Context)
	}
	if ww.Deploy.Replicas != 2 {
		t.Errorf("wirewatch has %d replicas, want 2", ww.Deploy.Replicas)
	}
	if ww.DependsOn["postgres"].Condition != "service_healthy" {
		t.Errorf("wirewatch starts before postgres is healthy: %+v", ww.DependsOn)
	}
	if strings.Join(ww.Command, " ") != "run -config /config/wirewatch.toml" {
		t.Errorf("wirewatch command %q", ww.Command)
	}
	if !strings.HasPrefix(ww.Environment["DISCORD_TOKEN"], "${DISCORD_TOKEN:?") || !strings.HasPrefix(ww.Environment["PGPASSWORD"], "${POSTGRES_PASSWORD:?") {
		t.Errorf("wirewatch environment %v: the token and password must come from the caller's, required", ww.Environment)
	}
	if len(ww.Volumes) != 1 || !strings.HasSuffix(ww.Volumes[0], ":/config/wirewatch.toml:ro") {
		t.Errorf("wirewatch volumes %v, want the config read-only", ww.Volumes)
	}
	// The config's database URL carries no password: the driver reads
	// PGPASSWORD, as the compose file's comment says.
	t.Setenv("PGPASSWORD", "from-the-environment")
	cfg, err := pgxpool.ParseConfig("postgres://wirewatch@postgres:5432/wirewatch?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.ConnConfig.Password != "from-the-environment" {
		t.Errorf("pgx did not take PGPASSWORD: %q", cfg.ConnConfig.Password)
	}
}
