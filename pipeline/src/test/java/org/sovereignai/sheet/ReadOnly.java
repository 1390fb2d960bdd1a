package org.sovereignai.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.sovereignai.check.Report;
import org.sovereignai.check.TestSheets;
import org.sovereignai.check.Validator;
import org.sovereignai.io.Hashes;

/** Validation in the reader tests, asserting that the input file's bytes are the same afterwards. */
final class ReadOnly {
    static final Path LIBREOFFICE = Path.of("src/test/resources/sheets/libreoffice");

    private ReadOnly() {
    }

    /** Validates {@code file} ({@code sheet} null for the first), adding every row read to {@code rows}. */
    static Report validate(Path file, String sheet, List<RecordRow> rows) throws IOException {
        String before = Hashes.sha256(Files.readAllBytes(file));
        Report r = new Validator(TestSheets.SCHEMA).validate(file, sheet, rows::add);
        assertEquals(before, Hashes.sha256(Files.readAllBytes(file)), "the input file was modified");
        return r;
    }

    /** A copy of a LibreOffice-made fixture in {@code dir}. */
    static Path libreOffice(String name, Path dir) throws IOException {
        return Files.copy(LIBREOFFICE.resolve(name), dir.resolve(name));
    }
}
