package io.wasmrun.spectest.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs modules in V8 and every configuration: owns a node process, one {@link WasmrunRunner} per
 * configuration and a work folder. Each engine's run happens on a fresh thread with a large stack
 * and a timeout; a run that does not stop when interrupted is abandoned with its runner.
 */
final class Worker implements AutoCloseable {
    private static final long STACK_BYTES = 64L << 20;

    private final Path dir;
    private final NodeOracle oracle;
    private final List<FuzzConfiguration> configs;
    private final Duration timeout;
    private final TraceComparator comparator;
    private final MemoryCompileCache cache = new MemoryCompileCache();
    private final Map<FuzzConfiguration, WasmrunRunner> runners = new LinkedHashMap<>();

    Worker(Path dir, NodeOracle oracle, List<FuzzConfiguration> configs, Duration timeout, NanRule nanRule) throws IOException {
        this.dir = dir;
        this.oracle = oracle;
        this.configs = configs;
        this.timeout = timeout;
        this.comparator = new TraceComparator(nanRule);
        Files.createDirectories(dir);
        for (FuzzConfiguration c : configs) {
            runners.put(c, new WasmrunRunner(c, cache));
        }
    }

    Path dir() {
        return dir;
    }

    /**
     * Runs the module {@code bytes}, written to {@code path} for V8, everywhere and compares;
     * with {@code compareMemory}, the exported memory's contents after traps and at the end too.
     */
    Evaluation evaluate(Path path, byte[] bytes, boolean compareMemory) throws IOException, InterruptedException {
        Trace v8 = oracle == null ? null : oracle.run(path, compareMemory);
        Map<FuzzConfiguration, Trace> traces = new LinkedHashMap<>();
        String name = path.getFileName().toString();
        try {
            for (FuzzConfiguration c : configs) {
                traces.put(c, runWithTimeout(c, name, bytes, compareMemory));
            }
        } finally {
            cache.clear();
        }
        Trace reference = v8 != null ? v8 : traces.values().iterator().next();
        Map<FuzzConfiguration, List<Divergence>> divergences = new LinkedHashMap<>();
        traces.forEach((c, trace) -> {
            List<Divergence> d = trace == reference ? TraceComparator.escapes(trace) : comparator.compare(reference, trace);
            if (!d.isEmpty()) {
                divergences.put(c, d);
            }
        });
        return new Evaluation(v8, traces, divergences);
    }

    private Trace runWithTimeout(FuzzConfiguration configuration, String name, byte[] bytes, boolean compareMemory) throws InterruptedException {
        WasmrunRunner runner = runners.get(configuration);
        Trace[] result = new Trace[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                result[0] = runner.run(name, bytes, compareMemory);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "fuzz-" + configuration.label(), STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(10_000);
            if (thread.isAlive()) {
                // stuck where Chicory does not look at interruption: give up on this runner
                runners.put(configuration, new WasmrunRunner(configuration, cache));
                return Trace.of(new Event.Stopped("timeout: " + configuration.label() + " took more than " + timeout.toSeconds() + " s and did not stop"));
            }
            Trace partial = result[0];
            List<Event> events = new ArrayList<>(partial == null ? List.of() : partial.events());
            if (events.isEmpty() || !(events.getLast() instanceof Event.Stopped)) {
                events.add(new Event.Stopped("timeout: " + configuration.label() + " took more than " + timeout.toSeconds() + " s"));
            }
            return new Trace(events);
        }
        if (failure[0] != null) {
            return Trace.of(new Event.Escaped(Escapes.signature(failure[0]), Escapes.detail(failure[0])));
        }
        return result[0];
    }

    @Override
    public void close() {
        for (WasmrunRunner runner : runners.values()) {
            try {
                runner.close();
            } catch (RuntimeException e) {
                // a runner abandoned mid-run may not close cleanly
            }
        }
        if (oracle != null) {
            oracle.close();
        }
    }
}
