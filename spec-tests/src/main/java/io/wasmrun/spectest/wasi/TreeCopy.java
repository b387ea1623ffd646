package io.wasmrun.spectest.wasi;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Copies a test's root folder for one run, as a fresh checkout would have it: symbolic links stay
 * links (to the same target), files and folders are writable by their owner (the suite may be a
 * read-only copy, and tests create, change and delete files), and {@code *.cleanup} files and
 * folders, which tests leave behind, are not copied (the specification says a runner removes them
 * first).
 */
final class TreeCopy {
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");

    private TreeCopy() {}

    /** Copies the folder {@code source} to {@code target}, which must not exist. */
    static void copy(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(source) && isCleanup(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Path copy = target.resolve(source.relativize(dir).toString());
                Files.createDirectory(copy);
                setPermissions(copy, FOLDER);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(file).toString());
                if (attrs.isSymbolicLink()) {
                    Files.createSymbolicLink(copy, Files.readSymbolicLink(file));
                } else if (!isCleanup(file)) {
                    Files.copy(file, copy, LinkOption.NOFOLLOW_LINKS);
                    setPermissions(copy, Files.isExecutable(file) ? EXECUTABLE : FILE);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes {@code folder} and everything in it, making read-only folders writable first; best effort. */
    static void delete(Path folder) {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    setPermissionsQuietly(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // A leftover in the temporary folder does not change a result.
        }
    }

    /**
     * Removes the {@code *.cleanup} files and folders under {@code folder} (not symbolic links
     * named so), as the reference runner does before each run.
     */
    static void removeCleanup(Path folder) throws IOException {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(folder) && isCleanup(dir)) {
                    delete(dir);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!attrs.isSymbolicLink() && isCleanup(file)) {
                    Files.delete(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean isCleanup(Path path) {
        return path.getFileName().toString().endsWith(".cleanup");
    }

    private static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            path.toFile().setWritable(true, true);
        }
    }

    private static void setPermissionsQuietly(Path dir) {
        try {
            setPermissions(dir, EnumSet.copyOf(FOLDER));
        } catch (IOException e) {
            // Deleting will report it, or leave the folder.
        }
    }
}
