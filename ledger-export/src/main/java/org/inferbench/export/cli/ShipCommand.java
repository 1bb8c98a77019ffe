package org.inferbench.export.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.inferbench.export.publish.Finding;
import org.inferbench.export.search.SearchClient;
import org.inferbench.export.search.SearchException;
import org.inferbench.export.search.ShipResult;
import org.inferbench.export.search.Shipper;
import org.inferbench.time.Sleeper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ship LEDGER... --to URL}: runs into OpenSearch or Elasticsearch, one document per ledger line (SPEC section 12). */
@Command(name = "ship", mixinStandardHelpOptions = true,
        description = {"Ships runs to an OpenSearch or Elasticsearch store through the _bulk API: one document "
                + "per ledger line (meta, call, skipped, level, sample), its fields as in the ledger plus "
                + "ledger_line and metadata {test: true, benchmark_run_id, benchmark_cell_id, benchmark_prompt_id, "
                + "benchmark_phase, benchmark_run_idx, harness_version}, id <run id>:<line>, into PREFIX-yyyy.MM of "
                + "the run's start. Shipping again writes the same documents; a rerun ships what is missing.",
                "First every ledger is sanitized as 'package' does it and checked by the leak gate (see 'scrub'): "
                        + "on any finding nothing is sent. Then the index template PREFIX is installed (or found "
                        + "already installed; a different one is refused unless --replace-template).",
                "A 429, a 5xx, a rejected execution or a broken connection is retried with exponential backoff "
                        + "(Retry-After honoured); a document the store rejects is printed as file:line: why.",
                SearchOptions.CREDENTIALS_HELP},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.SOFTWARE_HELP, ExitCodes.USAGE_HELP, ExitCodes.LEAKS_HELP,
                ExitCodes.NOT_SHIPPED_HELP})
final class ShipCommand implements Callable<Integer> {

    @ParentCommand
    private LedgerExport app;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "1..*", paramLabel = "LEDGER", description = "The runs' ledgers.")
    private List<Path> ledgers;

    @Option(names = "--to", required = true, paramLabel = "URL",
            description = "The store's root, e.g. https://search.example:9200 (no user:password in it).")
    private String to;

    @Mixin
    private SearchOptions search;

    @Option(names = "--replace-template",
            description = "Replace an index template named PREFIX that is not this version's. Without it, such "
                    + "a template (perhaps another team's) is left alone and nothing is shipped.")
    private boolean replaceTemplate;

    @Mixin
    private DenyOption deny;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SearchClient client = search.client("--to", to, app.environment());
        // The store's own credential is a leak too: a ledger quoting it (an error, an echoed header) must not ship it.
        Shipper shipper = new Shipper(client, search.prefix(spec.commandLine()), client.guarding(deny.scanner()),
                Sleeper.system(), err);

        List<Finding> findings = shipper.gate(ledgers);
        if (!findings.isEmpty()) {
            return LeakReport.print(findings, "the leak gate found " + findings.size()
                    + " leak(s) in what would be shipped; nothing was sent", spec.commandLine());
        }
        try {
            out.println(shipper.prepare(replaceTemplate));
            out.flush();
        } catch (SearchException refused) {
            throw refused;
        } catch (IOException unreachable) {
            err.println(spec.qualifiedName() + ": " + to + ": the store cannot be reached ("
                    + client.describe(unreachable) + "); nothing was shipped");
            err.flush();
            return ExitCodes.NOT_SHIPPED;
        }
        boolean complete = true;
        for (Path ledger : ledgers) {
            ShipResult result = shipper.ship(ledger);
            out.println(result.summary());
            out.flush();
            complete &= result.complete();
            if (result.stopped() != null) {
                break;
            }
        }
        return complete ? ExitCodes.OK : ExitCodes.NOT_SHIPPED;
    }
}
