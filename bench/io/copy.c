/*
 * The guest of scripts/bench-wasi-io: moves bytes through WASI with plain read(2)/write(2) on one
 * buffer, so a run's time is the runtime's fd_read/fd_write (and the host's I/O), not libc's stdio.
 *
 *   copy stdio [BUFSIZE]            stdin -> stdout
 *   copy file IN OUT [BUFSIZE]      file IN -> file OUT (created or truncated), e.g. /data/in /data/out
 *   copy gen BYTES [BUFSIZE]        writes BYTES bytes to stdout, byte k being k % 251 (no reading)
 *
 * BUFSIZE defaults to 65536. Prints nothing on success and exits 0; on an error, one line on
 * stderr and exit 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PERIOD 251

static int fail(const char *what) {
    fprintf(stderr, "copy: %s: %s\n", what, strerror(errno));
    return 1;
}

static int usage(void) {
    fputs("usage: copy stdio [BUFSIZE] | copy file IN OUT [BUFSIZE] | copy gen BYTES [BUFSIZE]\n", stderr);
    return 2;
}

/* Writes all n bytes of p to fd, across short writes. */
static int write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int copy(int in, int out, char *buf, size_t size) {
    for (;;) {
        ssize_t r = read(in, buf, size);
        if (r == 0) return 0;
        if (r < 0) {
            if (errno == EINTR) continue;
            return fail("read");
        }
        if (write_all(out, buf, (size_t)r) < 0) return fail("write");
    }
}

static int parse_size(const char *s, unsigned long long *value) {
    char *end;
    errno = 0;
    *value = strtoull(s, &end, 10);
    return errno == 0 && end != s && *end == '\0';
}

int main(int argc, char **argv) {
    if (argc < 2) return usage();
    const char *mode = argv[1];
    int nargs = strcmp(mode, "stdio") == 0 ? 0 : strcmp(mode, "file") == 0 ? 2 : strcmp(mode, "gen") == 0 ? 1 : -1;
    if (nargs < 0 || argc < 2 + nargs || argc > 3 + nargs) return usage();
    unsigned long long size = 65536;
    if (argc == 3 + nargs && (!parse_size(argv[2 + nargs], &size) || size == 0)) return usage();

    char *buf = malloc((size_t)size + PERIOD);
    if (buf == NULL) return fail("malloc");

    if (strcmp(mode, "stdio") == 0) return copy(0, 1, buf, (size_t)size);

    if (strcmp(mode, "file") == 0) {
        int in = open(argv[2], O_RDONLY);
        if (in < 0) return fail(argv[2]);
        int out = open(argv[3], O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (out < 0) return fail(argv[3]);
        int rc = copy(in, out, buf, (size_t)size);
        if (rc == 0 && close(out) < 0) return fail("close");
        close(in);
        return rc;
    }

    /* gen: a pattern of period 251 (not a power of two, so a lost or repeated block shows), written
     * from the offset that continues it. */
    unsigned long long total;
    if (!parse_size(argv[2], &total)) return usage();
    for (size_t i = 0; i < (size_t)size + PERIOD; i++) buf[i] = (char)(i % PERIOD);
    for (unsigned long long pos = 0; pos < total;) {
        size_t n = total - pos < size ? (size_t)(total - pos) : (size_t)size;
        if (write_all(1, buf + pos % PERIOD, n) < 0) return fail("write");
        pos += n;
    }
    return 0;
}
