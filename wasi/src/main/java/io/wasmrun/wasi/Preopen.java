package io.wasmrun.wasi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host directory the guest sees under {@code guestPath}; everything it reaches through it stays
 * inside {@code hostPath}. A read-only preopen refuses every change ({@code EPERM}).
 */
public record Preopen(String guestPath, Path hostPath, boolean readOnly) {
    public Preopen {
        Objects.requireNonNull(guestPath, "guestPath");
        Objects.requireNonNull(hostPath, "hostPath");
    }
}
