package org.sovereignai.release;

import java.util.List;
import java.util.Map;

/**
 * The check columns of {@code sources.csv} for one (record, URL), filled by the sources checker; the release writes
 * blanks where this returns nothing. Keys are the column names of {@link #CHECK_COLUMNS}.
 */
@FunctionalInterface
public interface SourceColumns {
    List<String> CHECK_COLUMNS = List.of("status", "final_url", "title", "published", "checked_at", "fingerprint", "state");

    SourceColumns NONE = (id, url) -> Map.of();

    Map<String, String> lookup(String id, String url);
}
