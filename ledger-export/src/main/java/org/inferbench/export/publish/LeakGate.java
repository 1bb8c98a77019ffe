package org.inferbench.export.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.inferbench.export.read.InputFiles;

/**
 * The leak gate (SPEC section 10): checks files and folders line by line with a {@link LeakScanner}.
 * {@code scrub} runs it on what the user names; {@code package} and {@code catalogue} run it on
 * everything they are about to publish, as a check independent of the sanitizing that came before.
 *
 * <p>Every file is read as UTF-8 text, malformed bytes replaced: a chart's PNG is checked too (a
 * leak could hide in its metadata), and its "line numbers" then only count newline bytes. Files are
 * streamed, a long line in overlapping windows ({@link TextWindows}), so a file of any size is checked
 * in bounded memory. The name of every file and folder is checked too, as line 0: a run folder named
 * after an address publishes the address. A path given that is neither a folder nor a regular file (a
 * FIFO, a device) is refused; inside a folder such an entry has no content to publish, and only its name
 * is checked.
 */
public final class LeakGate {

    /** A file name's extension: a dot and a short word that starts with a letter. */
    private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z][A-Za-z0-9]{0,9}$");

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
     *
     * @throws org.inferbench.export.read.InputFormatException when {@code path} is neither a folder nor a regular file
     */
    public List<Finding> check(Path path, String shownAs) throws IOException {
        List<Finding> findings = new ArrayList<>(checkName(lastName(shownAs), shownAs));
        if (!Files.isDirectory(path)) {
            InputFiles.requireRegularFile(path);
            findings.addAll(checkFile(path, shownAs));
            return findings.stream().sorted().toList();
        }
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(path)) {
            entries = walk.filter(entry -> !entry.equals(path)).sorted().toList();
        }
        for (Path entry : entries) {
            String shown = shownAs + "/" + path.relativize(entry).toString().replace('\\', '/');
            findings.addAll(checkName(entry.getFileName().toString(), shown));
            if (Files.isRegularFile(entry)) {
                findings.addAll(checkFile(entry, shown));
            }
        }
        return findings.stream().sorted().toList();
    }

    /**
     * The findings in a file or folder name, at line {@link Finding#NAME}. The name is also checked
     * without its extension: the rules take {@code 1.2.3.4.jar} for a version, but in a name {@code
     * 203.0.113.5.log} is an address with an extension.
     */
    private List<Finding> checkName(String name, String shownAs) {
        List<Leak> leaks = new ArrayList<>(scanner.scan(name));
        Matcher extension = EXTENSION.matcher(name);
        if (extension.find() && extension.start() > 0) {
            for (Leak leak : scanner.scan(name.substring(0, extension.start()))) {
                if (leaks.stream().noneMatch(leak::overlaps)) {
                    leaks.add(leak);
                }
            }
        }
        return leaks.stream().map(leak -> new Finding(shownAs, Finding.NAME, leak)).toList();
    }

    private static String lastName(String shownAs) {
        String trimmed = shownAs.replaceAll("[/\\\\]+$", "");
        return trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
    }

    private List<Finding> checkFile(Path file, String shownAs) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Reader text = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
            return check(text, shownAs);
        }
    }

    /** The findings in {@code text}, as if it were the file {@code shownAs}. */
    public List<Finding> checkText(String text, String shownAs) {
        try {
            return check(new StringReader(text), shownAs);
        } catch (IOException e) {
            // A StringReader does no I/O.
            throw new UncheckedIOException(e);
        }
    }

    private List<Finding> check(Reader text, String shownAs) throws IOException {
        List<Finding> findings = new ArrayList<>();
        TextWindows.read(text, (line, window, freshFrom) -> {
            for (Leak leak : scanner.scan(window)) {
                if (leak.end() > freshFrom) {
                    findings.add(new Finding(shownAs, line, leak));
                }
            }
        });
        return findings;
    }
}
