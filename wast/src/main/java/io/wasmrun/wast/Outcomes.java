package io.wasmrun.wast;

import io.wasmrun.Trap;
import io.wasmrun.TrapKind;
import io.wasmrun.WasmrunException;
import java.util.Locale;

/** Decides whether a failure is the one a script expects, and describes what happened. */
final class Outcomes {
    private static final String EXHAUSTED = "call stack exhausted";

    private Outcomes() {}

    /** Whether {@code error} is the failure an {@code assert_trap}-like command expects. */
    static boolean failsAsExpected(FailureKind kind, String text, Throwable error) {
        return switch (kind) {
            case TRAP -> trapsAsExpected(text, error);
            case EXHAUSTION -> error instanceof Trap trap && trap.reason().equals(EXHAUSTED);
            case EXCEPTION -> error instanceof Trap trap && trap.kind() == TrapKind.UNCAUGHT_EXCEPTION;
        };
    }

    /**
     * Whether {@code error} is a trap that matches {@code expected}; an uncaught exception is
     * not a trap to the spec's scripts ({@code assert_exception} expects it).
     */
    static boolean trapsAsExpected(String expected, Throwable error) {
        return error instanceof Trap trap && trap.kind() != TrapKind.UNCAUGHT_EXCEPTION && trapMatches(expected, trap.reason());
    }

    /**
     * Whether a trap of kind {@code actual} is the trap the reference interpreter reports as
     * {@code expected}: one message contains the other, ignoring case ({@code uninitialized
     * element} matches {@code uninitialized element 7}).
     */
    private static boolean trapMatches(String expected, String actual) {
        if (expected == null || expected.isBlank()) {
            return true;
        }
        String e = expected.toLowerCase(Locale.ROOT).strip();
        String a = actual.toLowerCase(Locale.ROOT).strip();
        return a.contains(e) || e.contains(a);
    }

    /** What a failing command expected, e.g. {@code trap (integer divide by zero)}. */
    static String expectedFailure(FailureKind kind, String text) {
        return switch (kind) {
            case TRAP -> "trap (" + text + ")";
            case EXHAUSTION -> "trap (" + EXHAUSTED + ")";
            case EXCEPTION -> "an uncaught exception";
        };
    }

    /**
     * One line for what went wrong: {@code trap (unreachable)}, {@code uncaught exception (tag 0)},
     * a load error, an exception.
     */
    static String describe(Throwable error) {
        if (error instanceof Trap trap) {
            return trap.kind() == TrapKind.UNCAUGHT_EXCEPTION ? trap.reason() : "trap (" + trap.reason() + ")";
        }
        if (error instanceof WasmrunException known) {
            return known.getMessage();
        }
        String message = error.getMessage();
        String name = error.getClass().getName();
        return message == null || message.isBlank() ? name : name + ": " + firstLine(message);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

}
