package org.inferbench.export.publish;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;

/**
 * {@code catalogue.json}, the index of a public archive (SPEC section 10). Its runs are in date
 * order (then id), and it holds nothing that is not in the run folders, so building it twice gives
 * the same bytes.
 */
@JsonPropertyOrder({"schema_version", "totals", "runs"})
public record Catalogue(
        @JsonProperty("schema_version") String schemaVersion,
        @JsonProperty("totals") CatalogueTotals totals,
        @JsonProperty("runs") List<CatalogueEntry> runs) {

    /** Draft until the first archive is published; a reader checks it before trusting the shape. */
    public static final String SCHEMA_VERSION = "1.0-draft";

    private static final Comparator<CatalogueEntry> ORDER = Comparator
            .comparing(CatalogueEntry::date, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(CatalogueEntry::id);

    static Catalogue of(List<CatalogueEntry> entries) {
        List<CatalogueEntry> sorted = entries.stream().sorted(ORDER).toList();
        return new Catalogue(SCHEMA_VERSION, CatalogueTotals.of(sorted), sorted);
    }
}
