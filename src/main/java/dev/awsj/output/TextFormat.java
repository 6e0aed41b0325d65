package dev.awsj.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code --output text}: the AWS CLI's tab-separated layout. Scalars of an object on one line in
 * key order; nested lists and objects on lines of their own, prefixed with their key in capitals;
 * a list of scalars on one line.
 */
public final class TextFormat {
    private TextFormat() {
    }

    public static void write(JsonNode data, PrintStream out) {
        StringBuilder sb = new StringBuilder();
        format(data, sb, null, null);
        out.print(sb);
    }

    private static void format(JsonNode item, StringBuilder sb, String identifier, List<String> scalarKeys) {
        if (item.isObject()) {
            formatObject(scalarKeys, item, identifier, sb);
        } else if (item.isArray()) {
            formatList(item, identifier, sb);
        } else {
            sb.append(scalar(item)).append('\n');
        }
    }

    private static void formatList(JsonNode list, String identifier, StringBuilder sb) {
        if (list.isEmpty()) {
            return;
        }
        boolean anyObject = false;
        boolean anyList = false;
        for (JsonNode e : list) {
            anyObject |= e.isObject();
            anyList |= e.isArray();
        }
        if (anyObject) {
            List<String> keys = allScalarKeys(list);
            for (JsonNode e : list) {
                format(e, sb, identifier, keys);
            }
        } else if (anyList) {
            List<JsonNode> scalars = new ArrayList<>();
            List<JsonNode> others = new ArrayList<>();
            for (JsonNode e : list) {
                (e.isContainerNode() ? others : scalars).add(e);
            }
            if (!scalars.isEmpty()) {
                scalarList(scalars, identifier, sb);
            }
            for (JsonNode o : others) {
                format(o, sb, identifier, null);
            }
        } else {
            List<JsonNode> all = new ArrayList<>();
            list.forEach(all::add);
            scalarList(all, identifier, sb);
        }
    }

    private static void scalarList(List<JsonNode> elements, String identifier, StringBuilder sb) {
        if (identifier != null) {
            for (JsonNode e : elements) {
                sb.append(identifier.toUpperCase(Locale.ROOT)).append('\t').append(scalar(e)).append('\n');
            }
        } else {
            List<String> parts = new ArrayList<>();
            elements.forEach(e -> parts.add(scalar(e)));
            sb.append(String.join("\t", parts)).append('\n');
        }
    }

    private static void formatObject(List<String> scalarKeys, JsonNode obj, String identifier, StringBuilder sb) {
        List<String> scalars = new ArrayList<>();
        Map<String, JsonNode> nonScalars = new TreeMap<>();
        if (scalarKeys == null) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            obj.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                if (e.getValue().isContainerNode()) {
                    nonScalars.put(e.getKey(), e.getValue());
                } else {
                    scalars.add(scalar(e.getValue()));
                }
            }
        } else {
            for (String k : scalarKeys) {
                JsonNode v = obj.get(k);
                scalars.add(v == null ? "" : scalar(v));
            }
            Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!scalarKeys.contains(e.getKey())) {
                    nonScalars.put(e.getKey(), e.getValue());
                }
            }
        }
        if (!scalars.isEmpty()) {
            if (identifier != null) {
                scalars.add(0, identifier.toUpperCase(Locale.ROOT));
            }
            sb.append(String.join("\t", scalars)).append('\n');
        }
        for (Map.Entry<String, JsonNode> e : nonScalars.entrySet()) {
            format(e.getValue(), sb, e.getKey(), null);
        }
    }

    private static List<String> allScalarKeys(JsonNode list) {
        TreeSet<String> keys = new TreeSet<>();
        for (JsonNode e : list) {
            if (e.isObject()) {
                e.fields().forEachRemaining(f -> {
                    if (!f.getValue().isContainerNode()) {
                        keys.add(f.getKey());
                    }
                });
            }
        }
        return new ArrayList<>(keys);
    }

    /** A scalar as Python's str() shows it: True/False/None for booleans and null. */
    static String scalar(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "None";
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "True" : "False";
        }
        if (v.isFloatingPointNumber() && !v.isBigDecimal()) {
            return PythonFloat.repr(v.doubleValue());
        }
        return v.asText();
    }
}
