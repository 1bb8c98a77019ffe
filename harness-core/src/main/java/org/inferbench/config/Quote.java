package org.inferbench.config;

import java.util.Locale;

/**
 * A value from a configuration file as an error message shows it: in double quotes, with line
 * breaks and control characters escaped (the message is one line on a terminal) and cut short
 * (a file may hold a megabyte on one line).
 */
final class Quote {

    private static final int MAX_SHOWN = 60;

    private Quote() {
    }

    private static boolean needsEscape(int c) {
        return Character.isISOControl(c) || !Character.isDefined(c) || Character.getType(c) == Character.FORMAT;
    }

    static String of(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < value.length() && shown < MAX_SHOWN; i = value.offsetByCodePoints(i, 1), shown++) {
            int c = value.codePointAt(i);
            switch (c) {
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (needsEscape(c)) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", c));
                    } else {
                        quoted.appendCodePoint(c);
                    }
                }
            }
        }
        quoted.append('"');
        if (value.codePointCount(0, value.length()) > MAX_SHOWN) {
            quoted.append("...");
        }
        return quoted.toString();
    }

    /** Whether the text can be shown as it is: short, one line, nothing invisible. */
    static boolean isPlain(String value) {
        return value.length() <= MAX_SHOWN && value.codePoints().allMatch(c -> c >= ' ' && !needsEscape(c));
    }
}
