package org.inferbench.bench.calibration;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An OpenAI-compatible streaming endpoint on loopback that keeps a {@link Schedule} and stamps every
 * write: the known truth that the harness's measurements are compared with. Test code, not a product
 * feature.
 *
 * <p>A {@code GET} (a warm-up probe) gets a short 200 at once. Any request naming its stream in the
 * header {@value #STREAM_HEADER} gets a 200
 * {@code text/event-stream} head at once, then the {@link EventScript}'s writes at the schedule's
 * times, counted from the read that completed the request. Each event is one write on a
 * {@code TCP_NODELAY} socket (a socket channel has no user-space buffer, so there is nothing to
 * flush), stamped with {@link System#nanoTime()} right <em>before</em> the write: a client in the
 * same JVM can then never see an event before its stamp, and the kernel's loopback delivery is part
 * of every client's error, the raw-socket floor's included. Connections are kept alive, as OkHttp
 * pools them.
 *
 * <p>One thread serves every connection (a selector and a queue of due writes), so 1,024 streams cost
 * one thread, whose CPU time {@link #cpuNanos()} lets the runner subtract it from the process's.
 * It still runs on the same cores as the client; see docs/CALIBRATION.md for what that means.
 */
final class CalibrationEmitter implements AutoCloseable {

    /** The request header that names the stream, so the runner can pair what was sent with what was read. */
    static final String STREAM_HEADER = "X-Calibration-Stream";

    /** Enough for every connection of the largest level arriving at once. */
    private static final int ACCEPT_BACKLOG = 4096;

    /** Below this, waiting in {@code select(ms)} would overshoot; the rest is parked away instead. */
    private static final long SELECT_GRANULARITY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Schedule schedule;
    private final EventScript script;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final Thread thread;
    /** Touched by the emitter thread only. */
    private final PriorityQueue<DueWrite> due = new PriorityQueue<>();
    private final Map<String, EmittedStream> finished = new ConcurrentHashMap<>();
    private final AtomicLong shortWrites = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private volatile boolean closing;
    private volatile Throwable failure;

    private CalibrationEmitter(Schedule schedule) throws IOException {
        this.schedule = schedule;
        this.script = new EventScript(schedule);
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), ACCEPT_BACKLOG);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        this.thread = new Thread(this::serve, "calibration-emitter");
        thread.setDaemon(true);
    }

    /** Listens on 127.0.0.1, on a free port, until {@link #close()}. */
    static CalibrationEmitter start(Schedule schedule) throws IOException {
        CalibrationEmitter emitter = new CalibrationEmitter(schedule);
        emitter.thread.start();
        return emitter;
    }

    Schedule schedule() {
        return schedule;
    }

    EventScript script() {
        return script;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    int port() {
        return server.socket().getLocalPort();
    }

    /** Where the load path's warm-up probe goes: any {@code GET} is answered at once, with no stream. */
    String healthUrl() {
        return baseUrl() + "/health";
    }

    /** What the emitter did for this stream, once its last write is done; each stream is handed out once. */
    Optional<EmittedStream> take(String streamId) {
        return Optional.ofNullable(finished.remove(streamId));
    }

    /** CPU time the emitter's thread has used so far. */
    long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
    }

    /** Connections accepted so far: the load path opens one per call, a kept-alive client one in all. */
    long connectionsAccepted() {
        return accepted.get();
    }

    /** Writes the socket did not take whole (each one is a client that had stopped reading). */
    long shortWrites() {
        return shortWrites.get();
    }

    /** Stops serving and closes every connection; says what broke the emitter, if anything did. */
    @Override
    public void close() {
        closing = true;
        selector.wakeup();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw new IllegalStateException("the calibration emitter failed", failure);
        }
    }

    private void serve() {
        try {
            while (!closing) {
                writeDue();
                waitForWork();
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
        } finally {
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() instanceof EmitterConnection connection) {
                    connection.close();
                }
            }
            closeQuietly();
        }
    }

    /** Until the next write is due or a socket has something, whichever is first. */
    private void waitForWork() throws IOException {
        DueWrite next = due.peek();
        if (next == null) {
            selector.select();
            return;
        }
        long wait = next.atNanos() - System.nanoTime();
        if (wait >= SELECT_GRANULARITY_NANOS) {
            selector.select(TimeUnit.NANOSECONDS.toMillis(wait)); // rounds down: never late
        } else {
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            selector.selectNow();
        }
    }

    private void writeDue() throws IOException {
        DueWrite next;
        while ((next = due.peek()) != null && next.atNanos() - System.nanoTime() <= 0) {
            due.poll();
            EmitterConnection connection = next.connection();
            if (!connection.isOpen()) {
                continue; // the client went away mid-stream: the runner counts the stream as failed
            }
            int write = next.write();
            connection.stampWrite(write);
            if (write + 1 < schedule.writes()) {
                due.add(new DueWrite(connection.arrivedNanos() + schedule.dueNanos(write + 1), connection, write + 1));
            } else {
                // Published before the last write: a client that has read [DONE] always finds it.
                EmittedStream stream = connection.finishStream();
                finished.put(stream.streamId(), stream);
            }
            try {
                if (!connection.send(script.write(write))) {
                    shortWrites.incrementAndGet();
                }
            } catch (IOException e) {
                connection.close();
            }
        }
    }

    private void handle(SelectionKey key) throws IOException {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            accept();
            return;
        }
        EmitterConnection connection = (EmitterConnection) key.attachment();
        try {
            if (key.isWritable()) {
                connection.sendUnsent();
            }
            if (key.isReadable()) {
                String streamId = connection.readRequest();
                if (streamId != null) {
                    long arrived = System.nanoTime();
                    connection.startStream(streamId, arrived, schedule.writes());
                    due.add(new DueWrite(arrived + schedule.dueNanos(0), connection, 0));
                }
            }
        } catch (IOException e) {
            connection.close(); // a client closing its pooled connection ends up here too
        }
    }

    private void accept() throws IOException {
        SocketChannel channel;
        while ((channel = server.accept()) != null) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            key.attach(new EmitterConnection(channel, key));
            accepted.incrementAndGet();
        }
    }

    private void closeQuietly() {
        try {
            server.close();
            selector.close();
        } catch (IOException e) {
            // Shutting down: the sockets are gone either way.
        }
    }

    /** Write {@code write} of the stream on {@code connection} is due at {@code atNanos}. */
    private record DueWrite(long atNanos, EmitterConnection connection, int write) implements Comparable<DueWrite> {

        @Override
        public int compareTo(DueWrite other) {
            return Long.compare(atNanos - other.atNanos, 0); // nanoTime may wrap: compare differences
        }
    }
}
