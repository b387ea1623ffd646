package io.wasmrun.wasi;

/**
 * WASI preview1 {@code errno} values ({@code wasi_snapshot_preview1.witx}) and the mapping from
 * Linux's. Host code signals an error by throwing {@link WasiError} with one of these.
 */
public final class Errno {
    public static final int SUCCESS = 0;
    public static final int TOOBIG = 1;
    public static final int ACCES = 2;
    public static final int ADDRINUSE = 3;
    public static final int ADDRNOTAVAIL = 4;
    public static final int AFNOSUPPORT = 5;
    public static final int AGAIN = 6;
    public static final int ALREADY = 7;
    public static final int BADF = 8;
    public static final int BADMSG = 9;
    public static final int BUSY = 10;
    public static final int CANCELED = 11;
    public static final int CHILD = 12;
    public static final int CONNABORTED = 13;
    public static final int CONNREFUSED = 14;
    public static final int CONNRESET = 15;
    public static final int DEADLK = 16;
    public static final int DESTADDRREQ = 17;
    public static final int DOM = 18;
    public static final int DQUOT = 19;
    public static final int EXIST = 20;
    public static final int FAULT = 21;
    public static final int FBIG = 22;
    public static final int HOSTUNREACH = 23;
    public static final int IDRM = 24;
    public static final int ILSEQ = 25;
    public static final int INPROGRESS = 26;
    public static final int INTR = 27;
    public static final int INVAL = 28;
    public static final int IO = 29;
    public static final int ISCONN = 30;
    public static final int ISDIR = 31;
    public static final int LOOP = 32;
    public static final int MFILE = 33;
    public static final int MLINK = 34;
    public static final int MSGSIZE = 35;
    public static final int MULTIHOP = 36;
    public static final int NAMETOOLONG = 37;
    public static final int NETDOWN = 38;
    public static final int NETRESET = 39;
    public static final int NETUNREACH = 40;
    public static final int NFILE = 41;
    public static final int NOBUFS = 42;
    public static final int NODEV = 43;
    public static final int NOENT = 44;
    public static final int NOEXEC = 45;
    public static final int NOLCK = 46;
    public static final int NOLINK = 47;
    public static final int NOMEM = 48;
    public static final int NOMSG = 49;
    public static final int NOPROTOOPT = 50;
    public static final int NOSPC = 51;
    public static final int NOSYS = 52;
    public static final int NOTCONN = 53;
    public static final int NOTDIR = 54;
    public static final int NOTEMPTY = 55;
    public static final int NOTRECOVERABLE = 56;
    public static final int NOTSOCK = 57;
    public static final int NOTSUP = 58;
    public static final int NOTTY = 59;
    public static final int NXIO = 60;
    public static final int OVERFLOW = 61;
    public static final int OWNERDEAD = 62;
    public static final int PERM = 63;
    public static final int PIPE = 64;
    public static final int PROTO = 65;
    public static final int PROTONOSUPPORT = 66;
    public static final int PROTOTYPE = 67;
    public static final int RANGE = 68;
    public static final int ROFS = 69;
    public static final int SPIPE = 70;
    public static final int SRCH = 71;
    public static final int STALE = 72;
    public static final int TIMEDOUT = 73;
    public static final int TXTBSY = 74;
    public static final int XDEV = 75;
    public static final int NOTCAPABLE = 76;

    // Linux errno (asm-generic/errno-base.h and errno.h) -> WASI errno; 0 where WASI has none.
    private static final int[] FROM_LINUX = new int[134];

    static {
        int[][] pairs = {
            {1, PERM}, {2, NOENT}, {3, SRCH}, {4, INTR}, {5, IO}, {6, NXIO}, {7, TOOBIG},
            {8, NOEXEC}, {9, BADF}, {10, CHILD}, {11, AGAIN}, {12, NOMEM}, {13, ACCES},
            {14, FAULT}, {16, BUSY}, {17, EXIST}, {18, XDEV}, {19, NODEV}, {20, NOTDIR},
            {21, ISDIR}, {22, INVAL}, {23, NFILE}, {24, MFILE}, {25, NOTTY}, {26, TXTBSY},
            {27, FBIG}, {28, NOSPC}, {29, SPIPE}, {30, ROFS}, {31, MLINK}, {32, PIPE},
            {33, DOM}, {34, RANGE}, {35, DEADLK}, {36, NAMETOOLONG}, {37, NOLCK}, {38, NOSYS},
            {39, NOTEMPTY}, {40, LOOP}, {42, NOMSG}, {43, IDRM}, {67, NOLINK}, {71, PROTO},
            {72, MULTIHOP}, {74, BADMSG}, {75, OVERFLOW}, {84, ILSEQ}, {88, NOTSOCK},
            {89, DESTADDRREQ}, {90, MSGSIZE}, {91, PROTOTYPE}, {92, NOPROTOOPT},
            {93, PROTONOSUPPORT}, {95, NOTSUP}, {97, AFNOSUPPORT}, {98, ADDRINUSE},
            {99, ADDRNOTAVAIL}, {100, NETDOWN}, {101, NETUNREACH}, {102, NETRESET},
            {103, CONNABORTED}, {104, CONNRESET}, {105, NOBUFS}, {106, ISCONN}, {107, NOTCONN},
            {110, TIMEDOUT}, {111, CONNREFUSED}, {113, HOSTUNREACH}, {114, ALREADY},
            {115, INPROGRESS}, {116, STALE}, {122, DQUOT}, {125, CANCELED}, {130, OWNERDEAD},
            {131, NOTRECOVERABLE},
        };
        for (int[] pair : pairs) {
            FROM_LINUX[pair[0]] = pair[1];
        }
    }

    private Errno() {}

    /** The WASI errno for Linux {@code errno} (positive), {@link #IO} when WASI has no match. */
    public static int fromLinux(int linuxErrno) {
        int wasi = linuxErrno > 0 && linuxErrno < FROM_LINUX.length ? FROM_LINUX[linuxErrno] : 0;
        return wasi == 0 ? IO : wasi;
    }
}
