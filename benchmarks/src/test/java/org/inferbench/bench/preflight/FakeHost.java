package org.inferbench.bench.preflight;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.inferbench.config.Environment;
import org.inferbench.record.LoadAverage;

/** A machine with the load, working tree, lock file and environment a test chooses. */
public record FakeHost(Optional<LoadAverage> load, GitState git, Path lockFile, Map<String, String> variables) implements Host {

    /** A quiet machine with a clean tree. */
    public static FakeHost quiet(Path lockFile) {
        return new FakeHost(Optional.of(new LoadAverage(0.5, 0.4, 0.3)), new GitState("0123abc", Path.of("/repo"), List.of()),
                lockFile, Map.of());
    }

    /** A machine whose 1-minute load is {@code value} (the 5 and 15 minute figures are lower: a load that rises). */
    public FakeHost withLoad(double value) {
        return new FakeHost(Optional.of(new LoadAverage(value, value / 2, value / 4)), git, lockFile, variables);
    }

    /** The same machine with the working tree {@code value}. */
    public FakeHost withGit(GitState value) {
        return new FakeHost(load, value, lockFile, variables);
    }

    /** The same machine with the environment {@code value}. */
    public FakeHost withVariables(Map<String, String> value) {
        return new FakeHost(load, git, lockFile, value);
    }

    @Override
    public Optional<LoadAverage> loadAverage() {
        return load;
    }

    @Override
    public GitState git(Path workingDirectory) {
        return git;
    }

    @Override
    public Environment environment() {
        return Environment.of(variables);
    }

    @Override
    public String hostname() {
        return "test-host";
    }
}
