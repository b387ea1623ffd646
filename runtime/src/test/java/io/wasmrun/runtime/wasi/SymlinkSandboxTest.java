package io.wasmrun.runtime.wasi;

import static io.wasmrun.runtime.wasi.Abi.*;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Symlinks as the last path component, links that stay inside, link loops, {@code ..} and
 * absolute guest paths. Expected errnos are wasmtime's (crates/wasi/src/p1.rs over
 * crates/wasi/src/filesystem.rs, which resolves through cap-std/cap-primitives), with the sets
 * wasi-testsuite accepts where it accepts several.
 */
class SymlinkSandboxTest {

    /** Symlinks whose target is outside, named as the last component. */
    @Nested
    class LinkAsLastComponent extends SandboxFixture {

        @ParameterizedTest
        @ValueSource(strings = {"abssecret", "relsecret", "secretchain"})
        void followingALinkToAnOutsideFileIsRefused(String link) {
            assertOpenRefused("path_open(\"" + link + "\", follow)", guest.openForReading(link), ESCAPE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"abssecret", "relsecret"})
        void openingALinkWithoutFollowingGivesEloop(String link) {
            // wasi-testsuite nofollow_errors.rs: a symlink to a file opened with O_NOFOLLOW is ELOOP.
            var opened = guest.open(guest.root, LOOKUP_NOFOLLOW, link, 0, RIGHTS_READ, FDFLAGS_NONE);
            assertOpenRefused("path_open(\"" + link + "\", nofollow)", opened, ELOOP);
        }

        @ParameterizedTest
        @ValueSource(strings = {"abs", "up", "chain1", "abschain", "sub/deep", "etc"})
        void followingALinkToAnOutsideDirectoryIsRefused(String link) {
            var opened = guest.open(guest.root, LOOKUP_SYMLINK_FOLLOW, link, O_DIRECTORY, RIGHTS_READ, FDFLAGS_NONE);
            if (opened.errno() == ESUCCESS) {
                var through = guest.open(opened.fd(), LOOKUP_NOFOLLOW, "secret.txt", 0, RIGHTS_READ, FDFLAGS_NONE);
                assertOpenRefused("path_open(\"" + link + "\", O_DIRECTORY) gave fd " + opened.fd()
                        + "; path_open(that fd, \"secret.txt\")", through, ESCAPE);
            }
            assertErrno("path_open(\"" + link + "\", follow, O_DIRECTORY)", opened.errno(), ESCAPE);
        }

        @Test
        void openingADirectoryLinkWithoutFollowingIsRefused() {
            // nofollow_errors.rs: ELOOP or ENOTDIR.
            var opened = guest.open(guest.root, LOOKUP_NOFOLLOW, "up", O_DIRECTORY, RIGHTS_READ, FDFLAGS_NONE);
            assertOpenRefused("path_open(\"up\", nofollow, O_DIRECTORY)", opened, ELOOP, ENOTDIR);
        }

        @Test
        void aRelativeLinkIsResolvedFromItsOwnDirectoryNotFromTheHostsWorkingDirectory() throws IOException {
            // box/cwdlink -> NAME, where NAME is a file in the host process's working directory and
            // not in box/: following it must find nothing (box/NAME does not exist).
            String name;
            try (var entries = Files.list(WORKING_DIRECTORY)) {
                name = entries.filter(Files::isRegularFile)
                        .map(p -> p.getFileName().toString())
                        .filter(n -> !Files.exists(box.resolve(n), LinkOption.NOFOLLOW_LINKS))
                        .sorted()
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no regular file in " + WORKING_DIRECTORY));
            }
            link("cwdlink", name);
            var opened = guest.openForReading("cwdlink");
            if (opened.errno() == ESUCCESS) {
                String read = guest.readAll(opened.fd()).text();
                boolean hostFile = read.equals(Files.readString(WORKING_DIRECTORY.resolve(name), UTF_8));
                assertEquals(ENOENT, opened.errno(), "path_open(\"cwdlink\" -> \"" + name + "\") succeeded"
                        + (hostFile ? " and read " + WORKING_DIRECTORY.resolve(name) + " of the host" : ""));
            }
            assertErrno("path_open(\"cwdlink\" -> \"" + name + "\", follow)", opened.errno(), ENOENT);
            assertErrno("path_filestat_get(\"cwdlink\", follow)", guest.stat(guest.root, LOOKUP_SYMLINK_FOLLOW, "cwdlink").errno(), ENOENT);
        }

