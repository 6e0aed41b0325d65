# awsj-launch.sh: starts the awsj jar in the fastest mode the JDK offers. POSIX sh, sourced by
# the source checkout's ./awsj and by the release's bin/awsj:
#
#     . /path/to/awsj-launch.sh
#     awsj_launch /path/to/awsj.jar "$@"     # execs java; does not return
#
# The start-up archive: on JDK 25+ an AOT cache (-XX:AOTCacheOutput, then -XX:AOTCache), on JDK
# 17-24 a dynamic AppCDS archive (-XX:ArchiveClassesAtExit, then -XX:SharedArchiveFile). It lives
# in ${AWSJ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/awsj}, named after the JDK, the JVM options,
# the jar's path and the jar's checksum, beside a copy of the jar it was made with (the JVM checks
# the jar's size and time, so a rebuild of the same sources keeps its archive).
#
# Nothing waits for it. A call that finds no usable archive runs at once without one and starts,
# unless one is already at work, a trainer in the background: a detached, low-priority (nice,
# ionice) shell that waits until awsj has been idle for two seconds (that call ended, no other
# begun; a minute at most), then runs `awsj __train`
# (canned calls to a server on 127.0.0.1), checks the result with the JVM, renames it into place,
# then makes the archives that calls of other kinds asked for meanwhile, and exits. One trainer at a time per archive (a mkdir lock;
# a lock whose trainer died is taken over), bounded by AWSJ_TRAIN_TIMEOUT seconds (default 600),
# its output in the cache folder (<name>.train.log), never on the user's terminal. A failed
# training is not retried for a day. An archive that changed on disk (its size or time), or that
# the JVM said it could not use (in <archive>.log, read by the next call), is not used and is
# made again. A run never fails because of the archive.
#
# Environment: JAVA_HOME picks the JDK (else `java` on PATH); AWSJ_JAVA_OPTS adds JVM options;
# AWSJ_NO_CDS=1 runs without an archive and makes none; AWSJ_CACHE_DIR moves the cache folder.

# C1 only and the serial collector: a CLI runs for a second, not an hour. A young generation of
# 24 MB instead of a share of the machine's memory: the same garbage in memory that stays in the
# caches, and no fresh pages to fault in (docs/configuration.md, "Start-up time").
AWSJ_JVM_FLAGS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn24m"

# The jar goes on the boot class path: the JVM reads it there natively and, trusting it as it trusts
# its own classes, does not verify its bytecode again at each start; a call without an archive
# starts 25 % sooner, one with an archive 6-8 % (docs/configuration.md, "Start-up time"). The same
# jar is the class path (-cp), so that neither "." nor $CLASSPATH is: a class that awsj or a library
# looks for and does not have is never taken from the current folder. The main class is named, as
# -jar is not used; LauncherGroupsTest keeps it equal to the jar's Main-Class.
_awsj_main=dev.awsj.Main

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
    _awsj_group "$@"
    if [ "${AWSJ_NO_CDS:-}" != 1 ] && _awsj_archive_flags; then
        # shellcheck disable=SC2086 # word splitting of the option lists is intended
        exec "$_awsj_java" $AWSJ_JVM_FLAGS $_awsj_flags $AWSJ_JAVA_OPTS \
            "-Xbootclasspath/a:$_awsj_runjar" -cp "$_awsj_runjar" "$_awsj_main" "$@"
    fi
    case $_awsj_jar in
        *:*) # a path that names two (':' separates class path entries): the jar the usual way
            # shellcheck disable=SC2086
            exec "$_awsj_java" $AWSJ_JVM_FLAGS -Xshare:auto $AWSJ_JAVA_OPTS -jar "$_awsj_jar" "$@" ;;
    esac
    # shellcheck disable=SC2086
    exec "$_awsj_java" $AWSJ_JVM_FLAGS -Xshare:auto $AWSJ_JAVA_OPTS \
        "-Xbootclasspath/a:$_awsj_jar" -cp "$_awsj_jar" "$_awsj_main" "$@"
}

# Sets _awsj_group: which archive a call uses. Each service has its own (s3 and s3api share one;
# `run` has one of every service; help, --version, configure, sso share "awsj"), so a call maps only
# the classes its kind of call loads: an archive costs start-up time in proportion to its size. It
# is the first word on the line that names one of them; a wrong guess (a profile named s3) only
# costs speed. The services are awsj's (Awsj.SERVICES; LauncherGroupsTest keeps the two lists equal).
_awsj_group() {
    _awsj_group=awsj
    for _awsj_a in "$@"; do
        case $_awsj_a in
            s3 | s3api) _awsj_group=s3; return 0 ;;
            sns | rekognition | polly | translate | comprehend | run) _awsj_group=$_awsj_a; return 0 ;;
        esac
    done
}

