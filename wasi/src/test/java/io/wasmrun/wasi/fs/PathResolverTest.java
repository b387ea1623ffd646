package io.wasmrun.wasi.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmrun.wasi.sys.Errnos;
import io.wasmrun.wasi.sys.LinuxFs;
import io.wasmrun.wasi.sys.OpenFlags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both resolvers against the same tree: {@code box/} is the sandbox, {@code outside/} holds a
 * file it must never reach. Each case opens a path beneath {@code box/} and checks the result
 * (a descriptor of the right file, or the errno), so the walk and the kernel's {@code
 * RESOLVE_BENEATH} are held to the same rules.
 */
class PathResolverTest {
    @TempDir Path root;
    Path box;
    int boxFd;

    static Stream<PathResolver> resolvers() {
        return Openat2Resolver.available()
                ? Stream.of(new Openat2Resolver(), new WalkingResolver())
                : Stream.of(new WalkingResolver());
    }

    @BeforeEach
    void tree() throws Exception {
        box = Files.createDirectories(root.resolve("box"));
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "outside");
        Files.createDirectories(box.resolve("sub/deeper"));
        Files.writeString(box.resolve("sub/file"), "inside");
        Files.createSymbolicLink(box.resolve("abs"), outside);
        Files.createSymbolicLink(box.resolve("up"), Path.of("../outside"));
        Files.createSymbolicLink(box.resolve("chain1"), Path.of("chain2"));
        Files.createSymbolicLink(box.resolve("chain2"), Path.of("sub/deeper/../../up"));
        Files.createSymbolicLink(box.resolve("sibling"), Path.of("sub/file"));
        Files.createSymbolicLink(box.resolve("subdir"), Path.of("sub"));
        Files.createSymbolicLink(box.resolve("sub/back"), Path.of("../sub/file"));
        Files.createSymbolicLink(box.resolve("loop1"), Path.of("loop2"));
        Files.createSymbolicLink(box.resolve("loop2"), Path.of("loop1"));
        Files.createSymbolicLink(box.resolve("dangling"), Path.of("nothing-here"));
        boxFd = (int) LinuxFs.openat(OpenFlags.AT_FDCWD, box.toString(), OpenFlags.O_RDONLY | OpenFlags.O_DIRECTORY, 0);
        assertTrue(boxFd >= 0);
    }

    @AfterEach
    void closeBox() {
        LinuxFs.close(boxFd);
    }

    @ParameterizedTest
    @MethodSource("resolvers")
    void linksThatStayInsideAreFollowed(PathResolver resolver) {
        assertContent(resolver, "sibling", "inside");
        assertContent(resolver, "subdir/file", "inside");
        assertContent(resolver, "sub/back", "inside");
        assertContent(resolver, "sub/deeper/../file", "inside");
        assertContent(resolver, "./sub//file", "inside");
    }

    @ParameterizedTest
    @MethodSource("resolvers")
    void everyWayOutIsRefusedAsAnEscape(PathResolver resolver) {
        for (String path : new String[] {
            "abs/secret", "up/secret", "chain1/secret", "../outside/secret", "sub/../../outside/secret",
            "/etc/passwd", "sub/deeper/../../../outside/secret", "..", "abs", "up"
        }) {
            long fd = resolver.open(boxFd, path, OpenFlags.O_RDONLY, 0);
            if (fd >= 0) {
                LinuxFs.close((int) fd);
            }
            assertEquals(-Errnos.EXDEV, fd, path);
        }
    }

    @ParameterizedTest
    @MethodSource("resolvers")
    void creatingThroughAnEscapingLinkIsRefused(PathResolver resolver) throws Exception {
        long fd = resolver.open(boxFd, "up/created", OpenFlags.O_WRONLY | OpenFlags.O_CREAT, 0644);
        assertEquals(-Errnos.EXDEV, fd);
        assertTrue(Files.notExists(root.resolve("outside/created")));
    }

    @ParameterizedTest
    @MethodSource("resolvers")
    void aLinkLoopIsEloop(PathResolver resolver) {
        assertEquals(-Errnos.ELOOP, resolver.open(boxFd, "loop1", OpenFlags.O_RDONLY, 0));
        assertEquals(-Errnos.ELOOP, resolver.open(boxFd, "loop1/x", OpenFlags.O_RDONLY, 0));
    }

    @ParameterizedTest
    @MethodSource("resolvers")
    void noFollowRefusesALastLinkButFollowsEarlierOnes(PathResolver resolver) {
        assertEquals(-Errnos.ELOOP, resolver.open(boxFd, "sibling", OpenFlags.O_RDONLY | OpenFlags.O_NOFOLLOW, 0));
        long fd = resolver.open(boxFd, "subdir/file", OpenFlags.O_RDONLY | OpenFlags.O_NOFOLLOW, 0);
        assertTrue(fd >= 0, "errno " + -fd);
        LinuxFs.close((int) fd);
    }

    @ParameterizedTest
    @MethodSource("resolvers")
    void missingAndWrongTypesKeepTheirErrno(PathResolver resolver) {
        assertEquals(-Errnos.ENOENT, resolver.open(boxFd, "dangling", OpenFlags.O_RDONLY, 0));
        assertEquals(-Errnos.ENOENT, resolver.open(boxFd, "sub/none", OpenFlags.O_RDONLY, 0));
        assertEquals(-Errnos.ENOTDIR, resolver.open(boxFd, "sub/file/x", OpenFlags.O_RDONLY, 0));
        assertEquals(-Errnos.ENOTDIR, resolver.open(boxFd, "sub/file/", OpenFlags.O_RDONLY, 0));
    }

    @ParameterizedTest
    @MethodSource("resolvers")
    void exclusiveCreationNeverFollowsALastLink(PathResolver resolver) {
        int flags = OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_EXCL;
        assertEquals(-Errnos.EEXIST, resolver.open(boxFd, "dangling", flags, 0644));
        assertEquals(-Errnos.EEXIST, resolver.open(boxFd, "up", flags, 0644));
        assertTrue(Files.notExists(box.resolve("nothing-here")));
    }

    @ParameterizedTest
    @MethodSource("resolvers")
    void createsInsideThroughALinkToASubdirectory(PathResolver resolver) throws Exception {
        long fd = resolver.open(boxFd, "subdir/new", OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_EXCL, 0644);
        assertTrue(fd >= 0, "errno " + -fd);
        LinuxFs.close((int) fd);
        assertTrue(Files.exists(box.resolve("sub/new")));
    }

    @ParameterizedTest
    @MethodSource("resolvers")
    void aLinkSwappedForADirectoryWhileResolvingNeverLeadsOut(PathResolver resolver) throws Exception {
        Path flip = box.resolve("flip");
        Path parked = box.resolve("parked");
        Files.createDirectories(parked);
        Files.writeString(parked.resolve("secret"), "inside");
        Files.createSymbolicLink(flip, root.resolve("outside"));
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        Thread flipper = new Thread(() -> {
            try {
                while (!stop.get()) {
                    Files.delete(flip);
                    Files.move(parked, flip, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    hold();
                    Files.move(flip, parked, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    Files.createSymbolicLink(flip, root.resolve("outside"));
                    hold();
                }
            } catch (java.io.IOException | RuntimeException e) {
                failure.set(e);
            }
        });
        flipper.start();
        int opened = 0;
        int refused = 0;
        long deadline = System.nanoTime() + 20_000_000_000L;
        try {
            for (int i = 0; (i < 2_000 || opened == 0 || refused == 0) && System.nanoTime() < deadline; i++) {
                long fd = resolver.open(boxFd, "flip/secret", OpenFlags.O_RDONLY, 0);
                if (fd < 0) {
                    assertTrue(fd == -Errnos.EXDEV || fd == -Errnos.ENOENT, "errno " + -fd);
                    refused += fd == -Errnos.EXDEV ? 1 : 0;
                    continue;
                }
                opened++;
                try (var arena = java.lang.foreign.Arena.ofConfined()) {
                    var buffer = arena.allocate(64);
                    long n = LinuxFs.read((int) fd, buffer.address(), 64);
                    String content = new String(buffer.asSlice(0, Math.max(n, 0)).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
                    assertTrue(!content.equals("outside"), "read the file outside the sandbox");
                } finally {
                    LinuxFs.close((int) fd);
                }
            }
        } finally {
            stop.set(true);
            flipper.join();
        }
        assertTrue(failure.get() == null, "the flipper failed: " + failure.get());
        assertTrue(opened > 0, "the directory state was never opened: the race was not exercised");
        assertTrue(refused > 0, "the link state was never refused: the race was not exercised");
    }

    /** Keeps the current state for a short random while, so that both states get hit. */
    private static void hold() {
        int spins = java.util.concurrent.ThreadLocalRandom.current().nextInt(20_000);
        for (int i = 0; i < spins; i++) {
            Thread.onSpinWait();
        }
    }

    private void assertContent(PathResolver resolver, String path, String expected) {
        long fd = resolver.open(boxFd, path, OpenFlags.O_RDONLY, 0);
        assertTrue(fd >= 0, path + ": errno " + -fd);
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            var buffer = arena.allocate(64);
            long n = LinuxFs.read((int) fd, buffer.address(), 64);
            assertEquals(expected, new String(buffer.asSlice(0, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE)), path);
        } finally {
            LinuxFs.close((int) fd);
        }
    }
}
