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

    /** CRC-64/NVME's check value (the CRC of "123456789"), byte by byte and eight at a time. */
    @Test
    void crc64NvmeGivesTheCatalogueCheckValue() {
        byte[] check = "123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Crc64Nvme c = new Crc64Nvme();
        c.update(check, 0, check.length);
        assertEquals(0xae8b14860a799888L, c.getValue());
        Crc64Nvme bytes = new Crc64Nvme();
        for (byte b : check) {
            bytes.update(b);
        }
        assertEquals(0xae8b14860a799888L, bytes.getValue());
    }

    @Test
    void combinedRangesGiveTheWholeCrc64Nvme() {
        byte[] data = new byte[1_000_003];
        new Random(7).nextBytes(data);
        Crc64Nvme c = new Crc64Nvme();
        long whole = crc(c, data, 0, data.length);
        int[] cuts = {0, 3, 65_537, 400_000, 999_999, data.length};
        long combined = crc(c, data, 0, cuts[1]);
        for (int i = 1; i + 1 < cuts.length; i++) {
            long part = crc(c, data, cuts[i], cuts[i + 1] - cuts[i]);
            combined = Crc32Combine.combine64(combined, part, cuts[i + 1] - cuts[i], Crc64Nvme.POLYNOMIAL);
        }
        assertEquals(whole, combined);
    }
}
