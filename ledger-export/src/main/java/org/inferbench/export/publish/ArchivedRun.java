package org.inferbench.export.publish;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.inferbench.export.read.InputLimits;
import org.inferbench.record.Json;

/**
 * A run folder as the catalogue sees it: its metadata, and whether its ledger is there. Only {@code
 * metadata.json} is read, never the ledger, so that indexing a thousand runs stays fast.
 */
record ArchivedRun(Path folder, RunMetadata metadata, CatalogueStatus status) {

    Path metadataFile() {
        return folder.resolve(ArchiveLayout.METADATA);
    }

    /** @throws Malformed with a message fit for the user when the folder is not a run folder */
    static ArchivedRun read(Path folder) throws IOException, Malformed {
        if (!Files.isDirectory(folder)) {
            throw new Malformed(folder + ": not a run folder");
        }
        Path file = folder.resolve(ArchiveLayout.METADATA);
        if (!Files.isRegularFile(file)) {
            throw new Malformed(folder + ": no " + ArchiveLayout.METADATA);
        }
        if (Files.size(file) > InputLimits.METADATA_BYTES) {
            throw new Malformed(file + ": larger than " + InputLimits.METADATA_BYTES + " bytes; not a metadata.json");
        }
        RunMetadata metadata;
        try {
            metadata = Json.mapper().readValue(Files.readAllBytes(file), RunMetadata.class);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            int line = where == null ? 1 : Math.max(1, where.getLineNr());
            throw new Malformed(file + ":" + line + ": " + e.getOriginalMessage().lines().findFirst().orElse("not JSON"));
        }
        String name = folder.getFileName().toString();
        if (!name.equals(metadata.benchmarkRunId())) {
            throw new Malformed(file + ": benchmark_run_id '" + metadata.benchmarkRunId()
                    + "' is not the folder's name '" + name + "'");
        }
        if (metadata.startedAtUtc() == null) {
            throw new Malformed(file + ": no started_at_utc");
        }
        Optional<String> impossible = MetadataCheck.problem(metadata);
        if (impossible.isPresent()) {
            throw new Malformed(file + ": " + impossible.get());
        }
        CatalogueStatus status = Files.isRegularFile(folder.resolve(ArchiveLayout.LEDGER))
                ? CatalogueStatus.COMPLETE : CatalogueStatus.META_ONLY;
        return new ArchivedRun(folder, metadata, status);
    }

    /** A folder under {@code runs/} that is not a run folder; its message says where and why. */
    static final class Malformed extends Exception {

        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }
}
