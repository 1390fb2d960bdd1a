package org.sovereignai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures that are nobody's data: plain messages naming the file, exit code 2, never a stack trace. */
class CliErrorsTest {

    private static String run(int expected, String... args) {
        StringWriter out = new StringWriter();
        int code = Sai.run(new PrintWriter(out, true), new PrintWriter(out, true), args);
        assertEquals(expected, code, out::toString);
        assertFalse(out.toString().contains("\tat "), "no stack trace: " + out);
        return out.toString();
    }

    @Test
    void anUnwritableOutputIsNamedAsTheFileTheUserAskedFor(@TempDir Path tmp) throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("plain.txt"), "x");
        String out = run(2, "schema", "--output", notAFolder.resolve("schema.json").toString());
        assertTrue(out.contains("cannot use " + notAFolder.resolve("schema.json")), out);
        assertFalse(out.contains(".tmp"), "the temporary file is an internal detail: " + out);
    }

    @Test
    void aReleaseIdThatIsNotAQuarterIsRefusedBeforeAnythingElse(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("schemas"));
        Files.createDirectories(tmp.resolve("snapshots"));
        String out = run(2, "release", "bogus", "--home", tmp.toString());
        assertTrue(out.contains("'bogus' is not a release id"), out);
    }

    @Test
    void anUnknownCommandSuggestsTheNearestOne() {
        String out = run(2, "verfy");
        assertTrue(out.contains("Did you mean"), out);
    }
}
