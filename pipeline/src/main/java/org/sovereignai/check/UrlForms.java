package org.sovereignai.check;

import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.FieldType;
import org.sovereignai.record.Layer;
import org.sovereignai.sheet.RecordRow;

/** A URL field holding something other than an absolute http(s) address with a host ({@link Urls}). */
final class UrlForms extends FieldRule {
    UrlForms() {
        super(Stage.VALUE, FieldType.URL);
    }

    @Override
    boolean check(RecordRow rr, FieldSpec f, Layer layer, String v, Consumer<Finding> out) {
        if (Urls.valid(v)) return true;
        out.accept(Code.INVALID_URL.at(at(rr, f), rr.project().id(), v, "'" + v + "' is not an absolute web address."
                + " Write it in full starting with https:// (or http://), with a host name and no spaces."
                + " Separate several URLs with ';'; a URL that itself contains ';' must write it as %3B."));
        return false;
    }
}