        @Test
        void systemDirectoriesAreOutOfReach() {
            assertOpenRefused("path_open(\"etc/passwd\")", guest.openForReading("etc/passwd"), ESCAPE);
            assertOpenRefused("path_open(\"etc/hostname\")", guest.openForReading("etc/hostname"), ESCAPE);
            assertEscapeRefused("path_filestat_get(\"etc/passwd\", follow)",
                    guest.stat(guest.root, LOOKUP_SYMLINK_FOLLOW, "etc/passwd").errno());
            assertEscapeRefused("path_filestat_get(\"etc\", follow)",
                    guest.stat(guest.root, LOOKUP_SYMLINK_FOLLOW, "etc").errno());
        }

        @Test
        void creatingThroughADanglingLinkOutIsRefused() {
            // box/dangling-out -> ../outside/new.txt, which does not exist: O_CREAT must not make it.
            var opened = guest.open(guest.root, LOOKUP_SYMLINK_FOLLOW, "dangling-out", O_CREAT, RIGHTS_READ_WRITE, FDFLAGS_NONE);
            if (opened.errno() == ESUCCESS) {
                guest.write(opened.fd(), "planted\n".getBytes(UTF_8));
            }
            assertOpenRefused("path_open(\"dangling-out\", follow, O_CREAT)", opened, ESCAPE);
            assertFalse(Files.exists(outside.resolve("new.txt")), "outside/new.txt was created");
        }

        @Test
        void exclusiveCreationOnADanglingLinkOutIsEexist() {
            // O_CREAT|O_EXCL never follows the last component: the link itself exists (open(2)).
            var opened = guest.open(guest.root, LOOKUP_SYMLINK_FOLLOW, "dangling-out", O_CREAT | O_EXCL, RIGHTS_READ_WRITE, FDFLAGS_NONE);
            assertOpenRefused("path_open(\"dangling-out\", follow, O_CREAT|O_EXCL)", opened, EEXIST);
            assertFalse(Files.exists(outside.resolve("new.txt")), "outside/new.txt was created");
        }

        @Test
        void truncatingThroughALinkOutIsRefused() {
            var opened = guest.open(guest.root, LOOKUP_SYMLINK_FOLLOW, "relsecret", O_TRUNC, RIGHTS_READ_WRITE, FDFLAGS_NONE);
            assertOpenRefused("path_open(\"relsecret\", follow, O_TRUNC)", opened, ESCAPE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"abssecret", "relsecret", "up", "abs"})
        void statFollowingALinkOutIsRefused(String link) {
            var stat = guest.stat(guest.root, LOOKUP_SYMLINK_FOLLOW, link);
            assertEscapeRefused("path_filestat_get(\"" + link + "\", follow) gave " + stat.stat(), stat.errno());
        }

        @Test
        void statWithoutFollowingDescribesTheLinkItself() throws IOException {
            var stat = guest.stat(guest.root, LOOKUP_NOFOLLOW, "relsecret");
            assertErrno("path_filestat_get(\"relsecret\", nofollow)", stat.errno(), ESUCCESS);
            assertEquals(FILETYPE_SYMBOLIC_LINK, stat.stat().filetype(), "filetype of the link");
            assertEquals("../outside/secret.txt".length(), stat.stat().size(), "size of the link (its text)");
            assertNotEquals(Files.getAttribute(secretFile, "unix:ino"), stat.stat().ino(), "inode of the outside file");
        }

        @Test
        void setTimesFollowingALinkOutIsRefused() {
            assertEscapeRefused("path_filestat_set_times(\"relsecret\", follow)",
                    guest.setTimes(guest.root, LOOKUP_SYMLINK_FOLLOW, "relsecret", YEAR_2001, YEAR_2001, FST_ATIM | FST_MTIM));
            assertEscapeRefused("path_filestat_set_times(\"abs\", follow)",
                    guest.setTimes(guest.root, LOOKUP_SYMLINK_FOLLOW, "abs", 0, 0, FST_MTIM_NOW));
        }

        @Test
        void setTimesWithoutFollowingChangesTheLinkOnly() throws IOException {
            int errno = guest.setTimes(guest.root, LOOKUP_NOFOLLOW, "relsecret", YEAR_2001, YEAR_2001, FST_ATIM | FST_MTIM);
            assertErrno("path_filestat_set_times(\"relsecret\", nofollow)", errno, ESUCCESS);
            FileTime linkTime = Files.getLastModifiedTime(box.resolve("relsecret"), LinkOption.NOFOLLOW_LINKS);
            assertEquals(YEAR_2001, linkTime.to(TimeUnit.NANOSECONDS), "mtime of the link itself");
        }

