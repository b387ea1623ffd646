package io.wasmrun.wasi.fs;

import io.wasmrun.wasi.sys.Statx;

/** WASI preview1 {@code filetype} values. */
public final class FileType {
    public static final byte UNKNOWN = 0;
    public static final byte BLOCK_DEVICE = 1;
    public static final byte CHARACTER_DEVICE = 2;
    public static final byte DIRECTORY = 3;
    public static final byte REGULAR_FILE = 4;
    public static final byte SOCKET_DGRAM = 5;
    public static final byte SOCKET_STREAM = 6;
    public static final byte SYMBOLIC_LINK = 7;

    private FileType() {}

    /** The WASI type of a Linux {@code st_mode}. */
    public static byte of(int mode) {
        return switch (mode & Statx.S_IFMT) {
            case Statx.S_IFBLK -> BLOCK_DEVICE;
            case Statx.S_IFCHR -> CHARACTER_DEVICE;
            case Statx.S_IFDIR -> DIRECTORY;
            case Statx.S_IFREG -> REGULAR_FILE;
            case Statx.S_IFSOCK -> SOCKET_STREAM;
            case Statx.S_IFLNK -> SYMBOLIC_LINK;
            default -> UNKNOWN;
        };
    }

    /** The WASI type of a {@code linux_dirent64.d_type}. */
    public static byte ofDirentType(int dtype) {
        return switch (dtype) {
            case 2 -> CHARACTER_DEVICE;
            case 4 -> DIRECTORY;
            case 6 -> BLOCK_DEVICE;
            case 8 -> REGULAR_FILE;
            case 10 -> SYMBOLIC_LINK;
            case 12 -> SOCKET_STREAM;
            default -> UNKNOWN;
        };
    }
}
