package org.inferbench.bench.state;

import java.time.Instant;
import org.inferbench.call.CallContext;
import org.inferbench.call.CallOutcome;
import org.inferbench.record.CallRecord;

/** The record of a call that could not be made at all: nothing measured, the reason in {@code error}. */
final class FailedCall {

    private FailedCall() {
    }

    static CallRecord record(CallContext context, String error) {
        return new CallOutcome(null, null, null, null, CallRecord.FINISH_ERROR, error, null, null, null, null, null,
                null, null, null, null, null, null, null, null, Instant.now().toString()).toRecord(context);
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : failure.getClass().getSimpleName() + ": " + message;
    }
}
