# syntax=docker/dockerfile:1
# kyanhbot: multi-stage build of a static binary into distroless, non-root.
#   docker build --build-arg VERSION=$(git describe --tags --always) -t kyanhbot .

FROM golang:1.26-bookworm AS build
WORKDIR /src
# Modules first: this layer is cached until go.mod or go.sum change.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 GOOS=linux go build -trimpath \
      -ldflags "-s -w -X main.version=${VERSION}" \
      -o /out/kyanhbot ./cmd/kyanhbot \
 && mkdir -p /out/content

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/kyanhbot /usr/local/bin/kyanhbot
# The articles live outside the image: mount them at /content. Admins'
# uploads are written there too, so the volume must be writable by the
# nonroot user (uid 65532).
COPY --from=build --chown=65532:65532 /out/content /content
VOLUME ["/content"]
ENV CONTENT_DIR=/content \
    LISTEN_ADDR=:8080 \
    LOG_LEVEL=info
EXPOSE 8080
USER nonroot:nonroot
# No shell or curl in distroless: the binary checks itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["/usr/local/bin/kyanhbot", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/kyanhbot"]
CMD ["serve"]
