package dev.awsj.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.burt.jmespath.Adapter;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPathType;
import io.burt.jmespath.jackson.JacksonRuntime;
import io.burt.jmespath.node.ComparisonNode;
import io.burt.jmespath.node.Node;
import io.burt.jmespath.node.NodeFactory;
import io.burt.jmespath.node.Operator;
import io.burt.jmespath.node.StandardNodeFactory;

/**
 * JMESPath as the AWS CLI evaluates {@code --query} (its bundled jmespath.py), where that differs
 * from the specification that the library follows:
 * <ul>
 * <li>a backtick literal that is not JSON is a string ({@code `prod`} = {@code "prod"}), the
 *     elided-quote form the AWS CLI's documentation uses;</li>
 * <li>the ordering comparisons {@code < <= > >=} also compare two strings
 *     ({@code [?LastModified>='2026-01-01']}), by code point; other mixed operands give null.</li>
 * </ul>
 */
final class AwsCliJmesPath extends JacksonRuntime {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NodeFactory<JsonNode> nodes = new StandardNodeFactory<>(this) {
        @Override
        public Node<JsonNode> createComparison(Operator op, Expression<JsonNode> left, Expression<JsonNode> right) {
            return op == Operator.EQUALS || op == Operator.NOT_EQUALS ? super.createComparison(op, left, right)
                    : new Ordering(AwsCliJmesPath.this, op, left, right);
        }
    };

    @Override
    public NodeFactory<JsonNode> nodeFactory() {
        return nodes;
    }

    @Override
    public Expression<JsonNode> compile(String expression) {
        return super.compile(legacyLiterals(expression));
    }

    /**
     * Rewrites each backtick literal that is not JSON into the JSON string jmespath.py makes of it
     * (the library's grammar refuses it before any node is made). Quoted strings and escaped
     * backticks are passed over.
     */
    static String legacyLiterals(String expression) {
        StringBuilder out = new StringBuilder(expression.length() + 8);
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closing(expression, i, c);
                out.append(expression, i, end);
                i = end;
            } else if (c == '`') {
                int end = closing(expression, i, '`');
                if (end - 1 <= i || expression.charAt(end - 1) != '`') {
                    out.append(expression, i, expression.length());
                    break;
                }
                String lexeme = expression.substring(i + 1, end - 1).replace("\\`", "`");
                String literal = isJson(lexeme) ? lexeme : quoted(lexeme);
                out.append('`').append(literal.replace("`", "\\`")).append('`');
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index after the quote that closes the one at {@code start} (backslash escapes skipped). */
    private static int closing(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length() && s.charAt(i) != quote) {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, s.length());
    }

    private static boolean isJson(String raw) {
        try {
            JSON.readTree(raw);
            return !raw.isBlank();
        } catch (Exception e) {
            return false;
        }
    }

    /** jmespath.py's fallback: the text, left-stripped, between double quotes, read as JSON. */
    private static String quoted(String raw) {
        String candidate = "\"" + raw.stripLeading() + "\"";
        return isJson(candidate) ? candidate : raw;
    }

    /** An ordering comparison of two numbers or two strings; anything else is null. */
    private static final class Ordering extends ComparisonNode<JsonNode> {
        private final Operator op;

        Ordering(Adapter<JsonNode> runtime, Operator op, Expression<JsonNode> left, Expression<JsonNode> right) {
            super(runtime, left, right);
            this.op = op;
        }

        @Override
        public JsonNode search(JsonNode input) {
            JsonNode a = operand(0).search(input);
            JsonNode b = operand(1).search(input);
            JmesPathType ta = runtime.typeOf(a);
            JmesPathType tb = runtime.typeOf(b);
            int c;
            if (ta == JmesPathType.NUMBER && tb == JmesPathType.NUMBER) {
                c = Double.compare(a.asDouble(), b.asDouble());
            } else if (ta == JmesPathType.STRING && tb == JmesPathType.STRING) {
                c = a.asText().compareTo(b.asText());
            } else {
                return runtime.createNull();
            }
            return runtime.createBoolean(switch (op) {
                case LESS_THAN -> c < 0;
                case LESS_THAN_OR_EQUALS -> c <= 0;
                case GREATER_THAN -> c > 0;
                default -> c >= 0;
            });
        }

        @Override
        protected JsonNode compareNumbers(JsonNode a, JsonNode b) {
            throw new UnsupportedOperationException("search() compares");
        }

        @Override
        protected String operatorToString() {
            return op.toString();
        }
    }
}
