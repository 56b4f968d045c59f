package io.qunyun.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The problem types docs/errors.md documents: the one error vocabulary of the three services. */
public final class ErrorVocabulary {

    private static final Pattern TYPE = Pattern.compile("https://qunyun\\.io/problems/[a-z0-9<>-]+");

    private ErrorVocabulary() {
    }

    /** Every type URI docs/errors.md names (read from the checkout: tests run in a module directory). */
    public static Set<String> documented() {
        Path errors = Path.of("..", "docs", "errors.md");
        assertTrue(Files.exists(errors), "docs/errors.md not found from " + Path.of("").toAbsolutePath());
        Set<String> types = new TreeSet<>();
        try {
            Matcher matcher = TYPE.matcher(Files.readString(errors));
            while (matcher.find()) {
                types.add(matcher.group());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }

    /** Whether {@code type} is documented, {@code …/http-<status>} standing for every HTTP-layer status. */
    public static boolean isDocumented(String type, Set<String> documented) {
        return documented.contains(type) || type != null && type.matches("https://qunyun\\.io/problems/http-\\d{3}")
                && documented.contains("https://qunyun.io/problems/http-<status>");
    }
}
