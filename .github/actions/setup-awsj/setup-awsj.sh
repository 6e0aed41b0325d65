#!/usr/bin/env bash
# The steps of the setup-awsj action (action.yml runs them in order):
#
#   setup-awsj.sh resolve   # version, install folder, cache folder and cache key -> $GITHUB_OUTPUT
#   setup-awsj.sh install   # download (checked against its .sha256) or unpack the tarball; bin -> $GITHUB_PATH
#   setup-awsj.sh warm      # first calls; with the cache on, wait for the start-up archives
#
# Inputs come from the environment (AWSJ_VERSION, AWSJ_TARBALL, AWSJ_REPOSITORY, GH_TOKEN, ...).
# Runs outside Actions too, for a try: GITHUB_OUTPUT, GITHUB_PATH and GITHUB_ENV default to files
# in $TMPDIR.
set -euo pipefail

out=${GITHUB_OUTPUT:-${TMPDIR:-/tmp}/setup-awsj.output}
cache_dir=${AWSJ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/awsj}

die() {
  echo "::error::setup-awsj: $*" >&2
  exit 1
}

sha256() { # file: prints its SHA-256
  if command -v sha256sum > /dev/null; then
    sha256sum "$1" | cut -d' ' -f1
  else
    shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

# The JDK awsj will run on (JAVA_HOME, else java on PATH): "runtime-version vendor home".
jdk() {
  local home
  if [ -n "${JAVA_HOME:-}" ]; then
    home=$JAVA_HOME
  else
    command -v java > /dev/null || die "no java: awsj needs a JDK 17 or newer (e.g. actions/setup-java) before this step"
    home=$(cd "$(dirname "$(readlink -f "$(command -v java)")")/.." && pwd)
  fi
  [ -f "$home/release" ] || die "no JDK release file at $home/release"
  local version vendor
  version=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$home/release")
  [ -n "$version" ] || version=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$home/release")
  vendor=$(sed -n 's/^IMPLEMENTOR="\(.*\)"/\1/p' "$home/release" | tr -c 'A-Za-z0-9.\n' '-')
  case ${version%%[!0-9]*} in
    '' | 1 | [2-9] | 1[0-6]) die "awsj needs a JDK 17 or newer; JAVA_HOME has $version" ;;
  esac
  echo "$version ${vendor:-unknown} $home"
}

