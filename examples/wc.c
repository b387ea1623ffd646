/*
 * wc: a small WASI command in C that exercises what wasmrun gives a guest.
 *
 *   argv      each FILE argument is counted (lines, words, bytes), like Unix wc
 *   environ   WC_LABEL, when set, is printed as a heading
 *   files     FILEs are read through preopened directories (wasmrun --dir)
 *   exit code the number of FILEs that could not be opened (0 when all were read)
 *
 * Build: clang --target=wasm32-wasi --sysroot=/usr -O2 -o wc.wasm wc.c
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int count(const char *path) {
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        fprintf(stderr, "wc: %s: %s\n", path, strerror(errno));
        return 1;
    }
    long lines = 0, words = 0, bytes = 0;
    int in_word = 0, c;
    while ((c = fgetc(f)) != EOF) {
        bytes++;
        if (c == '\n') lines++;
        if (isspace(c)) {
            in_word = 0;
        } else if (!in_word) {
            in_word = 1;
            words++;
        }
    }
    fclose(f);
    printf("%7ld %7ld %7ld %s\n", lines, words, bytes, path);
    return 0;
}

int main(int argc, char **argv) {
    const char *label = getenv("WC_LABEL");
    if (label != NULL) {
        printf("== %s ==\n", label);
    }
    printf("%s: %d argument%s\n", argv[0], argc - 1, argc == 2 ? "" : "s");
    int failed = 0;
    for (int i = 1; i < argc; i++) {
        failed += count(argv[i]);
    }
    return failed;
}
