package org.inferbench.export.publish;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A regular expression that finds one kind of leak, and a check on what it matched for what a
 * regex says badly (an octet above 255, a digest that is not an address).
 *
 * @param group  the group that is the leak itself, e.g. the value after {@code API_KEY=} and not the name
 * @param accept whether a match of {@code group} really is a leak
 * @param detail added to each finding; empty for the built-in rules
 */
record LeakRule(LeakKind kind, Pattern pattern, int group, Predicate<String> accept, String detail) {

    static LeakRule of(LeakKind kind, String regex) {
        return new LeakRule(kind, Pattern.compile(regex), 0, text -> true, "");
    }

    static LeakRule of(LeakKind kind, String regex, int group, Predicate<String> accept) {
        return new LeakRule(kind, Pattern.compile(regex), group, accept, "");
    }

    /** A {@code --deny} pattern: everything it matches (except the empty string) is a leak. */
    static LeakRule deny(Pattern pattern) {
        return new LeakRule(LeakKind.DENIED, pattern, 0, text -> !text.isEmpty(), "--deny " + pattern.pattern());
    }

    Stream<Leak> find(String line) {
        Matcher m = pattern.matcher(line);
        Stream.Builder<Leak> found = Stream.builder();
        while (m.find()) {
            String text = m.group(group);
            if (text != null && accept.test(text)) {
                found.add(new Leak(kind, m.start(group), text, detail));
            }
        }
        return found.build();
    }

    static List<LeakRule> denying(List<Pattern> patterns) {
        return patterns.stream().map(LeakRule::deny).toList();
    }
}
