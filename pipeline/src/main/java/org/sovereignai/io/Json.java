package org.sovereignai.io;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration of the project: map keys sorted, two-space indent, {@code \n} line ends,
 * UTF-8 without BOM, BigDecimal written plainly. Everything published goes through it, so output is byte-stable.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .defaultPrettyPrinter(printer())
            .build();

    private Json() {
    }

    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter p = new DefaultPrettyPrinter();
        p.indentObjectsWith(indent);
        p.indentArraysWith(indent);
        return p.withoutSpacesInObjectEntries().withSeparators(
                com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));
    }

    /**
     * The version of the command line's JSON outputs ({@code validate}, {@code diff}, {@code stats} and {@code submit}
     * with {@code --format json}, {@code sources check --json}, the submission and inbox reports), written as their
     * top-level {@code formatVersion}: raised when a key is removed or changes meaning; a new key may appear without it.
     * The files of a published release are a contract of their own and carry no such key (docs/releases.md).
     */
    public static final int FORMAT_VERSION = 1;

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The value as pretty JSON text ending in a newline. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot render JSON: " + e.getMessage(), e);
        }
    }

    /** Writes the value as pretty JSON plus a newline to a stream (left open). */
    public static void write(Object value, OutputStream out) throws IOException {
        MAPPER.writeValue(out, value);
        out.write('\n');
    }
}
