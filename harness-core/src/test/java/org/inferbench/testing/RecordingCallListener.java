package org.inferbench.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.inferbench.call.CallListener;

/** Keeps every stamped moment of a call, in order, as a readable transcript line. */
public final class RecordingCallListener implements CallListener {

    /** One stamped moment: {@code kind} is start, headers or data; {@code detail} the status or the data. */
    public record Stamp(String kind, long nanos, String detail) {
    }

    private final List<Stamp> stamps = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onStart(long nanos) {
        stamps.add(new Stamp("start", nanos, ""));
    }

    @Override
    public void onHeaders(long nanos, int httpStatus) {
        stamps.add(new Stamp("headers", nanos, Integer.toString(httpStatus)));
    }

    @Override
    public void onData(long nanos, String data) {
        stamps.add(new Stamp("data", nanos, data));
    }

    public List<Stamp> stamps() {
        synchronized (stamps) {
            return List.copyOf(stamps);
        }
    }

    /** The kinds in order, e.g. {@code [start, headers, data, data]}. */
    public List<String> kinds() {
        return stamps().stream().map(Stamp::kind).toList();
    }
}
