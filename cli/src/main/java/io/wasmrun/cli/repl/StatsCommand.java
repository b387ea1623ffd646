package io.wasmrun.cli.repl;

import io.wasmrun.allocator.config.AllocatorMetrics;
import java.util.List;

/** {@code :stats}: the counters of every allocator in use, and which modules it backs. */
final class StatsCommand implements Command {

    @Override
    public String name() {
        return "stats";
    }

    @Override
    public String usage() {
        return ":stats";
    }

    @Override
    public String summary() {
        return "show allocator and pool metrics";
    }


    @Override
    public void run(Session session, Arguments args) {
        args.expect(0, 0);
        var out = session.out();
        for (Allocation allocation : session.runtimes().allocations()) {
            AllocatorMetrics m = allocation.allocator().metrics();
            List<String> modules = session.modules().all().stream()
                    .filter(module -> allocation.owns(module.engine()))
                    .map(ReplModule::name)
                    .toList();
            out.println("allocator " + allocation.settings()
                    + (session.runtimes().isCurrent(allocation) ? " (current)" : "")
                    + ": modules " + (modules.isEmpty() ? "none" : String.join(", ", modules)));
            out.println("  live instances " + m.liveInstances() + ", memories " + m.liveMemories()
                    + ", tables " + m.liveTables() + ", stacks " + m.liveStacks());
            out.println("  unused warm slots " + m.unusedWarmSlots() + ", resident " + bytes(m.residentBytes()));
        }
        out.println("engine for new loads: " + session.runtimes().engine().cliName());
    }

    /** {@code 65536 bytes (64 KiB)}. */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = n;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return n + " bytes (" + (value == Math.rint(value) ? String.valueOf((long) value) : String.format("%.1f", value))
                + " " + units[unit] + ")";
    }
}
