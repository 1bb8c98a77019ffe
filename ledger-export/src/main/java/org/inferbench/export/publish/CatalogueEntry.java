package org.inferbench.export.publish;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One run in the catalogue: what a reader needs to find it without opening its folder.
 *
 * @param path      the run's folder, relative to the archive, ending in {@code /}
 * @param date      the run's {@code started_at_utc}: the catalogue has no date of its own, so that
 *                  building it twice gives the same bytes
 * @param runStatus whether the run itself finished (its metadata's {@code status})
 */
@JsonPropertyOrder({"id", "path", "date", "title", "status", "run_status", "nodes", "engines", "models",
        "prompt_ids", "calls", "errors", "skips"})
public record CatalogueEntry(
        @JsonProperty("id") String id,
        @JsonProperty("path") String path,
        @JsonProperty("date") String date,
        @JsonProperty("title") String title,
        @JsonProperty("status") CatalogueStatus status,
        @JsonProperty("run_status") RunStatus runStatus,
        @JsonProperty("nodes") List<String> nodes,
        @JsonProperty("engines") List<String> engines,
        @JsonProperty("models") List<String> models,
        @JsonProperty("prompt_ids") List<String> promptIds,
        @JsonProperty("calls") Integer calls,
        @JsonProperty("errors") Integer errors,
        @JsonProperty("skips") Integer skips) {

    static CatalogueEntry of(RunMetadata m, CatalogueStatus status) {
        return new CatalogueEntry(m.benchmarkRunId(), ArchiveLayout.RUNS + "/" + m.benchmarkRunId() + "/",
                m.startedAtUtc(), m.titleOrDerived(), status, m.status(), m.nodes(), m.engines(), m.models(),
                m.promptIds(), m.calls(), m.errors(), m.skips());
    }
}
