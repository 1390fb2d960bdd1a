package org.sovereignai.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Schema;
import org.sovereignai.record.Text;
import org.sovereignai.sheet.RecordRow;

/**
 * An alias equal (ignoring case) to another record's id: a search for it would find two projects. Aliases are kept
 * only for the rows that have them, and judged at the end against {@link UniqueIds}.
 */
final class AliasClashes implements Check {
    private final FieldSpec aliasesField;
    private final UniqueIds ids;
    private final List<Reference> aliases = new ArrayList<>();

    AliasClashes(Schema schema, UniqueIds ids) {
        this.aliasesField = schema.require(Schema.ALIASES);
        this.ids = ids;
    }

    @Override
    public boolean acrossRecords() {
        return true;
    }

    @Override
    public void row(RecordRow rr, Layer layer, Consumer<Finding> out) {
        String a = rr.project().get(aliasesField);
        if (a == null) return;
        for (String alias : Text.splitCanonical(a)) {
            aliases.add(new Reference(alias.toLowerCase(Locale.ROOT), alias, rr.row().number(), rr.project().id()));
        }
    }

    @Override
    public void end(Header header, Consumer<Finding> out) {
        for (Reference u : aliases) {
            int owner = ids.entry(u.key());
            if (owner < 0 || u.key().equals(u.ownerId()) || UniqueIds.rowOf(owner) == u.row()) continue;
            out.accept(Code.ID_ALIAS_COLLISION.at(header.sheet().atField(u.row(), header.columns(), aliasesField), u.ownerId(),
                    u.value(), "the alias '" + u.value() + "' is the id of another record (row " + UniqueIds.rowOf(owner)
                            + "), so a search for '" + u.key() + "' would find two projects. Remove the alias, or merge the"
                            + " two rows if they are one project."));
        }
    }
}
