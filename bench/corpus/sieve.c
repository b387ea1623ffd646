/* Byte-array loop: the sieve of Eratosthenes, repeated; the hot loop lives in main. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 4000000;
    int rounds = argc > 2 ? atoi(argv[2]) : 4;
    unsigned char *composite = malloc(n + 1);
    int count = 0;
    for (int r = 0; r < rounds; r++) {
        memset(composite, 0, n + 1);
        count = 0;
        for (int i = 2; i <= n; i++) {
            if (!composite[i]) {
                count++;
                for (long long j = (long long)i * i; j <= n; j += i) {
                    composite[j] = 1;
                }
            }
        }
    }
    printf("primes below %d: %d\n", n, count);
    free(composite);
    return 0;
}