        @ParameterizedTest
        @ValueSource(strings = {"up", "abs", "abssecret", "relsecret", "dangling-out"})
        void unlinkingALinkOutRemovesTheLinkNotItsTarget(String link) {
            assertErrno("path_unlink_file(\"" + link + "\")", guest.unlink(guest.root, link), ESUCCESS);
            assertBoxLacks(link);
        }

        @Test
        void removeDirectoryOnALinkToADirectoryIsEnotdir() {
            assertErrno("path_remove_directory(\"up\")", guest.rmdir(guest.root, "up"), ENOTDIR);
            assertTrue(Files.isSymbolicLink(box.resolve("up")), "box/up is still the link");
        }

        @Test
        void createDirectoryOnALinkIsEexist() {
            assertErrno("path_create_directory(\"up\")", guest.mkdir(guest.root, "up"), EEXIST);
            assertErrno("path_create_directory(\"dangling-out\")", guest.mkdir(guest.root, "dangling-out"), EEXIST);
        }

        @Test
        void renamingALinkOutMovesTheLinkOnly() {
            assertErrno("path_rename(\"up\", \"up-moved\")", guest.rename(guest.root, "up", guest.root, "up-moved"), ESUCCESS);
            assertTrue(Files.isSymbolicLink(box.resolve("up-moved")), "box/up-moved is the moved link");
            assertBoxLacks("up");
        }

        @Test
        void renamingOntoALinkOutReplacesTheLinkNotItsTarget() throws IOException {
            // rename(2) does not follow the last component of the new path.
            assertErrno("path_rename(\"file.txt\", \"relsecret\")",
                    guest.rename(guest.root, "file.txt", guest.root, "relsecret"), ESUCCESS);
            assertFalse(Files.isSymbolicLink(box.resolve("relsecret")), "box/relsecret is no longer a link");
            assertBoxHas("relsecret", INSIDE_FILE);
        }

        @Test
        void hardLinkingALinkOutLinksTheLinkItselfAndStaysRefused() {
            // wasi-testsuite path_link.rs: linking a (dangling) symlink without following succeeds.
            assertErrno("path_link(\"relsecret\" -> \"hard\", nofollow)",
                    guest.link(guest.root, LOOKUP_NOFOLLOW, "relsecret", guest.root, "hard"), ESUCCESS);
            assertTrue(Files.isSymbolicLink(box.resolve("hard")), "box/hard is a copy of the link");
            assertOpenRefused("path_open(\"hard\", follow)", guest.openForReading("hard"), ESCAPE);
        }

        @Test
        void hardLinkingWithSymlinkFollowIsRefused() {
            // wasmtime filesystem.rs Dir::link_at: SYMLINK_FOLLOW -> ErrorCode::Invalid;
            // path_link.rs accepts EINVAL or ENOENT. Following would hard-link the outside file.
            int errno = guest.link(guest.root, LOOKUP_SYMLINK_FOLLOW, "relsecret", guest.root, "hard");
            assertErrno("path_link(\"relsecret\" -> \"hard\", follow)", errno, EINVAL, ENOENT);
            assertBoxLacks("hard");
        }

        @Test
        void hardLinkOntoAnExistingLinkIsEexist() {
            assertErrno("path_link(\"file.txt\" -> \"up\")",
                    guest.link(guest.root, LOOKUP_NOFOLLOW, "file.txt", guest.root, "up"), EEXIST);
        }

        @Test
        void aLinkWhoseTextPointsOutsideMayBeCreatedButNotFollowed() throws IOException {
            assertErrno("path_symlink(\"../outside/secret.txt\" at \"mylink\")",
                    guest.symlink("../outside/secret.txt", guest.root, "mylink"), ESUCCESS);
            assertEquals(Path.of("../outside/secret.txt"), Files.readSymbolicLink(box.resolve("mylink")), "the link's text, as given");
            assertOpenRefused("path_open(\"mylink\", follow)", guest.openForReading("mylink"), ESCAPE);
            assertEscapeRefused("path_filestat_get(\"mylink\", follow)", guest.stat(guest.root, LOOKUP_SYMLINK_FOLLOW, "mylink").errno());
            var text = guest.readlink(guest.root, "mylink");
            assertErrno("path_readlink(\"mylink\")", text.errno(), ESUCCESS);
            assertEquals("../outside/secret.txt", text.target());
        }

