package org.inferbench.bench.engine;

import java.util.Optional;
import org.inferbench.call.ServerText;
import org.inferbench.config.Cell;
import org.inferbench.config.Endpoints;
import org.inferbench.record.CellFacts;

/**
 * Collects what the probe of one cell learned; unknowns stay null (SPEC section 5). Every string a
 * server gave (version, digest, model path, the reason it is not reachable) goes through the cell's
 * {@link ServerText} as the facts are built: bounded, on one line, the cell's credentials redacted.
 */
final class CellFactsBuilder {

    private final Cell cell;
    private final String endpoint;
    private final ServerText serverText;
    private String engineVersion;
    private String modelDigest;
    private String modelPath;
    private Long modelNParams;
    private Long modelSize;

    /** For a cell that was not asked (disabled, no endpoint, no credential): nothing from a server to clean. */
    CellFactsBuilder(Cell cell, String endpoint) {
        this(cell, endpoint, ServerText.forCredentials(endpoint, Optional.empty()));
    }

    CellFactsBuilder(Cell cell, String endpoint, ServerText serverText) {
        this.cell = cell;
        this.endpoint = endpoint;
        this.serverText = serverText;
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
                endpoint == null ? null : Endpoints.redact(endpoint), reachable, serverText.clean(reason),
                serverText.clean(engineVersion), serverText.clean(modelDigest), serverText.clean(modelPath),
                modelNParams, modelSize, cell.ggufSha256().orElse(null));
    }
}
