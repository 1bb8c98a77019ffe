package org.inferbench.export.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.inferbench.export.publish.CatalogueBuilder;
import org.inferbench.export.publish.CatalogueResult;
import org.inferbench.export.publish.LeakFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code catalogue ARCHIVE_DIR}: the index of a public archive (SPEC section 10). */
@Command(name = "catalogue", mixinStandardHelpOptions = true,
        description = {"Writes ARCHIVE_DIR/catalogue.json (schema_version 1.0-draft): one entry per run folder, "
                + "in date order, 'complete' when its ledger is there and 'meta-only' when only its metadata is, "
                + "and totals. Reads only each run's metadata.json.",
                "A folder that is not a run folder is reported on stderr and left out. Building twice gives the "
                        + "same bytes. The leak gate (see 'scrub') checks the metadata and the catalogue; on any "
                        + "finding the old catalogue stays."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.SOFTWARE_HELP, ExitCodes.USAGE_HELP, ExitCodes.LEAKS_HELP})
final class CatalogueCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ARCHIVE_DIR", description = "The archive: runs/<id>/ folders.")
    private Path archive;

    @Mixin
    private DenyOption deny;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(archive)) {
            throw new NoSuchFileException(archive.toString());
        }
        try {
            CatalogueResult result = new CatalogueBuilder(deny.scanner()).build(archive);
            PrintWriter err = spec.commandLine().getErr();
            result.rejected().forEach(rejected -> err.println("left out: " + rejected));
            err.flush();
            PrintWriter out = spec.commandLine().getOut();
            out.println(String.format(Locale.ROOT, "%s: %s, %d runs (%d complete, %d meta-only)", result.file(),
                    result.outcome().name().toLowerCase(Locale.ROOT), result.totals().runs(),
                    result.totals().complete(), result.totals().metaOnly()));
            out.flush();
            return ExitCodes.OK;
        } catch (LeakFoundException refused) {
            return LeakReport.print(refused.findings(), refused.getMessage(), spec.commandLine());
        }
    }
}
