# awsj-launch.sh: starts the awsj jar in the fastest mode the JDK offers. POSIX sh, sourced by
# the source checkout's ./awsj and by the release's bin/awsj:
#
#     . /path/to/awsj-launch.sh
#     awsj_launch /path/to/awsj.jar "$@"     # execs java; does not return
#
# JDK 25+: an AOT cache (-XX:AOTCacheOutput training run, then -XX:AOTCache).
# JDK 17-24: a dynamic AppCDS archive (-XX:ArchiveClassesAtExit, then -XX:SharedArchiveFile).
# The archive is made by a training run (`awsj __train`, no network) on first use, in
# ${AWSJ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/awsj}, named after the jar's checksum, the JDK
# and the JVM options, written under a temporary name and renamed into place. It is checked once
# after training, and dropped and rebuilt when it changes on disk (truncated, overwritten) or when
# the JVM reports, in the archive's log file, that it could not use it. A run never fails because
# of the archive: when there is none, or it cannot be made, awsj runs without one.
#
# Environment: JAVA_HOME picks the JDK (else `java` on PATH); AWSJ_JAVA_OPTS adds JVM options;
# AWSJ_NO_CDS=1 runs without an archive; AWSJ_CACHE_DIR moves the cache folder.

# C1 only and the serial collector: a CLI runs for a second, not an hour.
AWSJ_JVM_FLAGS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

awsj_launch() {
    _awsj_jar=$1
    shift
    if [ -n "${JAVA_HOME:-}" ]; then
        _awsj_java=$JAVA_HOME/bin/java
    else
        _awsj_java=$(command -v java 2>/dev/null) || {
            echo "awsj: java not found: install a JDK 17 or newer, or set JAVA_HOME" >&2
            exit 253
        }
    fi
    if [ "${AWSJ_NO_CDS:-}" = 1 ] || ! _awsj_archive_flags; then
        # shellcheck disable=SC2086 # word splitting of the option lists is intended
        exec "$_awsj_java" $AWSJ_JVM_FLAGS -Xshare:auto $AWSJ_JAVA_OPTS -jar "$_awsj_jar" "$@"
    fi
    # shellcheck disable=SC2086
    exec "$_awsj_java" $AWSJ_JVM_FLAGS $_awsj_flags $AWSJ_JAVA_OPTS -jar "$_awsj_jar" "$@"
}

