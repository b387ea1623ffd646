package io.wasmrun.runtime.compile;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Compiles a large module off the path of its first run ({@link io.wasmrun.FirstCompile}). On a
 * thread, the machine factory it returns hands out interpreter machines until the classes are
 * compiled, verified and stored, and compiled machines after; the entry reaches the cache only through the
 * cache's atomic store, so a process that ends first leaves nothing behind. (Detached compiles
 * are {@code io.wasmrun.runtime.CacheFiller}'s.)
 */
public final class BackgroundCompile {
    /**
     * Bytes of function code above which a first run does not wait for the compile. Measured with
     * the cache cold on generated programs that call 16 of their functions
     * (bench/large/gen-table-program.py): at 0.9 MB of code the blocking compile's first run took
     * 2.6 s and an interpreted one 0.9 s; at 3.6 MB 5.4 s (compile, then run) against 2.4-2.7 s.
     * Interpreted, loops run 10-30x slower, so a module under this size, whose compile costs a
     * second or two at most, keeps the blocking compile: every program of bench/corpus does.
     */
    public static final long THRESHOLD_BYTES = 1 << 20;

    private BackgroundCompile() {}

    /** Whether {@code module} has more than {@link #THRESHOLD_BYTES} of function code. */
    public static boolean large(WasmModule module, long threshold) {
        long bytes = 0;
        for (var body : module.codeSection().functionBodies()) {
            bytes += MethodSizeEstimate.codeBytes(body);
            if (bytes > threshold) {
                return true;
            }
        }
        return false;
    }

    /** A machine factory that interprets until {@code compiler} has compiled {@code module} on a daemon thread. */
    public static Function<Instance, Machine> onThread(ModuleCompiler compiler, WasmModule module) {
        var compiled = new CompletableFuture<Function<Instance, Machine>>();
        var thread = Thread.ofPlatform()
                .daemon()
                .name("wasmrun-compile")
                .priority(Thread.MIN_PRIORITY)
                .unstarted(() -> {
                    try {
                        compiled.complete(compiler.machineFactory(module));
                    } catch (Throwable e) {
                        // out of memory included: the instances keep running interpreted
                        compiled.completeExceptionally(e);
                    }
                });
        thread.start();
        return instance -> {
            Function<Instance, Machine> factory = compiled.isDone() && !compiled.isCompletedExceptionally()
                    ? compiled.join()
                    : null;
            return factory == null ? new InterpreterMachine(instance) : factory.apply(instance);
        };
    }
}
