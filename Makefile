VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)

.PHONY: build test test-deps lint bench run fuzz

build:
	CGO_ENABLED=0 go build -ldflags "$(LDFLAGS)" -o bin/kyanhbot ./cmd/kyanhbot

# test installs what the tests need (redis-server, the npm Telegram emulator)
# and runs every test; .ci/run calls exactly this.
test: test-deps
	go vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1)
	go test -count=1 -timeout 20m ./...

test-deps:
	@./.ci/test-deps

lint:
	go vet ./...
	gofmt -l $$(git ls-files '*.go')

bench:
	go run ./cmd/kyanhbot bench

run:
	go run ./cmd/kyanhbot chat
