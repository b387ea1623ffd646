# Sourced by scripts/spec-test, scripts/fuzz and scripts/wasi-test: builds the cli's jar and the
# spec-tests module's classes when they are missing or older than a source or pom (offline
# first), then sets `jar` (cli/target/wasmrun.jar) and `classpath` (the jar and the spec-tests
# classes, which the jar does not hold). $1 names the calling script in messages; expects $root.
wasmrun_test_classpath() {
    jar="$root/cli/target/wasmrun.jar"
    local classes="$root/spec-tests/target/classes"
    classpath="$jar:$classes"
    if [ -f "$jar" ] && [ -d "$classes" ] \
        && [ -z "$(find "$root/pom.xml" "$root"/*/pom.xml "$root"/*/src/main -newer "$jar" -print -quit 2>/dev/null)" ]; then
        return 0
    fi
    echo "$1: building wasmrun (first run or sources changed)..." >&2
    local log
    log=$(mktemp)
    if ! (cd "$root" && mvn -q -B -o -Dmaven.test.skip=true -pl cli,spec-tests -am package >"$log" 2>&1 \
          || mvn -q -B -Dmaven.test.skip=true -pl cli,spec-tests -am package >"$log" 2>&1); then
        cat "$log" >&2
        rm -f "$log"
        echo "error: building wasmrun failed" >&2
        exit 1
    fi
    rm -f "$log"
}
