package org.inferbench.bench.preflight;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.inferbench.record.LoadAverage;

/**
 * The machine's load average over 1, 5 and 15 minutes, as {@code os.getloadavg()} gives it (the methodology's
 * definition, SPEC section 5). The JVM tells only the 1-minute figure, so the three are read where the operating
 * system keeps them: {@code /proc/loadavg} on Linux, {@code sysctl -n vm.loadavg} on macOS; elsewhere the JVM's
 * 1-minute figure alone.
 */
final class SystemLoad {

    private static final Path PROC_LOADAVG = Path.of("/proc/loadavg");
    /** {@code sysctl} answers at once; a hung one must not hold the run's start. */
    private static final long SYSCTL_TIMEOUT_MS = 2_000;

    private SystemLoad() {
    }

    static Optional<LoadAverage> read() {
        return procLoadavg().or(SystemLoad::sysctl).or(SystemLoad::jvm);
    }

    /** {@code "0.52 0.58 0.59 1/467 12345"}: the first three fields. */
    static Optional<LoadAverage> parse(String text) {
        String[] fields = text.strip().replace("{", "").replace("}", "").strip().split("\\s+");
        if (fields.length < 3) {
            return Optional.empty();
        }
        try {
            double one = Double.parseDouble(fields[0]);
            double five = Double.parseDouble(fields[1]);
            double fifteen = Double.parseDouble(fields[2]);
            if (!(one >= 0 && five >= 0 && fifteen >= 0)) {
                return Optional.empty();
            }
            return Optional.of(new LoadAverage(one, five, fifteen));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<LoadAverage> procLoadavg() {
        if (!Files.isRegularFile(PROC_LOADAVG)) {
            return Optional.empty();
        }
        try {
            return parse(Files.readString(PROC_LOADAVG, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** macOS: {@code "{ 1.23 1.45 1.67 }"}. */
    private static Optional<LoadAverage> sysctl() {
        try {
            Process process = new ProcessBuilder("sysctl", "-n", "vm.loadavg")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(SYSCTL_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            byte[] out = process.getInputStream().readNBytes(256);
            return process.exitValue() == 0 ? parse(new String(out, StandardCharsets.US_ASCII)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<LoadAverage> jvm() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? Optional.empty() : Optional.of(LoadAverage.ofOneMinute(load));
    }
}
