package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
)

// The deploy files are checked here because no container engine or systemd
// runs on the development and CI machines: each test runs what it can of a
// file outside its tool (the Dockerfile's go build, compose's Redis start-up
// script, systemd-analyze on the unit) and reads the rest.

const repoRoot = "../.."

// dockerfile is the Dockerfile as instructions: continuation lines joined,
// comments dropped.
func dockerfile(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var cur strings.Builder
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "#") || (line == "" && cur.Len() == 0) {
			continue
		}
		if l, ok := strings.CutSuffix(line, `\`); ok {
			cur.WriteString(l + " ")
			continue
		}
		cur.WriteString(line)
		out = append(out, cur.String())
		cur.Reset()
	}
	return out
}

// instruction returns the arguments of the instructions named name
// (FROM, RUN, ENV …).
func instruction(lines []string, name string) []string {
	var out []string
	for _, l := range lines {
		if k, rest, _ := strings.Cut(l, " "); strings.EqualFold(k, name) {
			out = append(out, strings.TrimSpace(rest))
		}
	}
	return out
}

var (
	digestRE       = regexp.MustCompile(`@sha256:[0-9a-f]{64}$`)
	exactVersionRE = regexp.MustCompile(`^[a-z0-9./-]+:v?[0-9]+\.[0-9]+\.[0-9]+(-[a-z0-9.]+)?$`)
)

// pinned says whether an image reference names one image: by digest, or by
// an exact version tag (1.26.8-bookworm, 7.4.9-alpine), not a moving one
// (1.26, 7-alpine, latest, nonroot).
func pinned(image string) bool {
	return digestRE.MatchString(image) || exactVersionRE.MatchString(image)
}

// versionLess compares dotted versions (1.26.8 < 1.27.0).
func versionLess(a, b string) bool {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := range max(len(as), len(bs)) {
		var x, y int
		if i < len(as) {
			x, _ = strconv.Atoi(as[i])
		}
		if i < len(bs) {
			y, _ = strconv.Atoi(bs[i])
		}
		if x != y {
			return x < y
		}
	}
	return false
}

// series is a Go version's major.minor: 1.26 of 1.26.8.
func series(v string) string {
	parts := strings.SplitN(v, ".", 3)
	return strings.Join(parts[:min(2, len(parts))], ".")
}

// TestDockerfile runs the Dockerfile's build line outside a container, with
// its flags: the binary is static (ldd), built with -trimpath (no path of
// this machine inside), CGO_ENABLED=0 and the version; the HEALTHCHECK
// command, run as Docker runs it with the image's environment, reports a
// running serve healthy within the check's timeout and a stopped one not.
// Base images are pinned.
func TestDockerfile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	lines := dockerfile(t)
	for _, from := range instruction(lines, "FROM") {
		image := strings.Fields(from)[0]
		if !pinned(image) {
			t.Errorf("FROM %s: not pinned by digest or exact version", image)
		}
	}
	// The builder's Go is the toolchain series these tests build with, and
	// not older than go.mod asks for.
	builder := strings.Fields(instruction(lines, "FROM")[0])[0]
	m := regexp.MustCompile(`^golang:([0-9]+\.[0-9]+\.[0-9]+)`).FindStringSubmatch(builder)
	if m == nil {
		t.Fatalf("builder %s is not golang:<exact version>", builder)
	}
	gomod, _ := os.ReadFile(filepath.Join(repoRoot, "go.mod"))
	goLine := regexp.MustCompile(`(?m)^go ([0-9.]+)$`).FindSubmatch(gomod)
	if goLine == nil || versionLess(m[1], string(goLine[1])) {
		t.Errorf("builder Go %s is older than go.mod's go %s", m[1], goLine[1])
	}
	if local := strings.TrimPrefix(runtime.Version(), "go"); series(local) != series(m[1]) {
		t.Errorf("builder Go %s and this toolchain (%s) are not one series: this test would not build what the image builds", m[1], local)
	}

	var build string
	for _, r := range instruction(lines, "RUN") {
		if strings.Contains(r, "go build") {
			build = r
		}
	}
	for _, flag := range []string{"CGO_ENABLED=0", "-trimpath", "-s -w", "-X main.version=${VERSION}"} {
		if !strings.Contains(build, flag) {
			t.Errorf("the build line lacks %s: %s", flag, build)
		}
	}
	out := t.TempDir()
	cmd := exec.Command("sh", "-c", strings.ReplaceAll(build, "/out/", out+"/"))
	cmd.Dir = repoRoot // WORKDIR /src holds the whole repository (COPY . .)
	cmd.Env = append(os.Environ(), "VERSION=9.9.9-test")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the Dockerfile's build: %v\n%s", err, b)
	}
	bin := filepath.Join(out, "kyanhbot")
	for _, d := range []string{"content", "index"} {
		if st, err := os.Stat(filepath.Join(out, d)); err != nil || !st.IsDir() {
			t.Errorf("the build does not make /out/%s, which the image copies: %v", d, err)
		}
	}

	if _, err := exec.LookPath("ldd"); err != nil {
		t.Error("ldd not found: cannot check that the binary is static")
	} else {
		b, _ := exec.Command("ldd", bin).CombinedOutput()
		if s := string(b); !strings.Contains(s, "not a dynamic executable") && !strings.Contains(s, "statically linked") {
			t.Errorf("ldd: the binary is dynamic:\n%s", s)
		}
	}
	info, err := exec.Command("go", "version", "-m", bin).CombinedOutput()
	if err != nil {
		t.Fatalf("go version -m: %v\n%s", err, info)
	}
	// (go omits -ldflags from the build info under -trimpath: the version
	// is checked by running the binary below.)
	for _, want := range []string{"build\t-trimpath=true", "build\tCGO_ENABLED=0"} {
		if !bytes.Contains(info, []byte(want)) {
			t.Errorf("build info lacks %q:\n%s", want, info)
		}
	}
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	if abs, _ := filepath.Abs(repoRoot); bytes.Contains(data, []byte(abs)) {
		t.Errorf("the binary holds this machine's path %s: -trimpath not applied", abs)
	}
	if b, err := exec.Command(bin, "version").Output(); err != nil || !strings.Contains(string(b), "9.9.9-test") {
		t.Errorf("kyanhbot version: %q %v", b, err)
	}

	// The image's environment, then serve as ENTRYPOINT+CMD start it. The
	// port is a free one rather than the image's 8080, as an operator's
	// LISTEN_ADDR would override it.
	envs := map[string]string{}
	for _, e := range instruction(lines, "ENV") {
		for _, kv := range strings.Fields(e) {
			k, v, _ := strings.Cut(kv, "=")
			envs[k] = v
		}
	}
	for _, k := range []string{"CONTENT_DIR", "INDEX_DIR", "LISTEN_ADDR"} {
		if envs[k] == "" {
			t.Errorf("the image sets no %s", k)
		}
	}
	_, port, _ := net.SplitHostPort(freeAddr(t))
	envs["LISTEN_ADDR"] = ":" + port
	// The image's /content is empty; ./content, mounted there, holds the
	// articles (README: deploy).
	envs["CONTENT_DIR"] = t.TempDir()
	if err := os.CopyFS(envs["CONTENT_DIR"], os.DirFS("../../bot/admin/testdata/content")); err != nil {
		t.Fatal(err)
	}
	envs["INDEX_DIR"] = t.TempDir()
	var check []string
	hc := instruction(lines, "HEALTHCHECK")
	if len(hc) != 1 {
		t.Fatalf("%d HEALTHCHECK lines, want 1", len(hc))
	}
	_, argv, ok := strings.Cut(hc[0], " CMD ")
	if !ok || json.Unmarshal([]byte(strings.TrimSpace(argv)), &check) != nil || len(check) == 0 {
		t.Fatalf("HEALTHCHECK is not CMD [exec form]: %s", hc[0])
	}
	timeout := 30 * time.Second
	if m := regexp.MustCompile(`--timeout=([0-9]+s)`).FindStringSubmatch(hc[0]); m != nil {
		timeout, _ = time.ParseDuration(m[1])
	}
	var entry, cmdArgs []string
	json.Unmarshal([]byte(instruction(lines, "ENTRYPOINT")[0]), &entry)
	json.Unmarshal([]byte(instruction(lines, "CMD")[len(instruction(lines, "CMD"))-1]), &cmdArgs)
	image := func(argv []string) *exec.Cmd {
		if argv[0] != "/usr/local/bin/kyanhbot" {
			t.Fatalf("%q does not run the binary the image installs", argv)
		}
		c := exec.Command(bin, argv[1:]...)
		c.Env = []string{"PATH=/nonexistent"} // distroless has no shell or tools
		for k, v := range envs {
			c.Env = append(c.Env, k+"="+v)
		}
		return c
	}
	healthy := func() (bool, time.Duration, string) {
		start := time.Now()
		b, err := image(check).CombinedOutput()
		return err == nil, time.Since(start), string(b)
	}
	if ok, _, _ := healthy(); ok {
		t.Fatal("healthcheck passes with no serve running")
	}

	srv := telegramtest.New(t)
	for k, v := range fakeAPIVars(srv, nil) {
		envs[k] = v
	}
	serve := image(append(entry, cmdArgs...))
	var logs bytes.Buffer
	serve.Stdout, serve.Stderr = &logs, &logs
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if serve.ProcessState == nil {
			serve.Process.Kill()
			serve.Wait()
		}
	})
	deadline := time.Now().Add(60 * time.Second)
	for {
		ok, took, out := healthy()
		if ok {
			t.Logf("healthcheck passed in %s (HEALTHCHECK --timeout %s)", took.Round(time.Millisecond), timeout)
			if took > timeout {
				t.Errorf("healthcheck took %s, over the HEALTHCHECK timeout of %s", took, timeout)
			}
			break
		}
		if time.Now().After(deadline) || serve.ProcessState != nil {
			t.Fatalf("healthcheck never passed: %s\nserve's log:\n%s", out, logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	serve.Process.Signal(syscall.SIGTERM)
	serve.Wait()
	if ok, _, out := healthy(); ok {
		t.Errorf("healthcheck passes after serve stopped: %s", out)
	}
}

// unitDirectives reads a systemd unit: every value of every key, in order.
func unitDirectives(data []byte) map[string][]string {
	out := map[string][]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "[") {
			continue
		}
		k, v, _ := strings.Cut(line, "=")
		out[k] = append(out[k], v)
	}
	return out
}

// systemdBytes reads a MemoryMax= size: bytes, or K, M, G, T (powers of 1024).
func systemdBytes(s string) (int64, error) {
	mult := int64(1)
	for i, u := range []string{"K", "M", "G", "T"} {
		if v, ok := strings.CutSuffix(s, u); ok {
			s, mult = v, int64(1)<<(10*(i+1))
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n * mult, err
}

// TestSystemdUnit checks docs/deploy/kyanhbot.service with systemd-analyze
// verify (any warning fails) and scores its sandbox with systemd-analyze
// security --offline; then the hardening the deploy promises: no
// capabilities, no devices, the three address families, the system-service
// system calls, no home directories, Redis wanted, and MemoryMax above the
// bot's own MEMORY_LIMIT by the room the Go runtime needs.
func TestSystemdUnit(t *testing.T) {
	path := filepath.Join(repoRoot, "docs/deploy/kyanhbot.service")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d := unitDirectives(data)
	want := map[string]string{
		"CapabilityBoundingSet":   "",
		"AmbientCapabilities":     "",
		"NoNewPrivileges":         "yes",
		"PrivateDevices":          "yes",
		"PrivateTmp":              "yes",
		"ProtectHome":             "yes",
		"ProtectSystem":           "strict",
		"RestrictAddressFamilies": "AF_UNIX AF_INET AF_INET6",
		"SystemCallFilter":        "@system-service",
		"LoadCredential":          "token:/etc/kyanhbot/token",
	}
	for k, v := range want {
		if !contains(d[k], v) {
			t.Errorf("%s=%s missing (have %q)", k, v, d[k])
		}
	}
	for _, k := range []string{"Wants", "After"} {
		if !strings.Contains(strings.Join(d[k], " "), "redis-server.service") {
			t.Errorf("%s= does not name redis-server.service: %q", k, d[k])
		}
	}
	env := map[string]string{}
	for _, e := range d["Environment"] {
		for _, kv := range strings.Fields(e) {
			k, v, _ := strings.Cut(kv, "=")
			env[k] = v
		}
	}
	if env["TELEGRAM_BOT_TOKEN_FILE"] != "%d/token" {
		t.Errorf("the token is not read from the credential: TELEGRAM_BOT_TOKEN_FILE=%q", env["TELEGRAM_BOT_TOKEN_FILE"])
	}
	checkMemory(t, "the unit", env["MEMORY_LIMIT"], strings.Join(d["MemoryMax"], ""), systemdBytes)

	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Skip("systemd-analyze not installed (Debian package systemd; .ci/test-deps installs it): the unit was read but not verified")
	}
	// verify checks that ExecStart's binary exists: the unit is verified as
	// installed, with the binary at a path of this test's.
	dir := t.TempDir()
	exe := filepath.Join(dir, "kyanhbot")
	os.WriteFile(exe, []byte("#!/bin/sh\n"), 0o755)
	unit := filepath.Join(dir, "kyanhbot.service")
	os.WriteFile(unit, bytes.ReplaceAll(data, []byte("/usr/local/bin/kyanhbot"), []byte(exe)), 0o644)
	out, err := exec.Command(analyze, "verify", unit).CombinedOutput()
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
	sec, err := exec.Command(analyze, "security", "--offline=yes", unit).CombinedOutput()
	m := regexp.MustCompile(`Overall exposure level for kyanhbot.service: ([0-9.]+)`).FindSubmatch(sec)
	if err != nil || m == nil {
		t.Logf("systemd-analyze security --offline not available: %v", err)
		return
	}
	score, _ := strconv.ParseFloat(string(m[1]), 64)
	t.Logf("systemd-analyze security --offline: exposure %.1f (0 best, 10 worst)", score)
	if score > 2.0 {
		t.Errorf("exposure %.1f, want 2.0 or less:\n%s", score, sec)
	}
}

func contains(vs []string, v string) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

// checkMemory: the hard limit leaves the Go runtime room above the bot's
// MEMORY_LIMIT (stacks, the memory-mapped index), and not so much that the
// soft limit never bites: MEMORY_LIMIT is 60–90% of it.
func checkMemory(t *testing.T, where, soft, hard string, parseHard func(string) (int64, error)) {
	t.Helper()
	s, err := parseBytes(soft)
	if err != nil || soft == "" {
		t.Errorf("%s sets no MEMORY_LIMIT (%q)", where, soft)
		return
	}
	h, err := parseHard(hard)
	if err != nil || h == 0 {
		t.Errorf("%s sets no hard memory limit (%q)", where, hard)
		return
	}
	if r := float64(s) / float64(h); r < 0.6 || r > 0.9 {
		t.Errorf("%s: MEMORY_LIMIT %s is %.0f%% of the hard limit %s, want 60–90%%", where, soft, 100*r, hard)
	}
}

// composeBytes reads a compose mem_limit: bytes, or b, k, m, g (powers of 1024).
func composeBytes(s string) (int64, error) {
	s = strings.ToLower(s)
	mult := int64(1)
	for i, u := range []string{"k", "m", "g"} {
		if v, ok := strings.CutSuffix(strings.TrimSuffix(s, "b"), u); ok {
			s, mult = v, int64(1)<<(10*(i+1))
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n * mult, err
}

type composeService struct {
	Image       string            `yaml:"image"`
	User        string            `yaml:"user"`
	ReadOnly    bool              `yaml:"read_only"`
	CapDrop     []string          `yaml:"cap_drop"`
	SecurityOpt []string          `yaml:"security_opt"`
	Secrets     []string          `yaml:"secrets"`
	Environment map[string]string `yaml:"environment"`
	EnvFile     any               `yaml:"env_file"`
	MemLimit    string            `yaml:"mem_limit"`
	Volumes     []string          `yaml:"volumes"`
	Tmpfs       []string          `yaml:"tmpfs"`
	Entrypoint  []string          `yaml:"entrypoint"`
	Command     []string          `yaml:"command"`
	Build       any               `yaml:"build"`
	Healthcheck struct {
		Test []string `yaml:"test"`
	} `yaml:"healthcheck"`
}

type composeFile struct {
	Services map[string]composeService `yaml:"services"`
	Secrets  map[string]struct {
		File string `yaml:"file"`
	} `yaml:"secrets"`
}

// unescapeCompose undoes compose's $$ escape, as compose does before it
// runs a command.
func unescapeCompose(s string) string { return strings.ReplaceAll(s, "$$", "$") }

// TestCompose reads docker-compose.yml as compose would and checks the
// deploy is safe by default: the token and the Redis password are secrets
// (files), not environment; both containers run read-only, without
// capabilities or privilege gain; Redis has a password and the bot uses the
// same one; images are pinned; the hard memory limit matches MEMORY_LIMIT;
// secrets and .env stay out of the image's build context. Then it runs the
// Redis service's start-up script and healthcheck with a real redis-server,
// and connects as the bot would, with and without the password.
func TestCompose(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "docker-compose.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var c composeFile
	if err := yaml.Unmarshal(data, &c); err != nil {
		t.Fatalf("docker-compose.yml: %v", err)
	}
	botSvc, redisSvc := c.Services["bot"], c.Services["redis"]
	for name, s := range c.Services {
		if !s.ReadOnly {
			t.Errorf("%s: read_only is not true", name)
		}
		if !contains(s.CapDrop, "ALL") {
			t.Errorf("%s: cap_drop lacks ALL: %q", name, s.CapDrop)
		}
		if !contains(s.SecurityOpt, "no-new-privileges:true") {
			t.Errorf("%s: security_opt lacks no-new-privileges:true: %q", name, s.SecurityOpt)
		}
		if s.Build == nil && !pinned(s.Image) {
			t.Errorf("%s: image %s is not pinned by digest or exact version", name, s.Image)
		}
		for k := range s.Environment {
			if strings.Contains(k, "TOKEN") && !strings.HasSuffix(k, "_FILE") || k == "REDIS_PASSWORD" || k == "WEBHOOK_SECRET" {
				t.Errorf("%s: secret %s in the environment, not a file", name, k)
			}
		}
	}
	env := botSvc.Environment
	if env["TELEGRAM_BOT_TOKEN_FILE"] != "/run/secrets/telegram_bot_token" || !contains(botSvc.Secrets, "telegram_bot_token") {
		t.Errorf("bot: the token is not the telegram_bot_token secret: TELEGRAM_BOT_TOKEN_FILE=%q, secrets %q", env["TELEGRAM_BOT_TOKEN_FILE"], botSvc.Secrets)
	}
	if env["REDIS_PASSWORD_FILE"] != "/run/secrets/redis_password" || !contains(botSvc.Secrets, "redis_password") || !contains(redisSvc.Secrets, "redis_password") {
		t.Errorf("bot and Redis do not share the redis_password secret: REDIS_PASSWORD_FILE=%q, secrets %q and %q", env["REDIS_PASSWORD_FILE"], botSvc.Secrets, redisSvc.Secrets)
	}
	if u := env["REDIS_URL"]; !strings.HasPrefix(u, "redis://redis:6379") || strings.Contains(u, "@") {
		t.Errorf("bot: REDIS_URL %q should name the redis service, without a password (it comes from the secret)", u)
	}
	for name, s := range c.Secrets {
		if !strings.HasPrefix(s.File, "./secrets/") {
			t.Errorf("secret %s: file %q, want one under ./secrets/", name, s.File)
		}
	}
	checkMemory(t, "compose's bot", env["MEMORY_LIMIT"], botSvc.MemLimit, composeBytes)
	for _, v := range []string{"/content", "/index"} {
		found := false
		for _, vol := range botSvc.Volumes {
			found = found || strings.HasSuffix(vol, ":"+v)
		}
		if !found {
			t.Errorf("bot: nothing mounted at %s, which a read-only root needs writable", v)
		}
	}
	if env["INDEX_DIR"] != "/index" {
		t.Errorf("bot: INDEX_DIR %q, want /index (the volume)", env["INDEX_DIR"])
	}
	ignore, _ := os.ReadFile(filepath.Join(repoRoot, ".dockerignore"))
	gitignore, _ := os.ReadFile(filepath.Join(repoRoot, ".gitignore"))
	for _, p := range []string{"secrets", ".env"} {
		if !regexp.MustCompile(`(?m)^/?` + regexp.QuoteMeta(p) + `/?$`).Match(ignore) {
			t.Errorf(".dockerignore does not keep %s out of the image (COPY . .)", p)
		}
		if !regexp.MustCompile(`(?m)^/?` + regexp.QuoteMeta(p) + `/?$`).Match(gitignore) {
			t.Errorf(".gitignore does not keep %s out of git", p)
		}
	}

	// Redis's start-up, as the container runs it: entrypoint, then command
	// as its arguments, with /run/secrets and /tmp (its tmpfs) here.
	if _, err := exec.LookPath("redis-server"); err != nil {
		t.Skip("redis-server not installed: the Redis start-up script was read, not run")
	}
	if len(redisSvc.Entrypoint) < 3 || redisSvc.Entrypoint[1] != "-c" {
		t.Fatalf("redis: entrypoint %q is not a sh -c script", redisSvc.Entrypoint)
	}
	dir := t.TempDir()
	secrets, tmp, dataDir := filepath.Join(dir, "secrets"), filepath.Join(dir, "tmp"), filepath.Join(dir, "data")
	for _, d := range []string{secrets, tmp, dataDir} {
		os.Mkdir(d, 0o700)
	}
	const password = "0f3c5e7a9b1d2f4e6a8c0e2a4c6e8a0b"
	os.WriteFile(filepath.Join(secrets, "redis_password"), []byte(password+"\n"), 0o644) // with the newline `openssl rand … >` leaves
	paths := strings.NewReplacer("/run/secrets/", secrets+"/", "/tmp/", tmp+"/")         // one pass: tmp is itself under /tmp
	local := func(s string) string { return paths.Replace(unescapeCompose(s)) }
	addr := freeAddr(t)
	host, port, _ := net.SplitHostPort(addr)
	args := []string{"-c", local(redisSvc.Entrypoint[2])}
	for _, a := range redisSvc.Entrypoint[3:] {
		args = append(args, local(a))
	}
	args = append(args, redisSvc.Command...)
	args = append(args, "--port", port, "--bind", host, "--dir", dataDir, "--save", "")
	rs := exec.Command(redisSvc.Entrypoint[0], args...)
	var rlog bytes.Buffer
	rs.Stdout, rs.Stderr = &rlog, &rlog
	if err := rs.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rs.Process.Kill(); rs.Wait() })
	if st, err := os.Stat(filepath.Join(tmp, "redis.conf")); err == nil && st.Mode().Perm()&0o077 != 0 {
		t.Errorf("the generated redis.conf holding the password is mode %v", st.Mode().Perm())
	}

	withPassword, err := store.Open("redis://"+addr+"/0", readSecretFile(t, filepath.Join(secrets, "redis_password")))
	if err != nil {
		t.Fatal(err)
	}
	defer withPassword.Close()
	deadline := time.Now().Add(30 * time.Second)
	for {
		err := withPassword.Ping(t.Context()).Err()
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the bot's client with REDIS_PASSWORD_FILE: %v\nredis:\n%s", err, rlog.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	without, _ := store.Open("redis://"+addr+"/0", "")
	defer without.Close()
	if err := without.Ping(t.Context()).Err(); err == nil || !strings.Contains(err.Error(), "NOAUTH") {
		t.Errorf("Redis answers without the password: %v", err)
	}
	ps, _ := exec.Command("ps", "-o", "args=", "-p", strconv.Itoa(rs.Process.Pid)).Output()
	if bytes.Contains(ps, []byte(password)) {
		t.Errorf("the Redis password is on the command line: %s", ps)
	}

	// The healthcheck, as compose runs CMD-SHELL, against this server.
	hc := redisSvc.Healthcheck.Test
	if len(hc) != 2 || hc[0] != "CMD-SHELL" {
		t.Fatalf("redis: healthcheck %q is not CMD-SHELL", hc)
	}
	script := strings.Replace(local(hc[1]), "redis-cli ", fmt.Sprintf("redis-cli -h %s -p %s ", host, port), 1)
	if out, err := exec.Command("sh", "-c", script).CombinedOutput(); err != nil {
		t.Errorf("Redis healthcheck fails on a healthy server: %v\n%s", err, out)
	}
	os.WriteFile(filepath.Join(secrets, "redis_password"), []byte("wrong"), 0o644)
	if out, err := exec.Command("sh", "-c", script).CombinedOutput(); err == nil {
		t.Errorf("Redis healthcheck passes with a wrong password: %s", out)
	}
}

// readSecretFile reads a secret file as the bot does.
func readSecretFile(t *testing.T, path string) string {
	t.Helper()
	v, err := envSecret(func(k string) string {
		if k == "REDIS_PASSWORD_FILE" {
			return path
		}
		return ""
	}, "REDIS_PASSWORD")
	if err != nil {
		t.Fatal(err)
	}
	return v
}
