package org.inferbench.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A configuration file read as a YAML node tree, which knows every node's line: the loaders turn
 * nodes into records and every mistake into a {@link ConfigException} at the right line.
 *
 * <p>The file is only <em>composed</em> (text to nodes), never <em>constructed</em> into Java
 * objects, so no tag in it can instantiate a type. The limits keep a hostile or broken file cheap:
 * a size cap before reading, aliases and nesting capped while composing.
 */
final class YamlFile {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path path;
    private final Node root;

    private YamlFile(Path path, Node root) {
        this.path = path;
        this.root = root;
    }

    /** @throws ConfigException when the file cannot be read, is not YAML, or holds nothing */
    static YamlFile read(Path path) {
        return of(path, readText(path));
    }

    /** The file's text, read with every check (size, kind of file, UTF-8, printable), not yet composed. */
    static String readText(Path path) {
        String text = decode(path, readBytes(path));
        requirePrintable(path, text);
        return text;
    }

    /** Text already read (from {@link ConfigText}), composed as if read from {@code path}. */
    static YamlFile of(Path path, String text) {
        requirePrintable(path, text);
        Node root = compose(path, text);
        if (root == null) {
            throw new ConfigException(path, 1, null, "the file is empty (or only comments)");
        }
        return new YamlFile(path, root);
    }

    Path path() {
        return path;
    }

    Node root() {
        return root;
    }

    /** A mistake at a node: the line is the node's first line. */
    ConfigException error(Node at, String key, String problem) {
        return new ConfigException(path, lineOf(at), key, problem);
    }

    static int lineOf(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /**
     * At most {@link Defaults#MAX_CONFIG_FILE_BYTES} bytes of a regular file. Anything else is refused
     * before it is opened: opening a FIFO blocks until someone writes to it, and {@code /dev/zero}
     * reports size 0 and never ends. The read itself is bounded too, for a file that grows meanwhile.
     */
    private static byte[] readBytes(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                throw new ConfigException(path, 0, null, "is a directory, not a file");
            }
            if (!attributes.isRegularFile()) {
                throw new ConfigException(path, 0, null,
                        "not a regular file (a device, a FIFO or a socket); give the path of a YAML file");
            }
            if (attributes.size() > Defaults.MAX_CONFIG_FILE_BYTES) {
                throw tooLarge(path, attributes.size());
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes(Defaults.MAX_CONFIG_FILE_BYTES + 1);
            }
            if (bytes.length > Defaults.MAX_CONFIG_FILE_BYTES) {
                throw tooLarge(path, Math.max(bytes.length, Files.size(path))); // It grew while we looked.
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new ConfigException(path, 0, null, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new ConfigException(path, 0, null, "permission denied", e);
        } catch (IOException e) {
            throw new ConfigException(path, 0, null, "cannot read the file: " + e, e);
        }
    }

    private static ConfigException tooLarge(Path path, long size) {
        return new ConfigException(path, 1, null, String.format(Locale.ROOT,
                "the file has %d bytes, more than the %d a configuration file may have: is it the right file?",
                size, Defaults.MAX_CONFIG_FILE_BYTES));
    }

    /** Strict UTF-8: a stray byte is reported at its line rather than read as a replacement character. */
    private static String decode(Path path, byte[] bytes) {
        int start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            throw new ConfigException(path, lineAtByte(bytes, bad), null, String.format(Locale.ROOT,
                    "not UTF-8 text: byte 0x%02x at offset %d; save the file as UTF-8", bytes[bad] & 0xff, bad));
        }
        return out.flip().toString();
    }

    private static int lineAtByte(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * YAML allows only printable characters; checked here, where the line is known, because
     * SnakeYAML reports it with a position in the stream only.
     */
    private static void requirePrintable(Path path, String text) {
        int line = 1;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            int c = text.codePointAt(i);
            if (c == '\n') {
                line++;
            } else if (!StreamReader.isPrintable(c)) {
                throw new ConfigException(path, line, null, String.format(Locale.ROOT,
                        "character U+%04X is not allowed in a YAML file", c));
            }
        }
    }

    private static Node compose(Path path, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Defaults.MAX_CONFIG_FILE_BYTES);
        options.setMaxAliasesForCollections(Defaults.MAX_YAML_ALIASES);
        options.setNestingDepthLimit(Defaults.MAX_YAML_NESTING);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        LineTracking parser = new LineTracking(new ParserImpl(new StreamReader(text), options));
        try {
            return new Composer(parser, new Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            throw malformed(path, e);
        } catch (YAMLException e) {
            // The limits (aliases, nesting) throw without a mark: the last event read is where it tripped.
            throw new ConfigException(path, parser.line(), null, "malformed YAML: " + e.getMessage(), e);
        }
    }

    private static ConfigException malformed(Path path, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        int line = mark == null ? 1 : mark.getLine() + 1;
        StringBuilder problem = new StringBuilder("malformed YAML");
        if (mark != null) {
            problem.append(" at column ").append(mark.getColumn() + 1);
        }
        problem.append(": ").append(e.getProblem() == null ? e.getContext() : e.getProblem().strip());
        Mark context = e.getContextMark();
        if (e.getContext() != null && e.getProblem() != null) {
            problem.append(" (").append(e.getContext().strip());
            if (context != null && context.getLine() + 1 != line) {
                problem.append(" started on line ").append(context.getLine() + 1);
            }
            problem.append(')');
        }
        return new ConfigException(path, line, null, problem.toString(), e);
    }

    /** A parser that remembers the line of the last event it handed out. */
    private static final class LineTracking implements Parser {

        private final Parser delegate;
        private int line = 1;

        LineTracking(Parser delegate) {
            this.delegate = delegate;
        }

        int line() {
            return line;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return delegate.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return delegate.peekEvent();
        }

        @Override
        public Event getEvent() {
            Event event = delegate.getEvent();
            if (event != null && event.getStartMark() != null) {
                line = event.getStartMark().getLine() + 1;
            }
            return event;
        }
    }
}