        @Test
        void aDeepRelativeLinkMayBeCreatedButNotFollowed() {
            assertErrno("path_symlink(\"../../../../../../../../etc/passwd\" at \"deep\")",
                    guest.symlink("../../../../../../../../etc/passwd", guest.root, "deep"), ESUCCESS);
            assertOpenRefused("path_open(\"deep\", follow)", guest.openForReading("deep"), ESCAPE);
        }

        @Test
        void aLinkToAnAbsolutePathCannotBeCreated() {
            // cap-primitives fs::symlink: "Don't allow creating symlinks to absolute paths" -> escape_attempt
            // (EPERM); wasi-testsuite symlink_create.rs expects an error for a link to "/".
            assertEscapeRefused("path_symlink(\"/\" at \"root\")", guest.symlink("/", guest.root, "root"));
            assertEscapeRefused("path_symlink(\"/etc/passwd\" at \"pw\")", guest.symlink("/etc/passwd", guest.root, "pw"));
            assertEscapeRefused("path_symlink(OUTSIDE/secret.txt at \"s\")",
                    guest.symlink(absoluteOutside("secret.txt"), guest.root, "s"));
            assertBoxLacks("root");
            assertBoxLacks("pw");
            assertBoxLacks("s");
        }

        @Test
        void readlinkGivesTheLinkTextVerbatim() {
            assertEquals("../outside", guest.readlink(guest.root, "up").target(), "readlink(up)");
            assertEquals(outsideAbsolute, guest.readlink(guest.root, "abs").target(), "readlink(abs)");
            assertEquals("..", guest.readlink(guest.root, "sub/dotdot").target(), "readlink(sub/dotdot)");
            assertEquals("/etc", guest.readlink(guest.root, "etc").target(), "readlink(etc)");
        }

        @Test
        void readlinkTruncatesToTheBuffer() {
            // wasi-testsuite readlink.rs: the first buf_len bytes, and bufused = buf_len.
            var text = guest.readlink(guest.root, "up", 4);
            assertErrno("path_readlink(\"up\", buf_len 4)", text.errno(), ESUCCESS);
            assertEquals("../o", text.target());
        }
    }

    /** Links and {@code ..} that stay inside the sandbox keep working. */
    @Nested
    class StayingInside extends SandboxFixture {

        @ParameterizedTest
        @ValueSource(strings = {
            "sibling", // relative link to a file in a subdirectory
            "subdir/sibling.txt", // link to a subdirectory
            "in1/sibling.txt", // chain of links to a subdirectory
            "sub/dotdot/sub/sibling.txt", // link to .., which is still the sandbox
            "sub/../sub/sibling.txt", // a/../b
            "./sub/./sibling.txt",
            "sub/.//../sub///sibling.txt"})
        void readingThroughInsideLinksWorks(String path) {
            var opened = guest.openForReading(path);
            assertErrno("path_open(\"" + path + "\", follow)", opened.errno(), ESUCCESS);
            assertEquals(INSIDE_SIBLING, guest.readAll(opened.fd()).text(), "content read through " + path);
        }

        @Test
        void parentOfASubdirectoryIsTheSandbox() {
            var opened = guest.openForReading("sub/../file.txt");
            assertErrno("path_open(\"sub/../file.txt\")", opened.errno(), ESUCCESS);
            assertEquals(INSIDE_FILE, guest.readAll(opened.fd()).text());
        }

        @Test
        void statFollowsInsideLinks() {
            var stat = guest.stat(guest.root, LOOKUP_SYMLINK_FOLLOW, "sibling");
            assertErrno("path_filestat_get(\"sibling\", follow)", stat.errno(), ESUCCESS);
            assertEquals(FILETYPE_REGULAR_FILE, stat.stat().filetype());
            assertEquals(INSIDE_SIBLING.length(), stat.stat().size());
            var dir = guest.stat(guest.root, LOOKUP_SYMLINK_FOLLOW, "in1");
            assertErrno("path_filestat_get(\"in1\", follow)", dir.errno(), ESUCCESS);
            assertEquals(FILETYPE_DIRECTORY, dir.stat().filetype());
        }

