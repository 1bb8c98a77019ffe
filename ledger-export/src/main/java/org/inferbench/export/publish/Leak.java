package org.inferbench.export.publish;

import java.util.Comparator;

/**
 * One leak in one line of text.
 *
 * @param start  index of the first character of {@link #text} in the line
 * @param text   what was matched; never printed whole (see {@link #masked()})
 * @param detail what a finding adds after the kind, e.g. the {@code --deny} pattern; empty if nothing
 */
public record Leak(LeakKind kind, int start, String text, String detail) {

    /** Left to right; of two leaks at one place, the longer one first, so overlaps resolve to it. */
    static final Comparator<Leak> IN_LINE_ORDER = Comparator.comparingInt(Leak::start)
            .thenComparing(Comparator.comparingInt(Leak::end).reversed())
            .thenComparing(Leak::kind);

    /** How many characters of a match a finding shows at most: enough to find it, not enough to use it. */
    private static final int MAX_SHOWN = 4;

    public int end() {
        return start + text.length();
    }

    /**
     * The first few characters and {@code ***}, so that a finding points at the leak without
     * publishing the secret a second time (in a CI log, say).
     */
    public String masked() {
        if (kind == LeakKind.STORE_CREDENTIAL) {
            // The user knows their own credential: even a few characters of it help no one but a reader of the log.
            return "***";
        }
        int shown = Math.max(1, Math.min(MAX_SHOWN, text.length() / 3));
        return text.substring(0, shown) + "***";
    }

    /** "IPv4 address '203***'", the "what" of a {@code path:line: what} finding. */
    public String describe() {
        String what = kind.description() + " '" + masked() + "'";
        return detail.isEmpty() ? what : what + " (" + detail + ")";
    }

    boolean overlaps(Leak other) {
        return start < other.end() && other.start() < end();
    }
}
