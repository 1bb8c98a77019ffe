package org.inferbench.config;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad configuration at scale (issue 6): hundreds of broken variants of the shipped files, made by
 * seeded mutations. Whatever the damage, loading either succeeds or throws one
 * {@link ConfigException} whose message starts {@code <file>:<line>:}; never another exception,
 * never a hang. The timeout is a hang guard for the whole batch, not a timing assertion.
 */
class MalformedConfigTest {

    private static final long SEED = 20261128L;
    private static final int VARIANTS_PER_FILE = 400;
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    /** Values that are wrong somewhere: other types, YAML syntax, numbers too large, hostile tags. */
    private static final List<String> ODD_VALUES = List.of(
            "[a, b]", "{x: 1}", "[]", "{}", "42", "-7", "0", "99999999999999999999999999", "1e309", ".nan", "0x40",
            "garbage ::: ][", "null", "~", "\"quoted\"", "'single'", "*undefined", "&anchor", "!!binary aGk=",
            "!!java.lang.Runtime x", "!custom x", "yes", "|", ">", "|-", "- item", "? key", "%directive", "@", "`",
            "\"unclosed", "'unclosed", "{unclosed", "[unclosed", "${", "${1X}", "${A:-${B}}", "http://", "\t", "\\",
            "x".repeat(5000), "é\u0301ü中文😀", "\u202e", "\u00a0");

    @TempDir
    Path dir;

    @Test
    void brokenCellsFilesAreLoadedOrRefusedWithALocation() throws IOException {
        Path shipped = ConfigFiles.repoRoot().resolve(Defaults.CELLS_YAML);
        Environment environment = Environment.of(Map.of("PAVILION_OLLAMA_URL", "http://203.0.113.9:11434"));
        assertSurvivesMutations(Files.readAllBytes(shipped), "cells.yaml", file -> CellsFile.load(file, environment));
    }

    @Test
    void brokenPromptsFilesAreLoadedOrRefusedWithALocation() throws IOException {
        Path shipped = ConfigFiles.repoRoot().resolve(Defaults.PROMPTS_YAML);
        assertSurvivesMutations(Files.readAllBytes(shipped), "prompts.yaml", PromptsFile::load);
    }

