package org.inferbench.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** The known key a misspelt one was probably meant to be: {@code endpiont} is {@code endpoint}. */
final class DidYouMean {

    /** Two edits catch a swapped pair or a missing letter without suggesting unrelated keys. */
    private static final int MAX_EDITS = 2;

    private DidYouMean() {
    }

    static Optional<String> among(Collection<String> known, String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        return known.stream()
                .filter(candidate -> distance(candidate, lower) <= MAX_EDITS)
                .min(Comparator.comparingInt(candidate -> distance(candidate, lower)));
    }

    /** Levenshtein distance, two rows at a time; keys are short. */
    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > MAX_EDITS) {
            return MAX_EDITS + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
