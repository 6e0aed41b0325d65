package dev.awsj.s3.transfer;

/**
 * The CRC of two concatenated blocks from the CRCs of each and the second one's length (zlib's
 * crc32_combine, for any reflected 32-bit polynomial): ranged downloads check a whole-object
 * CRC32 or CRC32C from the CRCs of their ranges, without reading the file back.
 */
final class Crc32Combine {
    static final long CRC32 = 0xEDB88320L;
    static final long CRC32C = 0x82F63B78L;

    private Crc32Combine() {
    }

    static long combine(long crc1, long crc2, long len2, long polynomial) {
        if (len2 <= 0) {
            return crc1;
        }
        long[] even = new long[32];
        long[] odd = new long[32];
        odd[0] = polynomial;
        long row = 1;
        for (int n = 1; n < 32; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd);
        square(odd, even);
        long c = crc1;
        long len = len2;
        do {
            square(even, odd);
            if ((len & 1) != 0) {
                c = times(even, c);
            }
            len >>= 1;
            if (len == 0) {
                break;
            }
            square(odd, even);
            if ((len & 1) != 0) {
                c = times(odd, c);
            }
            len >>= 1;
        } while (len != 0);
        return (c ^ crc2) & 0xFFFFFFFFL;
    }

    private static long times(long[] mat, long vec) {
        long sum = 0;
        int i = 0;
        long v = vec;
        while (v != 0) {
            if ((v & 1) != 0) {
                sum ^= mat[i];
            }
            v >>>= 1;
            i++;
        }
        return sum;
    }

    private static void square(long[] square, long[] mat) {
        for (int n = 0; n < 32; n++) {
            square[n] = times(mat, mat[n]);
        }
    }
}