resolve() {
  local version=${AWSJ_VERSION:-latest} tag tarball_sum=
  if [ -n "${AWSJ_TARBALL:-}" ]; then
    [ -f "$AWSJ_TARBALL" ] || die "no tarball at $AWSJ_TARBALL"
    version=$(basename "$AWSJ_TARBALL")
    version=${version#awsj-}
    version=${version%.tar.gz}
    # A tarball built in the job: its content, not only its version, picks the cache.
    tarball_sum=-$(sha256 "$AWSJ_TARBALL" | cut -c1-16)
  elif [ "$version" = latest ]; then
    [ -n "${AWSJ_REPOSITORY:-}" ] || die "no repository to find the latest release in"
    tag=$(curl -fsSL ${GH_TOKEN:+-H "Authorization: Bearer $GH_TOKEN"} \
      "https://api.github.com/repos/$AWSJ_REPOSITORY/releases/latest" | sed -n 's/^ *"tag_name": *"\([^"]*\)".*/\1/p') \
      || die "cannot read the latest release of $AWSJ_REPOSITORY"
    [ -n "$tag" ] || die "$AWSJ_REPOSITORY has no release"
    version=${tag#v}
  fi
  version=${version#v}
  local java jdk_version jdk_vendor jdk_home home key
  java=$(jdk) || exit 1
  read -r jdk_version jdk_vendor jdk_home <<< "$java"
  home=${RUNNER_TOOL_CACHE:-$HOME/.local/share}/awsj/$version$tarball_sum
  # The archive depends on the awsj jar, the JDK build and where both are: all in the key.
  key="awsj-$version$tarball_sum-${RUNNER_OS:-$(uname -s)}-${RUNNER_ARCH:-$(uname -m)}-jdk-$jdk_version-$jdk_vendor"
  key="$key-$(printf '%s\n' "$home" "$jdk_home" "${AWSJ_JAVA_OPTS:-}" | cksum | cut -d' ' -f1)"
  echo "awsj $version on $jdk_vendor $jdk_version ($jdk_home); cache key $key"
  {
    echo "version=$version"
    echo "home=$home"
    echo "cache-dir=$cache_dir"
    echo "cache-key=$key"
  } >> "$out"
}

install() {
  local home=${AWSJ_HOME:?} version=${AWSJ_VERSION:?} tmp
  if [ ! -x "$home/bin/awsj" ]; then
    tmp=$(mktemp -d)
    if [ -n "${AWSJ_TARBALL:-}" ]; then
      cp "$AWSJ_TARBALL" "$tmp/awsj.tar.gz"
    else
      local url="https://github.com/$AWSJ_REPOSITORY/releases/download/v$version/awsj-$version.tar.gz"
      echo "downloading $url"
      curl -fsSL --retry 3 ${GH_TOKEN:+-H "Authorization: Bearer $GH_TOKEN"} -o "$tmp/awsj.tar.gz" "$url" \
        || die "cannot download $url"
      curl -fsSL --retry 3 ${GH_TOKEN:+-H "Authorization: Bearer $GH_TOKEN"} -o "$tmp/awsj.tar.gz.sha256" "$url.sha256" \
        || die "cannot download $url.sha256"
      local want got
      want=$(cut -d' ' -f1 < "$tmp/awsj.tar.gz.sha256")
      got=$(sha256 "$tmp/awsj.tar.gz")
      [ "$want" = "$got" ] || die "checksum mismatch for $url: $got, the release says $want"
    fi
    mkdir -p "$home"
    tar xzf "$tmp/awsj.tar.gz" -C "$home" --strip-components=1
    rm -rf "$tmp"
  fi
  [ -x "$home/bin/awsj" ] || die "no bin/awsj in the tarball"
  echo "$home/bin" >> "${GITHUB_PATH:-${TMPDIR:-/tmp}/setup-awsj.path}"
  # awsj and the cache step agree on the folder.
  echo "AWSJ_CACHE_DIR=$cache_dir" >> "${GITHUB_ENV:-${TMPDIR:-/tmp}/setup-awsj.env}"
  echo "installed awsj $version in $home"
}

# A call of each of the commonest kinds, S3 and SNS, starts the trainer of their archives when
# there are none (help and --version have one only on JDK 25 and later; other services' are made
# on their first call in the job). With the cache on, this step waits for the trainer, so the
# archives are whole when the cache is saved at the end of the job, and the job's calls use them.
warm() {
  local awsj
  awsj=$(tail -n 1 "${GITHUB_PATH:-${TMPDIR:-/tmp}/setup-awsj.path}")/awsj
  AWSJ_CACHE_DIR=$cache_dir "$awsj" --version
  AWSJ_CACHE_DIR=$cache_dir "$awsj" s3 --help > /dev/null
  AWSJ_CACHE_DIR=$cache_dir "$awsj" sns --help > /dev/null
  [ "${AWSJ_WAIT:-true}" = true ] || return 0
  local start=$SECONDS
  while ls "$cache_dir"/*.lock > /dev/null 2>&1; do
    if [ $((SECONDS - start)) -ge 600 ]; then
      echo "::warning::setup-awsj: the start-up archive is not ready after 10 minutes; awsj runs without it meanwhile"
      return 0
    fi
    sleep 1
  done
  local made= f
  for f in "$cache_dir"/*.jsa.ok "$cache_dir"/*.aot.ok; do
    [ -f "$f" ] && made=1
  done
  if [ -n "$made" ]; then
    if [ "${AWSJ_CACHE_HIT:-}" = true ]; then
      echo "start-up archive restored from the cache"
    else
      echo "start-up archive made in $((SECONDS - start)) s; the cache keeps it for the next jobs"
    fi
  else
    echo "::warning::setup-awsj: no start-up archive was made; awsj runs without it (slower start)"
    cat "$cache_dir"/*.train.log 2> /dev/null || true
  fi
}

case ${1:-} in
  resolve) resolve ;;
  install) install ;;
  warm) warm ;;
  *) die "usage: setup-awsj.sh resolve|install|warm" ;;
esac
