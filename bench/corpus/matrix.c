/* Float matrix: dense single-precision matrix multiplication. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 300;
    float *a = malloc(sizeof(float) * n * n);
    float *b = malloc(sizeof(float) * n * n);
    float *c = malloc(sizeof(float) * n * n);
    for (int i = 0; i < n * n; i++) {
        a[i] = (float)(i % 17) * 0.25f;
        b[i] = (float)(i % 13) * 0.5f;
        c[i] = 0.0f;
    }
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < n; k++) {
            float aik = a[i * n + k];
            for (int j = 0; j < n; j++) {
                c[i * n + j] += aik * b[k * n + j];
            }
        }
    }
    double sum = 0;
    for (int i = 0; i < n * n; i++) {
        sum += c[i];
    }
    printf("checksum: %.1f\n", sum);
    return 0;
}
