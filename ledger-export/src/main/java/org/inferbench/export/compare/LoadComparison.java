package org.inferbench.export.compare;

import java.util.List;

/**
 * The load levels of a run against a baseline's (issue Load): paired by cell, prompt and {@link LevelIdentity},
 * judged by SPEC section 7's thresholds. Empty when neither run has a load level.
 *
 * @param levels         the levels run in both: cells in the baseline's order, then the current run's new ones
 * @param onlyInBaseline levels the baseline ran and the current run did not, in the same order
 * @param onlyInCurrent  the other way round
 */
public record LoadComparison(List<LoadLevelComparison> levels, List<UnpairedLevel> onlyInBaseline,
                             List<UnpairedLevel> onlyInCurrent) {

    public static final LoadComparison NONE = new LoadComparison(List.of(), List.of(), List.of());

    public LoadComparison {
        levels = List.copyOf(levels);
        onlyInBaseline = List.copyOf(onlyInBaseline);
        onlyInCurrent = List.copyOf(onlyInCurrent);
    }

    /** Neither run has a load level: a report has nothing to say about load. */
    public boolean isEmpty() {
        return levels.isEmpty() && onlyInBaseline.isEmpty() && onlyInCurrent.isEmpty();
    }

    /** The levels both runs sent calls at: what a verdict can rest on. */
    public List<LoadLevelComparison> comparable() {
        return levels.stream().filter(LoadLevelComparison::comparable).toList();
    }

    public boolean flagged() {
        return levels.stream().anyMatch(LoadLevelComparison::flagged);
    }

    /** How many metric verdicts, over every level, are {@code verdict}. */
    public long count(Verdict verdict) {
        return levels.stream().flatMap(l -> l.metrics().stream()).filter(m -> m.verdict() == verdict).count();
    }
}
