package org.inferbench.export.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.inferbench.ledger.Ledger;
import org.inferbench.record.CallRecord;
import org.inferbench.record.CellFacts;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.SkippedRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Field by field, on the source fixture: what each kind of field becomes. */
class LedgerSanitizerTest {

    private Ledger source;
    private Ledger clean;

    @BeforeEach
    void sanitizeTheSourceRun() throws Exception {
        source = PublishFixtures.sourceRun();
        clean = sanitizerFor(source.meta()).sanitize(source);
    }

    private static LedgerSanitizer sanitizerFor(MetaRecord meta) {
        return new LedgerSanitizer(TextRedaction.forRun(meta), LeakScanner.builtIn());
    }

    @Test
    void endpointsBecomeNodeAndEngine() {
        assertEquals(List.of("mac:ollama", "pavilion:llamacpp", "vps50:ollama"),
                clean.meta().cells().stream().map(CellFacts::endpoint).toList());
    }

    @Test
    void aModelPathKeepsOnlyTheFileName() {
        assertEquals("Qwen3.5-0.8B-Q4_K_M.gguf", clean.meta().cells().get(1).modelPath());
        assertNull(clean.meta().cells().get(0).modelPath());
    }

    @Test
    void freeTextNamesTheEndpointsAndTheHomeDirectory() {
        assertEquals("Failed to connect to /vps50:ollama", clean.meta().cells().get(2).healthReason());
        assertEquals(List.of("-i", "2", "--allow-dirty", "--ledger-dir", "~/inferbench/docs/BENCHMARKS/runs"),
                clean.meta().harnessFlags());
        assertEquals("HTTP 503 from pavilion:llamacpp/v1/chat/completions: loading model",
                ((CallRecord) clean.lines().get(5)).error());
        assertEquals("health check failed: Failed to connect to /vps50:ollama after 1000 ms",
                ((SkippedRecord) clean.lines().get(6)).reason());
        assertEquals("model still in /api/ps after 30 s at mac:ollama", ((CallRecord) clean.lines().get(8)).coldNote());
    }

    @Test
    void aLocatingFieldIsNamedWhenKnownAndRedactedWhenNot() {
        assertEquals("pavilion:llamacpp", clean.meta().envLlamacppUrl());
        assertEquals("mac", clean.meta().host());

        MetaRecord unknown = withLocators(source.meta(), "203.0.113.99", "http://198.51.100.200:8080");
        MetaRecord sanitized = sanitizerFor(unknown).meta(unknown);

        assertEquals(LedgerSanitizer.REDACTED, sanitized.host());
        assertEquals(LedgerSanitizer.REDACTED, sanitized.envRoute());
    }

    @Test
    void measurementsAndIdentityAreKeptAsTheyAre() {
        assertEquals(source.meta().promptsSha256(), clean.meta().promptsSha256());
        assertEquals(source.meta().cells().get(1).ggufSha256(), clean.meta().cells().get(1).ggufSha256());
        assertEquals(source.meta().cellsPlanned(), clean.meta().cellsPlanned());
        CallRecord before = (CallRecord) source.lines().get(3);
        CallRecord after = (CallRecord) clean.lines().get(3);
        assertEquals(before, after, "a call without free text is unchanged");
        assertEquals(source.lines().size(), clean.lines().size());
    }

    static MetaRecord withId(MetaRecord m, String id) {
        return m.toBuilder().benchmarkRunId(id).build();
    }

    private static MetaRecord withLocators(MetaRecord m, String host, String route) {
        return m.toBuilder().host(host).envRoute(route).build();
    }
}
