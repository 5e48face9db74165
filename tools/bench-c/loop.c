/* loop.py in C: 10M iterations of int arithmetic. */
#include <stdio.h>
static long run(void) {
    long s = 0;
    for (long i = 0; i < 10000000; i++) s = s + i * i % 7;
    return s;
}
int main(void) { printf("%ld\n", run()); return 0; }