# Sets _awsj_flags to the options that use a valid archive, making one first when needed.
# Fails (status 1) when this JDK or this machine cannot have one; the caller then runs plain.
_awsj_archive_flags() {
    _awsj_jdk_home || return 1
    _awsj_release "$_awsj_home/release" || return 1
    _awsj_major=${_awsj_version%%[!0-9]*}
    [ -n "$_awsj_major" ] && [ "$_awsj_major" -ge 17 ] || return 1
    _awsj_dir=${AWSJ_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME:-/nonexistent}/.cache}/awsj}
    [ -d "$_awsj_dir" ] || mkdir -p "$_awsj_dir" 2>/dev/null || return 1
    [ -w "$_awsj_dir" ] || return 1
    # The paths go into -XX/-Xlog options, which cannot quote: no blanks, commas, colons or '='.
    case $_awsj_dir in *[[:space:],:=]*) return 1 ;; esac
    case $_awsj_jar in /*) ;; *) _awsj_jar=$(pwd)/$_awsj_jar ;; esac
    # One key for what the archive depends on besides the jar's content: the jar's path (the
    # archive records it), the JDK build, and the options (the GC must match).
    _awsj_ctx=$(printf '%s\n' "$_awsj_jar" "$_awsj_home" "$_awsj_version" "$_awsj_vendor" "$AWSJ_JAVA_OPTS" | cksum)
    _awsj_ctx=${_awsj_ctx%% *}
    _awsj_prefix=$_awsj_dir/awsj-jdk$_awsj_major-$_awsj_ctx
    _awsj_jar_checksum || return 1
    if [ "$_awsj_major" -ge 25 ]; then
        _awsj_archive=$_awsj_prefix-$_awsj_sum.aot
        _awsj_use="-XX:AOTCache=$_awsj_archive"
        _awsj_train="-XX:AOTCacheOutput="
        # Cache problems go to the archive's log (read by the next run), never to stdout.
        _awsj_log="-Xlog:disable -Xlog:all=warning,aot*=off,cds*=off:stderr -Xlog:aot*=warning,cds*=warning:file=$_awsj_archive.log::filecount=0"
    else
        _awsj_archive=$_awsj_prefix-$_awsj_sum.jsa
        _awsj_use="-Xshare:auto -XX:SharedArchiveFile=$_awsj_archive"
        _awsj_train="-XX:ArchiveClassesAtExit="
        # JDK 17 reports an archive it cannot use at info level only ("UseSharedSpaces: ...").
        _awsj_log="-Xlog:disable -Xlog:all=warning,cds*=off:stderr -Xlog:cds=info,cds+dynamic=info:file=$_awsj_archive.log::filecount=0"
    fi
    if [ -f "$_awsj_archive" ] && [ -f "$_awsj_archive.ok" ] && [ ! "$_awsj_archive" -nt "$_awsj_archive.ok" ] \
            && ! _awsj_log_bad "$_awsj_archive.log"; then
        _awsj_flags="$_awsj_use $_awsj_log"
        return 0
    fi
    [ -f "$_awsj_archive.failed" ] && return 1
    _awsj_build_archive || return 1
    _awsj_flags="$_awsj_use $_awsj_log"
}

# The JDK's folder, from JAVA_HOME or the real path of `java`.
_awsj_jdk_home() {
    if [ -n "${JAVA_HOME:-}" ]; then
        _awsj_home=$JAVA_HOME
    else
        _awsj_home=$(readlink -f "$_awsj_java" 2>/dev/null) || return 1
        _awsj_home=${_awsj_home%/bin/java}
    fi
    [ -f "$_awsj_home/release" ]
}

# Reads JAVA_RUNTIME_VERSION (or JAVA_VERSION) and IMPLEMENTOR from the JDK's release file.
_awsj_release() {
    _awsj_version=
    _awsj_runtime=
    _awsj_vendor=
    while IFS='=' read -r _awsj_k _awsj_v; do
        _awsj_v=${_awsj_v#\"}
        _awsj_v=${_awsj_v%\"}
        case $_awsj_k in
            JAVA_VERSION) _awsj_version=$_awsj_v ;;
            JAVA_RUNTIME_VERSION) _awsj_runtime=$_awsj_v ;;
            IMPLEMENTOR) _awsj_vendor=$_awsj_v ;;
        esac
    done < "$1"
    [ -n "$_awsj_version" ] || return 1
    # The feature version leads both strings; the runtime one also names the build.
    [ -n "$_awsj_runtime" ] && _awsj_version=$_awsj_runtime
    return 0
}

# _awsj_sum: the jar's checksum, remembered beside the cache until the jar changes.
_awsj_jar_checksum() {
    _awsj_memo=$_awsj_prefix.jarsum
    if [ -f "$_awsj_memo" ] && [ ! "$_awsj_jar" -nt "$_awsj_memo" ]; then
        IFS= read -r _awsj_sum < "$_awsj_memo" && [ -n "$_awsj_sum" ] && return 0
    fi
    _awsj_sum=$(cksum < "$_awsj_jar") || return 1
    _awsj_sum=$(printf '%s' "$_awsj_sum" | tr ' ' '-')
    printf '%s\n' "$_awsj_sum" > "$_awsj_memo.$$" && mv -f "$_awsj_memo.$$" "$_awsj_memo"
}

# True when the JVM said, during the last run that used the archive, that it could not use it.
_awsj_log_bad() {
    [ -s "$1" ] || return 1
    while IFS= read -r _awsj_line; do
        case $_awsj_line in
            *UseSharedSpaces:* | *'[warning'* | *'[error'*) return 0 ;;
        esac
    done < "$1"
    return 1
}

# The training run: writes a temporary archive, checks that the JVM takes it, renames it into place.
_awsj_build_archive() {
    # Archives of earlier jars at this path, for this JDK, are stale now. (Files of this archive
    # name stay: another awsj may be training it right now.)
    for _awsj_f in "$_awsj_prefix"-*.jsa* "$_awsj_prefix"-*.aot*; do
        case $_awsj_f in "$_awsj_archive"*) ;; *) rm -f "$_awsj_f" ;; esac
    done
    rm -f "$_awsj_archive" "$_awsj_archive.ok" "$_awsj_archive.log"
    _awsj_tmp=$_awsj_archive.tmp$$
    _awsj_tlog=$_awsj_archive.train.log
    [ -t 2 ] && echo "awsj: preparing the start-up cache for this JDK (once)..." >&2
    # shellcheck disable=SC2086
    if "$_awsj_java" $AWSJ_JVM_FLAGS $AWSJ_JAVA_OPTS "$_awsj_train$_awsj_tmp" -jar "$_awsj_jar" __train \
            < /dev/null > "$_awsj_tlog" 2>&1 && [ -s "$_awsj_tmp" ] \
            && "$_awsj_java" $AWSJ_JVM_FLAGS $(_awsj_check_flags) $AWSJ_JAVA_OPTS -jar "$_awsj_jar" --version \
                < /dev/null >> "$_awsj_tlog" 2>&1 \
            && ! _awsj_log_bad "$_awsj_tmp.log"; then
        rm -f "$_awsj_tmp.log" "$_awsj_archive.log"
        mv -f "$_awsj_tmp" "$_awsj_archive" && : > "$_awsj_archive.ok" && return 0
    fi
    rm -f "$_awsj_tmp" "$_awsj_tmp.log" "$_awsj_tmp.config"
    : > "$_awsj_archive.failed"
    echo "awsj: could not prepare the start-up cache (see $_awsj_tlog); running without it" >&2
    return 1
}

# The flags that use the temporary archive, logging to its own log file.
_awsj_check_flags() {
    if [ "$_awsj_major" -ge 25 ]; then
        echo "-XX:AOTCache=$_awsj_tmp -Xlog:disable -Xlog:all=warning,aot*=off,cds*=off:stderr -Xlog:aot*=warning,cds*=warning:file=$_awsj_tmp.log::filecount=0"
    else
        echo "-Xshare:auto -XX:SharedArchiveFile=$_awsj_tmp -Xlog:disable -Xlog:all=warning,cds*=off:stderr -Xlog:cds=info,cds+dynamic=info:file=$_awsj_tmp.log::filecount=0"
    fi
}
