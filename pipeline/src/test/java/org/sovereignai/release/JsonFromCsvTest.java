package org.sovereignai.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.FieldType;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;

import com.fasterxml.jackson.core.JsonGenerator;

/** projects.json objects made from the CSV rows are exactly what Jackson's compact generator writes for the records. */
class JsonFromCsvTest {
    private static final Schema SCHEMA = TestRecords.SCHEMA;
    private static final String[] PIECES = {"a", "Zürich", "ไทย", "\uD83D\uDE80", "e\u0301", "\"", "\"\"", ",", ";", "; ", "\n", "\r\n",
            "\t", "\u0001", "\u001F", "\u007F", "\\", "/", "#", " ", "\u2028", "<b>", "5", "-", ".", "0", "1e3", "\u00A0"};
    private static final String[] NUMBERS = {"0", "-0", "5", "5.0", "5.50", "-12.25", "0.001", "1e3", "1E+2", "007",
            "12345678901234567890", "999999999999999999", "-9223372036854775808", "abc", "1.5", "100"};

    /** Jackson's compact output with plain numbers: how projects.json was written before JsonFromCsv. */
    private static final com.fasterxml.jackson.core.JsonFactory COMPACT = new com.fasterxml.jackson.core.JsonFactoryBuilder()
            .rootValueSeparator((String) null)
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** The reference: what the release writer produced with Jackson before (typed values, keys sorted, blanks left out). */
    private static String jackson(List<Project> records) throws Exception {
        List<FieldSpec> byName = new ArrayList<>(SCHEMA.fields());
        byName.sort(Comparator.comparing(FieldSpec::name));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = COMPACT.createGenerator(out)) {
            boolean first = true;
            for (Project p : records) {
                if (!first) g.writeRaw(",\n");
                first = false;
                g.writeStartObject();
                for (FieldSpec f : byName) {
                    String raw = p.get(f);
                    if (raw == null) continue;
                    g.writeFieldName(f.name());
                    if (f.multi()) {
                        g.writeStartArray();
                        for (String v : p.list(f)) g.writeString(v);
                        g.writeEndArray();
                    } else if (f.type().numeric()) {
                        Object t = p.typed(f);
                        if (t instanceof java.math.BigDecimal d) g.writeNumber(d);
                        else if (t instanceof Long l) g.writeNumber(l);
                        else g.writeString((String) t);
                    } else {
                        g.writeString(raw);
                    }
                }
                g.writeEndObject();
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String text(Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (int k = 1 + rnd.nextInt(6); k > 0; k--) sb.append(PIECES[rnd.nextInt(PIECES.length)]);
        return sb.toString();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} records")
    @org.junit.jupiter.params.provider.ValueSource(ints = {3_000, 17_000})   // one thread; blocks on two threads
    void everyRecordIsWrittenByteForByteAsJacksonWritesIt(int size) throws Exception {
        Random rnd = new Random(7);
        List<Project> records = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String[] raw = new String[SCHEMA.fields().size()];
            for (FieldSpec f : SCHEMA.fields()) {
                if (rnd.nextInt(3) == 0) continue;
                raw[f.index()] = f.type().numeric() ? NUMBERS[rnd.nextInt(NUMBERS.length)] : text(rnd);
            }
            raw[0] = "id-" + i;
            records.add(Project.of(SCHEMA, raw));
        }
        RecordStore store = new RecordStore(SCHEMA, null);
        records.forEach(store::add);
        store.finish();
        store.sort();
        records.sort(Comparator.comparing(Project::id));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.writeJson(out);
        String expected = jackson(records);
        String got = out.toString(StandardCharsets.UTF_8);
        if (!expected.equals(got)) {
            String[] e = expected.split("\n");
            String[] g = got.split("\n");
            for (int i = 0; i < Math.min(e.length, g.length); i++) assertEquals(e[i], g[i], "line " + i);
        }
        assertEquals(expected, got);
        assertEquals(FieldType.INTEGER, SCHEMA.require("accelerator_count").type(), "the test covers integers");
    }
}
