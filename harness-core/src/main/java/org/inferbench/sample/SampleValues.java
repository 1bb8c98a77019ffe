package org.inferbench.sample;

import java.util.SortedMap;
import java.util.TreeMap;
import org.inferbench.config.Defaults;

/**
 * Collects the values of one sample with the rules every source shares: finite numbers only, names made of
 * {@code [A-Za-z0-9_:]} (anything else becomes {@code _}) and at most {@link Defaults#MAX_SERVER_KEY_CHARS} long, the
 * first value of a name kept, at most {@link Defaults#MAX_SAMPLE_VALUES} values.
 */
final class SampleValues {

    private final TreeMap<String, Double> values = new TreeMap<>();

    /** Adds the value unless it is not finite, its name is taken or the sample is full. */
    void put(String rawName, double value) {
        if (!Double.isFinite(value) || values.size() >= Defaults.MAX_SAMPLE_VALUES) {
            return;
        }
        String name = sanitize(rawName);
        if (!name.isEmpty()) {
            values.putIfAbsent(name, value);
        }
    }

    SortedMap<String, Double> values() {
        return values;
    }

    static String sanitize(String raw) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < raw.length() && name.length() < Defaults.MAX_SERVER_KEY_CHARS; i++) {
            char c = raw.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == ':';
            name.append(allowed ? c : '_');
        }
        return name.toString();
    }
}
