#!/usr/bin/env bash
# Makes the local base image of `make image` (a Debian bookworm with OpenJDK 17's JRE) once, without a registry:
# debootstrap a minimal root file system and import it into podman. Skipped when the image exists.
#   deploy/base-image.sh [IMAGE]     default localhost/fonds-base-jre:17
# Needs root, debootstrap and podman, and Debian's package mirror (DEBIAN_MIRROR, default deb.debian.org).
set -euo pipefail
cd "$(dirname "$0")"
IMAGE=${1:-localhost/fonds-base-jre:17}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
export CONTAINERS_CONF=${CONTAINERS_CONF:-$PWD/containers.conf}

if podman image exists "$IMAGE"; then
  echo "base image $IMAGE exists"
  exit 0
fi
for tool in debootstrap podman; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is missing (apt-get install $tool)" >&2; exit 1; }
done

rootfs=$(mktemp -d /var/tmp/fonds-base-jre.XXXXXX)
# --one-file-system: never into a /proc or /dev that a failed debootstrap left mounted
trap 'rm -rf --one-file-system "$rootfs"' EXIT
echo "debootstrap bookworm into $rootfs (about a minute)"
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm "$rootfs" "$MIRROR" \
  >"$rootfs.log" 2>&1 || { tail -n 30 "$rootfs.log" >&2; rm -f "$rootfs.log"; exit 1; }
rm -f "$rootfs.log"
# what an image does not need: the downloaded packages and the package lists
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
tar -C "$rootfs" --numeric-owner -c . | podman import --quiet \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV LANG=C.UTF-8' \
  --change 'CMD ["/bin/bash"]' \
  --message "debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm" \
  - "$IMAGE" >/dev/null
echo "base image $IMAGE made"
