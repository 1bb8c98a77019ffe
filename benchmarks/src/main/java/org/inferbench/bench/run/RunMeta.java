package org.inferbench.bench.run;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.inferbench.HarnessVersion;
import org.inferbench.bench.preflight.GitState;
import org.inferbench.bench.state.Gateway;
import org.inferbench.config.Endpoints;
import org.inferbench.config.Environment;
import org.inferbench.config.Prompt;
import org.inferbench.config.Prompts;
import org.inferbench.record.CellFacts;
import org.inferbench.record.LoadAverage;
import org.inferbench.record.MetaRecord;
import org.openjdk.jmh.util.Version;

/** The meta record a run starts with (SPEC section 5): who, where, what, with which versions. */
public final class RunMeta {

    /** SPEC section 9: the run's gateway, recorded (redacted) when set; mode B is a run with a routed batch. */
    static final String ROUTE_VARIABLE = Gateway.VARIABLE;
    /** SPEC section 5: recorded when set. */
    static final String LLAMACPP_URL_VARIABLE = "WEEYUGA_QWEN35_LLAMACPP_URL";
    /** What replaces a secret in a recorded URL: the placeholder the leak gate knows. */

    private RunMeta() {
    }

    /**
     * Line 1 of the ledger as the run starts (closed at its end by {@link ClosingMeta}).
     *
     * @param dirtyFiles the uncommitted files that did not stop the run ({@code --allow-dirty})
     * @param flags      the command line the harness was started with
     */
    public static MetaRecord start(String runId, GitState git, List<String> dirtyFiles, String host,
                                   Optional<LoadAverage> load, Environment environment, MatrixPlan plan,
                                   List<CellFacts> facts, List<String> flags, Instant now) {
        String route = environment.get(ROUTE_VARIABLE);
        String llamacppUrl = environment.get(LLAMACPP_URL_VARIABLE);
        return MetaRecord.builder(runId).gitSha(git.sha()).gitDirty(git.repository() ? !dirtyFiles.isEmpty() : null)
                .harnessVersion(HarnessVersion.get()).startedAtUtc(now.toString()).host(host)
                .loadAvgStart(load.orElse(null)).envRoute(recorded(route)).envLlamacppUrl(recorded(llamacppUrl))
                .cellsPlanned(plan.cellIds()).gitDirtyFiles(dirtyFiles.isEmpty() ? null : dirtyFiles).cells(facts)
                .promptsSha256(promptHashes(plan.prompts())).warmCalls(plan.warmCalls())
                .jvmVersion(Runtime.version().toString()).jmhVersion(Version.getPlainVersion()).harnessFlags(flags)
                .mode(plan.routed() ? "B" : "A").build();
    }

    /**
     * A URL from the environment as the meta records it ({@code env_route}, {@code env_llamacpp_url}): as
     * {@link Endpoints#recorded} writes it, without user info, query values or fragment. Null stays null.
     */
    static String recorded(String url) {
        return url == null ? null : Endpoints.recorded(url);
    }

    private static Map<String, String> promptHashes(List<Prompt> prompts) {
        Map<String, String> hashes = new LinkedHashMap<>();
        prompts.forEach(prompt -> hashes.put(prompt.id(), Prompts.sha256(prompt)));
        return hashes;
    }
}
