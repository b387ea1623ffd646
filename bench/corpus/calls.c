/* Call-heavy: naive recursive Fibonacci, a few million small calls. */
#include <stdio.h>
#include <stdlib.h>

static int __attribute__((noinline)) fib(int n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 30;
    printf("fib(%d) = %d\n", n, fib(n));
    return 0;
}
