package org.inferbench.export.publish;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression that finds one kind of leak, and a check on what it matched for what a
 * regex says badly (an octet above 255, a digest that is not an address).
 *
 * <p>Most lines hold none of what a rule looks for, and a regex costs far more than a substring
 * search, so a rule names the lower-case literals ({@code hints}) without one of which it cannot
 * match, and is not run on a line that has none of them. That keeps the catalogue of a thousand runs,
 * gated in a fresh JVM, inside its time budget.
 *
 * @param group  the group that is the leak itself, e.g. the value after {@code API_KEY=} and not the name
 * @param accept whether a match of {@code group} really is a leak
 * @param detail added to each finding; empty for the built-in rules
 * @param hints  lower-case literals, one of which any match contains; empty: run on every line
 */
record LeakRule(LeakKind kind, Pattern pattern, int group, Predicate<String> accept, String detail, List<String> hints) {

    static LeakRule of(LeakKind kind, List<String> hints, String regex) {
        return new LeakRule(kind, Pattern.compile(regex), 0, text -> true, "", hints);
    }

    static LeakRule of(LeakKind kind, List<String> hints, String regex, int group, Predicate<String> accept) {
        return new LeakRule(kind, Pattern.compile(regex), group, accept, "", hints);
    }

    /** A {@code --deny} pattern: everything it matches (except the empty string) is a leak. */
    static LeakRule deny(Pattern pattern) {
        return new LeakRule(LeakKind.DENIED, pattern, 0, text -> !text.isEmpty(), "--deny " + pattern.pattern(), List.of());
    }

    /**
     * Adds the leaks of this rule in {@code line} to {@code found}. Plain loops, no streams: this runs
     * for every rule on every line of everything published.
     *
     * @param lowerCase {@code line} in lower case (Locale.ROOT), computed once for all rules
     */
    void find(String line, String lowerCase, List<Leak> found) {
        if (!mayMatch(lowerCase)) {
            return;
        }
        Matcher m = pattern.matcher(line);
        while (m.find()) {
            String text = m.group(group);
            if (text != null && accept.test(text)) {
                found.add(new Leak(kind, m.start(group), text, detail));
            }
        }
    }

    private boolean mayMatch(String lowerCase) {
        if (hints.isEmpty()) {
            return true;
        }
        for (String hint : hints) {
            if (lowerCase.contains(hint)) {
                return true;
            }
        }
        return false;
    }

    /** A secret the leak gate must find wherever it is, given as a literal (never as a pattern a message could show). */
    static LeakRule secret(String secret) {
        return new LeakRule(LeakKind.STORE_CREDENTIAL, Pattern.compile(Pattern.quote(secret)), 0, text -> true, "",
                List.of(secret.toLowerCase(Locale.ROOT)));
    }

    static List<LeakRule> denying(List<Pattern> patterns) {
        return patterns.stream().map(LeakRule::deny).toList();
    }
}
