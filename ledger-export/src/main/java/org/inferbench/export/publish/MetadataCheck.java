package org.inferbench.export.publish;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.inferbench.config.CellId;

/**
 * What a {@code metadata.json} cannot say, whoever wrote it: {@code package} writes sane ones, but a
 * meta-only entry is written by hand, and the catalogue would index a typo as a fact (a run dated
 * 2026-13-45, -3 calls, more errors than calls). The first impossible value is the folder's problem.
 */
final class MetadataCheck {

    private MetadataCheck() {
    }

    /** What is impossible in {@code metadata}, said as {@code field 'value' is ...}; empty when nothing is. */
    static Optional<String> problem(RunMetadata metadata) {
        Optional<Instant> started = instant(metadata.startedAtUtc());
        if (started.isEmpty()) {
            return notATime("started_at_utc", metadata.startedAtUtc());
        }
        if (metadata.finishedAtUtc() != null) {
            Optional<Instant> finished = instant(metadata.finishedAtUtc());
            if (finished.isEmpty()) {
                return notATime("finished_at_utc", metadata.finishedAtUtc());
            }
            if (finished.get().isBefore(started.get())) {
                return Optional.of("finished_at_utc '" + metadata.finishedAtUtc() + "' is before started_at_utc '"
                        + metadata.startedAtUtc() + "'");
            }
        }
        for (Count count : new Count[] {new Count("warm_calls", metadata.warmCalls()), new Count("calls", metadata.calls()),
                new Count("errors", metadata.errors()), new Count("skips", metadata.skips())}) {
            if (count.value() != null && count.value() < 0) {
                return Optional.of(count.name() + " " + count.value() + " is negative");
            }
        }
        if (metadata.errors() != null && metadata.calls() != null && metadata.errors() > metadata.calls()) {
            return Optional.of("errors " + metadata.errors() + " is more than calls " + metadata.calls()
                    + " (errors count the calls that failed)");
        }
        for (String cell : metadata.cells()) {
            try {
                CellId.parse(cell);
            } catch (IllegalArgumentException notACell) {
                return Optional.of("cells: '" + cell + "' is not <node>:<engine>:<model>");
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notIso) {
            return Optional.empty();
        }
    }

    private static Optional<String> notATime(String field, String value) {
        return Optional.of(field + " '" + value + "' is not an ISO-8601 UTC time like 2026-11-28T10:00:00Z");
    }

    private record Count(String name, Integer value) {
    }
}
