package org.sovereignai.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sovereignai.io.Json;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Schema;
import org.sovereignai.record.Vocabulary;

/**
 * Generates the JSON Schema (draft 2020-12) of one record from the same {@link Schema} the validator uses, so the two
 * cannot drift: {@code schemas/project.schema.json} is this output (a test compares them; {@code ./sai schema}
 * rewrites it). A record in JSON has multi-valued fields as arrays, numbers as numbers, and blank fields left out.
 * It expresses every rule about one record (the RECORD scope of {@link Code}); rules about the sheet and between
 * records (unique ids, aliases, bases naming other records) are beyond a single-record schema.
 */
public final class ProjectJsonSchema {
    /** YYYY-Qn, YYYY-MM or a YYYY-MM-DD that exists (leap years included), as {@code PartialDate} parses them. */
    public static final String DATE_PATTERN = "^[0-9]{4}-(Q[1-4]|0[1-9]|1[0-2])$"
            + "|^[0-9]{4}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))$"
            + "|^([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29$";
    /** Free text must have a visible character (blank means absent, and absent fields are left out). */
    static final String NOT_BLANK = "\\S";

    private ProjectJsonSchema() {
    }

    /** The schema as pretty JSON text, the same bytes every time. */
    /**
     * A checker of published JSON records against the generated schema (networknt, draft 2020-12): each call gives the
     * record's violations as messages, none when it conforms. Build once; it is safe to reuse.
     */
    public static java.util.function.Function<com.fasterxml.jackson.databind.JsonNode, List<String>> checker(Schema schema) {
        com.networknt.schema.Schema compiled = com.networknt.schema.SchemaRegistry
                .withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
                .getSchema(org.sovereignai.io.Json.mapper().valueToTree(generate(schema)));
        return record -> compiled.validate(record).stream().map(com.networknt.schema.Error::toString).toList();
    }

    public static String render(Schema schema) {
        return Json.write(generate(schema));
    }

