package org.inferbench.export.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds {@code catalogue.json} from the run folders of an archive (SPEC section 10). A folder that
 * is not a run folder is reported and left out; the others are indexed. Hidden entries under {@code
 * runs/} are passed over (an editor's or a file manager's, not runs).
 *
 * <p>The gate runs on the catalogue before it is written. Any finding and no catalogue is written
 * (the old one stays), and the gate then also runs on each indexed {@code metadata.json}, where a
 * hand-written meta-only entry could hold anything, so that each leak is reported where it can be fixed.
 */
public final class CatalogueBuilder {

    private final LeakScanner scanner;

    public CatalogueBuilder(LeakScanner scanner) {
        this.scanner = scanner;
    }

    /** @throws LeakFoundException when the gate finds anything; the archive is left as it was */
    public CatalogueResult build(Path archive) throws IOException, LeakFoundException {
        List<ArchivedRun> runs = new ArrayList<>();
        List<RejectedRun> rejected = new ArrayList<>();
        for (Path folder : runFolders(archive)) {
            try {
                runs.add(ArchivedRun.read(folder));
            } catch (ArchivedRun.Malformed e) {
                rejected.add(new RejectedRun(folder.getFileName().toString(), e.getMessage()));
            }
        }
        Catalogue catalogue = Catalogue.of(runs.stream().map(r -> CatalogueEntry.of(r.metadata(), r.status())).toList());
        Path target = archive.resolve(ArchiveLayout.CATALOGUE);

        try (StagingArea staging = StagingArea.in(archive)) {
            Path staged = Files.write(staging.dir().resolve(ArchiveLayout.CATALOGUE), ArchiveJson.bytes(catalogue));
            LeakGate gate = new LeakGate(scanner);
            List<Finding> findings = new ArrayList<>(gate.check(staged, target.toString()));
            if (!findings.isEmpty()) {
                // Where each leak comes from, so it can be fixed there; only now, to keep the clean case to one pass.
                findings.addAll(gate.check(runs.stream().map(ArchivedRun::metadataFile).toList()));
                throw new LeakFoundException(findings.stream().sorted().toList());
            }
            return new CatalogueResult(target, staging.publish(staged, target), catalogue.totals(), rejected);
        }
    }

    private static List<Path> runFolders(Path archive) throws IOException {
        Path runs = archive.resolve(ArchiveLayout.RUNS);
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(runs)) {
            return children.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }
}
