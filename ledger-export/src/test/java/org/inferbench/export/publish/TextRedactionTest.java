package org.inferbench.export.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.inferbench.record.CellFacts;
import org.inferbench.record.MetaRecord;
import org.junit.jupiter.api.Test;

class TextRedactionTest {

    private static CellFacts cell(String id, String endpoint) {
        return CellFacts.builder(id).engine(id.split(":")[1]).endpoint(endpoint).reachable(true).build();
    }

    private static TextRedaction redactionFor(CellFacts... cells) {
        return TextRedaction.forRun(MetaRecord.builder("r").cells(List.of(cells)).build());
    }

    private final TextRedaction redaction = redactionFor(
            cell("mac:ollama:qwen3.5:0.8b", "http://127.0.0.1:11434"),
            cell("pavilion:llamacpp:qwen3.5:0.8b", "http://203.0.113.5:11436/"),
            cell("pavilion:ollama:qwen3.5:0.8b", "http://203.0.113.5:11434"),
            cell("vps50:ollama:llama3.2:1b", "http://[2001:db8::5]:11434"));

    @Test
    void aKnownEndpointBecomesItsNodeAndEngineInEverySpelling() {
        assertEquals("HTTP 503 from pavilion:llamacpp/v1/chat/completions",
                redaction.apply("HTTP 503 from http://203.0.113.5:11436/v1/chat/completions"));
        assertEquals("Failed to connect to /pavilion:ollama", redaction.apply("Failed to connect to /203.0.113.5:11434"));
        assertEquals("at mac:ollama and vps50:ollama", redaction.apply("at http://127.0.0.1:11434 and http://[2001:db8::5]:11434"));
    }

    @Test
    void anAddressAloneBecomesItsNodeWhenOneNodeHasIt() {
        assertEquals("ping pavilion: 3 ms, vps50 and mac", redaction.apply("ping 203.0.113.5: 3 ms, 2001:db8::5 and 127.0.0.1"));
        assertEquals("unknown port pavilion:9999", redaction.apply("unknown port 203.0.113.5:9999"));
    }

    @Test
    void anAddressThatOnlyStartsLikeAKnownOneIsLeftForTheGate() {
        assertEquals("203.0.113.50 and 203.0.113.5.1 and x203.0.113.5",
                redaction.apply("203.0.113.50 and 203.0.113.5.1 and x203.0.113.5"));
    }

    @Test
    void anEndpointSeveralNodesShareIsTheRoute() {
        TextRedaction routed = redactionFor(cell("mac:ollama:a", "http://198.51.100.1:8080"),
                cell("pavilion:llamacpp:b", "http://198.51.100.1:8080"));
        assertEquals("via route/v1", routed.apply("via http://198.51.100.1:8080/v1"));
    }

    @Test
    void everyHomeDirectoryBecomesATilde() {
        assertEquals("~/models/m.gguf, ~/src, ~\\models, \"~\\\\x\"",
                redaction.apply("/home/alice/models/m.gguf, /Users/bob/src, C:\\Users\\carol\\models, \"C:\\\\Users\\\\dan\\\\x\""));
    }

    @Test
    void nullAndCleanTextAreLeftAlone() {
        assertNull(redaction.apply(null));
        assertEquals("qwen3.5:0.8b took 12:34 at 0.7.0", redaction.apply("qwen3.5:0.8b took 12:34 at 0.7.0"));
    }
}
