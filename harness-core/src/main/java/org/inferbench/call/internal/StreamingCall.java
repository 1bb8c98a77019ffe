package org.inferbench.call.internal;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.inferbench.call.CallOutcome;
import org.inferbench.call.CallRequest;
import org.inferbench.call.ServerText;
import org.inferbench.record.CallRecord;

/**
 * One measured call, start to outcome, on the calling thread. Create one per call and {@link #run()}
 * it once.
 *
 * <p>Time zero is read when OkHttp starts writing the request ({@link TimeZeroWatcher}); a call that
 * fails before that is timed from the moment it was handed to OkHttp. The body is read with the
 * engine API's {@link StreamFormat} (for SPEC section 2, our {@link SseReader}) right here rather
 * than through OkHttp's {@code EventSources}, whose events arrive on a dispatcher thread: no hand-off
 * between the socket and the stamp. The reader delivers a frame as soon as it is whole, and the
 * ticker is read as the first thing on delivery, before the JSON is parsed.
 *
 * <p>The client's call timeout is the whole-call deadline ({@code Defaults.CALL_DEADLINE}): it
 * covers the body too, so a server that keeps the stream alive with comments forever still ends.
 *
 * <p>Every path ends in exactly one outcome: a clean {@code [DONE]}, a stream error, a refused
 * response, or any throwable, which is described by {@link CallErrors} and never rethrown.
 */
public final class StreamingCall {

    /** Engines behind a routing gateway are named by this response header (SPEC section 2, {@code backend}). */
    static final String BACKEND_HEADER = "X-Weeyuga-Backend";

    /** An error body is read for its message only; 64 KiB holds any real one. */
    private static final long ERROR_BODY_LIMIT = 64 * 1024;

    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final CallSetup setup;
    private final CallRequest request;
    private final ServerMessages messages;
    /** How this call's engine API asks and answers: the one thing that differs between engines. */
    private final StreamFormat format;
    private final StageWatcher stage = new StageWatcher();
    private final WireBytes wireBytes = new WireBytes();

    private TokenTimeline timeline;
    private StreamDecoder recorder;
    private boolean streamOpened;
    private Integer httpStatus;
    private String backend;
    private String error;
    /** The response's Content-Length, -1 when it had none (chunked, or until the connection closes). */
    private long declaredLength = -1;

    public StreamingCall(CallSetup setup, CallRequest request) {
        this.setup = setup;
        this.request = request;
        this.messages = ServerMessages.forRequest(request);
        this.format = StreamFormat.of(request.api());
    }

    public CallOutcome run() {
        String startedAtUtc = UTC_MILLIS.format(setup.wallClock().instant());
        Request httpRequest;
        try {
            httpRequest = format.request(request, setup.userAgent());
        } catch (InvalidCallRequestException e) {
            return rejected(CallErrors.invalidRequest(e.getMessage()), startedAtUtc);
        } catch (RuntimeException e) {
            return rejected(CallErrors.unexpected(e), startedAtUtc);
        }
        Call call = setup.client().newCall(httpRequest);
        call.addEventListener(stage);
        call.addEventListener(wireBytes);
        call.addEventListener(new TimeZeroWatcher(setup.ticker(), this::requestWriteStarted));

        timeline = new TokenTimeline(setup.ticker().read());
        recorder = format.decoder(timeline, messages);
        try {
            exchange(call);
        } catch (Throwable t) {
            long failedAt = setup.ticker().read();
            fail(t, failedAt);
        }
        return outcome(startedAtUtc);
    }

    /** Time zero, from OkHttp's event on the calling thread; a listener that throws fails the call. */
    private void requestWriteStarted(long nanos) {
        timeline.startAt(nanos);
        setup.listener().onStart(nanos);
    }

