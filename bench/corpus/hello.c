/* Start-up cost: prints one line and exits. */
#include <stdio.h>

int main(void) {
    puts("hello, world");
    return 0;
}
