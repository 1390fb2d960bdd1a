package org.sovereignai.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which optional parts an XLSX package has. ECMA-376 makes the styles part optional (CRM exports and streaming
 * writers leave it out), but fastexcel-reader requires it when asked for number formats; without one no cell has a
 * format, so the workbook is read without formats instead of being refused.
 */
final class XlsxParts {
    private static final String STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    private static final Pattern OVERRIDE = Pattern.compile("<(?:\\w+:)?Override\\b[^>]*>");
    private static final Pattern PART_NAME = Pattern.compile("PartName\\s*=\\s*[\"']([^\"']+)[\"']");
    /** [Content_Types].xml is a short list; a larger one is not read (and the reader will say what is wrong). */
    private static final int MAX_CONTENT_TYPES = 1 << 20;

    private XlsxParts() {
    }

    /** True when [Content_Types].xml declares a styles part and the archive holds it. */
    static boolean hasStyles(Path path) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            ZipEntry types = zip.getEntry("[Content_Types].xml");
            if (types == null) return false;
            String xml;
            try (InputStream in = zip.getInputStream(types)) {
                xml = new String(in.readNBytes(MAX_CONTENT_TYPES), StandardCharsets.UTF_8);
            }
            Matcher m = OVERRIDE.matcher(xml);
            while (m.find()) {
                String element = m.group();
                if (!element.contains(STYLES_TYPE)) continue;
                Matcher name = PART_NAME.matcher(element);
                if (!name.find()) continue;
                String part = name.group(1).startsWith("/") ? name.group(1).substring(1) : name.group(1);
                if (zip.getEntry(part) != null) return true;
                // fastexcel looks the part up ignoring case; so does this
                for (var e = zip.entries(); e.hasMoreElements(); ) if (e.nextElement().getName().equalsIgnoreCase(part)) return true;
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return true; // the archive itself is damaged: let the reader report it as before
        }
    }
}