        @Test
        void aDirectoryOpenedThroughAnInsideLinkWorks() {
            // preview1 rights hold: a directory used to open files needs path_open among its rights
            var sub = guest.open(guest.root, LOOKUP_SYMLINK_FOLLOW, "subdir", O_DIRECTORY, RIGHTS_READ | RIGHT_PATH_OPEN, FDFLAGS_NONE);
            assertErrno("path_open(\"subdir\", O_DIRECTORY)", sub.errno(), ESUCCESS);
            var file = guest.open(sub.fd(), LOOKUP_NOFOLLOW, "sibling.txt", 0, RIGHTS_READ, FDFLAGS_NONE);
            assertErrno("path_open(subdir fd, \"sibling.txt\")", file.errno(), ESUCCESS);
            assertEquals(INSIDE_SIBLING, guest.readAll(file.fd()).text());
        }

        @Test
        void theFunctionsWorkThroughInsideLinks() throws IOException {
            assertErrno("path_create_directory(\"subdir/newdir\")", guest.mkdir(guest.root, "subdir/newdir"), ESUCCESS);
            assertTrue(Files.isDirectory(box.resolve("sub/newdir")), "box/sub/newdir");
            assertErrno("path_remove_directory(\"in1/newdir\")", guest.rmdir(guest.root, "in1/newdir"), ESUCCESS);
            assertBoxLacks("sub/newdir");

            assertErrno("path_link(\"file.txt\" -> \"subdir/hard.txt\")",
                    guest.link(guest.root, LOOKUP_NOFOLLOW, "file.txt", guest.root, "subdir/hard.txt"), ESUCCESS);
            assertEquals(2, Files.getAttribute(box.resolve("file.txt"), "unix:nlink"), "nlink of file.txt");
            assertErrno("path_rename(\"subdir/hard.txt\" -> \"in1/moved.txt\")",
                    guest.rename(guest.root, "subdir/hard.txt", guest.root, "in1/moved.txt"), ESUCCESS);
            assertBoxHas("sub/moved.txt", INSIDE_FILE);
            assertErrno("path_unlink_file(\"subdir/moved.txt\")", guest.unlink(guest.root, "subdir/moved.txt"), ESUCCESS);
            assertBoxLacks("sub/moved.txt");

            assertErrno("path_filestat_set_times(\"sibling\", follow)",
                    guest.setTimes(guest.root, LOOKUP_SYMLINK_FOLLOW, "sibling", YEAR_2001, YEAR_2001, FST_ATIM | FST_MTIM), ESUCCESS);
            assertEquals(YEAR_2001,
                    Files.getLastModifiedTime(box.resolve("sub/sibling.txt")).to(TimeUnit.NANOSECONDS), "mtime of sub/sibling.txt");

            assertEquals("sub/sibling.txt", guest.readlink(guest.root, "sibling").target(), "readlink(sibling)");
            assertEquals("sub", guest.readlink(guest.root, "in1/../subdir").target(), "readlink(in1/../subdir)");
        }

        @Test
        void aNewRelativeLinkIsStoredAsWrittenAndWorks() throws IOException {
            assertErrno("path_symlink(\"sub/sibling.txt\" at \"newlink\")",
                    guest.symlink("sub/sibling.txt", guest.root, "newlink"), ESUCCESS);
            // The text is stored verbatim: not resolved to a host path (which would tell the guest
            // where its sandbox lives on the host, and break when the directory moves).
            assertEquals(Path.of("sub/sibling.txt"), Files.readSymbolicLink(box.resolve("newlink")));
            var opened = guest.openForReading("newlink");
            assertErrno("path_open(\"newlink\", follow)", opened.errno(), ESUCCESS);
            assertEquals(INSIDE_SIBLING, guest.readAll(opened.fd()).text());
        }

        @Test
        void aDanglingInsideLinkCanBeCreatedThrough() throws IOException {
            link("will-exist", "sub/created.txt");
            var opened = guest.open(guest.root, LOOKUP_SYMLINK_FOLLOW, "will-exist", O_CREAT, RIGHTS_READ_WRITE, FDFLAGS_NONE);
            assertErrno("path_open(\"will-exist\", follow, O_CREAT)", opened.errno(), ESUCCESS);
            guest.write(opened.fd(), "made\n".getBytes(UTF_8));
            assertBoxHas("sub/created.txt", "made\n");
        }
    }

    /** Link loops end in ELOOP. */
    @Nested
    class Loops extends SandboxFixture {

