package org.inferbench.export.publish;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.inferbench.export.read.InputFiles;
import org.inferbench.export.read.InputLimits;
import org.inferbench.ledger.Ledger;
import org.inferbench.ledger.LedgerWriter;
import org.inferbench.record.LedgerLine;

/**
 * Publishes one run as {@code runs/<id>/} (SPEC section 10): the sanitized ledger, its report, the
 * sanitized console log and the metadata, written whole into a {@link StagingArea}, checked by the
 * {@link LeakGate}, and moved into place only when the gate finds nothing. Packaging the same run
 * again gives the same bytes, and leaves an identical folder untouched.
 */
public final class RunPackager {

    private final LeakScanner scanner;
    private final RunReport report;

    public RunPackager(LeakScanner scanner, RunReport report) {
        this.scanner = scanner;
        this.report = report;
    }

    /**
     * @param log the harness's console output of the run, when there is one
     * @throws LeakFoundException when the gate finds anything sanitizing could not fix; nothing is written
     * @throws UnpublishableRunException when the run id cannot name a folder or a cell id does not parse
     */
    public PackageResult pack(Ledger ledger, Optional<Path> log, Path archive) throws IOException, LeakFoundException {
        TextRedaction redaction = TextRedaction.forRun(ledger.meta());
        Ledger clean = new LedgerSanitizer(redaction, scanner).sanitize(ledger);
        Path target;
        RunMetadata metadata;
        try {
            target = ArchiveLayout.runFolder(archive, ledger.meta().benchmarkRunId());
            metadata = RunMetadata.of(clean);
        } catch (IllegalArgumentException e) {
            throw new UnpublishableRunException(e.getMessage(), e);
        }
        Optional<String> cleanLog = log.isEmpty() ? Optional.empty() : Optional.of(redaction.apply(readText(log.get())));

        try (StagingArea staging = StagingArea.in(archive)) {
            Path folder = Files.createDirectory(staging.dir().resolve(target.getFileName()));
            writeLedger(clean, folder.resolve(ArchiveLayout.LEDGER));
            report.write(clean, folder);
            if (cleanLog.isPresent()) {
                Files.writeString(folder.resolve(ArchiveLayout.LOG), cleanLog.get());
            }
            Files.write(folder.resolve(ArchiveLayout.METADATA), ArchiveJson.bytes(metadata));

            List<Finding> findings = new LeakGate(scanner).check(folder, target.toString());
            if (!findings.isEmpty()) {
                throw new LeakFoundException(findings);
            }
            return new PackageResult(target, staging.publish(folder, target));
        }
    }

    /** Through the harness's own writer: the same records, the same bytes per line, in file order. */
    private static void writeLedger(Ledger ledger, Path file) throws IOException {
        try (LedgerWriter writer = LedgerWriter.create(file, ledger.meta())) {
            for (LedgerLine line : ledger.lines()) {
                writer.append(line);
            }
        }
    }

    private static String readText(Path file) throws IOException {
        InputFiles.requireRegularFile(file, InputLimits.PACKAGED_LOG_BYTES, "a run log");
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": not UTF-8 text", e);
        }
    }
}
