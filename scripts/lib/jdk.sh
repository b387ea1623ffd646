# Sourced by wasmrun's scripts: finds a JDK 25 or newer and exports JAVA_HOME and JAVA.
# Order: $JAVA_HOME, `java` on PATH, then /usr/lib/jvm/*; the first JDK 25+ wins.
# Runs on every launch of scripts/wasmrun, so it uses shell builtins where it can: starting a
# JVM just to ask its version costs 50-300 ms, and every forked tool a few more.

wasmrun_java_feature() {
    # Sets wasmrun_feature to the feature version (e.g. 25) of the java binary $1, or to "".
    # Reads the JDK's `release` file when there is one.
    local release="${1%/bin/java}/release" line
    wasmrun_feature=
    if [ -f "$release" ]; then
        while IFS= read -r line; do
            case "$line" in
                JAVA_VERSION=*)
                    line=${line#JAVA_VERSION=\"}
                    wasmrun_feature=${line%%[!0-9]*}
                    return ;;
            esac
        done <"$release"
        return
    fi
    wasmrun_feature=$("$1" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1)
}

wasmrun_try_jdk() {
    # Exports JAVA_HOME and JAVA when $1 is the home of a JDK 25 or newer.
    [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
    wasmrun_java_feature "$1/bin/java"
    [ -n "$wasmrun_feature" ] && [ "$wasmrun_feature" -ge 25 ] || return 1
    export JAVA_HOME="$1"
    export JAVA="$1/bin/java"
}

wasmrun_find_jdk() {
    local c
    if [ -n "${JAVA_HOME:-}" ] && wasmrun_try_jdk "$JAVA_HOME"; then
        return 0
    fi
    if command -v java >/dev/null 2>&1; then
        c=$(readlink -f "$(command -v java)")
        wasmrun_try_jdk "${c%/bin/java}" && return 0
    fi
    for c in /usr/lib/jvm/*; do
        wasmrun_try_jdk "$c" && return 0
    done
    echo "error: wasmrun needs a JDK 25 or newer (for the FFM API), and none was found." >&2
    echo "Looked at \$JAVA_HOME, java on PATH and /usr/lib/jvm/*." >&2
    echo "Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
    return 1
}
