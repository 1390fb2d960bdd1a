package org.sovereignai.check;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.RecordRow;

/**
 * UTF-8 text that went through Windows-1252 (or Latin-1) once on its way into the sheet, e.g. {@code JÃ¼lich} for
 * {@code Jülich}: a warning naming the cell, the text and the text it was probably meant to be. The rule is a test,
 * not a guess: the text is turned back into the bytes Windows-1252 gives its characters, and those bytes must be
 * strictly valid UTF-8 that decodes to fewer characters. Correct text in other scripts (Łódź, Việt Nam, Ελλάδα,
 * العربية) has characters Windows-1252 does not have, and correct Latin text (Jülich, Île-de-France) is not valid
 * UTF-8 as bytes, so neither is flagged. Every field is looked at, whatever its other findings.
 */
final class Mojibake implements Check {
    /** Windows-1252's characters for the bytes 0x80..0x9F (0 where the byte is undefined). */
    private static final char[] CP1252_HIGH = ("\u20AC\0\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\0\u017D\0"
            + "\0\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\0\u017E\u0178").toCharArray();
    /** Text repaired more often than this is left alone: real mojibake is one or two round trips deep. */
    private static final int MAX_DEPTH = 3;

    private final FieldSpec[] fields;

    Mojibake(Schema schema) {
        this.fields = schema.fields().toArray(new FieldSpec[0]);
    }

    @Override
    public void row(RecordRow rr, Layer layer, Consumer<Finding> out) {
        Project p = rr.project();
        for (FieldSpec f : fields) {
            String v = p.get(f);
            if (v == null) continue;
            String meant = repaired(v);
            if (meant == null) continue;
            out.accept(Code.MOJIBAKE_SUSPECTED.at(FieldRule.at(rr, f), p.id(), v, "'" + v + "' looks like UTF-8 text that was"
                    + " read as Windows-1252 on its way into the sheet (mojibake); it was probably meant to be '" + meant + "'."
                    + " Correct the cell, or open the original file as UTF-8 (in Excel: Data > From Text/CSV, File origin"
                    + " 65001: Unicode (UTF-8)) and save it again."));
        }
    }

    /** The text {@code s} was probably meant to be, or null when it does not look double-encoded. */
    static String repaired(String s) {
        String text = s;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            String once = undo(text);
            if (once == null) break;
            text = once;
        }
        return text.equals(s) ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** One round trip undone: the Windows-1252 bytes of the text, decoded strictly as UTF-8; null when that fails. */
    private static String undo(String s) {
        byte[] bytes = new byte[s.length()];
        boolean high = false;
        for (int i = 0; i < s.length(); i++) {
            int b = byteOf(s.charAt(i));
            if (b < 0) return null;
            high |= b >= 0x80;
            bytes[i] = (byte) b;
        }
        if (!high) return null;
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return decoded.length() < s.length() ? decoded : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The byte Windows-1252 (or Latin-1) writes for {@code c}, or -1. The five bytes Windows-1252 leaves undefined come
     * back as the C1 control of the same number (Latin-1, and Windows' own decoder) or as U+F181 … U+F19D (LibreOffice's
     * import).
     */
    private static int byteOf(char c) {
        if (c <= 0xFF) return c; // ASCII, Latin-1, and the C1 controls Latin-1 gives the bytes 0x80..0x9F
        for (int i = 0; i < CP1252_HIGH.length; i++) {
            if (CP1252_HIGH[i] == 0 ? c == 0xF100 + 0x80 + i : CP1252_HIGH[i] == c) return 0x80 + i;
        }
        return -1;
    }
}
