package org.sovereignai.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** docs/validation.md and {@link Code} list the same codes with the same severities, so they cannot drift. */
class CodesDocumentedTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| (error|warning) \\|", Pattern.MULTILINE);

    @Test
    void everyCodeIsDocumentedWithItsSeverityAndNothingElseIs() throws IOException {
        String doc = Files.readString(Path.of(System.getProperty("sai.home", ".."), "docs", "validation.md"));
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher m = ROW.matcher(doc);
        while (m.find()) documented.put(m.group(1), m.group(2));
        for (Code c : Code.values()) {
            assertEquals(c.severity().value(), documented.get(c.id()), "docs/validation.md row for " + c.id());
        }
        for (String code : documented.keySet()) assertNotNull(Code.of(code), "documented but unknown: " + code);
        assertEquals(Code.values().length, documented.size());
    }

    @Test
    void codesAreStableKebabCase() {
        for (Code c : Code.values()) assertTrue(c.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), c.id());
    }
}
