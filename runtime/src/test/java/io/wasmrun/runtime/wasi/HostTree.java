package io.wasmrun.runtime.wasi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A snapshot of a host directory tree, without following symlinks: for every entry its type, its
 * content (files) or target (links), size, mtime, ctime and link count. Two snapshots differ when
 * anything was created, removed, renamed, written, truncated, had its mtime set, or was hard-linked
 * (ctime and nlink change) in between. Access times are left out: reading is checked separately.
 */
record HostTree(Path top, Map<String, String> entries) {

    /** Snapshots everything under {@code top} except the subtrees at {@code excluded}. */
    static HostTree of(Path top, Path... excluded) {
        var entries = new TreeMap<String, String>();
        var skip = List.of(excluded);
        try {
            Files.walkFileTree(
                    top,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                                throws IOException {
                            if (skip.contains(dir)) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            entries.put(name(dir), describe(dir));
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                                throws IOException {
                            if (!skip.contains(file)) {
                                entries.put(name(file), describe(file));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        private String name(Path path) {
                            String rel = top.relativize(path).toString();
                            return rel.isEmpty() ? "." : rel;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HostTree(top, entries);
    }

    private static String describe(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:*", LinkOption.NOFOLLOW_LINKS);
        var sb = new StringBuilder();
        if (Boolean.TRUE.equals(a.get("isSymbolicLink"))) {
            sb.append("symlink -> ").append(Files.readSymbolicLink(path));
        } else if (Boolean.TRUE.equals(a.get("isDirectory"))) {
            sb.append("dir");
        } else if (Boolean.TRUE.equals(a.get("isRegularFile"))) {
            byte[] content = Files.readAllBytes(path);
            sb.append("file ")
                    .append(content.length)
                    .append(" bytes ")
                    .append(Base64.getEncoder().encodeToString(content));
        } else {
            sb.append("other");
        }
        sb.append(" mtime=").append(nanos(a.get("lastModifiedTime")));
        sb.append(" ctime=").append(nanos(a.get("ctime")));
        sb.append(" nlink=").append(a.get("nlink"));
        sb.append(" mode=").append(Integer.toOctalString((Integer) a.get("mode")));
        return sb.toString();
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** The differences from {@code before}, one line each; empty when the trees are the same. */
    List<String> changesSince(HostTree before) {
        var changes = new ArrayList<String>();
        before.entries.forEach(
                (name, was) -> {
                    String now = entries.get(name);
                    if (now == null) {
                        changes.add("removed " + name + " (was " + abbreviate(was) + ")");
                    } else if (!Objects.equals(was, now)) {
                        changes.add("changed " + name + ": " + abbreviate(was) + "  ->  " + abbreviate(now));
                    }
                });
        entries.forEach(
                (name, now) -> {
                    if (!before.entries.containsKey(name)) {
                        changes.add("created " + name + " (" + abbreviate(now) + ")");
                    }
                });
        return changes;
    }

    private static String abbreviate(String description) {
        return description.length() > 160 ? description.substring(0, 157) + "..." : description;
    }
}
