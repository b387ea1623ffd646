package io.wasmrun.runtime.wasi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sandbox directory {@code box/} preopened for a fresh guest, next to a directory {@code
 * outside/} that the guest must never reach, both in a fresh temporary directory per test:
 *
 * <pre>
 * TMP/
 *   host/
 *     outside/               never reachable from the guest
 *       secret.txt           "TOP-SECRET ..."
 *       dir/inner.txt
 *       emptydir/
 *       link-out -> secret.txt
 *     box/                   preopened as /sandbox
 *       file.txt             "inside file"
 *       sub/sibling.txt      "inside sibling"
 *       emptydir/
 *       abs -> TMP/host/outside          absolute link out
 *       up -> ../outside                 relative link out
 *       chain1 -> chain2 -> chain3 -> up a chain of links out
 *       abschain -> abs                  a chain ending in an absolute link
 *       abssecret -> TMP/host/outside/secret.txt
 *       relsecret -> ../outside/secret.txt
 *       secretchain -> relsecret
 *       dangling-out -> ../outside/new.txt   (does not exist)
 *       etc -> /etc
 *       sub/deep -> ../../outside        relative link out of a subdirectory
 *       sub/dotdot -> ..                 stays inside (is box/) but one more .. leaves
 *       sibling -> sub/sibling.txt       links that stay inside
 *       subdir -> sub
 *       in1 -> in2 -> subdir
 *       loop1 -> loop2 -> loop1, self -> self
 * </pre>
 *
 * After every test, everything under TMP except {@code box/} must be exactly as before
 * (existence, content, mtime, ctime, link count, mode): the guest neither wrote, created,
 * removed, renamed, re-timed nor hard-linked anything outside.
 */
abstract class SandboxFixture {
    static final String SECRET = "TOP-SECRET: this file is outside the sandbox\n";
    static final String INSIDE_FILE = "inside file\n";
    static final String INSIDE_SIBLING = "inside sibling\n";
    /** 2001-09-09T01:46:40Z in nanoseconds, a time no test file has by itself. */
    static final long YEAR_2001 = 1_000_000_000L * 1_000_000_000L;

    @TempDir Path tmp;
    Path host;
    Path box;
    Path outside;
    Path secretFile;
    /** The absolute host path of {@code outside/}, as a guest path string. */
    String outsideAbsolute;

    GuestFs guest;
    private HostTree before;

    @BeforeEach
    void createSandbox() throws IOException {
        host = Files.createDirectory(tmp.resolve("host"));
        outside = Files.createDirectory(host.resolve("outside"));
        box = Files.createDirectory(host.resolve("box"));
        outsideAbsolute = outside.toAbsolutePath().toString();

        secretFile = Files.writeString(outside.resolve("secret.txt"), SECRET);
        Files.createDirectory(outside.resolve("dir"));
        Files.writeString(outside.resolve("dir/inner.txt"), "outside inner\n");
        Files.createDirectory(outside.resolve("emptydir"));
        Files.createSymbolicLink(outside.resolve("link-out"), Path.of("secret.txt"));

        Files.writeString(box.resolve("file.txt"), INSIDE_FILE);
        Files.createDirectory(box.resolve("sub"));
        Files.writeString(box.resolve("sub/sibling.txt"), INSIDE_SIBLING);
        Files.createDirectory(box.resolve("emptydir"));
        link("abs", outsideAbsolute);
        link("up", "../outside");
        link("chain1", "chain2");
        link("chain2", "chain3");
        link("chain3", "up");
        link("abschain", "abs");
        link("abssecret", outsideAbsolute + "/secret.txt");
        link("relsecret", "../outside/secret.txt");
        link("secretchain", "relsecret");
        link("dangling-out", "../outside/new.txt");
        link("etc", "/etc");
        link("sub/deep", "../../outside");
        link("sub/dotdot", "..");
        link("sibling", "sub/sibling.txt");
        link("subdir", "sub");
        link("in1", "in2");
        link("in2", "subdir");
        link("loop1", "loop2");
        link("loop2", "loop1");
        link("self", "self");

        before = outsideSnapshot();
        workingDirectoryBefore = workingDirectoryEntries();
        guest = GuestFs.preopening(box);
    }

