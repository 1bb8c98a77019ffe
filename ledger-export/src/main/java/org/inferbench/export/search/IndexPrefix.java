package org.inferbench.export.search;

import java.util.regex.Pattern;

/**
 * The first part of every index name, {@code <prefix>-<yyyy.MM>}, and the name of the index template.
 * Checked before anything is sent: the store's own rules for index names (lowercase, none of
 * {@code \ / * ? " < > | , #}, no space or colon, not starting with {@code - _ +}), and no wildcard or
 * comma, which would turn {@code <prefix>-2*} into a pattern over other teams' indices.
 *
 * @param value the prefix as given
 */
public record IndexPrefix(String value) {

    /** Lowercase letters, digits, {@code . - _}; a letter or digit first; short enough to leave room for the date. */
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,200}");

    public IndexPrefix {
        if (value == null || !VALID.matcher(value).matches() || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("--index-prefix '" + (value == null ? "" : printable(value))
                    + "': an index prefix is lowercase letters, digits, '.', '-' and '_', starting with a letter "
                    + "or digit (no wildcard, comma, space or colon), at most 201 characters");
        }
    }

    /**
     * The pattern every run's index matches, {@code <prefix>-2*}: the indices are {@code <prefix>-<yyyy.MM>},
     * and {@code <prefix>-*} would also cover another prefix that starts with this one and a dash
     * ({@code weeyuga-benchmarks-staging-*}): the two templates would overlap at the same priority, which the
     * store refuses, and a read-back would read the other's indices. Index patterns know only {@code *}, so
     * the year's first digit it is: years 2000 to 2999.
     */
    public String pattern() {
        return value + "-2*";
    }

    /** The index of a run that started in {@code month} ({@code yyyy.MM}). */
    public String index(String month) {
        return value + "-" + month;
    }

    private static String printable(String text) {
        String shown = text.replaceAll("\\p{Cc}", "?");
        return shown.length() > 60 ? shown.substring(0, 57) + "..." : shown;
    }

    @Override
    public String toString() {
        return value;
    }
}
