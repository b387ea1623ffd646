package io.wasmrun.allocator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads this process's mappings from {@code /proc/self/maps}. */
public final class ProcMaps {
    private ProcMaps() {}

    /** One mapping: {@code [start, end)} and its permissions, e.g. {@code rw-p}. */
    public record Mapping(long start, long end, String perms) {}

    public static List<String> lines() {
        try {
            return Files.readAllLines(Path.of("/proc/self/maps"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int count() {
        return lines().size();
    }

    /** The mapping that contains {@code address}, if any. */
    public static Optional<Mapping> at(long address) {
        for (String line : lines()) {
            String[] fields = line.split("\\s+");
            String[] range = fields[0].split("-");
            long start = Long.parseUnsignedLong(range[0], 16);
            long end = Long.parseUnsignedLong(range[1], 16);
            if (Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0) {
                return Optional.of(new Mapping(start, end, fields[1]));
            }
        }
        return Optional.empty();
    }
}
