package org.sovereignai.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

class CsvCellsTest {
    private static final String ALPHABET = "ab ,\"\n\r\t#!$;é\u0000\u0300ไ\uD83D\uDE00-=";

    @Test
    void writesEveryRecordByteForByteAsCsvPrinterDoes() throws Exception {
        Random rnd = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            List<String> cells = new ArrayList<>();
            for (int c = rnd.nextInt(4) + 1; c > 0; c--) {
                StringBuilder v = new StringBuilder();
                for (int k = rnd.nextInt(6); k > 0; k--) v.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                cells.add(v.toString());
            }
            StringBuilder expected = new StringBuilder();
            try (CSVPrinter csv = new CSVPrinter(expected, ReleaseWriter.CSV)) {
                csv.printRecord(cells);
                csv.printRecord(cells);    // a second record: "first cell" starts again after a line end
            }
            StringBuilder actual = new StringBuilder();
            CsvCells.record(actual, cells);
            CsvCells.record(actual, cells);
            assertEquals(expected.toString(), actual.toString(), () -> "cells " + cells);
        }
    }

    @Test
    void quotesWhatAReaderWouldOtherwiseMisread() {
        StringBuilder sb = new StringBuilder();
        CsvCells.record(sb, List.of("", "a,b", "say \"hi\"", "#x", "two\nlines", "end ", "plain", ""));
        assertEquals("\"\",\"a,b\",\"say \"\"hi\"\"\",\"#x\",\"two\nlines\",\"end \",plain,\n", sb.toString());
    }
}
