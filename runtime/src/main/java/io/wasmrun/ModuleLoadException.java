package io.wasmrun;

/**
 * A module could not be loaded. The message is one line that names the file and the problem,
 * e.g. {@code hello.wasm: not a WebAssembly binary (bad magic number)}.
 */
public final class ModuleLoadException extends WasmrunException {

    /** Why loading failed, so callers can react (the spec runner tells malformed from invalid). */
    public enum Kind {
        /** The file is missing or unreadable. */
        UNREADABLE,
        /** The bytes are not a WebAssembly binary or text module. */
        NOT_WASM,
        /** The binary does not decode. */
        MALFORMED,
        /** The module decodes but fails validation. */
        INVALID,
        /** The module is valid but exceeds a limit of the runtime or its allocator. */
        UNSUPPORTED
    }

    private final Kind kind;
    private final String source;
    private final String problem;

    public ModuleLoadException(Kind kind, String source, String problem, Throwable cause) {
        this(kind, source, problem, source + ": " + problem, cause);
    }

    private ModuleLoadException(
            Kind kind, String source, String problem, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.source = source;
        this.problem = problem;
    }

    /** A problem at a position in a text file: {@code file:line:column: problem}. */
    public static ModuleLoadException at(
            Kind kind, String source, int line, int column, String problem, Throwable cause) {
        return new ModuleLoadException(
                kind, source, problem, source + ":" + line + ":" + column + ": " + problem, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The file name or label of the module. */
    public String source() {
        return source;
    }

    /** The problem alone, without the source. */
    public String problem() {
        return problem;
    }
}
