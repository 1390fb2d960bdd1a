package org.sovereignai.curation;

import java.text.Normalizer;
import java.util.Locale;

/**
 * File names received from curators are data, never paths: these helpers make a safe display form and a safe
 * extension. Archive paths are built from hashes only.
 */
public final class FileNames {
    private static final int MAX = 120;

    private FileNames() {
    }

    /**
     * A display form of a received name: the last path segment, NFC, control characters and path separators replaced,
     * no leading dots, at most 120 characters. Letters of every script, spaces and punctuation stay.
     */
    public static String display(String name) {
        if (name == null) return "unnamed";
        String s = Normalizer.normalize(name, Normalizer.Form.NFC);
        int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        if (cut >= 0) s = s.substring(cut + 1);
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            boolean bad = Character.isISOControl(cp) || cp == '/' || cp == '\\' || cp == ':' || cp == '*' || cp == '?'
                    || cp == '"' || cp == '<' || cp == '>' || cp == '|' || Character.getType(cp) == Character.FORMAT;
            sb.appendCodePoint(bad ? '_' : cp);
        });
        String out = sb.toString().strip();
        while (out.startsWith(".")) out = out.substring(1);
        if (out.codePointCount(0, out.length()) > MAX) out = out.substring(0, out.offsetByCodePoints(0, MAX)); // never half an emoji
        return out.isBlank() ? "unnamed" : out;
    }

    /** The lower-case extension of a name when it is 1-5 ASCII letters or digits, else "bin". */
    public static String extension(String name) {
        if (name == null) return "bin";
        String d = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip(); // the whole name:
        int dot = d.lastIndexOf('.'); // the 120-character display cut would lose a long name's extension
        if (dot < 0) return "bin";
        String ext = d.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ext.matches("[a-z0-9]{1,5}") ? ext : "bin";
    }

    /** A file-system-safe stem for files we name ourselves (ASCII letters, digits, '-', '_' only). */
    public static String stem(String name) {
        String d = display(name);
        int dot = d.lastIndexOf('.');
        if (dot > 0) d = d.substring(0, dot);
        String ascii = Normalizer.normalize(d, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = ascii.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 60) s = s.substring(0, 60);
        return s.isEmpty() ? "submission" : s;
    }
}
