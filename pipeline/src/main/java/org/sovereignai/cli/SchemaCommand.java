package org.sovereignai.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.sovereignai.check.ProjectJsonSchema;
import org.sovereignai.io.AtomicFiles;
import org.sovereignai.record.Schema;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sai schema}: prints (or writes) the JSON Schema of a record, generated from schemas/fields.csv and the vocabularies. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema (draft 2020-12) of a project record, generated from the record contract.",
                "Use --output schemas/project.schema.json after changing fields.csv or a vocabulary."})
public final class SchemaCommand implements Callable<Integer> {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the schema to FILE instead of printing it")
    Path output;

    @Option(names = "--schemas", paramLabel = "DIR", description = "read the contract from DIR (default: the bundled schemas/)")
    Path schemas;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Schema schema = schemas == null ? Schema.bundled() : Schema.fromDirectory(schemas);
        String text = ProjectJsonSchema.render(schema);
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            AtomicFiles.write(output, text.getBytes(StandardCharsets.UTF_8));
        }
        return Sai.OK;
    }
}
