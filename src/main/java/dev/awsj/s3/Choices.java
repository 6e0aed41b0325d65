package dev.awsj.s3;

import java.util.Iterator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;

/**
 * The values the AWS CLI's s3 commands accept for a flag (its {@code choices}): a value outside
 * them is a usage error (252) before anything is sent, and completion offers them.
 */
abstract class Choices implements ITypeConverter<String>, Iterable<String> {
    private final List<String> values;

    Choices(List<String> values) {
        this.values = values;
    }

    @Override
    public String convert(String value) {
        if (!values.contains(value)) {
            String near = values.stream().filter(v -> v.equalsIgnoreCase(value) || close(v, value)).findFirst()
                    .map(v -> "; did you mean " + v + "?").orElse("");
            // picocli prefixes it with the option: Invalid value for option '--acl': Invalid choice …
            throw new CommandLine.TypeConversionException("Invalid choice '" + value + "', valid choices are: "
                    + String.join(" | ", values) + near);
        }
        return value;
    }

    @Override
    public Iterator<String> iterator() {
        return values.iterator();
    }

    /** One edit apart (a letter missing, added or changed), the typing slips worth a suggestion. */
    private static boolean close(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        if (Math.abs(x.length() - y.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < x.length() && i < y.length() && x.charAt(i) == y.charAt(i)) {
            i++;
        }
        int j = 0;
        while (j < x.length() - i && j < y.length() - i
                && x.charAt(x.length() - 1 - j) == y.charAt(y.length() - 1 - j)) {
            j++;
        }
        return x.length() - i - j <= 1 && y.length() - i - j <= 1;
    }

    static final class Acl extends Choices {
        Acl() {
            super(List.of("private", "public-read", "public-read-write", "authenticated-read", "aws-exec-read",
                    "bucket-owner-read", "bucket-owner-full-control", "log-delivery-write"));
        }
    }

    static final class StorageClass extends Choices {
        StorageClass() {
            super(List.of("STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA", "ONEZONE_IA",
                    "INTELLIGENT_TIERING", "GLACIER", "DEEP_ARCHIVE", "GLACIER_IR"));
        }
    }

    static final class Sse extends Choices {
        Sse() {
            super(List.of("AES256", "aws:kms"));
        }
    }
}
