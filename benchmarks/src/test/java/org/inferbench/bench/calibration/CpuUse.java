package org.inferbench.bench.calibration;

/**
 * CPU time a client used over one level.
 *
 * @param callingThreadsNanos what the threads making the calls used themselves, summed
 *                            ({@code ThreadMXBean.getCurrentThreadCpuTime})
 * @param clientNanos         the process's CPU time minus the emitter thread's: the calling threads
 *                            plus the JVM's work on their behalf (GC, JIT compilation, OkHttp's and
 *                            Okio's helper threads). This is the number that must stay under one core.
 * @param emitterNanos        what the emitter's thread used meanwhile: the same cores, taken from the client
 */
record CpuUse(long callingThreadsNanos, long clientNanos, long emitterNanos) {
}
