package io.wasmrun.runtime;

/** Looks through an exception's cause chain, where Chicory and the JVM wrap what happened. */
public final class Causes {
    private Causes() {}

    /** The first throwable in {@code error}'s cause chain that is a {@code type}, or null. */
    public static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
