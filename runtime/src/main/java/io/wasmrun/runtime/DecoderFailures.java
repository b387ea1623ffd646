package io.wasmrun.runtime;

import io.wasmrun.ModuleLoadException;
import java.nio.BufferUnderflowException;
import java.util.Locale;

/**
 * Names the problem when Chicory 1.7.5's parser or validator fails on a module with a Java
 * exception instead of its own {@code MalformedException} or {@code InvalidException}: a {@code
 * NullPointerException} when a function body goes on after the {@code end} that closes it, an
 * {@code ArrayIndexOutOfBoundsException} for an unknown opcode or import kind, a {@code
 * BufferUnderflowException} for a truncated immediate, and so on. The Java exception's text (such
 * as {@code Cannot invoke "com.dylibso.chicory.wasm.ControlTree.setFinalInstructionNumber..."})
 * never reaches the message; it stays the cause, which {@code --verbose} shows.
 *
 * <p>The problem is told by where the exception comes from (the innermost frame of Chicory's
 * {@code com.dylibso.chicory.wasm} package), for the failures seen when decoding mutated spec
 * modules; anything else is named by the section being decoded.
 */
final class DecoderFailures {
    private static final String WASM_PACKAGE = "com.dylibso.chicory.wasm.";

    private DecoderFailures() {}

    /** What failed and how it is classified. */
    record Problem(ModuleLoadException.Kind kind, String reason) {
        static Problem malformed(String reason) {
            return new Problem(ModuleLoadException.Kind.MALFORMED, "malformed module: " + reason);
        }

        static Problem invalid(String reason) {
            return new Problem(ModuleLoadException.Kind.INVALID, "invalid module: " + reason);
        }
    }

    /** The problem behind {@code error}, which is not one of Chicory's own exceptions. */
    static Problem describe(Throwable error) {
        if (error instanceof StackOverflowError) {
            return Problem.malformed("blocks or types nested too deeply to decode");
        }
        if (error instanceof OutOfMemoryError) {
            return Problem.malformed("a count or length is too large to decode");
        }
        if (error instanceof BufferUnderflowException) {
            return Problem.malformed("unexpected end of section or function");
        }
        StackTraceElement where = innermostChicoryFrame(error);
        String type = where == null ? "" : where.getClassName().substring(WASM_PACKAGE.length());
        String method = where == null ? "" : where.getMethodName();
        switch (type) {
            case "Parser" -> {
                if (method.equals("parse") && error instanceof IllegalArgumentException) {
                    return Problem.malformed("length out of bounds: a section ends past the end of the module");
                }
                if (method.equals("parseCodeSection")) {
                    return error instanceof NullPointerException npe && String.valueOf(npe.getMessage()).contains("\"reference\"")
                            ? Problem.invalid("unknown label: a branch names a block that is not open")
                            : Problem.malformed("section size mismatch: a function body goes on after the `end` that closes it");
                }
            }
            case "Validator" -> {
                if (method.equals("getCtrl") || method.equals("peekCtrl") || method.equals("popCtrl")) {
                    return Problem.malformed("section size mismatch: a function body goes on after the `end` that closes it");
                }
                return Problem.invalid("a function body or constant expression cannot be validated");
            }
            case "types.OpCode", "types.CatchOpCode" -> {
                return Problem.malformed("illegal opcode");
            }
            case "types.ExternalType" -> {
                return Problem.malformed("malformed import or export kind");
            }
            case "types.ValType", "types.Table" -> {
                return Problem.malformed("malformed reference type");
            }
            default -> {}
        }
        String section = sectionBeingParsed(error);
        return Problem.malformed(section == null ? "it does not decode" : "the " + section + " section does not decode");
    }

    private static StackTraceElement innermostChicoryFrame(Throwable error) {
        for (StackTraceElement frame : error.getStackTrace()) {
            if (frame.getClassName().startsWith(WASM_PACKAGE)) {
                return frame;
            }
        }
        return null;
    }

    /** From the innermost {@code Parser.parseXxxSection} frame: "code", "data count", ... */
    private static String sectionBeingParsed(Throwable error) {
        for (StackTraceElement frame : error.getStackTrace()) {
            String method = frame.getMethodName();
            if (frame.getClassName().equals(WASM_PACKAGE + "Parser")
                    && method.startsWith("parse")
                    && method.endsWith("Section")
                    && method.length() > "parseSection".length()) {
                String name = method.substring("parse".length(), method.length() - "Section".length());
                return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
