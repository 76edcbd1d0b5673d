# syntax=docker/dockerfile:1
# Build a static binary (pure-Go SQLite, so no cgo), then run it as a
# non-root user with the config and the data as volumes.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/wirewatch ./cmd/wirewatch

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/wirewatch /usr/local/bin/wirewatch
# /config holds wirewatch.toml (mount it read-only); /data holds the SQLite
# database (set database = "/data/wirewatch.db" in the config).
VOLUME ["/config", "/data"]
WORKDIR /data
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/wirewatch"]
CMD ["run", "-config", "/config/wirewatch.toml"]
