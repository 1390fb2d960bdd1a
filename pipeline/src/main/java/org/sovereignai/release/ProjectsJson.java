package org.sovereignai.release;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

/**
 * The one rendering of {@code projects.json}: an array of records sorted by id, one compact object per line, keys
 * sorted, blanks left out, multi-valued fields as arrays, numbers as numbers. Records are added one at a time, so a
 * release writes it while streaming its records and {@code verify} renders a release's projects.csv again to compare
 * it byte for byte ({@link #matches}).
 */
final class ProjectsJson implements Closeable {
    /** Compact JSON, numbers written plain; the separators between records are written raw. */
    private static final JsonFactory COMPACT = new JsonFactoryBuilder()
            .rootValueSeparator((String) null)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final List<FieldSpec> byName;
    private final JsonGenerator g;
    private boolean any;

    ProjectsJson(Schema schema, OutputStream out) throws IOException {
        byName = new ArrayList<>(schema.fields());
        byName.sort(Comparator.comparing(FieldSpec::name));
        g = COMPACT.createGenerator(out);
    }

    void add(Project p) throws IOException {
        g.writeRaw(any ? ",\n" : "[\n");
        any = true;
        g.writeStartObject();
        for (FieldSpec f : byName) {
            Object v = p.typed(f);
            if (v == null) continue;
            g.writeFieldName(f.name());
            if (v instanceof List<?> list) {
                g.writeStartArray();
                for (Object o : list) g.writeString((String) o);
                g.writeEndArray();
            } else if (v instanceof BigDecimal d) {
                g.writeNumber(d);
            } else if (v instanceof Long l) {
                g.writeNumber(l);
            } else {
                g.writeString((String) v);
            }
        }
        g.writeEndObject();
    }

    /** Ends the array and closes the stream. */
    @Override
    public void close() throws IOException {
        g.writeRaw(any ? "\n]\n" : "[]\n");
        g.close();
    }

    /**
     * An output stream that compares what is written with the bytes of {@code expected} instead of storing it: after
     * {@link #close}, {@link #same()} says whether the two were identical to the last byte. Reading stops at the first
     * difference.
     */
    static final class Comparison extends OutputStream {
        private final InputStream expected;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int len;
        private boolean differs;
        private boolean closed;

        Comparison(InputStream expected) {
            this.expected = expected;
        }

        @Override
        public void write(int b) throws IOException {
            if (differs) return;
            if (!fill() || buf[pos++] != (byte) b) differs = true;
        }

        @Override
        public void write(byte[] b, int off, int n) throws IOException {
            while (n > 0 && !differs) {
                if (!fill()) {
                    differs = true;
                    return;
                }
                int k = Math.min(n, len - pos);
                if (!java.util.Arrays.equals(b, off, off + k, buf, pos, pos + k)) {
                    differs = true;
                    return;
                }
                pos += k;
                off += k;
                n -= k;
            }
        }

        private boolean fill() throws IOException {
            if (pos < len) return true;
            len = expected.read(buf);
            pos = 0;
            return len > 0;
        }

        @Override
        public void close() throws IOException {
            if (closed) return;
            closed = true;
            if (!differs && fill()) differs = true;   // the expected bytes go on
            expected.close();
        }

        boolean same() {
            return closed && !differs;
        }
    }
}
