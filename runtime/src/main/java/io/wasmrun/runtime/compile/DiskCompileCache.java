package io.wasmrun.runtime.compile;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A {@link CompileCache} in a directory, one file per {@link CacheKey}. Each file is sealed by
 * {@link EntryCodec}, so a stale (other versions), truncated or corrupted file is a miss and is
 * overwritten by the next store. Stores write a temporary file in the same directory and rename
 * it into place atomically: concurrent threads or processes filling the same entry each publish a
 * complete file, and readers never see a partial one.
 */
public final class DiskCompileCache implements CompileCache {
    private static final EntryCodec CODEC = new EntryCodec("WRCC\u0002");
    private static final String SUFFIX = ".classes";

    private final Path directory;

    public DiskCompileCache(Path directory) {
        this.directory = directory;
    }

    /**
     * The default location: {@code $XDG_CACHE_HOME/wasmrun}, or {@code ~/.cache/wasmrun} when
     * {@code XDG_CACHE_HOME} is unset or not absolute.
     */
    public static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "wasmrun");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "wasmrun");
    }

    public Path directory() {
        return directory;
    }

    /** The file that holds {@code key}'s entry. */
    public Path entryFile(CacheKey key) {
        return directory.resolve(key.fileName() + SUFFIX);
    }

    @Override
    public Optional<byte[]> get(CacheKey key) {
        try {
            return Optional.of(CODEC.open(entryFile(key), key));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(CacheKey key, byte[] classes) {
        Path target = entryFile(key);
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, key.fileName(), ".tmp");
            Files.write(temp, CODEC.seal(key, classes));
            move(temp, target);
            temp = null;
        } catch (IOException | RuntimeException e) {
            // the cache is best-effort: the run goes on with the classes it compiled
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // left for a later cleanup; it never shadows a real entry
                }
            }
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
