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

/** Terminal control characters in a cell are an error, and nothing sai prints passes them to the terminal raw. */
class TextSafetyTest {
    @TempDir
    Path tmp;

    static final String HEADER = "id,name,layer,jurisdiction,lead_org,announced,status,sources,notes\n";

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Sai.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void anEscapeInACellIsAnErrorNamingTheCellAndTheCharacterAndIsNeverPrintedRaw() throws Exception {
        Path sheet = tmp.resolve("q.csv");
        Files.writeString(sheet, HEADER + "sea-lion,SEA-LION,compute,SG,AI Singapore,2023-Q4,announced,https://a.example/x,"
                + "note \u001B]0;pwned\u0007 here\n");
        String[] r = run("validate", sheet.toString());
        assertEquals("1", r[0], r[1] + r[2]);
        String all = r[1] + r[2];
        assertTrue(all.contains("control-character") && all.contains("U+001B") && all.contains("I2"), all);
        assertFalse(all.chars().anyMatch(c -> c == 0x1B || c == 0x07), "no raw control character printed: " + all);
    }

    @Test
    void diffRefusesASheetWithControlCharactersAndPrintsNoneOfThemRaw() throws Exception {
        Path a = tmp.resolve("a.csv");
        Path b = tmp.resolve("b.csv");
        String row = "sea-lion,SEA-LION,compute,SG,AI Singapore,2023-Q4,announced,https://a.example/x,";
        Files.writeString(a, HEADER + row + "plain\n");
        Files.writeString(b, HEADER + row + "bell\u0007 and \u001B[2J clear\n");
        String[] r = run("diff", a.toString(), b.toString());
        String all = r[1] + r[2];
        assertEquals("1", r[0], all);
        assertTrue(all.contains("control-character") && all.contains("U+0007"), all);
        assertFalse(all.chars().anyMatch(c -> c == 0x1B || c == 0x07), all);
    }

    @Test
    void theEscapingFunctionKeepsTabsAndLineBreaksAndEscapesTheRest() {
        assertEquals("a\tb\r\nc\\u001B[2J\\u0007\\u009B", org.sovereignai.io.TerminalText.escape("a\tb\r\nc\u001B[2J\u0007\u009B"));
        assertEquals("plain", org.sovereignai.io.TerminalText.escape("plain"));
    }
}
