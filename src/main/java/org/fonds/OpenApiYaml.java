package org.fonds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The spec as YAML in which every string stays a string for a YAML 1.1 parser too (PyYAML, SnakeYAML 1.x, many
 * client generators' loaders): SmallRye writes strings unquoted unless they look like a number, a boolean or null in
 * YAML 1.2, so an example date ({@code 1950-05-30}, {@code 2022-03-10T12:15:50-04:00}) was read as a date by those
 * parsers. Written as SmallRye writes it (the same Jackson features, so the rest of the text is unchanged), with one
 * more rule: a string is quoted when a YAML 1.1 resolver would give its plain form another type (timestamps, base-60
 * numbers, {@code yes}/{@code off}...). Both the served spec ({@link OpenApiYamlRoute}) and the committed one (the
 * {@code openapi} Maven profile runs {@link #main} over the JSON that Quarkus writes beside it) come from here.
 */
public final class OpenApiYaml {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.ALLOW_LONG_KEYS)
            .stringQuotingChecker(new Yaml11Strings())
            .build());

    private OpenApiYaml() {
    }

    /** The spec given as JSON, as YAML. */
    public static String fromJson(byte[] json) {
        try {
            return YAML.writeValueAsString(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when a YAML 1.1 parser reads {@code value}, written plain, as a string. */
    static boolean plainIsString(String value) {
        return Tag.STR.equals(Yaml11Strings.RESOLVER.resolve(NodeId.scalar, value, true));
    }

    /** {@code OpenApiYaml <spec.json> <spec.yaml>}: writes the second from the first (the {@code openapi} profile). */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: OpenApiYaml <spec.json> <spec.yaml>");
        }
        JsonNode spec = JSON.readTree(Files.readAllBytes(Path.of(args[0])));
        Files.writeString(Path.of(args[1]), YAML.writeValueAsString(spec));
    }

    /** Jackson's rules, and a quote wherever YAML 1.1 would resolve the plain scalar to anything but a string. */
    private static final class Yaml11Strings extends StringQuotingChecker.Default {

        private static final Resolver RESOLVER = new Resolver();

        @Override
        public boolean needToQuoteName(String name) {
            return super.needToQuoteName(name) || !plainIsString(name);
        }

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || !plainIsString(value);
        }
    }
}
