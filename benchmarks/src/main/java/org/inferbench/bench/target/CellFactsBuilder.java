package org.inferbench.bench.target;

import org.inferbench.config.Cell;
import org.inferbench.config.Endpoints;
import org.inferbench.record.CellFacts;

/** Collects what the probe of one cell learned; unknowns stay null (SPEC section 5). */
final class CellFactsBuilder {

    private final Cell cell;
    private final String endpoint;
    private String engineVersion;
    private String modelDigest;
    private String modelPath;
    private Long modelNParams;
    private Long modelSize;

    CellFactsBuilder(Cell cell, String endpoint) {
        this.cell = cell;
        this.endpoint = endpoint;
    }

    CellFactsBuilder engineVersion(String value) {
        engineVersion = value;
        return this;
    }

    CellFactsBuilder modelDigest(String value) {
        modelDigest = value;
        return this;
    }

    CellFactsBuilder modelPath(String value) {
        modelPath = value;
        return this;
    }

    CellFactsBuilder modelNParams(Long value) {
        modelNParams = value;
        return this;
    }

    CellFactsBuilder modelSize(Long value) {
        modelSize = value;
        return this;
    }

    CellFacts reachable() {
        return build(true, null);
    }

    CellFacts unreachable(String reason) {
        return build(false, reason);
    }

    private CellFacts build(boolean reachable, String reason) {
        return new CellFacts(cell.id().toString(), cell.engine().wireName(),
                endpoint == null ? null : Endpoints.redact(endpoint), reachable, reason, engineVersion, modelDigest,
                modelPath, modelNParams, modelSize, cell.ggufSha256().orElse(null));
    }
}
