package dev.awsj.json;

import dev.awsj.core.AwsjException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Locale;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.protocol.MarshallingType;

/** Text from the command line or JSON to a scalar SDK value of a given marshalling type. */
public final class ScalarParser {
    private ScalarParser() {
    }

    public static Object parse(String text, MarshallingType<?> type, String where) {
        return parse(text, type, where, false);
    }

    /**
     * As {@link #parse(String, MarshallingType, String)}; with {@code rawBlobs} (aws's
     * {@code --cli-binary-format raw-in-base64-out}) a blob is the text's UTF-8 bytes, not base64.
     */
    public static Object parse(String text, MarshallingType<?> type, String where, boolean rawBlobs) {
        if (type == MarshallingType.SDK_BYTES && rawBlobs) {
            return SdkBytes.fromUtf8String(text);
        }
        try {
            if (type == MarshallingType.STRING) {
                return text;
            }
            if (type == MarshallingType.INTEGER) {
                return Integer.valueOf(text.trim());
            }
            if (type == MarshallingType.LONG) {
                return Long.valueOf(text.trim());
            }
            if (type == MarshallingType.SHORT) {
                return Short.valueOf(text.trim());
            }
            if (type == MarshallingType.BYTE) {
                return Byte.valueOf(text.trim());
            }
            if (type == MarshallingType.FLOAT) {
                return Float.valueOf(text.trim());
            }
            if (type == MarshallingType.DOUBLE) {
                return Double.valueOf(text.trim());
            }
            if (type == MarshallingType.BIG_DECIMAL) {
                return new BigDecimal(text.trim());
            }
            if (type == MarshallingType.BOOLEAN) {
                String b = text.trim().toLowerCase(Locale.ROOT);
                if (!b.equals("true") && !b.equals("false")) {
                    throw new IllegalArgumentException("expected true or false");
                }
                return Boolean.valueOf(b);
            }
            if (type == MarshallingType.INSTANT) {
                return SdkJson.parseInstant(text);
            }
            if (type == MarshallingType.SDK_BYTES) {
                // As the AWS CLI v2: blob values in text are base64; fileb:// gives raw bytes.
                return SdkBytes.fromByteArray(Base64.getDecoder().decode(text.trim()));
            }
        } catch (RuntimeException e) {
            throw AwsjException.usage("Bad value for " + where + ": \"" + text + "\" is not a valid "
                    + typeName(type) + (e.getMessage() != null && type == MarshallingType.BOOLEAN ? " (" + e.getMessage() + ")" : ""));
        }
        throw AwsjException.usage("Bad value for " + where + ": a " + typeName(type) + " cannot be given as text");
    }

    /** The name a user sees for a type in help and errors. */
    public static String typeName(MarshallingType<?> type) {
        if (type == MarshallingType.STRING) {
            return "string";
        }
        if (type == MarshallingType.INTEGER || type == MarshallingType.LONG || type == MarshallingType.SHORT
                || type == MarshallingType.BYTE) {
            return "integer";
        }
        if (type == MarshallingType.FLOAT || type == MarshallingType.DOUBLE || type == MarshallingType.BIG_DECIMAL) {
            return "number";
        }
        if (type == MarshallingType.BOOLEAN) {
            return "boolean";
        }
        if (type == MarshallingType.INSTANT) {
            return "timestamp";
        }
        if (type == MarshallingType.SDK_BYTES) {
            return "blob";
        }
        if (type == MarshallingType.SDK_POJO) {
            return "structure";
        }
        if (type == MarshallingType.LIST) {
            return "list";
        }
        if (type == MarshallingType.MAP) {
            return "map";
        }
        if (type == MarshallingType.DOCUMENT) {
            return "document";
        }
        return "value";
    }
}
