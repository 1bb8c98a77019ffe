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
        // The store's credential is a rule of ship's gate alone (ShipGateTest): no archive is checked for it.
        assertEquals(java.util.Arrays.stream(LeakKind.values()).filter(k -> k != LeakKind.STORE_CREDENTIAL).toList(),
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

    /** A run folder or a file named after an address publishes the address as surely as its content would. */
    @Test
    void aLeakInAFileOrFolderNameIsAFindingOnTheName(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("alice@pavilion"));
        Files.writeString(dir.resolve("alice@pavilion/run.log"), "clean\n");
        Files.writeString(dir.resolve("203.0.113.5.log"), "clean\n");
        Files.writeString(dir.resolve("from-2001:db8::5"), "clean\n");
        Files.writeString(dir.resolve("lib-0.7.0.jar"), "clean\n");

        List<String> found = new LeakGate(LeakScanner.builtIn()).check(List.of(dir))
                .stream().map(Finding::toString).toList();

        assertEquals(List.of(
                dir.resolve("203.0.113.5.log") + ": in the name: IPv4 address '203***'",
                dir.resolve("alice@pavilion") + ": in the name: user@host 'alic***'",
                dir.resolve("from-2001:db8::5") + ": in the name: IPv6 address '200***'"), found);
    }

    @Test
    void aFileGivenByItselfHasItsNameCheckedButNotItsFolders(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("198.51.100.7"));
        Path file = Files.writeString(folder.resolve("ssh-alice@mac.txt"), "clean\n");

        List<String> found = new LeakGate(LeakScanner.builtIn()).check(List.of(file))
                .stream().map(Finding::toString).toList();

        assertEquals(List.of(file + ": in the name: user@host 'ssh-***'"), found);
    }

    /** A line longer than a window is checked in overlapping windows: a leak across a window's end is found, once. */
    @Test
    void aLeakAcrossTheWindowsOfAnEnormousLineIsFoundOnce() {
        String line = " ".repeat(TextWindows.WINDOW - 5) + "203.0.113.5" + " ".repeat(TextWindows.WINDOW)
                + "alice@pavilion" + " ".repeat(10);

        List<String> found = new LeakGate(LeakScanner.builtIn()).checkText("ok\n" + line + "\n::1\n", "long.txt")
                .stream().map(Finding::toString).toList();

        assertEquals(List.of("long.txt:2: IPv4 address '203***'", "long.txt:2: user@host 'alic***'",
                "long.txt:3: IPv6 address ':***'"), found);
    }

    @Test
    void crLfAndLoneCrEndLinesAsStringLinesDoes() {
        List<String> found = new LeakGate(LeakScanner.builtIn()).checkText("a\r\nb\rc\n::1", "mixed.txt")
                .stream().map(Finding::toString).toList();

        assertEquals(List.of("mixed.txt:4: IPv6 address ':***'"), found);
    }
}
