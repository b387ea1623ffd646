package io.wasmrun.spectest.fuzz;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Names an exception that escaped wasmrun by its class and the code that threw it. */
final class Escapes {
    private Escapes() {}

    /**
     * {@code java.lang.IndexOutOfBoundsException@OpcodeImpl.TABLE_INIT}: the innermost cause's
     * class and its first frame in Chicory or wasmrun outside generated code (JDK frames such as
     * {@code Objects.checkIndex} say little).
     */
    static String signature(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String where = "";
        for (StackTraceElement frame : root.getStackTrace()) {
            String cls = frame.getClassName();
            if ((cls.startsWith("com.dylibso.chicory.") || cls.startsWith("io.wasmrun."))
                    && !frame.getMethodName().startsWith("func_")
                    && !cls.contains("$gen")
                    && !cls.startsWith("io.wasmrun.spectest.fuzz.")) {
                where = "@" + cls.substring(cls.lastIndexOf('.') + 1) + "." + frame.getMethodName();
                break;
            }
        }
        return root.getClass().getName() + where;
    }

    /** The exception's message and stack, for a failure report. */
    static String detail(Throwable error) {
        var out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        String text = out.toString();
        String[] lines = text.split("\n");
        if (lines.length > 40) {
            return String.join("\n", java.util.Arrays.copyOf(lines, 40)) + "\n\t...";
        }
        return text.strip();
    }
}
