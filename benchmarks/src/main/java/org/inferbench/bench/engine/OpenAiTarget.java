package org.inferbench.bench.engine;

import java.io.IOException;
import org.inferbench.config.Cell;
import org.inferbench.record.CellFacts;
import org.inferbench.record.ColdKind;

/**
 * Any other OpenAI-compatible server: {@code /v1/models} is the one endpoint they all share. They say
 * nothing about their version and give no control over residency, so there is no true cold call.
 */
final class OpenAiTarget implements EngineTarget {

    @Override
    public String healthPath() {
        return "/v1/models";
    }

    @Override
    public ColdKind coldKind() {
        return ColdKind.NONE;
    }

    @Override
    public CellFacts probe(Cell cell, String endpoint, EngineHttp http) {
        CellFactsBuilder facts = new CellFactsBuilder(cell, endpoint, http.serverText(endpoint));
        try {
            http.get(endpoint, healthPath());
            return facts.reachable();
        } catch (IOException e) {
            return facts.unreachable(e.getMessage());
        }
    }
}
