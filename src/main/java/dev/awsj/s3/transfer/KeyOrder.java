package dev.awsj.s3.transfer;

import java.util.Comparator;

/**
 * S3's listing order: keys compared as UTF-8 bytes. Comparing code points gives the same order
 * (UTF-8 preserves code point order), which {@link String#compareTo} does not for characters
 * beyond U+FFFF.
 */
public final class KeyOrder implements Comparator<String> {
    public static final KeyOrder INSTANCE = new KeyOrder();

    private KeyOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
