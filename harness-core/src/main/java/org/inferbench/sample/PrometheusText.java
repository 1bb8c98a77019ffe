package org.inferbench.sample;

import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Prometheus text exposition format as llama-server's {@code /metrics} writes it
 * ({@code llamacpp:requests_processing 1}, {@code # HELP} and {@code # TYPE} comments): every sample line whose value
 * is a finite decimal number becomes a value named after its series. Labels, which llama-server does not send, are
 * kept in the name (every character outside {@code [A-Za-z0-9_:]} becoming {@code _}) so that two series never share
 * one name.
 * Timestamps are ignored; NaN, infinities and anything that is not a number are skipped.
 */
final class PrometheusText {

    /** A series name, optional labels (no line break inside), the value, an optional timestamp. */
    private static final Pattern SAMPLE_LINE =
            Pattern.compile("([A-Za-z_:][A-Za-z0-9_:]*)(\\{[^}\\n]*})?[ \\t]+(\\S+)(?:[ \\t]+-?[0-9]+)?[ \\t]*");

    /** Decimal only: Java's parser would also take {@code 0x1p3}, {@code Infinity} and {@code 1d}. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");

    /** Longer lines are skipped unread: no exposition line of an engine is near it, and a regex must stay cheap. */
    private static final int MAX_LINE_CHARS = 4096;

    private PrometheusText() {
    }

    /** @throws SampleFormatException when no line is a sample: this is not an exposition (an HTML page, a 200 stub) */
    static SortedMap<String, Double> parse(String body) throws SampleFormatException {
        SampleValues values = new SampleValues();
        boolean anySampleLine = false;
        for (String rawLine : body.split("\n", -1)) {
            String line = rawLine.strip();
            if (line.isEmpty() || line.startsWith("#") || line.length() > MAX_LINE_CHARS) {
                continue;
            }
            Matcher sample = SAMPLE_LINE.matcher(line);
            if (!sample.matches()) {
                continue;
            }
            anySampleLine = true;
            String value = sample.group(3);
            if (DECIMAL.matcher(value).matches()) {
                String labels = sample.group(2) == null ? "" : sample.group(2);
                values.put(sample.group(1) + labels, Double.parseDouble(value));
            }
        }
        if (!anySampleLine) {
            throw new SampleFormatException("not Prometheus text: no sample line");
        }
        return values.values();
    }
}
