package io.wasmrun.runtime;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.WasmException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.NameCustomSection;
import io.wasmrun.Trap;
import io.wasmrun.wasi.WasiExitException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns what Chicory throws during execution into a {@link Trap} with the spec's trap kind
 * and, for compiled code, a wasm backtrace read from the JVM frames of the generated
 * {@code func_N} methods.
 */
final class TrapClassifier {
    private static final String COMPILED_FUNCTION_PREFIX = "func_";
    private static final int MAX_FRAMES = 20;

    /**
     * The spec's words for the traps the engines report in words of their own: a message that
     * starts with one of these is that kind, whatever details follow (Chicory's compiler adds the
     * address, signed, to an out-of-bounds access; its interpreter does not), so the same trap
     * reads the same under every engine and allocator.
     */
    private static final List<String> SPEC_KINDS =
            List.of(
                    "out of bounds memory access",
                    "out of bounds table access",
                    "out of bounds array access",
                    "undefined element",
                    "uninitialized element",
                    "indirect call type mismatch",
                    "integer divide by zero",
                    "integer overflow",
                    "invalid conversion to integer",
                    "unaligned atomic",
                    "null function reference",
                    "null structure reference",
                    "null array reference",
                    "null i31 reference",
                    "cast failure",
                    "call stack exhausted");

    private TrapClassifier() {}

    /**
     * Returns the trap for {@code error} (a wasm exception that no handler caught is the trap
     * {@code uncaught exception}), or {@code null} when it is not a trap (a WASI exit, a
     * link error, a host exception that must propagate as is).
     */
    static Trap classify(Throwable error, WasmModule module) {
        if (error instanceof Trap trap) {
            return trap;
        }
        if (error instanceof WasiExitException) {
            return null;
        }
        if (error instanceof StackOverflowError) {
            return new Trap("call stack exhausted", backtrace(error, module), error);
        }
        if (error instanceof ChicoryInterruptedException || error instanceof InterruptedException) {
            return new Trap("interrupt", backtrace(error, module), error);
        }
        if (error instanceof WasmException exception) {
            return new Trap("uncaught exception (tag " + exception.tagIdx() + ")", backtrace(error, module), error);
        }
        if (error instanceof OutOfMemoryError) {
            return new Trap("out of memory", List.of(), error);
        }
        if (error instanceof ChicoryException) {
            Throwable root = error;
            while (root.getCause() instanceof ChicoryException && root.getCause() != root) {
                root = root.getCause();
            }
            return new Trap(kindOf(root.getMessage()), backtrace(error, module), error);
        }
        if (error instanceof ArithmeticException) {
            return new Trap("integer divide by zero", backtrace(error, module), error);
        }
        return null;
    }

    private static String kindOf(String message) {
        if (message == null || message.isBlank()) {
            return "unknown trap";
        }
        String lower = message.toLowerCase(Locale.ROOT);
        for (String kind : SPEC_KINDS) {
            if (lower.startsWith(kind)) {
                return kind;
            }
        }
        if (lower.startsWith("trapped on unreachable")) {
            return "unreachable";
        }
        if (lower.startsWith("trapped on ")) {
            return message.substring("trapped on ".length());
        }
        return message;
    }

    private static List<String> backtrace(Throwable error, WasmModule module) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            List<String> frames = compiledFrames(t, module);
            if (!frames.isEmpty()) {
                return frames;
            }
        }
        return List.of();
    }

    /**
     * The generated {@code func_N} frames of {@code error}, innermost first; a run of identical
     * frames (deep recursion) is shown once with its count.
     */
    private static List<String> compiledFrames(Throwable error, WasmModule module) {
        List<String> frames = new ArrayList<>();
        String previous = null;
        int repeats = 0;
        for (StackTraceElement element : error.getStackTrace()) {
            String method = element.getMethodName();
            if (!method.startsWith(COMPILED_FUNCTION_PREFIX)) {
                continue;
            }
            int index;
            try {
                index = Integer.parseInt(method.substring(COMPILED_FUNCTION_PREFIX.length()));
            } catch (NumberFormatException notAFunction) {
                continue;
            }
            String frame = functionName(module, index) + " (func " + index + ")";
            if (frame.equals(previous)) {
                repeats++;
                continue;
            }
            addFrame(frames, previous, repeats);
            previous = frame;
            repeats = 1;
        }
        addFrame(frames, previous, repeats);
        return frames;
    }

    private static void addFrame(List<String> frames, String frame, int repeats) {
        if (frame != null && frames.size() < MAX_FRAMES) {
            frames.add(repeats > 1 ? frame + " (repeated " + repeats + " times)" : frame);
        }
    }

    /** The function's name from the name section, else its export name, else its index. */
    static String functionName(WasmModule module, int index) {
        NameCustomSection names = module.nameSection();
        String name = names == null ? null : names.nameOfFunction(index);
        if (name != null) {
            return name;
        }
        var exports = module.exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            var export = exports.getExport(i);
            if (export.exportType() == ExternalType.FUNCTION && export.index() == index) {
                return export.name();
            }
        }
        return "<wasm function " + index + ">";
    }
}
