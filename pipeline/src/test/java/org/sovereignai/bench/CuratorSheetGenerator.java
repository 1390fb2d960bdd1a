package org.sovereignai.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Schema;

/**
 * Writes a realistic curator CSV of any size, the same bytes for the same row count: all three layers, multi-valued
 * cells, aliases, bases naming families and earlier models records, and about one row in a thousand with an error
 * (a misspelt status, a thousands separator, a bad URL, a repeated id). Fixed seed; no clock.
 */
public final class CuratorSheetGenerator {
    private static final String[] WORDS = {"national", "open", "sovereign", "language", "model", "compute", "cloud", "data",
            "corpus", "nordic", "baltic", "andes", "sahel", "pacific", "atlas", "aurora", "falcon", "condor", "lynx", "orca"};
    private static final String[] COUNTRIES = {"FR", "DE", "IN", "JP", "KR", "SG", "BR", "AE", "SA", "GB", "CA", "ES", "IT",
            "NL", "SE", "FI", "PL", "TH", "VN", "ID", "MY", "NG", "KE", "ZA", "MX", "CL", "BR-PI", "IN-KA", "EU", "CH"};
    private static final String[] FAMILIES = {"llama:3.1-70b", "gemma:2-9b", "mistral:7b", "qwen:2.5-7b", "llama", "falcon:40b"};
    private static final String[] STATUS = {"announced", "in_development", "operational", "released", "paused"};
    private static final String[] VENDORS = {"nvidia", "amd", "intel", "google", "huawei", "nvidia; amd"};
    private static final String[] LANGUAGES = {"en", "fr", "th; en", "sw; en; fr", "hi; ta; te", "fil", "yo; ha; ig"};
    private static final String[] LICENSES = {"Apache-2.0", "MIT", "CC-BY-4.0"};

    private CuratorSheetGenerator() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        write(Path.of(args.length > 0 ? args[0] : "curator-1m.csv"), rows);
    }

    public static void write(Path file, int rows) throws IOException {
        Schema schema = Schema.bundled();
        List<FieldSpec> fields = schema.fields();
        SplittableRandom rnd = new SplittableRandom(20251130L);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < fields.size(); i++) w.write((i == 0 ? "" : ",") + fields.get(i).name());
            w.write("\r\n");
            String[] cells = new String[fields.size()];
            String lastModelId = null;
            String previousId = "";
            for (int r = 0; r < rows; r++) {
                java.util.Arrays.fill(cells, "");
                String id = WORDS[rnd.nextInt(WORDS.length)] + "-" + WORDS[rnd.nextInt(WORDS.length)] + "-" + r;
                int layer = r % 3;
                set(schema, cells, "id", id);
                set(schema, cells, "name", "Project " + capital(WORDS[rnd.nextInt(WORDS.length)]) + " " + r);
                set(schema, cells, "layer", layer == 0 ? "compute" : layer == 1 ? "models" : "data");
                set(schema, cells, "jurisdiction", COUNTRIES[rnd.nextInt(COUNTRIES.length)]);
                if (rnd.nextInt(5) == 0) set(schema, cells, "partner_jurisdictions", COUNTRIES[rnd.nextInt(COUNTRIES.length)] + "; DE");
                set(schema, cells, "lead_org", "Ministry of Digital Affairs " + (r % 97));
                int year = 2018 + rnd.nextInt(8);
                set(schema, cells, "announced", switch (rnd.nextInt(3)) {
                    case 0 -> year + "-Q" + (1 + rnd.nextInt(4));
                    case 1 -> year + "-" + two(1 + rnd.nextInt(12));
                    default -> year + "-" + two(1 + rnd.nextInt(12)) + "-" + two(1 + rnd.nextInt(28));
                });
                set(schema, cells, "status", STATUS[rnd.nextInt(STATUS.length)]);
                if (rnd.nextBoolean()) set(schema, cells, "funding_usd", Integer.toString(rnd.nextInt(900_000_000)));
                set(schema, cells, "sources", "https://example.gov/" + WORDS[rnd.nextInt(WORDS.length)] + "/" + r
                        + (rnd.nextInt(4) == 0 ? "; https://news.example.org/2025/" + r + "?ref=index" : ""));
                if (rnd.nextInt(10) == 0) set(schema, cells, "aliases", "Alias " + r);
                if (rnd.nextInt(8) == 0) set(schema, cells, "notes", "Figures from the ministry's announcement; \"planned\" capacity.");
                if (layer == 0) {
                    set(schema, cells, "accelerator_vendors", VENDORS[rnd.nextInt(VENDORS.length)]);
                    set(schema, cells, "accelerator_count", Integer.toString(rnd.nextInt(50_000)));
                    set(schema, cells, "power_mw", rnd.nextInt(200) + "." + rnd.nextInt(10));
                } else if (layer == 1) {
                    int approach = rnd.nextInt(4);
                    set(schema, cells, "build_approach", new String[] {"scratch", "base", "both", "undisclosed"}[approach]);
                    if (approach == 1 || approach == 2) {
                        String base = FAMILIES[rnd.nextInt(FAMILIES.length)];
                        if (lastModelId != null && rnd.nextInt(10) == 0) base = base + "; " + lastModelId + ":v1";
                        set(schema, cells, "base_models", base);
                    }
                    boolean permissive = rnd.nextBoolean();
                    set(schema, cells, "release_status", permissive ? "open_permissive" : "open_restricted");
                    if (permissive) set(schema, cells, "license", LICENSES[rnd.nextInt(LICENSES.length)]);
                    lastModelId = id;
                } else {
                    set(schema, cells, "data_type", "text corpus");
                    set(schema, cells, "languages", LANGUAGES[rnd.nextInt(LANGUAGES.length)]);
                }
                if (rnd.nextInt(1000) == 0) injectError(schema, cells, rnd, previousId);
                previousId = id;
                for (int i = 0; i < cells.length; i++) {
                    if (i > 0) w.write(',');
                    w.write(quote(cells[i]));
                }
                w.write("\r\n");
            }
        }
    }

    private static void injectError(Schema schema, String[] cells, SplittableRandom rnd, String previousId) {
        switch (rnd.nextInt(4)) {
            case 0 -> set(schema, cells, "status", "operatonal");
            case 1 -> set(schema, cells, "funding_usd", "52,000,000");
            case 2 -> set(schema, cells, "sources", "www.example.gov/missing-scheme");
            default -> set(schema, cells, "id", previousId);
        }
    }

    private static void set(Schema schema, String[] cells, String field, String value) {
        cells[schema.require(field).index()] = value;
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
