package org.inferbench.bench.preflight;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.inferbench.config.Environment;
import org.inferbench.record.LoadAverage;

/** The real machine: the load average, the {@code git} command, the host's lock ({@link LockLocation}). */
final class SystemHost implements Host {

    @Override
    public Optional<LoadAverage> loadAverage() {
        return SystemLoad.read();
    }

    @Override
    public GitState git(Path workingDirectory) {
        Optional<String> root = git(workingDirectory, "rev-parse", "--show-toplevel");
        if (root.isEmpty()) {
            return GitState.none();
        }
        String sha = git(workingDirectory, "rev-parse", "HEAD").map(String::strip).orElse(null);
        String status = git(workingDirectory, "status", "--porcelain", "-z", "--untracked-files=all").orElse("");
        return new GitState(sha, Path.of(root.get().strip()), GitState.parsePorcelainZ(status));
    }

    @Override
    public Path lockFile() {
        return LockLocation.of(environment());
    }

    @Override
    public Environment environment() {
        return Environment.system();
    }

    @Override
    public String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown");
        }
    }

    /** The command's standard output, or empty when git is missing or fails (not a repository). */
    private static Optional<String> git(Path directory, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = process.getInputStream().readAllBytes();
            return process.waitFor() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
