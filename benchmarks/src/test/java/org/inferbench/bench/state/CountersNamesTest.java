package org.inferbench.bench.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.inferbench.bench.LoadBenchmark;
import org.inferbench.bench.MatrixBenchmark;
import org.inferbench.record.ResultNames;
import org.junit.jupiter.api.Test;

/**
 * JMH names each counter after its field; ledger-export reads them by the names in {@link ResultNames}. A renamed
 * field would silently drop a column from every baseline built from {@code -rf json}: this keeps the two in step.
 */
class CountersNamesTest {

    private static List<String> counters(Class<?> state) {
        return Arrays.stream(state.getDeclaredFields()).filter(f -> Modifier.isPublic(f.getModifiers()))
                .map(Field::getName).toList();
    }

    @Test
    void theCountersAreTheNamesLedgerExportReads() {
        assertEquals(ResultNames.CALL_COUNTERS, counters(CallCounters.class));
        assertEquals(ResultNames.LEVEL_COUNTERS, counters(LevelCounters.class));
        assertEquals(ResultNames.MATRIX_BENCHMARK, MatrixBenchmark.NAME);
        assertEquals(ResultNames.LOAD_BENCHMARK, LoadBenchmark.NAME);
    }
}
