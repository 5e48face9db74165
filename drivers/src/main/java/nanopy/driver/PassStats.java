package nanopy.driver;

/**
 * What running one pass cost, summed over its calls.
 *
 * @param pass registry name
 * @param calls how many times it ran
 * @param wallNanos elapsed time in nanoseconds
 * @param cpuNanos CPU time of the compiling thread in nanoseconds
 * @param allocatedBytes bytes the compiling thread allocated
 */
public record PassStats(String pass, int calls, long wallNanos, long cpuNanos, long allocatedBytes) {
    PassStats plus(long wall, long cpu, long alloc) {
        return new PassStats(pass, calls + 1, wallNanos + wall, cpuNanos + cpu, allocatedBytes + alloc);
    }
}