        @ParameterizedTest
        @ValueSource(strings = {"loop1", "self", "loop1/x", "self/x", "sub/../loop2"})
        void openingALoopIsEloop(String path) {
            assertOpenRefused("path_open(\"" + path + "\", follow)", guest.openForReading(path), ELOOP);
        }

        @Test
        void creatingThroughALoopIsEloop() {
            var opened = guest.open(guest.root, LOOKUP_SYMLINK_FOLLOW, "self", O_CREAT, RIGHTS_READ_WRITE, FDFLAGS_NONE);
            assertOpenRefused("path_open(\"self\", follow, O_CREAT)", opened, ELOOP);
        }

        @Test
        void everyFunctionGivesEloopForALoopInThePath() {
            assertErrno("path_filestat_get(\"loop1\", follow)", guest.stat(guest.root, LOOKUP_SYMLINK_FOLLOW, "loop1").errno(), ELOOP);
            assertErrno("path_filestat_get(\"loop1/x\")", guest.stat(guest.root, LOOKUP_NOFOLLOW, "loop1/x").errno(), ELOOP);
            assertErrno("path_create_directory(\"loop1/x\")", guest.mkdir(guest.root, "loop1/x"), ELOOP);
            assertErrno("path_remove_directory(\"loop1/x\")", guest.rmdir(guest.root, "loop1/x"), ELOOP);
            assertErrno("path_unlink_file(\"loop1/x\")", guest.unlink(guest.root, "loop1/x"), ELOOP);
            assertErrno("path_readlink(\"loop1/x\")", guest.readlink(guest.root, "loop1/x").errno(), ELOOP);
            assertErrno("path_rename(\"file.txt\" -> \"loop1/x\")", guest.rename(guest.root, "file.txt", guest.root, "loop1/x"), ELOOP);
            assertErrno("path_link(\"file.txt\" -> \"loop1/x\")", guest.link(guest.root, LOOKUP_NOFOLLOW, "file.txt", guest.root, "loop1/x"), ELOOP);
            assertErrno("path_symlink(\"file.txt\" at \"loop1/x\")", guest.symlink("file.txt", guest.root, "loop1/x"), ELOOP);
            assertErrno("path_filestat_set_times(\"self\", follow)",
                    guest.setTimes(guest.root, LOOKUP_SYMLINK_FOLLOW, "self", 0, 0, FST_MTIM_NOW), ELOOP);
        }

        @Test
        void aLoopIsStillALinkWhenNotFollowed() {
            var stat = guest.stat(guest.root, LOOKUP_NOFOLLOW, "self");
            assertErrno("path_filestat_get(\"self\", nofollow)", stat.errno(), ESUCCESS);
            assertEquals(FILETYPE_SYMBOLIC_LINK, stat.stat().filetype());
            assertEquals("self", guest.readlink(guest.root, "self").target());
            assertErrno("path_unlink_file(\"self\")", guest.unlink(guest.root, "self"), ESUCCESS);
        }

        @Test
        void aChainLongerThanTheSymlinkLimitIsEloop() {
            // Linux follows at most 40 links in one lookup (MAXSYMLINKS); cap-primitives has the same limit.
            for (int i = 0; i < 60; i++) {
                link("c" + i, i == 59 ? "file.txt" : "c" + (i + 1));
            }
            assertOpenRefused("path_open(\"c0\", follow) through 60 links", guest.openForReading("c0"), ELOOP);
            var shortChain = guest.openForReading("c50");
            assertErrno("path_open(\"c50\", follow) through 10 links", shortChain.errno(), ESUCCESS);
        }
    }

    /** {@code ..} above a directory descriptor, and absolute guest paths. */
    @Nested
    class DotDotAndAbsolutePaths extends SandboxFixture {

        @ParameterizedTest
        @ValueSource(strings = {"..", "../", "../host", "../box/file.txt", "./../box/file.txt",
            "sub/../../box/file.txt", "sub/../..", "../../..", "sub/dotdot/..", "sub/dotdot/../box/file.txt"})
        void dotDotAboveThePreopenIsRefused(String path) {
            // Even when the path comes back in (../box/file.txt): wasi-testsuite interesting_paths.rs,
            // "too many .."s, expects EPERM or ENOTCAPABLE.
            var opened = guest.open(guest.root, LOOKUP_SYMLINK_FOLLOW, path, 0, RIGHTS_READ, FDFLAGS_NONE);
            assertOpenRefused("path_open(\"" + path + "\")", opened, ESCAPE);
            assertEscapeRefused("path_filestat_get(\"" + path + "\")", guest.stat(guest.root, LOOKUP_NOFOLLOW, path).errno());
        }

