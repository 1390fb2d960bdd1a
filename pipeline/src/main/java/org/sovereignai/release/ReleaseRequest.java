package org.sovereignai.release;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What to publish.
 *
 * @param release     {@code YYYY-Qn}, or with {@code errata} also {@code YYYY-Qn.N} ({@code YYYY-Qn} then means the next N)
 * @param sheet       the reviewed curator sheet (CSV or XLSX)
 * @param sheetName   XLSX sheet, or null for the first / for CSV
 * @param snapshots   the snapshots folder
 * @param date        the release date written into the files; null means the last day of the quarter (never the clock)
 * @param errata      republish the newest quarter with corrections (PATCH bump)
 * @param provenance  optional credit per (id, field) for changes.json / CHANGES.md (from the curation workflow)
 * @param artifacts   extra files to include (statistics, ...)
 * @param sources     check results for sources.csv, or null for blank check columns
 * @param license     the data's licence (datapackage.json, manifest); null means {@link DataLicense#DEFAULT}
 */
public record ReleaseRequest(
        String release,
        Path sheet,
        String sheetName,
        Path snapshots,
        LocalDate date,
        boolean errata,
        Map<Provenance.Key, Provenance> provenance,
        List<ReleaseArtifact> artifacts,
        SourceColumns sources,
        DataLicense license) {

    public ReleaseRequest {
        license = license == null ? DataLicense.DEFAULT : license;
        provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    }

    public static ReleaseRequest of(String release, Path sheet, Path snapshots, LocalDate date) {
        return new ReleaseRequest(release, sheet, null, snapshots, date, false, Map.of(), List.of(), null, null);
    }

    public ReleaseRequest asErrata() {
        return new ReleaseRequest(release, sheet, sheetName, snapshots, date, true, provenance, artifacts, sources, license);
    }

    public ReleaseRequest withArtifacts(List<ReleaseArtifact> more) {
        return new ReleaseRequest(release, sheet, sheetName, snapshots, date, errata, provenance, more, sources, license);
    }

    public ReleaseRequest withSources(SourceColumns checks) {
        return new ReleaseRequest(release, sheet, sheetName, snapshots, date, errata, provenance, artifacts, checks, license);
    }

    public ReleaseRequest withLicense(DataLicense l) {
        return new ReleaseRequest(release, sheet, sheetName, snapshots, date, errata, provenance, artifacts, sources, l);
    }

    public ReleaseRequest withProvenance(Map<Provenance.Key, Provenance> p) {
        return new ReleaseRequest(release, sheet, sheetName, snapshots, date, errata, p, artifacts, sources, license);
    }
}
