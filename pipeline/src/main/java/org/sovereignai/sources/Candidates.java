package org.sovereignai.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.sovereignai.io.AtomicFiles;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Schema;
import org.sovereignai.record.Vocabulary;

/**
 * Turns submitted URLs that no record cites yet into candidate records for a curator to complete: a sheet in
 * curator-template columns (the fields of the contract, in order) plus a {@code _note} control column that says what
 * was detected and that every value must be confirmed. Candidates are written to {@code curation/candidates/}
 * only; nothing here ever reaches the index without a curator submitting it.
 */
public final class Candidates {
    public static final String NOTE_COLUMN = "_note";
    private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+[|–—]\\s+.*$");
    private static final Pattern PARTIAL_DATE = Pattern.compile("^\\d{4}-\\d{2}(-\\d{2})?$");

    private final Schema schema;
    private final Mentions mentions;
    private final Set<String> genericCountryDomains;

    public Candidates(Schema schema) {
        this.schema = schema;
        this.mentions = new Mentions(schema);
        this.genericCountryDomains = genericCountryDomains();
    }

    /** A candidate record: field values by name (absent = blank) and the note for the curator. */
    public record Candidate(String url, Map<String, String> values, String note) {
    }

    /** The URLs of the list that no record cites yet (compared by {@link UrlList#key}). */
    public static List<String> uncited(List<String> urls, Iterable<String> cited) {
        Set<String> known = new HashSet<>();
        for (String c : cited) known.add(UrlList.key(c));
        List<String> out = new ArrayList<>();
        for (String u : urls) if (known.add(UrlList.key(u))) out.add(u);
        return out;
    }

    /** A candidate pre-filled from a fetched page. */
    public Candidate of(FetchedPage fetched, Set<String> takenIds) {
        FetchOutcome o = fetched.outcome();
        PageInfo page = fetched.page();
        Map<String, String> v = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        notes.add("CANDIDATE from a submitted URL: every value here was guessed from the page; confirm or correct each, fill in"
                + " the rest, then submit it like any sheet");
        v.put(Schema.SOURCES, o.url());
        if (!o.ok() || page == null) {
            notes.add("the page could not be read (" + (o.failure() == null ? "HTTP " + o.status() : o.failure().code())
                    + (o.detail() == null ? "" : ": " + o.detail()) + "), so nothing was filled in from it");
        } else {
            if (page.title() != null) {
                String name = TITLE_SUFFIX.matcher(page.title()).replaceFirst("").strip();
                v.put(Schema.NAME, name);
                notes.add("name from the page title '" + page.title() + "'");
                String id = uniqueId(slug(name), takenIds);
                if (!id.isEmpty()) {
                    v.put(Schema.ID, id);
                    notes.add("id suggested from the name");
                }
            }
            if (page.published() != null && PARTIAL_DATE.matcher(page.published()).matches()) {
                v.put(Schema.ANNOUNCED, page.published());
                notes.add("announced from the page's published date " + page.published() + " (the announcement may be earlier)");
            }
            Map<String, String> families = mentions.familiesIn(page.text());
            if (!families.isEmpty()) {
                v.put(Schema.BASE_MODELS, String.join("; ", families.keySet()));
                List<String> said = new ArrayList<>();
                families.forEach((f, words) -> said.add(f + " ('" + words + "')"));
                notes.add("base-model families mentioned: " + String.join(", ", said) + " (a mention is not proof the model is built on it)");
            }
            List<String> licenses = mentions.licensesIn(page.text());
            if (licenses.size() == 1) {
                v.put(Schema.LICENSE, licenses.get(0));
                notes.add("licence mentioned: " + licenses.get(0));
            } else if (licenses.size() > 1) {
                notes.add("several licences mentioned (" + String.join(", ", licenses) + "): pick the model's own");
            }
        }
        String country = countryOf(o.url());
        if (country != null) {
            v.put(Schema.JURISDICTION, country);
            notes.add("jurisdiction " + country + " from the site's country domain");
        }
        return new Candidate(o.url(), v, String.join("; ", notes));
    }

    /** Builds candidates for all fetched pages, ids unique among them. */
    public List<Candidate> of(List<FetchedPage> fetched) {
        Set<String> taken = new HashSet<>();
        List<Candidate> out = new ArrayList<>();
        for (FetchedPage f : fetched) out.add(of(f, taken));
        return out;
    }

    /** The candidate sheet's text: contract fields in order, then {@code _note}; UTF-8, {@code \n} line ends. */
    public String render(List<Candidate> candidates) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            List<String> header = new ArrayList<>();
            for (FieldSpec f : schema.fields()) header.add(f.name());
            header.add(NOTE_COLUMN);
            p.printRecord(header);
            for (Candidate c : candidates) {
                List<String> row = new ArrayList<>();
                for (FieldSpec f : schema.fields()) row.add(c.values().getOrDefault(f.name(), ""));
                row.add(c.note());
                p.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * Writes the sheet as {@code DIR/NAME.csv}, NAME made safe from the submitted file's name; an existing sheet
     * is never overwritten ({@code NAME-2.csv}, ...). Returns the path written.
     */
    public Path write(Path dir, String submittedFileName, List<Candidate> candidates) throws IOException {
        Path target = freeName(dir, submittedFileName);
        AtomicFiles.write(target, render(candidates));
        return target;
    }

    /** {@code DIR/NAME.csv} for a submitted file's name, made safe, with {@code -2}, {@code -3}... while taken. */
    public static Path freeName(Path dir, String submittedFileName) {
        String stem = submittedFileName.replaceFirst("\\.[^.]*$", "");
        String safe = slug(stem);
        if (safe.isEmpty()) safe = "candidates";
        Path target = dir.resolve(safe + ".csv");
        for (int n = 2; Files.exists(target); n++) target = dir.resolve(safe + "-" + n + ".csv");
        return target;
    }

    /** The jurisdiction suggested by the host's country-code domain, when obvious; null otherwise. */
    String countryOf(String url) {
        String host;
        try {
            host = URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (host == null || host.matches("[0-9.:\\[\\]]+")) return null;
        String tld = host.substring(host.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (tld.length() != 2 || genericCountryDomains.contains(tld)) return null;
        String code = tld.equals("uk") ? "GB" : tld.toUpperCase(Locale.ROOT);
        Vocabulary j = schema.vocabulary(Schema.JURISDICTIONS_VOCABULARY);
        return j.contains(code) ? code : null;
    }

    static String slug(String s) {
        String ascii = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) slug = slug.substring(0, 60).replaceAll("-+$", "");
        return slug;
    }

    private static String uniqueId(String base, Set<String> taken) {
        if (base.isEmpty()) return base;
        String id = base;
        for (int n = 2; !taken.add(id); n++) id = base + "-" + n;
        return id;
    }

    private static Set<String> genericCountryDomains() {
        Set<String> out = new HashSet<>();
        try (InputStream in = Schema.openResource("generic_country_domains.csv")) {
            if (in == null) return out;
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                out.add(r.get("code").strip().toLowerCase(Locale.ROOT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schemas/generic_country_domains.csv", e);
        }
        return out;
    }
}
