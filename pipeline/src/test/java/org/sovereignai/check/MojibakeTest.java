package org.sovereignai.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text that went through Windows-1252 once is found; correct text in any script never is. */
class MojibakeTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");
    /** Real names in the scripts curators write, each correct as it stands. */
    private static final List<String> CORRECT = List.of("Łódź", "Việt Nam", "Ελλάδα", "العربية", "Jülich", "Île-de-France",
            "Forschungszentrum Jülich", "Société Générale", "São Paulo", "SÃO PAULO", "ÇA VA", "Zürich", "Straße", "naïve café",
            "Ærø", "Þórshöfn", "Kraków", "Dvořák", "Türkiye", "Ísland", "Москва", "東京", "서울", "ישראל", "हिन्दी", "ประเทศไทย",
            "©2024 Acme™", "£5 – €5 “quoted”", "¿Qué?", "¡Sí!", "Ångström", "Œuvre", "plain ascii", "A-Z 0-9 ;:,.");

    @TempDir
    Path dir;

    /** What a UTF-8 text becomes when its bytes are read as Windows-1252 (undefined bytes as LibreOffice reads them). */
    private static String garble(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int u = b & 0xFF;
            String c = new String(new byte[] {b}, CP1252);
            sb.append(u < 0x80 ? String.valueOf((char) u) : c.equals("\uFFFD") ? String.valueOf((char) (0xF100 + u)) : c);
        }
        return sb.toString();
    }

    @Test
    void correctTextInAnyScriptIsNeverFlagged() {
        for (String s : CORRECT) assertNull(Mojibake.repaired(s), s);
    }

    @Test
    void doubleEncodedTextIsFoundWithTheTextItWasMeantToBe() {
        assertEquals("Jülich", Mojibake.repaired("JÃ¼lich"));
        assertEquals("Île-de-France", Mojibake.repaired("ÃŽle-de-France"));
        assertEquals("Société Générale", Mojibake.repaired("SociÃ©tÃ© GÃ©nÃ©rale"));
        assertEquals("Łódź", Mojibake.repaired("Å\u0081Ã³dÅº"), "0x81 as Latin-1 reads it");
        assertEquals("Łódź", Mojibake.repaired("Å\uF181Ã³dÅº"), "0x81 as LibreOffice reads it");
        assertEquals("Jülich", Mojibake.repaired("JÃƒÂ¼lich"), "twice through Windows-1252");
        for (String s : CORRECT) {
            if (s.chars().allMatch(c -> c < 0x80)) continue;
            assertEquals(s, Mojibake.repaired(garble(s)), () -> garble(s));
        }
    }

    @Test
    void aLibreOfficeCsvOpenedAsWindows1252IsWarnedAboutCellByCell() throws IOException {
        Path p = Files.copy(Path.of("src/test/resources/sheets/libreoffice/mojibake.csv"), dir.resolve("mojibake.csv"));
        Report r = TestSheets.validate(p);
        List<Finding> found = TestSheets.all(r, "mojibake-suspected");
        assertEquals(2, found.size(), TestSheets.describe(r));
        Finding lead = TestSheets.assertAt(found.get(0), "mojibake-suspected", 2, "lead_org", "E2");
        assertEquals("jupiter", lead.recordId());
        assertEquals("Forschungszentrum JÃ¼lich", lead.value());
        assertTrue(lead.message().contains("probably meant to be 'Forschungszentrum Jülich'"), lead.message());
        Finding notes = TestSheets.assertAt(found.get(1), "mojibake-suspected", 2, "notes", "J2");
        assertTrue(notes.message().contains("'Île-de-France; Łódź; Việt Nam; Ελλάδα; العربية'"), notes.message());
        assertEquals(0, r.errors(), TestSheets.describe(r));
        assertEquals(0, r.exitCode(), "a warning does not change the exit code");
    }
}
