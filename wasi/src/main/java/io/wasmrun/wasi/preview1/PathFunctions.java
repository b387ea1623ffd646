package io.wasmrun.wasi.preview1;

import static io.wasmrun.wasi.preview1.FdFunctions.fd;
import static io.wasmrun.wasi.preview1.Signature.function;

import com.dylibso.chicory.runtime.HostFunction;
import io.wasmrun.wasi.Errno;
import io.wasmrun.wasi.fs.DirectoryDescriptor;
import io.wasmrun.wasi.fs.Filestat;
import io.wasmrun.wasi.fs.OsDescriptor;
import io.wasmrun.wasi.guest.GuestMemory;
import java.util.List;

/**
 * The {@code path_*} functions: guest arguments read and checked here, the operations themselves
 * confined by {@link io.wasmrun.wasi.fs.Sandbox}.
 */
final class PathFunctions {
    private final WasiContext wasi;

    PathFunctions(WasiContext wasi) {
        this.wasi = wasi;
    }

    List<HostFunction> functions() {
        var sandbox = wasi.sandbox;
        return List.of(
                function("path_create_directory", "iii", (m, a) -> {
                    sandbox.createDirectory(dir(a[0]), path(m, a[1], a[2]));
                    return Errno.SUCCESS;
                }),
                function("path_filestat_get", "iiiii", (m, a) -> {
                    DirectoryDescriptor dir = dir(a[0]);
                    String path = path(m, a[2], a[3]);
                    int out = m.check((int) a[4], Filestat.BYTES, 8);
                    sandbox.stat(dir, (int) a[1], path).writeTo(m, out);
                    return Errno.SUCCESS;
                }),
                function("path_filestat_set_times", "iiiiIIi", (m, a) -> {
                    sandbox.setTimes(dir(a[0]), (int) a[1], path(m, a[2], a[3]), a[4], a[5], (int) a[6]);
                    return Errno.SUCCESS;
                }),
                function("path_link", "iiiiiii", (m, a) -> {
                    DirectoryDescriptor from = dir(a[0]);
                    String fromPath = path(m, a[2], a[3]);
                    sandbox.link(from, (int) a[1], fromPath, dir(a[4]), path(m, a[5], a[6]));
                    return Errno.SUCCESS;
                }),
                function("path_open", "iiiiiIIii", (m, a) -> {
                    DirectoryDescriptor dir = dir(a[0]);
                    String path = path(m, a[2], a[3]);
                    int out = m.check((int) a[8], 4, 4);
                    OsDescriptor opened =
                            sandbox.open(dir, (int) a[1], path, (int) a[4], a[5], a[6], (int) a[7]);
                    m.writeI32(out, wasi.fds.add(opened));
                    return Errno.SUCCESS;
                }),
                function("path_readlink", "iiiiii", (m, a) -> {
                    DirectoryDescriptor dir = dir(a[0]);
                    String path = path(m, a[1], a[2]);
                    int buffer = (int) a[3];
                    int length = (int) a[4];
                    int used = m.check((int) a[5], 4, 4);
                    byte[] text = sandbox.readLink(dir, path);
                    int n = (int) Math.min(text.length, Integer.toUnsignedLong(length));
                    m.write(buffer, text, 0, n);
                    m.writeI32(used, n);
                    return Errno.SUCCESS;
                }),
                function("path_remove_directory", "iii", (m, a) -> {
                    sandbox.removeDirectory(dir(a[0]), path(m, a[1], a[2]));
                    return Errno.SUCCESS;
                }),
                function("path_rename", "iiiiii", (m, a) -> {
                    DirectoryDescriptor from = dir(a[0]);
                    String fromPath = path(m, a[1], a[2]);
                    sandbox.rename(from, fromPath, dir(a[3]), path(m, a[4], a[5]));
                    return Errno.SUCCESS;
                }),
                function("path_symlink", "iiiii", (m, a) -> {
                    String target = path(m, a[0], a[1]);
                    sandbox.symlink(target, dir(a[2]), path(m, a[3], a[4]));
                    return Errno.SUCCESS;
                }),
                function("path_unlink_file", "iii", (m, a) -> {
                    sandbox.unlinkFile(dir(a[0]), path(m, a[1], a[2]));
                    return Errno.SUCCESS;
                }));
    }

    private DirectoryDescriptor dir(long fd) {
        return wasi.fds.directory(fd(fd));
    }

    private static String path(GuestMemory m, long address, long length) {
        return m.readString((int) address, (int) length);
    }
}
