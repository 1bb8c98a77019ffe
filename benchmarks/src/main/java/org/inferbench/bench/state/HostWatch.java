package org.inferbench.bench.state;

/**
 * A fork never outlives its host. JMH's fork notices a dead host only when it next reports over
 * JMH's link, which is after the call in flight: a call of minutes, or a stream that never ends,
 * would keep loading the engine for nobody. So the fork watches the host's process and halts the
 * moment it is gone (SIGKILL, a crash: an interrupt ends the fork itself, from the host).
 */
final class HostWatch {

    /** The fork's exit status when its host died: nobody reads it, but it is not a success. */
    private static final int HOST_GONE = 3;

    private HostWatch() {
    }

    /**
     * In a fork, halts this JVM once process {@code hostPid} has ended. Does nothing in the host itself
     * ({@code -f 0}) or without a host pid (a context written by an older harness).
     */
    static void haltWhenGone(Long hostPid) {
        if (hostPid == null || hostPid == ProcessHandle.current().pid()) {
            return;
        }
        ProcessHandle.of(hostPid).ifPresentOrElse(
                host -> host.onExit().thenRun(() -> Runtime.getRuntime().halt(HOST_GONE)),
                () -> Runtime.getRuntime().halt(HOST_GONE));
    }
}
