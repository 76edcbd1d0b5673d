# syntax=docker/dockerfile:1
# Build a static binary (pure-Go SQLite, so no cgo), then run it as a
# non-root user with the config and the data as volumes. The build image's
# Go is the go.mod's (cmd/wirewatch's TestDockerfile checks they agree).
FROM golang:1.26.8-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# Without --build-arg VERSION=..., the binary says "devel" (.git is not in the
# build context, so there is no commit to read).
ARG VERSION=
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/wirewatch ./cmd/wirewatch
# The final image has no shell to make folders with: /data is made here
# and copied owned by the user the image runs as, so that a fresh volume
# mounted there (which takes the folder's owner) is writable by it.
RUN mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/wirewatch /usr/local/bin/wirewatch
# 65532 is distroless's nonroot user and group.
COPY --from=build --chown=65532:65532 /out/data /data
# /config holds wirewatch.toml (mount it read-only); /data holds the SQLite
# database (set database = "/data/wirewatch.db" in the config).
VOLUME ["/config", "/data"]
WORKDIR /data
USER 65532:65532
# There is no curl here: wirewatch health asks /readyz on the config's
# [bot] listen (set it, e.g. "127.0.0.1:9090") and exits 0 or 1.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["/usr/local/bin/wirewatch", "health", "-config", "/config/wirewatch.toml"]
ENTRYPOINT ["/usr/local/bin/wirewatch"]
CMD ["run", "-config", "/config/wirewatch.toml"]