    private void assertSurvivesMutations(byte[] original, String name, Function<Path, ?> loader) {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int variant = 0; variant < VARIANTS_PER_FILE; variant++) {
                byte[] text = original;
                StringBuilder applied = new StringBuilder();
                int mutations = 1 + random.nextInt(3);
                for (int m = 0; m < mutations; m++) {
                    Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
                    text = mutation.apply(text, random);
                    applied.append(mutation).append(' ');
                }
                Path file = ConfigFiles.write(dir, name, text);
                String problem = check(file, loader);
                if (problem == null) {
                    outcomes[0]++;
                } else if (problem.isEmpty()) {
                    outcomes[1]++;
                } else {
                    failures.add("variant " + variant + " (" + applied.toString().strip() + "): " + problem);
                }
            }
            for (byte[] special : specialFiles()) {
                String problem = check(ConfigFiles.write(dir, name, special), loader);
                if (problem != null && !problem.isEmpty()) {
                    failures.add("special file of " + special.length + " bytes: " + problem);
                }
            }
        });
        assertTrue(failures.isEmpty(), () -> failures.size() + " variants misbehaved, e.g.\n"
                + String.join("\n", failures.subList(0, Math.min(5, failures.size()))));
        assertTrue(outcomes[1] > VARIANTS_PER_FILE / 4, "most mutations break the file: refused " + outcomes[1]);
    }

    /** null: loaded; empty: refused properly; otherwise what went wrong. */
    private static String check(Path file, Function<Path, ?> loader) {
        Pattern location = Pattern.compile(Pattern.quote(file.toString()) + ":[1-9][0-9]*: \\S.*");
        try {
            loader.apply(file);
            return null;
        } catch (ConfigException e) {
            String message = e.getMessage();
            if (e.line() < 1 || !location.matcher(message).matches()) {
                return "message without a location, or on several lines: " + message;
            }
            return "";
        } catch (Throwable t) {
            return "threw " + t;
        }
    }

    /** Files no line-level mutation produces: a bomb, a 10 MB file, UTF-16, nothing but nesting. */
    private static List<byte[]> specialFiles() {
        StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char level = 'b'; level <= 'z'; level++) {
            bomb.append(level).append(": &").append(level).append(" [")
                    .append(String.join(", ", Collections.nCopies(9, "*" + (char) (level - 1)))).append("]\n");
        }
        byte[] tenMegabytes = new byte[10 << 20];
        Arrays.fill(tenMegabytes, (byte) 'a');
        return List.of(
                bomb.toString().getBytes(StandardCharsets.UTF_8),
                tenMegabytes,
                "cells:\n  - id: a:ollama:m\n".getBytes(StandardCharsets.UTF_16),
                ("x: " + "{a: ".repeat(100_000)).getBytes(StandardCharsets.UTF_8),
                ("x:\n" + "- ".repeat(100_000) + "\n").getBytes(StandardCharsets.UTF_8),
                "&a a: *a\n".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0},
                new byte[0]);
    }

    /** One kind of damage. Works on bytes so that a cut can split a multi-byte character. */
    private enum Mutation {
        DELETE_LINE {
            @Override
            byte[] apply(byte[] text, Random random) {
                List<String> lines = lines(text);
                lines.remove(random.nextInt(lines.size()));
                return join(lines);
            }
        },
        DUPLICATE_LINE {
            @Override
            byte[] apply(byte[] text, Random random) {
                List<String> lines = lines(text);
                int at = random.nextInt(lines.size());
                lines.add(at, lines.get(at));
                return join(lines);
            }
        },
        SWAP_LINES {
            @Override
            byte[] apply(byte[] text, Random random) {
                List<String> lines = lines(text);
                Collections.swap(lines, random.nextInt(lines.size()), random.nextInt(lines.size()));
                return join(lines);
            }
        },
        CHANGE_INDENTATION {
            @Override
            byte[] apply(byte[] text, Random random) {
                List<String> lines = lines(text);
                int at = random.nextInt(lines.size());
                String line = lines.get(at);
                lines.set(at, random.nextBoolean() ? " ".repeat(1 + random.nextInt(3)) + line : line.stripLeading());
                return join(lines);
            }
        },
        REPLACE_VALUE {
            @Override
            byte[] apply(byte[] text, Random random) {
                List<String> lines = lines(text);
                int at = random.nextInt(lines.size());
                String line = lines.get(at);
                int colon = line.indexOf(": ");
                String odd = ODD_VALUES.get(random.nextInt(ODD_VALUES.size()));
                lines.set(at, colon < 0 ? line + odd : line.substring(0, colon + 2) + odd);
                return join(lines);
            }
        },
        TRUNCATE {
            @Override
            byte[] apply(byte[] text, Random random) {
                return Arrays.copyOf(text, random.nextInt(text.length + 1));
            }
        },
        INSERT_TAB {
            @Override
            byte[] apply(byte[] text, Random random) {
                return insert(text, random.nextInt(text.length + 1), "\t".getBytes(StandardCharsets.UTF_8));
            }
        },
        INSERT_UNICODE {
            @Override
            byte[] apply(byte[] text, Random random) {
                int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
                String inserted = Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF
                        ? "\uFFFD" : new String(Character.toChars(codePoint));
                return insert(text, random.nextInt(text.length + 1), inserted.getBytes(StandardCharsets.UTF_8));
            }
        },
        INSERT_RANDOM_BYTES {
            @Override
            byte[] apply(byte[] text, Random random) {
                byte[] garbage = new byte[1 + random.nextInt(8)];
                random.nextBytes(garbage);
                return insert(text, random.nextInt(text.length + 1), garbage);
            }
        },
        INSERT_YAML_SYNTAX {
            @Override
            byte[] apply(byte[] text, Random random) {
                String[] syntax = {":", "- ", "? ", "#", "&x ", "*x", "!", "|", ">", "'", "\"", "%", "{", "}", "[", "]",
                        ",", "---\n", "...\n", "<<: *x\n", "\n"};
                return insert(text, random.nextInt(text.length + 1),
                        syntax[random.nextInt(syntax.length)].getBytes(StandardCharsets.UTF_8));
            }
        },
        DEEP_NESTING {
            @Override
            byte[] apply(byte[] text, Random random) {
                int depth = 10 + random.nextInt(10_000);
                String nested = "[".repeat(depth) + (random.nextBoolean() ? "]".repeat(depth) : "");
                return insert(text, random.nextInt(text.length + 1), nested.getBytes(StandardCharsets.UTF_8));
            }
        },
        ANCHORS_AND_ALIASES {
            @Override
            byte[] apply(byte[] text, Random random) {
                List<String> lines = lines(text);
                int at = random.nextInt(lines.size());
                String line = lines.get(at);
                int colon = line.indexOf(": ");
                if (colon >= 0) {
                    lines.set(at, line.substring(0, colon + 2) + "&x " + line.substring(colon + 2));
                }
                lines.add(random.nextInt(lines.size() + 1), (colon < 0 ? "x: " : line.substring(0, colon + 2)) + "*x");
                return join(lines);
            }
        },
        LINE_ENDINGS {
            @Override
            byte[] apply(byte[] text, Random random) {
                String ending = random.nextBoolean() ? "\r\n" : "\r";
                return new String(text, StandardCharsets.UTF_8).replace("\n", ending).getBytes(StandardCharsets.UTF_8);
            }
        };

        abstract byte[] apply(byte[] text, Random random);

        private static List<String> lines(byte[] text) {
            return new ArrayList<>(Arrays.asList(new String(text, StandardCharsets.UTF_8).split("\n", -1)));
        }

        private static byte[] join(List<String> lines) {
            return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        }

        private static byte[] insert(byte[] text, int at, byte[] inserted) {
            byte[] result = new byte[text.length + inserted.length];
            System.arraycopy(text, 0, result, 0, at);
            System.arraycopy(inserted, 0, result, at, inserted.length);
            System.arraycopy(text, at, result, at + inserted.length, text.length - at);
            return result;
        }
    }
}
