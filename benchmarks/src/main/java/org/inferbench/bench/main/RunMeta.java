package org.inferbench.bench.main;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.inferbench.HarnessVersion;
import org.inferbench.config.Endpoints;
import org.inferbench.config.Environment;
import org.inferbench.config.Prompt;
import org.inferbench.config.Prompts;
import org.inferbench.record.CellFacts;
import org.inferbench.record.LoadAverage;
import org.inferbench.record.MetaRecord;
import org.openjdk.jmh.util.Version;

/** The meta record a run starts with (SPEC section 5): who, where, what, with which versions. */
final class RunMeta {

    /** SPEC section 9: set, the run is routed (mode B). */
    static final String ROUTE_VARIABLE = "WEEYUGA_INFERENCE_ROUTE";
    /** SPEC section 5: recorded when set. */
    static final String LLAMACPP_URL_VARIABLE = "WEEYUGA_QWEN35_LLAMACPP_URL";

    private RunMeta() {
    }

    /**
     * @param dirtyFiles the uncommitted files that did not stop the run ({@code --allow-dirty})
     * @param flags      the command line the harness was started with
     */
    static MetaRecord start(String runId, GitState git, List<String> dirtyFiles, String host, Optional<LoadAverage> load,
                            Environment environment, MatrixPlan plan, List<CellFacts> facts, List<String> flags,
                            Instant now) {
        String route = environment.get(ROUTE_VARIABLE);
        String llamacppUrl = environment.get(LLAMACPP_URL_VARIABLE);
        return new MetaRecord(MetaRecord.TYPE, runId, git.sha(), git.repository() ? !dirtyFiles.isEmpty() : null,
                HarnessVersion.get(), now.toString(), null, host, load.orElse(null), null,
                route, llamacppUrl == null ? null : Endpoints.redact(llamacppUrl), plan.cellIds(),
                dirtyFiles.isEmpty() ? null : dirtyFiles, facts, promptHashes(plan.prompts()), plan.warmCalls(),
                Runtime.version().toString(), Version.getPlainVersion(), flags, route == null ? "A" : "B", null);
    }

    private static Map<String, String> promptHashes(List<Prompt> prompts) {
        Map<String, String> hashes = new LinkedHashMap<>();
        prompts.forEach(prompt -> hashes.put(prompt.id(), Prompts.sha256(prompt)));
        return hashes;
    }
}
