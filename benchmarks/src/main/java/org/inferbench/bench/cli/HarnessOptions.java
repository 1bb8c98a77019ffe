package org.inferbench.bench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.inferbench.bench.preflight.ExitCode;
import org.inferbench.bench.preflight.HarnessExit;
import org.inferbench.config.Defaults;

/**
 * The harness's options, separated from JMH's. Every argument starting with {@code --} is the
 * harness's (JMH's options have one dash), except the value of a JMH option that passes JVM
 * arguments ({@code -jvmArgs "--add-opens ..."}). Everything else goes to JMH's parser untouched.
 *
 * @param values  the values of the other options that take one (the load run's), as given
 * @param jmhArgs the arguments left for JMH, in their order
 */
record HarnessOptions(Path cellsYaml, Path promptsYaml, Path ledgerDir, Set<HarnessFlag> switches,
                      Map<HarnessFlag, String> values, List<String> jmhArgs) {

    /** JMH options whose value may itself start with {@code --}. */
    private static final Set<String> JMH_JVM_ARG_OPTIONS = Set.of("-jvmArgs", "-jvmArgsAppend", "-jvmArgsPrepend");

    HarnessOptions {
        switches = switches.isEmpty() ? EnumSet.noneOf(HarnessFlag.class) : EnumSet.copyOf(switches);
        values = values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(values));
        jmhArgs = List.copyOf(jmhArgs);
    }

    boolean has(HarnessFlag flag) {
        return switches.contains(flag) || values.containsKey(flag);
    }

    /** The value given for {@code flag}, if it was given. */
    Optional<String> value(HarnessFlag flag) {
        return Optional.ofNullable(values.get(flag));
    }

    /** @throws HarnessExit ({@link ExitCode#USAGE}) on an unknown {@code --} option or a missing value */
    static HarnessOptions parse(String... args) {
        Path cells = Path.of(Defaults.CELLS_YAML);
        Path prompts = Path.of(Defaults.PROMPTS_YAML);
        Path ledger = Path.of(Defaults.LEDGER_DIR);
        Set<HarnessFlag> switches = EnumSet.noneOf(HarnessFlag.class);
        Map<HarnessFlag, String> values = new EnumMap<>(HarnessFlag.class);
        List<String> jmh = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            boolean jvmArgValue = i > 0 && JMH_JVM_ARG_OPTIONS.contains(args[i - 1]);
            if (!arg.startsWith("--") || jvmArgValue) {
                jmh.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            HarnessFlag flag = HarnessFlag.named(name).orElseThrow(() -> new HarnessExit(ExitCode.USAGE,
                    "unknown option " + name + "; the harness's options are " + known()
                            + ", JMH's start with one dash (-h lists both)"));
            if (!flag.takesValue()) {
                if (eq >= 0) {
                    throw new HarnessExit(ExitCode.USAGE, name + " takes no value");
                }
                switches.add(flag);
                continue;
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new HarnessExit(ExitCode.USAGE, name + " needs a value: " + name + " " + flag.valueName());
            }
            if (value.isEmpty()) {
                throw new HarnessExit(ExitCode.USAGE, name + " needs a value: " + name + " " + flag.valueName());
            }
            switch (flag) {
                case CELLS_YAML -> cells = Path.of(value);
                case PROMPTS_YAML -> prompts = Path.of(value);
                case LEDGER_DIR -> ledger = Path.of(value);
                default -> {
                    if (values.put(flag, value) != null) {
                        throw new HarnessExit(ExitCode.USAGE, name + " is given twice");
                    }
                }
            }
        }
        return new HarnessOptions(cells, prompts, ledger, switches, values, jmh);
    }

    private static String known() {
        return Arrays.stream(HarnessFlag.values()).map(HarnessFlag::flagName).collect(Collectors.joining(", "));
    }
}