    /**
     * The names in the test JVM's working directory. A WASI host that resolves a symlink's relative
     * text against the process's working directory instead of the link's own directory (Chicory
     * 1.7.5 does, for the last component) creates files there; the fixture notices, removes what
     * it can and fails the test.
     */
    private static java.util.Set<String> workingDirectoryEntries() {
        try (var entries = Files.list(WORKING_DIRECTORY)) {
            return entries.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final Path WORKING_DIRECTORY = Path.of("").toAbsolutePath();
    private java.util.Set<String> workingDirectoryBefore;

    /** Creates the symlink {@code box/name} holding {@code target}. */
    void link(String name, String target) {
        try {
            Files.createSymbolicLink(box.resolve(name), Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HostTree outsideSnapshot() {
        return HostTree.of(tmp, box);
    }

    @AfterEach
    void nothingOutsideTheSandboxChanged() {
        try {
            if (guest != null) {
                guest.close();
            }
            // JUnit warns about every link to a target outside @TempDir it deletes.
            Files.deleteIfExists(box.resolve("etc"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            var changes = new java.util.ArrayList<>(outsideSnapshot().changesSince(before));
            for (String name : workingDirectoryEntries()) {
                if (!workingDirectoryBefore.contains(name)) {
                    changes.add("created " + WORKING_DIRECTORY.resolve(name)
                            + " in the host's working directory" + removeStray(WORKING_DIRECTORY.resolve(name)));
                }
            }
            if (!changes.isEmpty()) {
                // Also on stderr: when the test itself failed too, JUnit keeps this failure only as
                // a suppressed exception, which a trimmed stack trace does not show.
                System.err.println("[sandbox fixture] the guest changed the host outside its sandbox:\n  "
                        + String.join("\n  ", changes));
                fail("the guest changed the host outside its sandbox:\n  " + String.join("\n  ", changes));
            }
        }
    }

    /** Removes a file, link or empty directory the guest should not have been able to create. */
    private static String removeStray(Path stray) {
        try {
            if (Files.isDirectory(stray, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                try (var entries = Files.list(stray)) {
                    if (entries.findAny().isPresent()) {
                        return " (a non-empty directory: left in place)";
                    }
                }
            }
            Files.delete(stray);
            return " (removed)";
        } catch (IOException e) {
            return " (could not remove it: " + e + ")";
        }
    }

    // ---------------------------------------------------------------- assertions

    /** Asserts {@code errno} is one of {@code allowed}; {@code what} says which call it was. */
    static void assertErrno(String what, int errno, int... allowed) {
        if (Arrays.stream(allowed).noneMatch(a -> a == errno)) {
            fail(what + ": expected " + Abi.errnoNames(allowed) + " but got " + Abi.errnoName(errno));
        }
    }

    /** Asserts the guest was refused leaving the sandbox (EPERM, or ENOTCAPABLE). */
    static void assertEscapeRefused(String what, int errno) {
        if (errno == Abi.ESUCCESS) {
            fail(what + " SUCCEEDED: the guest got out of its sandbox (expected " + Abi.errnoNames(Abi.ESCAPE) + ")");
        }
        assertErrno(what, errno, Abi.ESCAPE);
    }

    /** Asserts that {@code path_open} refused and, if it did not, that nothing secret came through. */
    void assertOpenRefused(String what, GuestFs.Opened opened, int... allowed) {
        if (opened.errno() == Abi.ESUCCESS) {
            GuestFs.Read read = guest.readAll(opened.fd());
            String content = read.errno() == Abi.ESUCCESS ? read.text() : "(unreadable: " + Abi.errnoName(read.errno()) + ")";
            fail(what + " SUCCEEDED (fd " + opened.fd() + "), and reading it gave " + quote(content)
                    + (SECRET.equals(content) ? ": the guest read a file outside its sandbox" : ""));
        }
        assertErrno(what, opened.errno(), allowed);
    }

    static String quote(String s) {
        return s == null ? "null" : "\"" + s.replace("\n", "\\n") + "\"";
    }

    void assertBoxHas(String relative, String content) throws IOException {
        Path p = box.resolve(relative);
        assertTrue(Files.exists(p), relative + " should exist in the sandbox");
        assertEquals(content, Files.readString(p, UTF_8), "content of " + relative);
    }

    void assertBoxLacks(String relative) {
        assertFalse(Files.exists(box.resolve(relative), java.nio.file.LinkOption.NOFOLLOW_LINKS),
                relative + " should not exist in the sandbox");
    }

    /** The guest path for {@code relative} (like {@code "secret.txt"}) under the absolute host path of outside/. */
    String absoluteOutside(String relative) {
        return relative.isEmpty() ? outsideAbsolute : outsideAbsolute + "/" + relative;
    }
}
