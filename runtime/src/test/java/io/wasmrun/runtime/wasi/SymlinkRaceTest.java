package io.wasmrun.runtime.wasi;

import static io.wasmrun.runtime.wasi.Abi.*;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A host thread keeps swapping {@code box/x} between a symlink out of the sandbox (to {@code
 * ../outside}, or to its absolute path) and a real directory, while the guest opens {@code
 * x/secret.txt} and creates files under {@code x/} thousands of times. A resolver that checks the
 * path and then opens it (time of check, time of use) lets some of those through; one that
 * resolves beneath the preopen in the kernel (openat2 RESOLVE_BENEATH) or component by component
 * with O_NOFOLLOW never does.
 */
class SymlinkRaceTest extends SandboxFixture {
    static final String DECOY = "inside decoy: x is a real directory\n";
    static final int MIN_ITERATIONS = 3000;
    static final int MIN_FLIPS = 300;
    static final long MAX_MILLIS = 60_000;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aLinkSwappedForADirectoryNeverLetsTheGuestOut() throws Exception {
        Path x = box.resolve("x");
        Path parked = box.resolve("x.parked");
        Files.createDirectory(parked);
        Files.writeString(parked.resolve("secret.txt"), DECOY);
        Files.createSymbolicLink(x, Path.of("../outside"));

        var stop = new AtomicBoolean();
        var flips = new AtomicLong();
        var flipperError = new AtomicReference<Throwable>();
        Thread flipper = new Thread(() -> flip(x, parked, stop, flips, flipperError), "symlink-flipper");
        flipper.setDaemon(true);

        var errnos = new TreeMap<String, Integer>();
        var violations = new ArrayList<String>();
        int openedInside = 0;
        int refused = 0;
        int created = 0;
        int iterations = 0;
        long started = System.nanoTime();
        flipper.start();
        try {
            while ((iterations < MIN_ITERATIONS || flips.get() < MIN_FLIPS)
                    && TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < MAX_MILLIS
                    && flipperError.get() == null) {
                iterations++;
                // Read x/secret.txt.
                var opened = guest.openForReading("x/secret.txt");
                count(errnos, "path_open(x/secret.txt)", opened.errno());
                if (opened.errno() == ESUCCESS) {
                    var read = guest.readAll(opened.fd());
                    guest.close(opened.fd());
                    if (read.errno() == ESUCCESS && DECOY.equals(read.text())) {
                        openedInside++;
                    } else {
                        violations.add("iteration " + iterations + ": path_open(\"x/secret.txt\") read "
                                + (read.errno() == ESUCCESS ? quote(read.text()) : errnoName(read.errno())));
                    }
                } else if (isEscapeErrno(opened.errno())) {
                    refused++;
                }
                // Create a file under x/.
                String name = "x/made-" + iterations;
                var made = guest.open(guest.root, LOOKUP_SYMLINK_FOLLOW, name, O_CREAT | O_EXCL, RIGHTS_READ_WRITE, FDFLAGS_NONE);
                count(errnos, "path_open(x/made-N, O_CREAT|O_EXCL)", made.errno());
                if (made.errno() == ESUCCESS) {
                    created++;
                    guest.write(made.fd(), "made by the guest\n".getBytes(UTF_8));
                    guest.close(made.fd());
                }
                // And a directory, every few rounds.
                if (iterations % 4 == 0) {
                    count(errnos, "path_create_directory(x/dir-N)", guest.mkdir(guest.root, "x/dir-" + iterations));
                }
                if (violations.size() >= 10) {
                    break;
                }
            }
        } finally {
            stop.set(true);
            flipper.join(10_000);
        }
        if (flipperError.get() != null) {
            throw new AssertionError("the host thread swapping box/x failed", flipperError.get());
        }

        String summary = iterations + " iterations, " + flips.get() + " swaps of box/x; x/secret.txt read inside "
                + openedInside + " times, refused " + refused + " times; " + created + " files created; errnos " + errnos;
        List<String> outsideNow;
        try (Stream<Path> files = Files.list(outside)) {
            outsideNow = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("made-") || n.startsWith("dir-")).toList();
        }
        if (!violations.isEmpty() || !outsideNow.isEmpty()) {
            fail("the guest got out of its sandbox while box/x was being swapped (" + summary + "):\n  "
                    + String.join("\n  ", violations)
                    + (outsideNow.isEmpty() ? "" : "\n  created outside: " + outsideNow));
        }
        assertTrue(flips.get() >= MIN_FLIPS, "box/x was swapped too rarely to test anything: " + summary);
        assertTrue(openedInside > 0, "the guest never opened x/secret.txt while x was a directory: " + summary);
        assertTrue(refused > 0, "the guest was never refused while x was a link out: " + summary);
        assertEquals(SECRET, Files.readString(secretFile), "outside/secret.txt");
    }

    private static boolean isEscapeErrno(int errno) {
        for (int e : ESCAPE) {
            if (e == errno) {
                return true;
            }
        }
        return false;
    }

    private static void count(TreeMap<String, Integer> errnos, String call, int errno) {
        errnos.merge(call + " " + errnoName(errno), 1, Integer::sum);
    }

    /** Swaps x between a link out (relative and absolute in turn) and the real directory. */
    private void flip(Path x, Path parked, AtomicBoolean stop, AtomicLong flips, AtomicReference<Throwable> error) {
        boolean relative = true;
        try {
            while (!stop.get()) {
                // link -> directory
                Files.delete(x);
                Files.move(parked, x, StandardCopyOption.ATOMIC_MOVE);
                hold();
                // directory -> link
                Files.move(x, parked, StandardCopyOption.ATOMIC_MOVE);
                Files.createSymbolicLink(x, relative ? Path.of("../outside") : outside.toAbsolutePath());
                relative = !relative;
                flips.incrementAndGet();
                hold();
            }
        } catch (IOException | RuntimeException e) {
            error.set(e);
        }
    }

    /** Keeps the current state for a short random while, so that both states get hit. */
    private static void hold() {
        int spins = ThreadLocalRandom.current().nextInt(20_000);
        for (int i = 0; i < spins; i++) {
            Thread.onSpinWait();
        }
    }
}
