package io.wasmrun.runtime.wasi;

import static io.wasmrun.runtime.wasi.Abi.*;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code path_*} function, through every route that leads out of the sandbox to the host's
 * {@code outside/} directory, must refuse: EPERM as wasmtime gives it (cap-std's escape_attempt),
 * or ENOTCAPABLE, which wasi-testsuite also accepts. Intermediate path components are always
 * followed (the lookup flag only concerns the last one), so the nofollow variants must refuse too.
 * The fixture checks afterwards that nothing outside changed.
 */
class PathEscapeTest extends SandboxFixture {

    /** Guest paths of directories that are, or lead to, the host's outside/. */
    static final List<String> ROUTES_OUT =
            List.of(
                    "abs", // absolute symlink
                    "up", // relative symlink
                    "chain1", // chain of relative links ending in ../outside
                    "abschain", // chain ending in an absolute link
                    "sub/deep", // relative link in a subdirectory (../../outside)
                    "sub/dotdot/../outside", // a link to .. (still inside), then one .. more
                    "../outside", // .. above the preopen
                    "sub/../../outside", // .. above the preopen after descending
                    "{OUT}", // absolute guest path: the host path of outside/
                    "/sandbox"); // absolute guest path: the preopen's own guest name

    /** One attempt of a {@code path_*} function at something under a route; returns the errno. */
    record Op(String description, BiFunction<PathEscapeTest, String, Integer> attempt) {
        @Override
        public String toString() {
            return description;
        }
    }

    static final List<Op> OPS =
            List.of(
                    new Op("path_open {R}/secret.txt for reading", (t, r) -> t.openAndRead(r + "/secret.txt", 0, RIGHTS_READ)),
                    new Op("path_open {R}/secret.txt for writing", (t, r) -> t.openAndWrite(r + "/secret.txt", 0)),
                    new Op("path_open {R}/secret.txt O_TRUNC", (t, r) -> t.openAndWrite(r + "/secret.txt", O_TRUNC)),
                    new Op("path_open {R}/created.txt O_CREAT", (t, r) -> t.openAndWrite(r + "/created.txt", O_CREAT)),
                    new Op("path_open {R}/created.txt O_CREAT|O_EXCL", (t, r) -> t.openAndWrite(r + "/created.txt", O_CREAT | O_EXCL)),
                    new Op("path_open {R} O_DIRECTORY", (t, r) -> t.openDirectoryAndRead(r)),
                    new Op("path_create_directory {R}/newdir", (t, r) -> t.guest.mkdir(t.guest.root, r + "/newdir")),
                    new Op("path_remove_directory {R}/emptydir", (t, r) -> t.guest.rmdir(t.guest.root, r + "/emptydir")),
                    new Op("path_unlink_file {R}/secret.txt", (t, r) -> t.guest.unlink(t.guest.root, r + "/secret.txt")),
                    new Op("path_unlink_file {R}/link-out", (t, r) -> t.guest.unlink(t.guest.root, r + "/link-out")),
                    new Op("path_rename {R}/secret.txt -> stolen.txt (source side)", (t, r) -> t.stealBy("rename", r + "/secret.txt")),
                    new Op("path_rename {R}/dir -> stolen (source side)", (t, r) -> t.guest.rename(t.guest.root, r + "/dir", t.guest.root, "stolen")),
                    new Op("path_rename file.txt -> {R}/planted.txt (target side)", (t, r) -> t.guest.rename(t.guest.root, "file.txt", t.guest.root, r + "/planted.txt")),
                    new Op("path_rename emptydir -> {R}/emptydir (target side, replacing a directory)", (t, r) -> t.guest.rename(t.guest.root, "emptydir", t.guest.root, r + "/emptydir")),
                    new Op("path_link {R}/secret.txt -> stolen.txt (source side)", (t, r) -> t.stealBy("link", r + "/secret.txt")),
                    new Op("path_link file.txt -> {R}/planted.txt (target side)", (t, r) -> t.guest.link(t.guest.root, LOOKUP_NOFOLLOW, "file.txt", t.guest.root, r + "/planted.txt")),
                    new Op("path_symlink \"file.txt\" at {R}/planted-link (the link's place)", (t, r) -> t.guest.symlink("file.txt", t.guest.root, r + "/planted-link")),
                    new Op("path_readlink {R}/link-out", (t, r) -> t.readlinkLeak(r + "/link-out")),
                    new Op("path_filestat_get {R}/secret.txt, following", (t, r) -> t.statLeak(LOOKUP_SYMLINK_FOLLOW, r + "/secret.txt")),
                    new Op("path_filestat_get {R}/secret.txt, not following", (t, r) -> t.statLeak(LOOKUP_NOFOLLOW, r + "/secret.txt")),
                    new Op("path_filestat_get {R}/dir, following", (t, r) -> t.statLeak(LOOKUP_SYMLINK_FOLLOW, r + "/dir")),
                    new Op("path_filestat_set_times {R}/secret.txt, following", (t, r) -> t.guest.setTimes(t.guest.root, LOOKUP_SYMLINK_FOLLOW, r + "/secret.txt", YEAR_2001, YEAR_2001, FST_ATIM | FST_MTIM)),
                    new Op("path_filestat_set_times {R}/secret.txt, not following", (t, r) -> t.guest.setTimes(t.guest.root, LOOKUP_NOFOLLOW, r + "/secret.txt", YEAR_2001, YEAR_2001, FST_ATIM | FST_MTIM)),
                    new Op("path_filestat_set_times {R}/secret.txt to now", (t, r) -> t.guest.setTimes(t.guest.root, LOOKUP_SYMLINK_FOLLOW, r + "/secret.txt", 0, 0, FST_ATIM_NOW | FST_MTIM_NOW)));

    static Stream<Arguments> escapes() {
        return OPS.stream().flatMap(op -> ROUTES_OUT.stream().map(route -> Arguments.of(op, route)));
    }

    /** What the last attempt got hold of, when it should have been refused. */
    private String leaked;

    @ParameterizedTest(name = "{0} with R = {1}")
    @MethodSource("escapes")
    void everyPathFunctionRefusesEveryRouteOut(Op op, String route) {
        String r = route.replace("{OUT}", outsideAbsolute);
        int errno = op.attempt().apply(this, r);
        String what = op.description().replace("{R}", r);
        if (errno == ESUCCESS) {
            fail(what + " SUCCEEDED: the guest got out of its sandbox (expected " + errnoNames(ESCAPE) + ")"
                    + (leaked == null ? "" : "; it got " + leaked));
        }
        assertErrno(what, errno, ESCAPE);
    }

    // ---------------------------------------------------------------- attempts that gather evidence

    int openAndRead(String path, int oflags, long rights) {
        var opened = guest.open(guest.root, LOOKUP_SYMLINK_FOLLOW, path, oflags, rights, FDFLAGS_NONE);
        if (opened.errno() == ESUCCESS) {
            var read = guest.readAll(opened.fd());
            leaked = "fd " + opened.fd() + " reading " + (read.errno() == ESUCCESS ? quote(read.text()) : errnoName(read.errno()));
        }
        return opened.errno();
    }

    int openAndWrite(String path, int oflags) {
        var opened = guest.open(guest.root, LOOKUP_SYMLINK_FOLLOW, path, oflags, RIGHTS_READ_WRITE, FDFLAGS_NONE);
        if (opened.errno() == ESUCCESS) {
            var written = guest.write(opened.fd(), "PWNED by the guest\n".getBytes(UTF_8));
            leaked = "fd " + opened.fd() + " and wrote to it: " + errnoName(written.errno());
        }
        return opened.errno();
    }

    int openDirectoryAndRead(String path) {
        var opened = guest.open(guest.root, LOOKUP_SYMLINK_FOLLOW, path, O_DIRECTORY, RIGHTS_READ, FDFLAGS_NONE);
        if (opened.errno() == ESUCCESS) {
            var secret = guest.open(opened.fd(), LOOKUP_NOFOLLOW, "secret.txt", 0, RIGHTS_READ, FDFLAGS_NONE);
            leaked = "directory fd " + opened.fd() + (secret.errno() == ESUCCESS
                    ? " and through it secret.txt: " + quote(guest.readAll(secret.fd()).text())
                    : " (secret.txt under it: " + errnoName(secret.errno()) + ")");
        }
        return opened.errno();
    }

    /** Renames or links {@code path} to box/stolen.txt; on success, what arrived in the sandbox. */
    int stealBy(String how, String path) {
        int errno = how.equals("rename")
                ? guest.rename(guest.root, path, guest.root, "stolen.txt")
                : guest.link(guest.root, LOOKUP_NOFOLLOW, path, guest.root, "stolen.txt");
        if (errno == ESUCCESS) {
            try {
                var stolen = box.resolve("stolen.txt");
                leaked = Files.isRegularFile(stolen, LinkOption.NOFOLLOW_LINKS)
                        ? "box/stolen.txt holding " + quote(Files.readString(stolen))
                        : "box/stolen.txt";
            } catch (IOException e) {
                leaked = "box/stolen.txt (" + e + ")";
            }
        }
        return errno;
    }

    int readlinkLeak(String path) {
        var link = guest.readlink(guest.root, path);
        if (link.errno() == ESUCCESS) {
            leaked = "the link text " + quote(link.target());
        }
        return link.errno();
    }

    int statLeak(int lookupFlags, String path) {
        var stat = guest.stat(guest.root, lookupFlags, path);
        if (stat.errno() == ESUCCESS) {
            leaked = "the filestat of an outside file: " + stat.stat();
        }
        return stat.errno();
    }
}
