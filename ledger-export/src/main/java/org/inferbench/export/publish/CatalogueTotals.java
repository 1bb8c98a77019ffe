package org.inferbench.export.publish;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The archive at a glance; counts a run's metadata does not give add nothing. */
@JsonPropertyOrder({"runs", "complete", "meta_only", "calls", "errors", "skips"})
public record CatalogueTotals(
        @JsonProperty("runs") int runs,
        @JsonProperty("complete") int complete,
        @JsonProperty("meta_only") int metaOnly,
        @JsonProperty("calls") long calls,
        @JsonProperty("errors") long errors,
        @JsonProperty("skips") long skips) {

    static CatalogueTotals of(List<CatalogueEntry> entries) {
        int complete = (int) entries.stream().filter(e -> e.status() == CatalogueStatus.COMPLETE).count();
        return new CatalogueTotals(entries.size(), complete, entries.size() - complete,
                sum(entries, CatalogueEntry::calls), sum(entries, CatalogueEntry::errors),
                sum(entries, CatalogueEntry::skips));
    }

    private static long sum(List<CatalogueEntry> entries, Function<CatalogueEntry, Integer> count) {
        return entries.stream().map(count).filter(Objects::nonNull).mapToLong(Integer::longValue).sum();
    }
}
