package io.wasmrun.bench;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Java heap (and resident set) taken by live compiled instances with a 16 MiB memory, per memory
 * kind. Chicory's memories live on the heap, so their count is limited by {@code -Xmx}: run with
 * {@code <kind>=<instances>} arguments, e.g. {@code WASMRUN=1000 BYTE_ARRAY=100}. The resident-set
 * growth is only meaningful for the first kind of a run: the JVM keeps freed heap resident.
 */
public final class HeapFootprint {
    private HeapFootprint() {}

    public static void main(String[] args) throws IOException {
        WasmModule module = MemoryKind.module("loops.wasm");
        Function<Instance, Machine> machine = MachineFactoryCompiler.compile(module);
        System.out.printf(
                Locale.ROOT,
                "%-12s %9s %14s %16s %14s%n",
                "memory",
                "instances",
                "heap MiB",
                "heap KiB/inst",
                "RSS MiB");
        for (String arg : args) {
            String[] kv = arg.split("=");
            MemoryKind kind = MemoryKind.valueOf(kv[0]);
            int count = Integer.parseInt(kv[1]);
            long heapBefore = usedHeap();
            long rssBefore = rssKib();
            List<Instance> live = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Instance instance = kind.instantiate(module, machine);
                instance.export("aligned").apply(1);
                live.add(instance);
            }
            long heap = usedHeap() - heapBefore;
            long rss = rssKib() - rssBefore;
            System.out.printf(
                    Locale.ROOT,
                    "%-12s %9d %14.1f %16.1f %14.1f%n",
                    kind,
                    count,
                    heap / 1048576.0,
                    heap / 1024.0 / count,
                    rss / 1024.0);
            live.forEach(kind::release);
            live.clear();
        }
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }
}
