#!/usr/bin/env bash
# `make image`: builds the container image of Fonds with podman from the application packaged for it
# (target/image/quarkus-app, which `make image` builds first: ./mvnw package -Pimage), tagged localhost/fonds:latest
# and localhost/fonds:VERSION.
#   FONDS_BASE_IMAGE   the image to build on; default the local localhost/fonds-base-jre:17, made here once by
#                      deploy/base-image.sh (no registry needed). E.g. docker.io/library/eclipse-temurin:17-jre.
#   FONDS_IMAGE        the name to tag, default localhost/fonds
set -euo pipefail
cd "$(dirname "$0")/.."
LOCAL_BASE=localhost/fonds-base-jre:17
BASE=${FONDS_BASE_IMAGE:-$LOCAL_BASE}
NAME=${FONDS_IMAGE:-localhost/fonds}
export CONTAINERS_CONF=${CONTAINERS_CONF:-$PWD/deploy/containers.conf}

command -v podman >/dev/null || { echo "$0: podman is missing (apt-get install podman; see deploy/README.md)" >&2; exit 1; }
[[ -f target/image/quarkus-app/quarkus-run.jar ]] \
  || { echo "$0: no target/image/quarkus-app: run ./mvnw package -Pimage first" >&2; exit 1; }
if [[ $BASE == "$LOCAL_BASE" ]]; then
  deploy/base-image.sh "$LOCAL_BASE"
fi
# the project's version, from the pom (the first <version> is the project's own)
VERSION=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -n 1)
# --network none: the build downloads nothing (its one RUN adds the user)
podman build --quiet --network none --file deploy/Containerfile \
  --build-arg BASE_IMAGE="$BASE" --build-arg FONDS_VERSION="$VERSION" \
  --tag "$NAME:latest" --tag "$NAME:$VERSION" . >/dev/null
echo "built $NAME:latest and $NAME:$VERSION on $BASE"
