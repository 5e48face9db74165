/* sieve.py in C: primes below 2M with a growable array of flags (as the list appends). */
#include <stdio.h>
#include <stdlib.h>
static long sieve(long n) {
    long cap = 4, len = 0;
    char *flags = malloc(cap);
    for (long i = 0; i < n; i++) {
        if (len == cap) { cap *= 2; flags = realloc(flags, cap); }
        flags[len++] = 1;
    }
    flags[0] = flags[1] = 0;
    for (long p = 2; p * p < n; p++)
        if (flags[p])
            for (long j = p * p; j < n; j += p) flags[j] = 0;
    long count = 0;
    for (long k = 0; k < n; k++) count += flags[k];
    free(flags);
    return count;
}
int main(void) { printf("%ld\n", sieve(2000000)); return 0; }
