package org.inferbench.export.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.inferbench.export.aggregate.Windows;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --windows}: {@code off}, or a whole number of seconds, minutes or hours ({@code 30s}, {@code 1m}, {@code 1h}). */
final class WindowsConverter implements ITypeConverter<Windows> {

    /** Up to six digits: a million hours is beyond any run, and the number cannot overflow. */
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,6})([smh])");

    @Override
    public Windows convert(String value) {
        if (value.equals("off")) {
            return Windows.off();
        }
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            throw new TypeConversionException("'" + shown(value) + "' is not a window: give a duration such as 30s,"
                    + " 1m or 1h, or off");
        }
        long amount = Long.parseLong(m.group(1));
        Duration window = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (window.compareTo(Windows.MIN_WINDOW) < 0) {
            throw new TypeConversionException("'" + value + "' is too short a window: at least "
                    + Windows.MIN_WINDOW.toSeconds() + "s");
        }
        return Windows.of(window);
    }

    /** The value as typed, cut short and on one line: it is echoed into an error message. */
    private static String shown(String value) {
        String line = value.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 40 ? line.substring(0, 40) + "..." : line;
    }
}
