# Build stage: the Swift toolchain plus libpq headers.
FROM swift:6.1-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Schema ./Schema
COPY Tests ./Tests
RUN swift build -c release --product jointops --static-swift-stdlib

# Runtime: a slim Debian with the libpq client library only.
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq5 ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/.build/release/jointops /usr/local/bin/jointops
# The migrations ship as a resource bundle next to the binary.
COPY --from=build /src/.build/release/JointOps_Schema.resources /usr/local/bin/JointOps_Schema.resources
USER 65534:65534
ENTRYPOINT ["jointops"]
CMD ["--help"]