    private void exchange(Call call) throws IOException {
        try (Response response = call.execute()) {
            long headersAt = setup.ticker().read();
            stage.headersReceived();
            httpStatus = response.code();
            backend = response.header(BACKEND_HEADER);
            setup.listener().onHeaders(headersAt, httpStatus);
            Optional<String> refusal = refusal(response);
            if (refusal.isPresent()) {
                error = refusal.get();
                timeline.end(headersAt);
                return;
            }
            streamOpened = true;
            declaredLength = response.body().contentLength();
            readEvents(response.body().source());
        }
    }

    /** Why this response is not a stream to read: a non-2xx status or another content type. */
    private Optional<String> refusal(Response response) {
        int code = response.code();
        if (code >= 300 && code < 400) {
            return Optional.of(CallErrors.redirect(code));
        }
        if (!response.isSuccessful()) {
            return Optional.of(CallErrors.httpStatus(code, errorMessage(response)));
        }
        MediaType type = response.body().contentType();
        if (!format.accepts(type)) {
            return Optional.of(CallErrors.notAnEventStream(type));
        }
        return Optional.empty();
    }

    private Optional<String> errorMessage(Response response) {
        try {
            return messages.fromErrorBody(response.peekBody(ERROR_BODY_LIMIT).string());
        } catch (IOException e) {
            return Optional.empty(); // The status alone still says what failed.
        }
    }

    private void readEvents(BufferedSource body) throws IOException {
        FrameReader reader = format.frames(body, (type, data) -> {
            long arrivedAt = setup.ticker().read(); // First, so that parsing never delays the stamp.
            recorder.onFrame(arrivedAt, type, data);
            setup.listener().onData(arrivedAt, data);
        });
        while (!recorder.finished() && reader.next()) {
            // Each turn delivers at most one frame to the callback above.
        }
        if (!recorder.finished()) {
            recorder.onEndOfStream(setup.ticker().read(), reader.endedInsideFrame());
        }
    }

    private void fail(Throwable t, long failedAt) {
        error = CallErrors.of(t, stage.stage(), setup.client().connectTimeoutMillis(),
                setup.client().readTimeoutMillis(), setup.client().callTimeoutMillis());
        if (CallErrors.CLOSED_MID_STREAM.equals(error) && declaredLength >= 0) {
            error = CallErrors.bodyShorterThanDeclared(declaredLength);
        }
        if (CallErrors.isInterruption(t)) {
            Thread.currentThread().interrupt(); // Whoever interrupted us (JMH's timeout) must still see it.
        }
        if (!timeline.ended()) {
            timeline.end(failedAt);
        }
    }

    private CallOutcome outcome(String startedAtUtc) {
        String failure = error != null ? error : recorder.error();
        ServerText text = messages.text();
        if (failure != null) {
            failure = text.clean(failure, 2 * ServerMessages.MAX_CHARS); // Our words around the server's.
        }
        GapSummary gaps = timeline.gaps();
        Integer completionTokens = recorder.completionTokens();
        return new CallOutcome(
                timeline.firstDeltaMs(),
                timeline.totalDurationMs(),
                recorder.promptTokens(),
                completionTokens,
                failure != null ? CallRecord.FINISH_ERROR : text.clean(recorder.finishReason()),
                failure,
                timeline.firstTokenMs(),
                timeline.firstContentMs(),
                streamOpened ? recorder.chunks() : null,
                streamOpened ? recorder.contentChars() : null,
                streamOpened ? recorder.reasoningChars() : null,
                gaps.p50Ms(),
                gaps.p95Ms(),
                gaps.maxMs(),
                timeline.tpotMs(completionTokens),
                httpStatus,
                text.clean(recorder.serverTimings()),
                text.clean(recorder.systemFingerprint()),
                text.clean(backend),
                startedAtUtc,
                wireBytes.requestBytes(),
                wireBytes.responseBytes());
    }

    /** A request that never left: nothing was measured. */
    private static CallOutcome rejected(String error, String startedAtUtc) {
        return new CallOutcome(null, null, null, null, CallRecord.FINISH_ERROR, error, null, null, null, null, null,
                null, null, null, null, null, null, null, null, startedAtUtc);
    }
}
