# syntax=docker/dockerfile:1
# kyanhbot: multi-stage build of a static binary into distroless, non-root.
#   docker build --build-arg VERSION=$(git describe --tags --always) -t kyanhbot .

# Base images are pinned: the builder by its exact Go release (the one the
# tests build with; go.mod's go line must not be newer), the runtime by
# digest (gcr.io/distroless/static-debian12:nonroot as published in
# 2026-08). Not pulled on the development machines, which have no container
# engine: update the digest with `crane digest gcr.io/distroless/static-debian12:nonroot`.
# TestDockerfile runs this file's go build line outside a container.
FROM golang:1.26.8-bookworm AS build
WORKDIR /src
# Modules first: this layer is cached until go.mod or go.sum change.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 GOOS=linux go build -trimpath \
      -ldflags "-s -w -X main.version=${VERSION}" \
      -o /out/kyanhbot ./cmd/kyanhbot \
 && mkdir -p /out/content /out/index

FROM gcr.io/distroless/static-debian12:nonroot@sha256:afa5c872c891853ca7fcf1f12c3edb23f7eeef36189728842dd51042ff57f7ab
COPY --from=build /out/kyanhbot /usr/local/bin/kyanhbot
# The articles live outside the image: mount them at /content. Admins'
# uploads are written there too, so the volume must be writable by the
# nonroot user (uid 65532).
COPY --from=build --chown=65532:65532 /out/content /content
# The index is kept on disk (memory-mapped, not heap): a volume of its own,
# so that the root file system can be read-only.
COPY --from=build --chown=65532:65532 /out/index /index
VOLUME ["/content", "/index"]
ENV CONTENT_DIR=/content \
    INDEX_DIR=/index \
    LISTEN_ADDR=:8080 \
    LOG_LEVEL=info
EXPOSE 8080
USER nonroot:nonroot
# No shell or curl in distroless: the binary checks itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["/usr/local/bin/kyanhbot", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/kyanhbot"]
CMD ["serve"]
