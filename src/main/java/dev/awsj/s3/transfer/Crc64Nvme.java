package dev.awsj.s3.transfer;

import java.util.zip.Checksum;

/**
 * CRC-64/NVME (reflected polynomial 0xad93d23594c93659, initial value and final XOR all ones), the
 * checksum S3 calls CRC64NVME. The SDK computes it only through the native CRT library, which awsj
 * does not ship: awsj computes it here and sends the value itself.
 */
final class Crc64Nvme implements Checksum {
    /** The polynomial bit-reversed, as the table-driven reflected algorithm uses it. */
    static final long POLYNOMIAL = 0x9a6c9329ac4bc9b5L;
    private static final long[][] TABLES = tables();

    private long crc = -1L;

    private static long[][] tables() {
        long[][] t = new long[8][256];
        for (int i = 0; i < 256; i++) {
            long c = i;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ POLYNOMIAL : c >>> 1;
            }
            t[0][i] = c;
        }
        for (int i = 0; i < 256; i++) {
            for (int k = 1; k < 8; k++) {
                t[k][i] = (t[k - 1][i] >>> 8) ^ t[0][(int) (t[k - 1][i] & 0xff)];
            }
        }
        return t;
    }

    @Override
    public void update(int b) {
        crc = (crc >>> 8) ^ TABLES[0][(int) ((crc ^ b) & 0xff)];
    }

    /** Eight bytes a step (slicing-by-8), then byte by byte. */
    @Override
    public void update(byte[] b, int off, int len) {
        long c = crc;
        int i = off;
        int end = off + len;
        long[][] t = TABLES;
        while (end - i >= 8) {
            long x = c ^ ((b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24
                    | (b[i + 4] & 0xffL) << 32 | (b[i + 5] & 0xffL) << 40 | (b[i + 6] & 0xffL) << 48 | (b[i + 7] & 0xffL) << 56);
            c = t[7][(int) (x & 0xff)] ^ t[6][(int) ((x >>> 8) & 0xff)] ^ t[5][(int) ((x >>> 16) & 0xff)]
                    ^ t[4][(int) ((x >>> 24) & 0xff)] ^ t[3][(int) ((x >>> 32) & 0xff)] ^ t[2][(int) ((x >>> 40) & 0xff)]
                    ^ t[1][(int) ((x >>> 48) & 0xff)] ^ t[0][(int) (x >>> 56)];
            i += 8;
        }
        while (i < end) {
            c = (c >>> 8) ^ t[0][(int) ((c ^ b[i++]) & 0xff)];
        }
        crc = c;
    }

    @Override
    public long getValue() {
        return ~crc;
    }

    @Override
    public void reset() {
        crc = -1L;
    }
}
