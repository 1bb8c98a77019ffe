package org.inferbench.export.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds the leaks in one line of text: the built-in rules plus the user's {@code --deny} patterns. */
public final class LeakScanner {

    private final List<LeakRule> rules;

    /** @param deny extra patterns, each match a leak ({@code --deny PATTERN}) */
    public LeakScanner(List<Pattern> deny) {
        this(Stream.concat(LeakRules.BUILT_IN.stream(), LeakRule.denying(deny).stream()));
    }

    private LeakScanner(Stream<LeakRule> rules) {
        this.rules = rules.toList();
    }

    /**
     * These rules, and each of {@code secrets} a leak wherever it appears ({@link LeakKind#STORE_CREDENTIAL}:
     * a finding shows none of it).
     */
    public LeakScanner denyingSecrets(List<String> secrets) {
        return new LeakScanner(Stream.concat(rules.stream(), secrets.stream().filter(s -> !s.isEmpty())
                .map(LeakRule::secret)));
    }

    /** Only the built-in rules. */
    public static LeakScanner builtIn() {
        return new LeakScanner(List.of());
    }

    /**
     * The leaks in {@code line}, left to right, each thing once: where rules match overlapping text,
     * the longer match is kept ({@code ::ffff:203.0.113.5} is one IPv6 address, not also an IPv4
     * one), and of two equal matches the kind declared first ({@code OPENAI_API_KEY=sk-...} is an
     * API key rather than a secret variable's value).
     */
    public List<Leak> scan(String line) {
        String lowerCase = line.toLowerCase(Locale.ROOT);
        List<Leak> all = new ArrayList<>(0);
        for (LeakRule rule : rules) {
            rule.find(line, lowerCase, all);
        }
        if (all.isEmpty()) {
            return List.of();
        }
        all.sort(Leak.IN_LINE_ORDER);
        List<Leak> kept = new ArrayList<>();
        for (Leak leak : all) {
            if (kept.isEmpty() || !kept.get(kept.size() - 1).overlaps(leak)) {
                kept.add(leak);
            }
        }
        return kept;
    }

    public boolean isClean(String text) {
        return text.lines().allMatch(line -> scan(line).isEmpty());
    }
}
