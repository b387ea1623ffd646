package io.wasmrun.wasi.fs;

/**
 * Opens guest paths relative to a directory descriptor so that resolution can never leave it: no
 * {@code ..} above it, no absolute path, no symbolic link (absolute, relative, chained) that leads
 * out. Links that stay inside are followed. Two implementations: {@link Openat2Resolver} lets the
 * kernel enforce the rule ({@code openat2} with {@code RESOLVE_BENEATH}, Linux 5.6+, race-free by
 * construction); {@link WalkingResolver} walks the path component by component with {@code
 * O_NOFOLLOW} where {@code openat2} is missing. Both return the kernel's result or {@code -errno};
 * an escape is {@code -EXDEV}, which the host reports as {@code EPERM} as wasmtime does.
 */
public interface PathResolver {
    /**
     * Opens {@code path} beneath {@code dirfd} with {@code open(2)} {@code flags}. With {@code
     * O_NOFOLLOW} in {@code flags} a symbolic link as the last component is not followed ({@code
     * -ELOOP}); links before it always are.
     *
     * @return a new file descriptor, or {@code -errno}
     */
    long open(int dirfd, String path, int flags, int mode);

    /** The resolver for this kernel: {@code openat2} when it works, else the walk. */
    static PathResolver forThisKernel() {
        if (Boolean.getBoolean("wasmrun.wasi.walkingResolver") || !Openat2Resolver.available()) {
            return new WalkingResolver();
        }
        return new Openat2Resolver();
    }
}
