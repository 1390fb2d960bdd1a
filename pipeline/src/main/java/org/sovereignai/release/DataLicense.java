package org.sovereignai.release;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The licence the data of a release is published under (the code's own licence is LICENSE, Apache-2.0): an SPDX id,
 * written into {@code datapackage.json} as a Frictionless {@code licenses} entry and into the manifest. Set with
 * {@code sai.data.license} (SAI_DATA_LICENSE); {@link #DEFAULT} is CC-BY-4.0, attribution being what an index asks of
 * its readers.
 *
 * @param id    the SPDX identifier, e.g. {@code CC-BY-4.0}
 * @param title its name, or null for an id this program does not know
 * @param url   where its text is, or null for an id this program does not know
 */
public record DataLicense(String id, String title, String url) {
    /** The licences this program can name in full; any other SPDX id is written as its id alone. */
    private static final Map<String, DataLicense> KNOWN = known();
    public static final DataLicense DEFAULT = of("CC-BY-4.0");

    /** The licence with this SPDX id (title and link when known). */
    public static DataLicense of(String id) {
        DataLicense known = KNOWN.get(id);
        if (known != null) return known;
        if (id == null || !id.matches("[A-Za-z0-9.+-]{1,64}")) {
            throw new IllegalArgumentException("sai.data.license '" + id + "' is not an SPDX licence id (such as CC-BY-4.0,"
                    + " CC0-1.0, ODbL-1.0)");
        }
        return new DataLicense(id, null, null);
    }

    /** The Frictionless Data Package {@code licenses} entry: name (the SPDX id), and path and title when known. */
    Map<String, Object> toDatapackage() {
        Map<String, Object> m = new TreeMap<>();
        m.put("name", id);
        if (url != null) m.put("path", url);
        if (title != null) m.put("title", title);
        return m;
    }

    private static Map<String, DataLicense> known() {
        Map<String, DataLicense> m = new LinkedHashMap<>();
        for (DataLicense l : new DataLicense[] {
                new DataLicense("CC-BY-4.0", "Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/"),
                new DataLicense("CC-BY-SA-4.0", "Creative Commons Attribution Share Alike 4.0 International", "https://creativecommons.org/licenses/by-sa/4.0/"),
                new DataLicense("CC0-1.0", "Creative Commons Zero v1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"),
                new DataLicense("ODbL-1.0", "Open Data Commons Open Database License v1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
                new DataLicense("PDDL-1.0", "Open Data Commons Public Domain Dedication & License 1.0", "https://opendatacommons.org/licenses/pddl/1-0/")}) {
            m.put(l.id(), l);
        }
        return m;
    }
}
