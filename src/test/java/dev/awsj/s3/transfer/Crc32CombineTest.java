package dev.awsj.s3.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import org.junit.jupiter.api.Test;

class Crc32CombineTest {
    static long crc(Checksum c, byte[] b, int off, int len) {
        c.reset();
        c.update(b, off, len);
        return c.getValue();
    }

    @Test
    void combinedRangesGiveTheWholeCrc() {
        byte[] data = new byte[1_000_003];
        new Random(42).nextBytes(data);
        for (Checksum c : new Checksum[] {new CRC32(), new CRC32C()}) {
            long poly = c instanceof CRC32 ? Crc32Combine.CRC32 : Crc32Combine.CRC32C;
            long whole = crc(c, data, 0, data.length);
            int[] cuts = {0, 1, 65_536, 400_000, 999_999, data.length};
            long combined = crc(c, data, 0, cuts[1]);
            for (int i = 1; i + 1 < cuts.length; i++) {
                long part = crc(c, data, cuts[i], cuts[i + 1] - cuts[i]);
                combined = Crc32Combine.combine(combined, part, cuts[i + 1] - cuts[i], poly);
            }
            assertEquals(whole, combined, c.getClass().getSimpleName());
        }
    }
}
