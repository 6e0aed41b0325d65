package dev.awsj.polly;

import java.io.ByteArrayOutputStream;

/** Tiny valid MPEG-1 Layer III streams (silent 128 kb/s 44.1 kHz frames) for joiner tests. */
final class Mp3Frames {
    static final int FRAME = 417; // 144 * 128000 / 44100, no padding

    private Mp3Frames() {
    }

    /** {@code frames} frames; the first payload byte of each carries {@code marker} to tell parts apart. */
    static byte[] frames(int frames, int marker, boolean id3v2, boolean id3v1) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (id3v2) {
            // ID3v2.3 header + one 20-byte frame of padding: size 20 as syncsafe.
            out.writeBytes(new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 20});
            out.writeBytes(new byte[20]);
        }
        for (int i = 0; i < frames; i++) {
            byte[] f = new byte[FRAME];
            f[0] = (byte) 0xFF;
            f[1] = (byte) 0xFB; // MPEG-1, Layer III, no CRC
            f[2] = (byte) 0x90; // 128 kb/s, 44.1 kHz, no padding
            f[3] = (byte) 0x64; // joint stereo
            f[36] = (byte) marker;
            out.writeBytes(f);
        }
        if (id3v1) {
            byte[] tag = new byte[128];
            tag[0] = 'T';
            tag[1] = 'A';
            tag[2] = 'G';
            out.writeBytes(tag);
        }
        return out.toByteArray();
    }

    /** Walks a stream: skips a leading ID3v2 tag, then counts frames; fails on anything else but a final ID3v1 tag. */
    static int[] markers(byte[] b) {
        int pos = AudioJoiner.id3v2Length(b);
        java.util.List<Integer> markers = new java.util.ArrayList<>();
        while (pos < b.length) {
            if (b.length - pos == 128 && b[pos] == 'T' && b[pos + 1] == 'A' && b[pos + 2] == 'G') {
                break;
            }
            if ((b[pos] & 0xff) != 0xFF || (b[pos + 1] & 0xE0) != 0xE0) {
                throw new AssertionError("no MPEG frame sync at byte " + pos);
            }
            markers.add(b[pos + 36] & 0xff);
            pos += FRAME;
        }
        return markers.stream().mapToInt(Integer::intValue).toArray();
    }
}
