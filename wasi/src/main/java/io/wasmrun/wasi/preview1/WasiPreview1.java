package io.wasmrun.wasi.preview1;

import static io.wasmrun.wasi.preview1.Signature.function;

import com.dylibso.chicory.runtime.HostFunction;
import io.wasmrun.wasi.WasiOptions;
import io.wasmrun.wasi.fs.PathResolver;
import java.util.ArrayList;
import java.util.List;

/**
 * wasmrun's WASI preview1 host: every {@code wasi_snapshot_preview1} function, for one guest.
 *
 * <p>Design. Descriptors are real Linux file descriptors (except standard streams an embedder
 * gives as Java streams), held in the guest's own {@link io.wasmrun.wasi.fs.FdTable}. Paths never
 * become host path strings: they are resolved relative to a directory descriptor by the kernel with
 * {@code openat2(RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS)} and acted on with the {@code *at} system
 * calls ({@link io.wasmrun.wasi.fs.Sandbox}), as the {@code cap-std} crate under wasmtime does; a
 * kernel without {@code openat2} gets a component-by-component walk with the same rules. Guest
 * memory is untrusted: every pointer and length is checked, unsigned, against the memory's size
 * before use ({@link io.wasmrun.wasi.guest.GuestMemory}), and every failure is a WASI errno.
 * File reads and writes move bytes between the kernel and native guest memory with no copy.
 */
public final class WasiPreview1 implements AutoCloseable {
    /** The import module name of WASI preview1. */
    public static final String MODULE = "wasi_snapshot_preview1";

    private final WasiContext context;
    private final List<HostFunction> functions;

    private WasiPreview1(WasiContext context) {
        this.context = context;
        List<HostFunction> all = new ArrayList<>();
        all.addAll(new ProcessFunctions(context).functions());
        all.addAll(new FdFunctions(context).functions());
        all.addAll(new PathFunctions(context).functions());
        all.addAll(new SocketFunctions(context).functions());
        Poll poll = new Poll(context);
        all.add(function("poll_oneoff", "iiii", (m, a) -> poll.pollOneoff(m, (int) a[0], (int) a[1], (int) a[2], (int) a[3])));
        this.functions = List.copyOf(all);
    }

    /**
     * A WASI host for one guest with {@code options}.
     *
     * @throws java.io.UncheckedIOException when a preopened directory cannot be opened
     */
    public static WasiPreview1 create(WasiOptions options) {
        return new WasiPreview1(new WasiContext(options, PathResolver.forThisKernel()));
    }

    /** The same with an explicit path resolver (tests run both). */
    public static WasiPreview1 create(WasiOptions options, PathResolver resolver) {
        return new WasiPreview1(new WasiContext(options, resolver));
    }

    /** The host functions, to link as imports of module {@value #MODULE}. */
    public List<HostFunction> functions() {
        return functions;
    }

    /** Closes every descriptor the guest still holds. */
    @Override
    public void close() {
        context.close();
    }
}
