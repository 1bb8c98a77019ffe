package org.inferbench.bench.main;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.inferbench.config.Environment;

/** A machine with the load, working tree, lock file and environment a test chooses. */
record FakeHost(OptionalDouble load, GitState git, Path lockFile, Map<String, String> variables) implements Host {

    /** A quiet machine with a clean tree. */
    static FakeHost quiet(Path lockFile) {
        return new FakeHost(OptionalDouble.of(0.5), new GitState("0123abc", Path.of("/repo"), List.of()),
                lockFile, Map.of());
    }

    FakeHost withLoad(double value) {
        return new FakeHost(OptionalDouble.of(value), git, lockFile, variables);
    }

    FakeHost withGit(GitState value) {
        return new FakeHost(load, value, lockFile, variables);
    }

    FakeHost withVariables(Map<String, String> value) {
        return new FakeHost(load, git, lockFile, value);
    }

    @Override
    public OptionalDouble loadAverage() {
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
