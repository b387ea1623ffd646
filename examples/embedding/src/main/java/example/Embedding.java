package example;

import io.wasmrun.Engine;
import io.wasmrun.FuncType;
import io.wasmrun.Instance;
import io.wasmrun.Linker;
import io.wasmrun.Memory;
import io.wasmrun.Module;
import io.wasmrun.Store;
import io.wasmrun.StoreLimits;
import io.wasmrun.Trap;
import io.wasmrun.Val;
import io.wasmrun.ValType;
import io.wasmrun.Wasi;
import io.wasmrun.allocator.config.PoolingConfig;
import io.wasmrun.wasi.WasiOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Hosts WebAssembly guests with wasmrun's embedding API: a plugin that calls back into the host
 * and reads a string the host wrote into its memory, a trap, a WASI program with captured output,
 * and a thousand short-lived instances on the pooling allocator.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp ... example.Embedding examples/hello.wasm
 * </pre>
 */
public final class Embedding {
    /** A plugin: counts the vowels of a string the host passes in its memory, and reports them. */
    private static final String PLUGIN = """
            (module
              (import "host" "report" (func $report (param i32 i32 i32)))
              (memory (export "memory") 1)
              (func (export "count_vowels") (param $at i32) (param $len i32) (result i32)
                (local $i i32) (local $n i32) (local $c i32)
                (block $done
                  (loop $next
                    (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
                    (local.set $c (i32.or (i32.load8_u (i32.add (local.get $at) (local.get $i))) (i32.const 0x20)))
                    (if (i32.or (i32.or (i32.eq (local.get $c) (i32.const 97)) (i32.eq (local.get $c) (i32.const 101)))
                                (i32.or (i32.or (i32.eq (local.get $c) (i32.const 105)) (i32.eq (local.get $c) (i32.const 111)))
                                        (i32.eq (local.get $c) (i32.const 117))))
                      (then (local.set $n (i32.add (local.get $n) (i32.const 1)))))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br $next)))
                (call $report (local.get $at) (local.get $len) (local.get $n))
                (local.get $n))
              (func (export "divide") (param i32 i32) (result i32) (i32.div_u (local.get 0) (local.get 1)))
              (func (export "spin") (loop $forever (br $forever))))
            """;

    private Embedding() {}

    public static void main(String[] args) {
        Path hello = Path.of(args.length > 0 ? args[0] : "examples/hello.wasm");
        run(hello, System.out);
    }

    /** Runs every part of the example, printing what each does to {@code out}. */
    public static void run(Path helloWasm, PrintStream out) {
        PoolingConfig pool = PoolingConfig.builder().totalCoreInstances(64).totalMemories(64).totalTables(64).build();
        try (Engine engine = Engine.builder().pooling(pool).build()) {
            Module plugin = Module.fromBytes(engine, "plugin.wat", PLUGIN.getBytes(StandardCharsets.UTF_8));
            Linker linker = new Linker().func("host", "report",
                    FuncType.of(List.of(ValType.I32, ValType.I32, ValType.I32), List.of()),
                    (caller, a) -> {
                        Memory memory = caller.memory("memory").orElseThrow();
                        out.println("host: \"" + memory.readString(a[0].i32(), a[1].i32()) + "\" has " + a[2].i32() + " vowels");
                        return new Val[0];
                    });

            try (Store store = Store.create(engine)) {
                Instance instance = linker.instantiate(store, plugin);
                Memory memory = instance.memory("memory").orElseThrow();
                int length = memory.writeString(1024, "WebAssembly on the JVM");
                Val[] vowels = instance.requireFunc("count_vowels").call(Val.i32(1024), Val.i32(length));
                out.println("guest returned " + vowels[0].i32());
                out.println("raw call: 84 / 2 = " + instance.requireFunc("divide").callRaw(84, 2)[0]);
                try {
                    instance.requireFunc("divide").call(Val.i32(1), Val.i32(0));
                } catch (Trap trap) {
                    out.println("trap " + trap.kind() + ": " + trap.reason());
                }
                store.setTimeout(Duration.ofMillis(100));
                try {
                    instance.requireFunc("spin").call();
                } catch (Trap trap) {
                    out.println("trap " + trap.kind() + ": " + trap.reason());
                }
            }

            var stdout = new ByteArrayOutputStream();
            try (Store store = Store.create(engine);
                    Wasi wasi = Wasi.create(WasiOptions.builder().withArguments(List.of("hello")).withStdout(stdout).build())) {
                Instance program = new Linker().wasi(wasi).instantiate(store, Module.fromFile(engine, helloWasm));
                program.requireFunc("_start").call();
            }
            out.print("WASI stdout: " + stdout.toString(StandardCharsets.UTF_8));

            long total = 0;
            for (int i = 0; i < 1000; i++) {
                try (Store store = Store.create(engine, StoreLimits.unlimited().withMaxInstances(1))) {
                    Instance instance = linker.instantiate(store, plugin);
                    total += instance.requireFunc("divide").call(Val.i32(i * 2), Val.i32(2))[0].i32();
                }
            }
            out.println("1000 short-lived instances summed " + total + "; live instances now "
                    + engine.metrics().liveInstances());
        }
    }
}
