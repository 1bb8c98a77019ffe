package org.inferbench.export.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.inferbench.export.aggregate.LoadLevelSummary;
import org.inferbench.export.aggregate.RunSummary;

/**
 * Pairs two runs' load levels by cell, prompt and {@link LevelIdentity} and judges each pair by SPEC section 7,
 * through the same {@link Thresholds} as the sequential batches. No I/O.
 *
 * <p>Order, which makes the report deterministic: the baseline's levels as it ran them (cell by cell), then the
 * current run's levels the baseline did not run, as the current run ran them.
 */
final class LoadComparator {

    private LoadComparator() {
    }

    static LoadComparison compare(RunSummary baseline, RunSummary current) {
        if (baseline.loadLevels().isEmpty() && current.loadLevels().isEmpty()) {
            return LoadComparison.NONE;
        }
        Map<Key, LoadLevelSummary> before = index(baseline.loadLevels());
        Map<Key, LoadLevelSummary> after = index(current.loadLevels());
        Set<Key> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());

        List<LoadLevelComparison> paired = new ArrayList<>();
        List<UnpairedLevel> onlyInBaseline = new ArrayList<>();
        List<UnpairedLevel> onlyInCurrent = new ArrayList<>();
        for (Key key : keys) {
            LoadLevelSummary was = before.get(key);
            LoadLevelSummary is = after.get(key);
            if (was != null && is != null) {
                paired.add(compare(key, was, is));
            } else if (was != null) {
                onlyInBaseline.add(new UnpairedLevel(key.cellId, key.promptId, key.level, instead(after, key)));
            } else {
                onlyInCurrent.add(new UnpairedLevel(key.cellId, key.promptId, key.level, instead(before, key)));
            }
        }
        return new LoadComparison(paired, onlyInBaseline, onlyInCurrent);
    }

    private static LoadLevelComparison compare(Key key, LoadLevelSummary baseline, LoadLevelSummary current) {
        List<LoadMetricVerdict> verdicts = new ArrayList<>();
        for (LoadMetric metric : LoadMetric.values()) {
            verdicts.add(LoadMetricVerdict.judge(metric, metric.value(baseline), metric.value(current)));
        }
        return new LoadLevelComparison(key.cellId, key.promptId, key.level, baseline, current, verdicts);
    }

    /** Each level under its key, in run order; a level named twice in a sweep gets repeat 1 the second time. */
    private static Map<Key, LoadLevelSummary> index(List<LoadLevelSummary> levels) {
        Map<Key, LoadLevelSummary> indexed = new LinkedHashMap<>();
        Map<Key, Integer> seen = new HashMap<>();
        for (LoadLevelSummary level : levels) {
            Key first = new Key(level.cellId(), level.promptId(), LevelIdentity.of(level, 0));
            int repeat = seen.merge(first, 1, Integer::sum) - 1;
            indexed.put(new Key(level.cellId(), level.promptId(), LevelIdentity.of(level, repeat)), level);
        }
        return indexed;
    }

    /** What a run has where the other ran {@code key}'s level. */
    private static String instead(Map<Key, LoadLevelSummary> run, Key key) {
        List<Key> onCell = run.keySet().stream().filter(k -> k.cellId.equals(key.cellId)).toList();
        if (onCell.isEmpty()) {
            return "no load level on this cell";
        }
        List<Key> withPrompt = onCell.stream().filter(k -> k.promptId.equals(key.promptId)).toList();
        if (withPrompt.isEmpty()) {
            return "no load level with this prompt on this cell";
        }
        return "level not run; it ran " + withPrompt.stream().map(k -> k.level.label())
                .collect(Collectors.joining("; "));
    }

    private record Key(String cellId, String promptId, LevelIdentity level) {
    }
}
