/* collatz.py in C: longest Collatz chain below 1M. */
#include <stdio.h>
static long chain(long n) {
    long steps = 1;
    while (n != 1) {
        n = n % 2 == 0 ? n / 2 : 3 * n + 1;
        steps++;
    }
    return steps;
}
int main(void) {
    long best = 0, best_n = 0;
    for (long n = 1; n < 1000000; n++) {
        long c = chain(n);
        if (c > best) { best = c; best_n = n; }
    }
    printf("%ld\n%ld\n", best_n, best);
    return 0;
}