# Sets _awsj_flags and _awsj_runjar when a usable archive is there. Otherwise starts a trainer
# (unless one is at work, or this JDK or folder cannot have an archive) and fails (status 1): the
# caller runs without an archive, at once.
_awsj_archive_flags() {
    _awsj_context || return 1
    # On JDK 17-24 the archive of help, --version and configure costs more than it saves (mapping
    # a dynamic archive is not free; these calls load little): they run without one, and start no
    # trainer (docs/configuration.md, "The start-up archive").
    [ "$_awsj_group" = awsj ] && [ "$_awsj_major" -lt 25 ] && return 1
    # The jar's checksum as the trainer last saw it: no hashing on the way to the command.
    _awsj_sum=
    if [ -f "$_awsj_prefix.jarsum" ] && [ ! "$_awsj_jar" -nt "$_awsj_prefix.jarsum" ]; then
        IFS= read -r _awsj_sum < "$_awsj_prefix.jarsum" || _awsj_sum=
    fi
    if [ -n "$_awsj_sum" ]; then
        _awsj_names
        if _awsj_usable; then
            return 0
        fi
        _awsj_failed_recently && return 1
    fi
    _awsj_start_trainer
    return 1
}

# The JDK, the cache folder and the key of everything the archive depends on besides the jar's
# content. Fails when this JDK or this folder cannot have an archive.
_awsj_context() {
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
    [ -f "$_awsj_jar" ] || return 1
    # The jar's path (one archive per install), the JDK build, and the options (the GC must match).
    _awsj_ctx=$(printf '%s\n' "$_awsj_jar" "$_awsj_home" "$_awsj_version" "$_awsj_vendor" "$AWSJ_JAVA_OPTS" | cksum)
    _awsj_ctx=${_awsj_ctx%% *}
    _awsj_prefix=$_awsj_dir/awsj-jdk$_awsj_major-$_awsj_ctx
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

# The file names for the jar checksum in _awsj_sum, and in _awsj_flags the options that use the
# archive and send the JVM's word on it to <archive>.log.
_awsj_names() {
    _awsj_runjar=$_awsj_prefix-$_awsj_sum.jar
    _awsj_base=$_awsj_prefix-$_awsj_sum-$_awsj_group
    if [ "$_awsj_major" -ge 25 ]; then
        _awsj_archive=$_awsj_base.aot
    else
        _awsj_archive=$_awsj_base.jsa
    fi
    _awsj_use_flags "$_awsj_archive" "$_awsj_archive.log"
}

# Sets _awsj_flags: use archive $1, log to $2. Archive problems go to that log file (read by the
# next call), never to the user's stdout or stderr.
_awsj_use_flags() {
    if [ "$_awsj_major" -ge 25 ]; then
        _awsj_flags="-XX:AOTCache=$1 -Xlog:disable -Xlog:all=warning,aot*=off,cds*=off:stderr"
        _awsj_flags="$_awsj_flags -Xlog:aot*=warning,cds*=warning:file=$2::filecount=0"
    else
        # JDK 17 reports an archive it cannot use at info level only ("UseSharedSpaces: ...").
        _awsj_flags="-Xshare:auto -XX:SharedArchiveFile=$1 -Xlog:disable -Xlog:all=warning,cds*=off:stderr"
        _awsj_flags="$_awsj_flags -Xlog:cds=info,cds+dynamic=info:file=$2::filecount=0"
    fi
}

# True when the archive, its check mark and its jar are there, unchanged since the check, and the
# JVM did not complain about it last time. (A truncated archive would crash the JVM: the sizes
# are compared, not only the times.)
_awsj_usable() {
    [ -f "$_awsj_archive" ] && [ -f "$_awsj_archive.ok" ] && [ -f "$_awsj_runjar" ] || return 1
    [ "$_awsj_archive" -nt "$_awsj_archive.ok" ] && return 1
    [ "$_awsj_runjar" -nt "$_awsj_archive.ok" ] && return 1
    IFS= read -r _awsj_ok < "$_awsj_archive.ok" || return 1
    _awsj_sizes || return 1
    [ "$_awsj_ok" = "$_awsj_size" ] || return 1
    ! _awsj_log_bad "$_awsj_archive.log"
}

# Sets _awsj_size to "ARCHIVE-SIZE JAR-SIZE", as the .ok file records them.
_awsj_sizes() {
    # shellcheck disable=SC2046
    set -- $(LC_ALL=C ls -ln "$_awsj_archive" "$_awsj_runjar" 2> /dev/null)
    [ $# -eq 18 ] || return 1
    if [ "$9" = "$_awsj_archive" ]; then
        _awsj_size="$5 ${14}"
    else
        _awsj_size="${14} $5"
    fi
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

# A training of this jar failed less than a day ago (see <archive>.failed and the train log).
_awsj_failed_recently() {
    [ -f "$_awsj_archive.failed" ] || return 1
    [ -z "$(find "$_awsj_archive.failed" -mtime +0 2>/dev/null)" ]
}

# Starts the trainer in the background unless one is at work. Never waits, never prints.
_awsj_start_trainer() {
    _awsj_lock=$_awsj_prefix.lock
    if ! mkdir "$_awsj_lock" 2>/dev/null; then
        if ! _awsj_lock_stale; then
            # A trainer is at work or waiting: this call tells it that awsj is in use until this
            # process ends (the launcher execs java: $$ is the call's pid), and which archive to
            # make next. (printf, not `:`: a special built-in whose redirection fails ends a POSIX
            # shell, and this is the caller's: a lock that vanished must not stop the command.)
            printf "" 2>/dev/null > "$_awsj_lock/call.$$"
            printf "" 2>/dev/null > "$_awsj_lock/want-$_awsj_group"
            return 0
        fi
        rm -rf "$_awsj_lock"
        mkdir "$_awsj_lock" 2>/dev/null || return 0
    fi
    # Detached from the command: none of the caller's files open (a pipe reader or $(...) sees
    # the end when the command ends), hangups and Ctrl-C of the terminal ignored.
    # It starts training when awsj has been idle for two seconds: the call that started it has
    # ended (this shell's pid is the command's: the launcher execs java) and so has every call
    # that found it waiting (each leaves its pid in the lock folder), or after a minute. On a small
    # runner a trainer beside the calls of a job script would take the CPU they need.
    printf "" 2>/dev/null > "$_awsj_lock/call.$$"
    (
        trap '' HUP INT QUIT
        _awsj_await_idle
        _awsj_train > "$_awsj_prefix.train.log" 2>&1
        # Then the archives that calls of other kinds asked for while it worked, one by one.
        while :; do
            _awsj_next=
            for _awsj_w in "$_awsj_lock"/want-*; do
                [ -e "$_awsj_w" ] || continue
                rm -f "$_awsj_w"
                _awsj_next=${_awsj_w##*/want-}
                break
            done
            [ -n "$_awsj_next" ] || break
            _awsj_group=$_awsj_next
            _awsj_await_idle
            _awsj_train >> "$_awsj_prefix.train.log" 2>&1
        done
        rm -rf "$_awsj_lock"
    ) < /dev/null > /dev/null 2>&1 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- &
    echo "$!" > "$_awsj_lock/pid" 2>/dev/null
    return 0
}

# Waits until awsj has been idle for two seconds, or a minute: no call left its pid in the lock
# folder since the last look, and none of those that did is still running.
_awsj_await_idle() {
    _awsj_waited=0
    _awsj_idle=0
    while [ "$_awsj_waited" -lt 60 ] && [ "$_awsj_idle" -lt 2 ]; do
        _awsj_idle=$((_awsj_idle + 1))
        for _awsj_c in "$_awsj_lock"/call.*; do
            [ -e "$_awsj_c" ] || continue
            _awsj_idle=0
            kill -0 "${_awsj_c##*/call.}" 2>/dev/null || rm -f "$_awsj_c"
        done
        sleep 1
        _awsj_waited=$((_awsj_waited + 1))
    done
}

# A lock is stale when its trainer is gone (no such process), or older than any training may be.
_awsj_lock_stale() {
    _awsj_pid=
    [ -f "$_awsj_lock/pid" ] && IFS= read -r _awsj_pid < "$_awsj_lock/pid"
    if [ -n "$_awsj_pid" ]; then
        kill -0 "$_awsj_pid" 2>/dev/null || return 0
    fi
    # No pid yet (the trainer is starting), or a live one: stale only past twice the time limit.
    [ -n "$(find "$_awsj_lock" -prune -mmin +$(( $(_awsj_timeout) * 2 / 60 + 1 )) 2>/dev/null)" ]
}

_awsj_timeout() {
    case ${AWSJ_TRAIN_TIMEOUT:-} in
        '' | *[!0-9]*) echo 600 ;;
        *) echo "$AWSJ_TRAIN_TIMEOUT" ;;
    esac
}

# The trainer (in the background, holding the lock, its output in <prefix>.train.log).
_awsj_train() {
    echo "$(date) awsj trainer for $_awsj_jar on $_awsj_home ($_awsj_version)"
    _awsj_sum=$(cksum < "$_awsj_jar") || return 1
    _awsj_sum=$(printf '%s' "$_awsj_sum" | tr ' ' '-')
    _awsj_names
    printf '%s\n' "$_awsj_sum" > "$_awsj_prefix.jarsum.tmp" && mv -f "$_awsj_prefix.jarsum.tmp" "$_awsj_prefix.jarsum"
    if _awsj_usable; then
        echo "the archive of this jar is there: $_awsj_archive"
        return 0
    fi
    if _awsj_failed_recently; then
        echo "training failed less than a day ago (remove $_awsj_archive.failed to try again)"
        return 0
    fi
    # Archives of earlier jars at this path, for this JDK, are stale now; so is this one, and what
    # an interrupted trainer left. This jar's copy and its other services' archives stay.
    for _awsj_f in "$_awsj_prefix"-*; do
        case $_awsj_f in
            "$_awsj_runjar") ;;
            "$_awsj_archive" | "$_awsj_archive".* | "$_awsj_prefix"-*.tmp*) rm -f "$_awsj_f" ;;
            "$_awsj_prefix-$_awsj_sum"-*) ;;
            "$_awsj_prefix"-*.jar | "$_awsj_prefix"-*.jsa* | "$_awsj_prefix"-*.aot*) rm -f "$_awsj_f" ;;
        esac
    done
    _awsj_nice=
    command -v nice > /dev/null 2>&1 && _awsj_nice="nice -n 19"
    command -v ionice > /dev/null 2>&1 && ionice -c 3 true 2> /dev/null && _awsj_nice="$_awsj_nice ionice -c 3"
    _awsj_tmp=$_awsj_base.tmp$$
    _awsj_deadline=$(( $(date +%s) + $(_awsj_timeout) ))
    # The copy of the jar the archive is made with and used with (the JVM checks its size and
    # time, so a rebuild of the same jar does not spoil the archive; it is made once, for every
    # service's archive), then the training run, then a run that uses the new archive: the JVM
    # must take it without a word.
    # shellcheck disable=SC2046,SC2086
    if _awsj_copy_jar \
            && _awsj_bounded $_awsj_nice "$_awsj_java" $AWSJ_JVM_FLAGS $AWSJ_JAVA_OPTS $(_awsj_train_flags "$_awsj_tmp.archive") \
                "-Xbootclasspath/a:$_awsj_runjar" -cp "$_awsj_runjar" "$_awsj_main" __train "$_awsj_group" \
            && [ -s "$_awsj_tmp.archive" ] \
            && _awsj_use_flags "$_awsj_tmp.archive" "$_awsj_tmp.log" \
            && _awsj_bounded $_awsj_nice "$_awsj_java" $AWSJ_JVM_FLAGS $_awsj_flags $AWSJ_JAVA_OPTS \
                "-Xbootclasspath/a:$_awsj_runjar" -cp "$_awsj_runjar" "$_awsj_main" --version \
            && ! _awsj_log_bad "$_awsj_tmp.log" \
            && mv -f "$_awsj_tmp.archive" "$_awsj_archive"; then
        rm -f "$_awsj_tmp".* "$_awsj_archive.log"
        _awsj_sizes && printf '%s\n' "$_awsj_size" > "$_awsj_archive.ok"
        echo "$(date) done: $_awsj_archive"
        return 0
    fi
    rm -f "$_awsj_tmp".*
    printf "" 2>/dev/null > "$_awsj_archive.failed"
    echo "$(date) training failed: awsj runs without the start-up archive; no new try for a day"
    return 1
}

