package org.inferbench.export.publish;

import java.util.regex.Pattern;

/**
 * Whether a run of hex digits, colons and dots is an IPv6 address (RFC 4291 section 2.2), checked
 * after {@link LeakRules#IPV6} found a candidate, since a regex for every compressed form is unreadable.
 */
final class Ipv6 {

    private Ipv6() {
    }

    private static final int GROUPS = 8;
    private static final Pattern HEXTET = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final Pattern IPV4_TAIL = Pattern.compile(
            "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    static boolean isAddress(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return false; // "::" twice, or ":::"
        }
        if (gap < 0) {
            return groups(text, true) == GROUPS;
        }
        String head = text.substring(0, gap);
        String tail = text.substring(gap + 2);
        int headGroups = groups(head, tail.isEmpty());
        int tailGroups = groups(tail, true);
        int total = headGroups + tailGroups;
        // "::" stands for at least one group of zeros; an address needs at least one digit written ("::" alone is not one).
        return headGroups >= 0 && tailGroups >= 0 && total >= 1 && total < GROUPS;
    }

    /**
     * How many 16-bit groups {@code part} holds (an IPv4 tail counts two), or -1 if it is not a
     * run of groups.
     */
    private static int groups(String part, boolean last) {
        if (part.isEmpty()) {
            return 0;
        }
        String[] items = part.split(":", -1);
        int count = 0;
        for (int i = 0; i < items.length; i++) {
            if (HEXTET.matcher(items[i]).matches()) {
                count++;
            } else if (last && i == items.length - 1 && IPV4_TAIL.matcher(items[i]).matches()) {
                count += 2;
            } else {
                return -1;
            }
        }
        return count;
    }
}