    public static Map<String, Object> generate(Schema schema) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "urn:sovereign-ai-index:schema:project:" + schema.version());
        root.put("title", "Sovereign AI Index project record");
        root.put("description", "One project of the index, as published in releases. Generated from schemas/fields.csv and"
                + " schemas/vocabularies/ (schema version " + schema.version() + ") by './sai schema'; do not edit by hand.");
        root.put("type", "object");
        root.put("additionalProperties", false);
        List<String> required = new ArrayList<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        for (FieldSpec f : schema.fields()) {
            properties.put(f.name(), property(schema, f));
            if (f.required() && f.common()) required.add(f.name());
        }
        root.put("required", required);
        root.put("properties", properties);
        List<Object> allOf = new ArrayList<>();
        for (Layer layer : Layer.values()) allOf.add(layerRule(schema, layer));
        allOf.addAll(crossFieldRules(schema));
        root.put("allOf", allOf);
        return root;
    }

    private static Map<String, Object> property(Schema schema, FieldSpec f) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("description", f.description());
        switch (f.type()) {
            case NUMBER, INTEGER -> {
                item.put("type", f.type() == org.sovereignai.record.FieldType.INTEGER ? "integer" : "number");
                if (f.minimum() != null) item.put("minimum", f.minimum() == Math.rint(f.minimum()) ? (Object) f.minimum().longValue() : f.minimum());
            }
            case ENUM -> {
                item.put("type", "string");
                item.put("enum", new ArrayList<>(schema.vocabulary(f.vocabulary()).values()));
            }
            case JURISDICTION -> {
                item.put("type", "string");
                item.put("pattern", jurisdictionPattern(schema.vocabulary(Schema.JURISDICTIONS_VOCABULARY)));
            }
            case DATE -> {
                item.put("type", "string");
                item.put("pattern", DATE_PATTERN);
            }
            case URL -> {
                item.put("type", "string");
                item.put("pattern", Urls.PATTERN);
            }
            default -> {
                item.put("type", "string");
                item.put("pattern", f.pattern() != null ? anchored(f.pattern().pattern()) : NOT_BLANK);
            }
        }
        if (f.maxLength() > 0) item.put("maxLength", f.maxLength());
        if (!f.multi()) return item;
        Map<String, Object> array = new LinkedHashMap<>();
        array.put("description", item.remove("description") + " (several values: a list)");
        array.put("type", "array");
        array.put("minItems", 1);
        array.put("items", item);
        return array;
    }

    /** For each layer: its required fields are required, other layers' fields must be absent. */
    private static Map<String, Object> layerRule(Schema schema, Layer layer) {
        List<String> required = new ArrayList<>();
        Map<String, Object> forbidden = new LinkedHashMap<>();
        for (FieldSpec f : schema.fields()) {
            if (!f.appliesTo(layer)) forbidden.put(f.name(), false);
            else if (f.required() && !f.common()) required.add(f.name());
        }
        Map<String, Object> then = new LinkedHashMap<>();
        if (!required.isEmpty()) then.put("required", required);
        if (!forbidden.isEmpty()) then.put("properties", forbidden);
        return ifThen(Map.of("layer", Map.of("const", layer.value())), List.of("layer"), then);
    }

    /** The cross-field rules of {@link BaseModelsForApproach} and {@link PermissiveLicence}, from the same vocabulary columns. */
    private static List<Object> crossFieldRules(Schema schema) {
        List<Object> rules = new ArrayList<>();
        Vocabulary approaches = schema.vocabulary(schema.require(Schema.BUILD_APPROACH).vocabulary());
        List<String> none = new ArrayList<>();
        List<String> needed = new ArrayList<>();
        for (String a : approaches.values()) {
            String rule = approaches.attribute(a, BaseModelsForApproach.BASE_MODELS_RULE);
            if (BaseModelsForApproach.NONE.equals(rule)) none.add(a);
            if (BaseModelsForApproach.REQUIRED.equals(rule)) needed.add(a);
        }
        Map<String, Object> models = Map.of("const", Layer.MODELS.value());
        if (!none.isEmpty()) {
            rules.add(ifThen(Map.of(Schema.LAYER, models, Schema.BUILD_APPROACH, Map.of("enum", none)),
                    List.of(Schema.LAYER, Schema.BUILD_APPROACH), Map.of("properties", Map.of(Schema.BASE_MODELS, false))));
        }
        if (!needed.isEmpty()) {
            rules.add(ifThen(Map.of(Schema.LAYER, models, Schema.BUILD_APPROACH, Map.of("enum", needed)),
                    List.of(Schema.LAYER, Schema.BUILD_APPROACH), Map.of("required", List.of(Schema.BASE_MODELS))));
        }
        Vocabulary statuses = schema.vocabulary(schema.require(Schema.RELEASE_STATUS).vocabulary());
        List<String> permissiveOnly = new ArrayList<>();
        for (String s : statuses.values()) {
            if (PermissiveLicence.PERMISSIVE.equals(statuses.attribute(s, PermissiveLicence.LICENSE_RULE))) permissiveOnly.add(s);
        }
        if (!permissiveOnly.isEmpty()) {
            List<String> permissive = new ArrayList<>(schema.vocabulary(Schema.PERMISSIVE_LICENSES_VOCABULARY).values());
            rules.add(ifThen(Map.of(Schema.LAYER, models, Schema.RELEASE_STATUS, Map.of("enum", permissiveOnly)),
                    List.of(Schema.LAYER, Schema.RELEASE_STATUS), Map.of("properties", Map.of(Schema.LICENSE, Map.of("enum", permissive)))));
        }
        return rules;
    }

    private static Map<String, Object> ifThen(Map<String, Object> properties, List<String> required, Map<String, Object> then) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("properties", properties);
        condition.put("required", required);
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("if", condition);
        rule.put("then", then);
        return rule;
    }

    /** Alpha-2 codes and EU, or a subdivision (CC-XXX) of an alpha-2 code other than EU. */
    static String jurisdictionPattern(Vocabulary jurisdictions) {
        List<String> all = new ArrayList<>();
        List<String> countries = new ArrayList<>();
        for (String code : jurisdictions.values()) {
            if (code.indexOf('-') >= 0) continue;
            all.add(code);
            if (!code.equals("EU")) countries.add(code);
        }
        return "^(" + String.join("|", all) + ")$|^(" + String.join("|", countries) + ")-[A-Z0-9]{1,3}$";
    }

    /** JSON Schema patterns match anywhere; the contract's patterns mean the whole value. */
    static String anchored(String pattern) {
        String p = pattern.startsWith("^") ? pattern : "^(" + pattern + ")";
        return p.endsWith("$") ? p : p + "$";
    }
}
