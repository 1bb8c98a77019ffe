package org.inferbench.export.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The leak gate (SPEC section 10): checks files and folders line by line with a {@link LeakScanner}.
 * {@code scrub} runs it on what the user names; {@code package} and {@code catalogue} run it on
 * everything they are about to publish, as a check independent of the sanitizing that came before.
 *
 * <p>Every file is read as UTF-8 text, malformed bytes replaced: a chart's PNG is checked too (a
 * leak could hide in its metadata), and its "line numbers" then only count newline bytes.
 */
public final class LeakGate {

    private final LeakScanner scanner;

    public LeakGate(LeakScanner scanner) {
        this.scanner = scanner;
    }

    /** Every file under {@code paths} (files, or folders walked in name order), shown as given. Sorted. */
    public List<Finding> check(List<Path> paths) throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (Path path : paths) {
            findings.addAll(check(path, path.toString()));
        }
        return findings.stream().sorted().toList();
    }

    /**
     * Every file under {@code path}, shown as if it were at {@code shownAs}: a staged run folder is
     * reported where it would have been published. Sorted.
     */
    public List<Finding> check(Path path, String shownAs) throws IOException {
        if (!Files.isDirectory(path)) {
            return checkFile(path, shownAs);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        List<Finding> findings = new ArrayList<>();
        for (Path file : files) {
            String relative = path.relativize(file).toString().replace('\\', '/');
            findings.addAll(checkFile(file, shownAs + "/" + relative));
        }
        return findings.stream().sorted().toList();
    }

    private List<Finding> checkFile(Path file, String shownAs) throws IOException {
        return checkText(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), shownAs);
    }

    /** The findings in {@code text}, as if it were the file {@code shownAs}. */
    public List<Finding> checkText(String text, String shownAs) {
        List<Finding> findings = new ArrayList<>();
        int lineNumber = 0;
        for (String line : (Iterable<String>) text.lines()::iterator) {
            lineNumber++;
            for (Leak leak : scanner.scan(line)) {
                findings.add(new Finding(shownAs, lineNumber, leak));
            }
        }
        return findings;
    }
}
