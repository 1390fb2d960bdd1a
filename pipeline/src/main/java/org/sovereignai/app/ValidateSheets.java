package org.sovereignai.app;

import java.nio.file.Path;
import java.util.List;

import org.sovereignai.check.Report;
import org.sovereignai.check.Validator;

/** Use case: check curator sheets against the record contract, one report for all of them. Nothing is written. */
public final class ValidateSheets {
    private final Home home;

    public ValidateSheets(Home home) {
        this.home = home;
    }

    /**
     * @param files the sheets, named in findings as given
     * @param sheet the XLSX sheet to read, or null for the first
     */
    public Report run(List<String> files, String sheet) {
        Validator validator = new Validator(home.schema());
        Report total = new Report();
        for (String file : files) total.addAll(validator.validate(Path.of(file), file, sheet, row -> { }));
        return total;
    }
}
