package org.inferbench.bench.cli;

import java.util.Locale;
import org.inferbench.HarnessVersion;
import org.inferbench.bench.preflight.ExitCode;
import org.inferbench.config.Defaults;

/**
 * The harness's part of {@code -h}, printed after JMH's, built from {@link HarnessFlag},
 * {@link JmhOptionRule}, {@link ExitCode} and {@link Defaults} so that it cannot drift from the code.
 */
final class HelpText {

    private HelpText() {
    }

    static String render() {
        StringBuilder help = new StringBuilder();
        help.append("\ninferbench ").append(HarnessVersion.get())
                .append(": the cell x prompt matrix on JMH. Usage: java -jar benchmarks.jar [harness options]"
                        + " [JMH options]\n\nHarness options:\n");
        for (HarnessFlag flag : HarnessFlag.values()) {
            String name = flag.takesValue() ? flag.flagName() + " " + flag.valueName() : flag.flagName();
            help.append(entry(name, flag.description()));
        }
        help.append("\nJMH options, as the matrix reads them:\n");
        help.append(entry("-p cell=ID,...", "Only these cells (default: every cell of the cells file; disabled"
                + " ones are recorded as skipped)."));
        help.append(entry("-p prompt=ID,...", "Only these prompts (default: every prompt of the prompts file)."));
        help.append(entry("-i N", "Warm calls per batch (default " + Defaults.WARM_CALLS + "; -i "
                + Defaults.INVESTIGATION_WARM_CALLS + " to investigate a regression). A batch is one cold call,"
                + " then N warm calls."));
        help.append(entry("-f 0|1", "1 (default): a fresh JVM per cell and prompt; 0: all in this JVM."));
        help.append(entry("-rf json -rff FILE", "JMH's results of the whole run; each call's first_delta_ms,"
                + " total_duration_ms, completion_tokens, prompt_tokens, error and cold are secondary metrics"
                + " whose rawData line up with primaryMetric.rawData."));
        help.append(entry("-v NORMAL", "JMH's own output beside the harness's progress lines."));
        for (JmhOptionRule rule : JmhOptionRule.values()) {
            help.append(entry(rule.option(), "M" + rule.reason().substring(1) + " (else exit 2)."));
        }
        help.append("\nExit codes:\n");
        for (ExitCode code : ExitCode.values()) {
            help.append(entry(Integer.toString(code.code()), code.meaning()));
        }
        help.append(entry("130, 143", "interrupted (Ctrl-C, SIGTERM): the shell's 128 + signal; the run printed how"
                + " many calls it kept and where"));
        return help.toString();
    }

    private static String entry(String name, String description) {
        return String.format(Locale.ROOT, "  %-22s %s%n", name, description);
    }
}
