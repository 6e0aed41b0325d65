package dev.awsj.s3.transfer;

/**
 * The CRC of two concatenated blocks from the CRCs of each and the second one's length (zlib's
 * crc32_combine, for any reflected 32- or 64-bit polynomial): ranged downloads check a
 * whole-object CRC32, CRC32C or CRC64NVME from the CRCs of their ranges, without reading the file
 * back.
 */
final class Crc32Combine {
    static final long CRC32 = 0xEDB88320L;
    static final long CRC32C = 0x82F63B78L;

    private Crc32Combine() {
    }

    static long combine(long crc1, long crc2, long len2, long polynomial) {
        return combine(crc1, crc2, len2, polynomial, 32) & 0xFFFFFFFFL;
    }

    /** The same for a 64-bit CRC ({@link Crc64Nvme#POLYNOMIAL}). */
    static long combine64(long crc1, long crc2, long len2, long polynomial) {
        return combine(crc1, crc2, len2, polynomial, 64);
    }

    private static long combine(long crc1, long crc2, long len2, long polynomial, int width) {
        if (len2 <= 0) {
            return crc1;
        }
        long[] even = new long[width];
        long[] odd = new long[width];
        odd[0] = polynomial;
        long row = 1;
        for (int n = 1; n < width; n++) {
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
        return c ^ crc2;
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
        for (int n = 0; n < mat.length; n++) {
            square[n] = times(mat, mat[n]);
        }
    }
}
