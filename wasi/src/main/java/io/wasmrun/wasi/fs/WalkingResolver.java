package io.wasmrun.wasi.fs;

import io.wasmrun.wasi.sys.Errnos;
import io.wasmrun.wasi.sys.LinuxFs;
import io.wasmrun.wasi.sys.OpenFlags;
import io.wasmrun.wasi.sys.Statx;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * {@link PathResolver} for kernels without {@code openat2}: the path is walked one component at a
 * time, each opened with {@code O_PATH | O_NOFOLLOW} relative to the last, so the kernel never
 * follows a link on its own. A link met on the way is read through its own descriptor and its text
 * spliced into the components still to walk: an absolute link is an escape; its {@code ..}s, like
 * the guest's, pop a stack of the directories walked so far, and popping past the start is an
 * escape. A component swapped for a link between two steps is seen as that link, so a race cannot
 * lead out either. At most {@value #MAX_LINKS} links are followed ({@code ELOOP}), as Linux does.
 */
public final class WalkingResolver implements PathResolver {
    static final int MAX_LINKS = 40;

    @Override
    public long open(int dirfd, String path, int flags, int mode) {
        if (path.startsWith("/")) {
            return -Errnos.EXDEV;
        }
        Deque<String> todo = new ArrayDeque<>();
        splice(todo, path);
        boolean directoryWanted = path.endsWith("/");
        // O_CREAT | O_EXCL never follows a last link: the name exists (EEXIST), as open(2) says.
        int exclusive = OpenFlags.O_CREAT | OpenFlags.O_EXCL;
        boolean followLast =
                ((flags & OpenFlags.O_NOFOLLOW) == 0 || directoryWanted) && (flags & exclusive) != exclusive;
        Deque<Integer> walked = new ArrayDeque<>();
        int links = 0;
        try {
            while (!todo.isEmpty()) {
                String name = todo.pollFirst();
                int current = walked.isEmpty() ? dirfd : walked.peek();
                if (name.equals("..")) {
                    if (walked.isEmpty()) {
                        return -Errnos.EXDEV;
                    }
                    LinuxFs.close(walked.pop());
                    continue;
                }
                boolean last = todo.isEmpty();
                long step = LinuxFs.openat(current, name, OpenFlags.O_PATH | OpenFlags.O_NOFOLLOW | OpenFlags.O_CLOEXEC, 0);
                if (last && step == -Errnos.ENOENT && (flags & OpenFlags.O_CREAT) != 0) {
                    return finalOpen(current, name, flags, mode, directoryWanted);
                }
                if (step < 0) {
                    return step;
                }
                int fd = (int) step;
                int type = typeOf(fd);
                if (type == Statx.S_IFLNK && (!last || followLast)) {
                    byte[] target = readLink(fd);
                    LinuxFs.close(fd);
                    if (++links > MAX_LINKS) {
                        return -Errnos.ELOOP;
                    }
                    if (target == null || target.length == 0) {
                        return -Errnos.ENOENT;
                    }
                    String text = new String(target, StandardCharsets.UTF_8);
                    if (text.startsWith("/")) {
                        return -Errnos.EXDEV;
                    }
                    if (last && text.endsWith("/")) {
                        directoryWanted = true;
                    }
                    splice(todo, text);
                    continue;
                }
                if (last) {
                    LinuxFs.close(fd);
                    return finalOpen(current, name, flags, mode, directoryWanted);
                }
                if (type != Statx.S_IFDIR) {
                    LinuxFs.close(fd);
                    return -Errnos.ENOTDIR;
                }
                walked.push(fd);
            }
            int current = walked.isEmpty() ? dirfd : walked.peek();
            return LinuxFs.openat(current, ".", (flags & ~OpenFlags.O_CREAT) | OpenFlags.O_CLOEXEC, 0);
        } finally {
            while (!walked.isEmpty()) {
                LinuxFs.close(walked.pop());
            }
        }
    }

    private static long finalOpen(int dirfd, String name, int flags, int mode, boolean directory) {
        int f = flags | OpenFlags.O_NOFOLLOW | OpenFlags.O_CLOEXEC | (directory ? OpenFlags.O_DIRECTORY : 0);
        return LinuxFs.openat(dirfd, name, f, (flags & OpenFlags.O_CREAT) != 0 ? mode : 0);
    }

    private static void splice(Deque<String> todo, String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty() && !parts[i].equals(".")) {
                todo.addFirst(parts[i]);
            }
        }
    }

    private static int typeOf(int fd) {
        long[] error = new long[1];
        Statx s = LinuxFs.statx(fd, "", OpenFlags.AT_EMPTY_PATH | OpenFlags.AT_SYMLINK_NOFOLLOW, error);
        return s == null ? 0 : s.type();
    }

    private static byte[] readLink(int fd) {
        return LinuxFs.readlinkat(fd, "", new long[1]);
    }
}
