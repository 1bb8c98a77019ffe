package org.inferbench.export.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate over whole archives: {@code leaky-archive} has a leak of every kind planted at a known
 * line ({@code leaky-archive.findings} lists them); {@code clean-archive} is what publishing
 * produces, and must pass.
 */
class LeakGateTest {

    private static final Pattern DENY = Pattern.compile("lab-gpu-\\d+");

    @Test
    void everyPlantedLeakIsFoundAtItsLine() throws Exception {
        LeakGate gate = new LeakGate(new LeakScanner(List.of(DENY)));

        List<Finding> findings = gate.check(PublishFixtures.resource("leaky-archive"), "leaky-archive");

        assertEquals(Files.readAllLines(PublishFixtures.resource("leaky-archive.findings")),
                findings.stream().map(Finding::toString).toList());
        assertEquals(List.of(LeakKind.values()),
                findings.stream().map(f -> f.leak().kind()).distinct().sorted().toList(), "every kind is planted");
    }

    @Test
    void aPublishedArchiveIsClean() throws Exception {
        LeakGate gate = new LeakGate(new LeakScanner(List.of(DENY)));

        assertEquals(List.of(), gate.check(List.of(PublishFixtures.resource("clean-archive"))));
    }

    @Test
    void pathsAreShownAsGivenAndFindingsSortedByPathThenLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.txt"), "ok\nhost 203.0.113.5\n");
        Files.writeString(dir.resolve("a.txt"), "ssh alice@mac\n\n\n::1\n");

        List<String> found = new LeakGate(LeakScanner.builtIn()).check(List.of(dir.resolve("b.txt"), dir))
                .stream().map(Finding::toString).toList();

        assertEquals(List.of(
                dir.resolve("a.txt") + ":1: user@host 'ali***'",
                dir.resolve("a.txt") + ":4: IPv6 address ':***'",
                dir.resolve("b.txt") + ":2: IPv4 address '203***'",
                dir.resolve("b.txt") + ":2: IPv4 address '203***'"), found);
    }
}
