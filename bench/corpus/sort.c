/* Sorting with qsort: integers and strings through a comparison callback (call_indirect). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 200000;
    int *v = malloc(sizeof(int) * n);
    unsigned x = 42;
    for (int i = 0; i < n; i++) {
        x = x * 1664525u + 1013904223u;
        v[i] = (int)(x >> 1);
    }
    qsort(v, n, sizeof(int), cmp_int);
    long long check = 0;
    for (int i = 0; i < n; i += 1000) {
        check += v[i] % 1000;
    }
    int m = n / 5;
    char **s = malloc(sizeof(char *) * m);
    char *pool = malloc((size_t)m * 12);
    for (int i = 0; i < m; i++) {
        x = x * 1664525u + 1013904223u;
        s[i] = pool + (size_t)i * 12;
        snprintf(s[i], 12, "k%08x", x);
    }
    qsort(s, m, sizeof(char *), cmp_str);
    printf("sorted: %d %d %lld first=%s last=%s\n", v[0], v[n - 1], check, s[0], s[m - 1]);
    return 0;
}
