package org.inferbench.sample;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The numbers one poll of a target read (SPEC section 12's {@code sample} line without its cell and times, which the
 * caller knows): finite numbers by name, names in sorted order so that a line's bytes do not depend on the server's.
 *
 * @param source where they come from
 * @param values name to value; never NaN nor infinite
 */
public record Sample(SampleSource source, SortedMap<String, Double> values) {

    public Sample {
        Objects.requireNonNull(source, "source");
        TreeMap<String, Double> copy = new TreeMap<>(values);
        for (Map.Entry<String, Double> value : copy.entrySet()) {
            if (value.getValue() == null || !Double.isFinite(value.getValue())) {
                throw new IllegalArgumentException("not a finite number: " + value.getKey());
            }
        }
        values = Collections.unmodifiableSortedMap(copy);
    }
}
