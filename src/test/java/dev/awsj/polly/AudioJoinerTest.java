package dev.awsj.polly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioJoinerTest {
    @Test
    void oggCrcIsTheOggChecksum() {
        // CRC-32/CKSUM (same polynomial, initial value 0, not reflected) differs only by its final xor.
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x765E7680, AudioJoiner.OggCrc.crc(check, 0, check.length) ^ 0xFFFFFFFF);
    }

    private static byte[] page(int serial, int sequence, int flags, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = new byte[27];
        header[0] = 'O';
        header[1] = 'g';
        header[2] = 'g';
        header[3] = 'S';
        header[5] = (byte) flags;
        AudioJoiner.writeIntLE(header, 14, serial);
        AudioJoiner.writeIntLE(header, 18, sequence);
        header[26] = 1;
        out.writeBytes(header);
        out.write(payload.length);
        out.writeBytes(payload);
        byte[] page = out.toByteArray();
        AudioJoiner.writeIntLE(page, 22, AudioJoiner.OggCrc.crc(page, 0, page.length));
        return page;
    }

    private static byte[] stream(int serial, String tag) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(page(serial, 0, 0x02, (tag + " header").getBytes(StandardCharsets.US_ASCII)));
        out.writeBytes(page(serial, 1, 0x04, (tag + " audio").getBytes(StandardCharsets.US_ASCII)));
        return out.toByteArray();
    }

    /** serial, flags and payload of each page; fails on a bad checksum. */
    private static List<String> pages(byte[] b) {
        List<String> pages = new ArrayList<>();
        int pos = 0;
        while (pos < b.length) {
            int length = 27 + (b[pos + 26] & 0xff) + (b[pos + 27] & 0xff);
            byte[] page = Arrays.copyOfRange(b, pos, pos + length);
            int crc = AudioJoiner.readIntLE(page, 22);
            AudioJoiner.writeIntLE(page, 22, 0);
            assertEquals(AudioJoiner.OggCrc.crc(page, 0, page.length), crc, "checksum of page at " + pos);
            pages.add(AudioJoiner.readIntLE(page, 14) + "/" + page[5] + "/" + new String(page, 28, length - 28, StandardCharsets.US_ASCII));
            pos += length;
        }
        return pages;
    }

    @Test
    void oggPartsBecomeAChainWithDistinctSerialNumbers() {
        AudioJoiner joiner = new AudioJoiner("ogg_vorbis");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(joiner.part(stream(1234, "a"), 0, false));
        out.writeBytes(joiner.part(stream(1234, "b"), 1, false));
        out.writeBytes(joiner.part(stream(1235, "c"), 2, true));
        assertEquals(List.of("1234/2/a header", "1234/4/a audio", "1235/2/b header", "1235/4/b audio",
                "1236/2/c header", "1236/4/c audio"), pages(out.toByteArray()));
    }

    @Test
    void mp3TagsOnlyFrameTheWholeFile() {
        AudioJoiner joiner = new AudioJoiner("mp3");
        byte[] a = joiner.part(Mp3Frames.frames(2, 1, true, true), 0, false);
        byte[] b = joiner.part(Mp3Frames.frames(1, 2, true, true), 1, true);
        assertArrayEquals(Mp3Frames.frames(2, 1, true, false), a);
        assertArrayEquals(Mp3Frames.frames(1, 2, false, true), b);
    }
}