# The jar's copy, made unless it is there with the right checksum.
_awsj_copy_jar() {
    if [ -f "$_awsj_runjar" ] && [ "$(cksum < "$_awsj_runjar" | tr ' ' '-')" = "$_awsj_sum" ]; then
        return 0
    fi
    cp "$_awsj_jar" "$_awsj_tmp.jar" && [ "$(cksum < "$_awsj_tmp.jar" | tr ' ' '-')" = "$_awsj_sum" ] \
        && mv -f "$_awsj_tmp.jar" "$_awsj_runjar"
}

_awsj_train_flags() {
    if [ "$_awsj_major" -ge 25 ]; then
        echo "-XX:AOTCacheOutput=$1"
    else
        echo "-XX:ArchiveClassesAtExit=$1"
    fi
}

# Runs a command, killed when the trainer's deadline passes. (A poll: `timeout` is not everywhere.)
_awsj_bounded() {
    echo "+ $*"
    "$@" < /dev/null &
    _awsj_child=$!
    while kill -0 "$_awsj_child" 2> /dev/null; do
        if [ "$(date +%s)" -ge "$_awsj_deadline" ]; then
            echo "$(date) time limit reached (AWSJ_TRAIN_TIMEOUT=$(_awsj_timeout) s): stopping $_awsj_child"
            kill "$_awsj_child" 2> /dev/null
            sleep 2
            kill -9 "$_awsj_child" 2> /dev/null
            wait "$_awsj_child" 2> /dev/null
            return 1
        fi
        sleep 1
    done
    wait "$_awsj_child"
}
