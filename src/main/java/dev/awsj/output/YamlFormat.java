package dev.awsj.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.Map;

/** {@code --output yaml}: block-style YAML of the same data; strings quoted where YAML needs it. */
public final class YamlFormat {
    private YamlFormat() {
    }

    public static void write(JsonNode data, PrintStream out) {
        StringBuilder sb = new StringBuilder();
        if (data.isContainerNode() && !data.isEmpty()) {
            block(data, sb, 0);
        } else {
            sb.append(scalar(data)).append('\n');
        }
        out.print(sb);
    }

    private static void block(JsonNode node, StringBuilder sb, int indent) {
        String pad = " ".repeat(indent);
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(pad).append(key(e.getKey())).append(':');
                child(e.getValue(), sb, indent, false);
            }
        } else {
            for (JsonNode e : node) {
                sb.append(pad).append('-');
                if (e.isObject() && !e.isEmpty()) {
                    // First member on the dash line, the rest aligned under it.
                    StringBuilder inner = new StringBuilder();
                    block(e, inner, indent + 2);
                    sb.append(' ').append(inner.substring(indent + 2));
                } else {
                    child(e, sb, indent, true);
                }
            }
        }
    }

    private static void child(JsonNode v, StringBuilder sb, int indent, boolean inList) {
        if (v.isContainerNode() && !v.isEmpty()) {
            sb.append('\n');
            block(v, sb, v.isArray() && !inList ? indent : indent + 2);
        } else {
            sb.append(' ').append(scalar(v)).append('\n');
        }
    }

    private static String key(String k) {
        return needsQuotes(k) ? quote(k) : k;
    }

    static String scalar(JsonNode v) {
        if (v.isNull()) {
            return "null";
        }
        if (v.isArray()) {
            return "[]";
        }
        if (v.isObject()) {
            return "{}";
        }
        if (v.isTextual()) {
            String s = v.asText();
            return needsQuotes(s) ? quote(s) : s;
        }
        return v.asText();
    }

    private static boolean needsQuotes(String s) {
        if (s.isEmpty()) {
            return true;
        }
        if (s.matches("(?i)true|false|yes|no|on|off|null|~|-?[0-9.eE+_:-]+")) {
            return true;
        }
        char c = s.charAt(0);
        if ("-?:,[]{}#&*!|>'\"%@` ".indexOf(c) >= 0 || Character.isWhitespace(s.charAt(s.length() - 1))) {
            return true;
        }
        return s.contains(": ") || s.contains(" #") || s.chars().anyMatch(ch -> ch < 0x20);
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("'");
        if (s.chars().anyMatch(ch -> ch < 0x20)) {
            sb.setLength(0);
            sb.append('"');
            for (char ch : s.toCharArray()) {
                switch (ch) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\t' -> sb.append("\\t");
                    case '\r' -> sb.append("\\r");
                    default -> {
                        if (ch < 0x20) {
                            sb.append(String.format("\\x%02x", (int) ch));
                        } else {
                            sb.append(ch);
                        }
                    }
                }
            }
            return sb.append('"').toString();
        }
        return sb.append(s.replace("'", "''")).append('\'').toString();
    }
}
