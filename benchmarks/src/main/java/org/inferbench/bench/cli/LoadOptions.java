package org.inferbench.bench.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.inferbench.bench.preflight.ExitCode;
import org.inferbench.bench.preflight.HarnessExit;
import org.inferbench.config.Defaults;
import org.inferbench.config.DurationText;
import org.inferbench.load.Arrivals;
import org.inferbench.load.LoadSpec;
import org.inferbench.load.Slo;
import org.inferbench.record.LoadMode;

/**
 * The load run the command line asks for, if any: {@code --concurrency} (closed loop) or {@code --rate} (open
 * loop) and the options around them, resolved against {@link Defaults} into a {@link LoadSpec}. A mistake is one
 * line and exit 2, naming the option; an option that only makes sense in the other loop, or without a load run,
 * is refused rather than silently ignored.
 */
final class LoadOptions {

    /** Options that shape a load run; each needs --concurrency or --rate. */
    private static final Set<HarnessFlag> LOAD_ONLY = EnumSet.of(HarnessFlag.REQUESTS, HarnessFlag.DURATION,
            HarnessFlag.ARRIVALS, HarnessFlag.BURSTINESS, HarnessFlag.SEED, HarnessFlag.MAX_CONCURRENCY,
            HarnessFlag.RAMP_UP, HarnessFlag.SLO, HarnessFlag.STOP_ON_SATURATION);

    private LoadOptions() {
    }

    /** @throws HarnessExit ({@link ExitCode#USAGE}) naming the option that is wrong */
    static Optional<LoadSpec> from(HarnessOptions options) {
        boolean closed = options.has(HarnessFlag.CONCURRENCY);
        boolean open = options.has(HarnessFlag.RATE);
        if (closed && open) {
            throw usage("--concurrency and --rate are two kinds of load run: give one");
        }
        if (!closed && !open) {
            LOAD_ONLY.stream().filter(options::has).findFirst().ifPresent(flag -> {
                throw usage(flag.flagName() + " shapes a load run: add --concurrency N,... or --rate R,...");
            });
            return Optional.empty();
        }
        if (options.has(HarnessFlag.SMOKE) || options.has(HarnessFlag.PROBE)) {
            throw usage((options.has(HarnessFlag.SMOKE) ? "--smoke" : "--probe") + " is not a load run");
        }
        refuseOther(options, closed ? HarnessFlag.ARRIVALS : null, "--rate");
        refuseOther(options, closed ? HarnessFlag.BURSTINESS : null, "--rate");
        refuseOther(options, closed ? HarnessFlag.SEED : null, "--rate");
        refuseOther(options, closed ? HarnessFlag.MAX_CONCURRENCY : null, "--rate");

        LoadMode mode = closed ? LoadMode.CLOSED : LoadMode.OPEN;
        HarnessFlag levelsFlag = closed ? HarnessFlag.CONCURRENCY : HarnessFlag.RATE;
        List<Double> levels = levels(levelsFlag, options.value(levelsFlag).orElseThrow());
        Arrivals arrivals = value(options, HarnessFlag.ARRIVALS, Arrivals::parse).orElse(Arrivals.POISSON);
        Optional<Double> burstiness = value(options, HarnessFlag.BURSTINESS, LoadOptions::positiveNumber);
        if (burstiness.isPresent() != (arrivals == Arrivals.GAMMA) && !closed) {
            throw usage(arrivals == Arrivals.GAMMA ? "--arrivals gamma needs --burstiness CV (the gaps' coefficient of"
                    + " variation)" : "--burstiness goes with --arrivals gamma");
        }
        try {
            return Optional.of(LoadSpec.of(mode, levels,
                    value(options, HarnessFlag.REQUESTS, LoadOptions::positiveWhole),
                    value(options, HarnessFlag.DURATION, LoadOptions::positiveDuration),
                    arrivals, burstiness.orElse(0.0),
                    value(options, HarnessFlag.SEED, Long::parseLong).orElse(Defaults.LOAD_SEED),
                    value(options, HarnessFlag.MAX_CONCURRENCY, LoadOptions::positiveWhole),
                    value(options, HarnessFlag.RAMP_UP, DurationText::parse).orElse(Duration.ZERO),
                    value(options, HarnessFlag.SLO, Slo::parse),
                    options.has(HarnessFlag.STOP_ON_SATURATION)));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private static void refuseOther(HarnessOptions options, HarnessFlag flag, String loop) {
        if (flag != null && options.has(flag)) {
            throw usage(flag.flagName() + " goes with " + loop + ", not with "
                    + (loop.equals("--rate") ? "--concurrency" : "--rate"));
        }
    }

    private static List<Double> levels(HarnessFlag flag, String text) {
        List<Double> levels = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                levels.add(flag == HarnessFlag.CONCURRENCY ? positiveWhole(part) : positiveNumber(part));
            } catch (IllegalArgumentException e) {
                throw usage(flag.flagName() + " " + text + ": '" + part.strip() + "' is not "
                        + (flag == HarnessFlag.CONCURRENCY ? "a whole number of at least 1" : "a rate above 0"));
            }
        }
        return levels;
    }

    private static <T> Optional<T> value(HarnessOptions options, HarnessFlag flag, Function<String, T> parse) {
        Optional<String> text = options.value(flag);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(text.get()));
        } catch (IllegalArgumentException e) {
            String why = e instanceof NumberFormatException ? "not a number" : e.getMessage();
            throw usage(flag.flagName() + " " + text.get() + ": " + why);
        }
    }

    private static int positiveWhole(String text) {
        int value = Integer.parseInt(text.strip());
        if (value < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        return value;
    }

    private static double positiveNumber(String text) {
        double value = Double.parseDouble(text.strip());
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("must be a number above 0");
        }
        return value;
    }

    private static Duration positiveDuration(String text) {
        Duration duration = DurationText.parse(text);
        if (duration.isZero()) {
            throw new IllegalArgumentException("must be above zero");
        }
        return duration;
    }

    private static HarnessExit usage(String message) {
        return new HarnessExit(ExitCode.USAGE, message);
    }
}