        @Test
        void dotDotAboveAnyDirectoryDescriptorIsRefused() {
            // A directory fd is a sandbox root of its own: cap-std resolves every path beneath it.
            var sub = guest.open(guest.root, LOOKUP_NOFOLLOW, "sub", O_DIRECTORY, RIGHTS_READ, FDFLAGS_NONE);
            assertErrno("path_open(\"sub\", O_DIRECTORY)", sub.errno(), ESUCCESS);
            assertOpenRefused("path_open(sub fd, \"../file.txt\")",
                    guest.open(sub.fd(), LOOKUP_NOFOLLOW, "../file.txt", 0, RIGHTS_READ, FDFLAGS_NONE), ESCAPE);
            assertOpenRefused("path_open(sub fd, \"../../outside/secret.txt\")",
                    guest.open(sub.fd(), LOOKUP_NOFOLLOW, "../../outside/secret.txt", 0, RIGHTS_READ, FDFLAGS_NONE), ESCAPE);
            assertOpenRefused("path_open(sub fd, \"deep/secret.txt\")",
                    guest.open(sub.fd(), LOOKUP_NOFOLLOW, "deep/secret.txt", 0, RIGHTS_READ, FDFLAGS_NONE), ESCAPE);
            assertEscapeRefused("path_create_directory(sub fd, \"../escaped\")", guest.mkdir(sub.fd(), "../escaped"));
            assertBoxLacks("escaped");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/", "/sandbox", "/sandbox/file.txt", "/file.txt", "//file.txt", "/etc/passwd"})
        void absolutePathsAreRefusedByEveryFunction(String path) {
            // interesting_paths.rs: an absolute path is EPERM or ENOTCAPABLE.
            assertOpenRefused("path_open(\"" + path + "\")", guest.openForReading(path), ESCAPE);
            assertEscapeRefused("path_filestat_get(\"" + path + "\")", guest.stat(guest.root, LOOKUP_SYMLINK_FOLLOW, path).errno());
            assertEscapeRefused("path_readlink(\"" + path + "\")", guest.readlink(guest.root, path).errno());
            assertEscapeRefused("path_filestat_set_times(\"" + path + "\")", guest.setTimes(guest.root, LOOKUP_NOFOLLOW, path, 0, 0, FST_MTIM_NOW));
            if (path.startsWith("/sandbox")) {
                // Destructive calls only with paths that name nothing on the host (there is no
                // /sandbox there), so that a broken sandbox cannot harm this machine's / or /etc;
                // PathEscapeTest aims them at the absolute path of the temporary outside/.
                assertEscapeRefused("path_unlink_file(\"" + path + "\")", guest.unlink(guest.root, path));
                assertEscapeRefused("path_remove_directory(\"" + path + "\")", guest.rmdir(guest.root, path));
                assertEscapeRefused("path_create_directory(\"" + path + "/new\")", guest.mkdir(guest.root, path + "/new"));
                assertEscapeRefused("path_rename(\"" + path + "\" -> \"moved\")", guest.rename(guest.root, path, guest.root, "moved"));
                assertEscapeRefused("path_rename(\"emptydir\" -> \"" + path + "/x\")", guest.rename(guest.root, "emptydir", guest.root, path + "/x"));
                assertEscapeRefused("path_link(\"" + path + "\" -> \"hard\")", guest.link(guest.root, LOOKUP_NOFOLLOW, path, guest.root, "hard"));
                assertEscapeRefused("path_link(\"file.txt\" -> \"" + path + "/x\")", guest.link(guest.root, LOOKUP_NOFOLLOW, "file.txt", guest.root, path + "/x"));
                assertEscapeRefused("path_symlink(\"file.txt\" at \"" + path + "/x\")", guest.symlink("file.txt", guest.root, path + "/x"));
            }
        }

        @Test
        void anAbsolutePathNamingAnInsideFileLeavesItAlone() throws IOException {
            assertEscapeRefused("path_unlink_file(\"/sandbox/file.txt\")", guest.unlink(guest.root, "/sandbox/file.txt"));
            assertBoxHas("file.txt", INSIDE_FILE);
        }
    }
}
