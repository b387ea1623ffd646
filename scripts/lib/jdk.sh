# Sourced by wasmrun's scripts: finds a JDK 25 or newer and exports JAVA_HOME and JAVA.
# Order: $JAVA_HOME, `java` on PATH, then /usr/lib/jvm/*.

wasmrun_java_feature() {
    # Prints the feature version (e.g. 25) of the java binary $1, or nothing. Reads the JDK's
    # `release` file when there is one: starting a JVM just to ask costs 50-300 ms per launch.
    local release
    release="$(dirname "$(dirname "$1")")/release"
    if [ -f "$release" ]; then
        sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" | head -n 1
        return
    fi
    "$1" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

wasmrun_find_jdk() {
    local candidates=() c v
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    if command -v java >/dev/null 2>&1; then
        c=$(readlink -f "$(command -v java)")
        candidates+=("${c%/bin/java}")
    fi
    for c in /usr/lib/jvm/*; do candidates+=("$c"); done
    for c in "${candidates[@]}"; do
        [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
        v=$(wasmrun_java_feature "$c/bin/java")
        if [ -n "$v" ] && [ "$v" -ge 25 ]; then
            export JAVA_HOME="$c"
            export JAVA="$c/bin/java"
            return 0
        fi
    done
    echo "error: wasmrun needs a JDK 25 or newer (for the FFM API), and none was found." >&2
    echo "Looked at \$JAVA_HOME, java on PATH and /usr/lib/jvm/*." >&2
    echo "Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
    return 1
}
