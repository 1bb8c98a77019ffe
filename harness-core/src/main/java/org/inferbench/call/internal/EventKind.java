package org.inferbench.call.internal;

/** What one SSE data event carried, as far as timing is concerned. */
enum EventKind {
    /** No token: a role-only delta, a finish reason, the usage chunk, {@code [DONE]}. */
    NO_TOKEN,
    /** Reasoning ({@code reasoning_content} / {@code reasoning}) or a tool call, but no answer content. */
    TOKEN,
    /** Answer content (possibly with reasoning beside it). */
    ANSWER_TOKEN
}
