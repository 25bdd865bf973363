# syntax=docker/dockerfile:1
# Headroom itself: the NativeAOT single-file binary on a chiseled runtime-deps image (glibc, OpenSSL
# and CA certificates for registries, no shell, no package manager, a non-root user).
#   docker build -t headroom .
#   docker run --rm -v "$PWD:/work" headroom check .
# Each platform is compiled natively (NativeAOT does not cross-compile between architectures without
# a sysroot): docker buildx build --platform linux/amd64,linux/arm64 runs the arm64 build under QEMU.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
RUN apt-get update \
 && apt-get install -y --no-install-recommends clang zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The project files first, so that a change to the code does not download the packages again.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Headroom.Core/Headroom.Core.csproj src/Headroom.Core/BannedSymbols.txt src/Headroom.Core/
COPY src/Headroom.Cli/Headroom.Cli.csproj src/Headroom.Cli/
COPY src/Headroom.Cli/Properties/ src/Headroom.Cli/Properties/
RUN rid="linux-$(if [ "$TARGETARCH" = arm64 ]; then echo arm64; else echo x64; fi)" \
 && dotnet restore src/Headroom.Cli/Headroom.Cli.csproj -r "$rid" -p:PublishAot=true
COPY src/ src/
COPY docs/rules/ docs/rules/
COPY README.md ./
RUN rid="$(if [ "$TARGETARCH" = arm64 ]; then echo arm64; else echo x64; fi)" \
 && dotnet publish src/Headroom.Cli -c Release -p:PublishProfile="aot-linux-$rid" -o /out \
 && rm -f /out/*.dbg /out/*.pdb /out/*.xml

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
COPY --from=build /out/headroom /usr/local/bin/headroom
WORKDIR /work
USER $APP_UID
ENTRYPOINT ["/usr/local/bin/headroom"]
CMD ["check", "."]
