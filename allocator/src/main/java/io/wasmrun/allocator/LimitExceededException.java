package io.wasmrun.allocator;

/**
 * A module or an instantiation needs more than the allocator is configured to give. The message
 * names the limit and the option that raises it.
 */
public class LimitExceededException extends RuntimeException {
    public LimitExceededException(String message) {
        super(message);
    }

    /** The limit is the operating system's, e.g. address space refused under {@code ulimit -v}. */
    public LimitExceededException(String message, Throwable cause) {
        super(message, cause);
    }
}
