package dev.awsj.polly;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Joins the audio of consecutive synthesis parts into one valid file, part by part, so the
 * whole never has to be in memory:
 * <ul>
 * <li>mp3: MPEG frames are self-contained and concatenate; an ID3v2 tag at the start of a later part
 * and an ID3v1 tag at the end of an earlier one are dropped so tags only frame the whole file.</li>
 * <li>pcm: raw 16-bit samples concatenate.</li>
 * <li>ogg_vorbis: each part is a complete Ogg Vorbis stream; the parts are <em>chained</em> (RFC 3533
 * §4), which is a valid Ogg file that players read as consecutive streams. Chained streams must
 * have distinct serial numbers, so later parts get a fresh serial number written into every page,
 * and each changed page's CRC is recomputed.</li>
 * </ul>
 */
final class AudioJoiner {
    private final String format;
    private final Set<Integer> serials = new HashSet<>();

    AudioJoiner(String format) {
        this.format = format;
    }

    /** The bytes of part {@code index} to append to the output. */
    byte[] part(byte[] audio, int index, boolean last) {
        return switch (format) {
            case "mp3" -> mp3(audio, index, last);
            case "ogg_vorbis" -> ogg(audio);
            default -> audio;
        };
    }

    private static byte[] mp3(byte[] audio, int index, boolean last) {
        int start = 0;
        int end = audio.length;
        if (index > 0) {
            start = id3v2Length(audio);
        }
        if (!last && end - start >= 128 && audio[end - 128] == 'T' && audio[end - 127] == 'A' && audio[end - 126] == 'G') {
            end -= 128;
        }
        return start == 0 && end == audio.length ? audio : Arrays.copyOfRange(audio, start, end);
    }

    /** Size of a leading ID3v2 tag (header, syncsafe size, optional footer), or 0. */
    static int id3v2Length(byte[] b) {
        if (b.length < 10 || b[0] != 'I' || b[1] != 'D' || b[2] != '3') {
            return 0;
        }
        int size = (b[6] & 0x7f) << 21 | (b[7] & 0x7f) << 14 | (b[8] & 0x7f) << 7 | (b[9] & 0x7f);
        boolean footer = (b[5] & 0x10) != 0;
        return Math.min(b.length, 10 + size + (footer ? 10 : 0));
    }

    private byte[] ogg(byte[] audio) {
        byte[] out = audio.clone();
        int pos = 0;
        Integer fresh = null;
        while (pos + 27 <= out.length && out[pos] == 'O' && out[pos + 1] == 'g' && out[pos + 2] == 'g' && out[pos + 3] == 'S') {
            int serial = readIntLE(out, pos + 14);
            if (fresh == null) {
                fresh = serial;
                while (serials.contains(fresh)) {
                    fresh++;
                }
                serials.add(fresh);
            }
            int segments = out[pos + 26] & 0xff;
            int bodyLength = 0;
            for (int i = 0; i < segments; i++) {
                bodyLength += out[pos + 27 + i] & 0xff;
            }
            int pageLength = 27 + segments + bodyLength;
            if (pos + pageLength > out.length) {
                break;
            }
            if (serial != fresh) {
                writeIntLE(out, pos + 14, fresh);
                writeIntLE(out, pos + 22, 0);
                writeIntLE(out, pos + 22, OggCrc.crc(out, pos, pageLength));
            }
            pos += pageLength;
        }
        return out;
    }

    static int readIntLE(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    static void writeIntLE(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }

    /** The Ogg page checksum: CRC-32, polynomial 0x04c11db7, not reflected, initial value 0. */
    static final class OggCrc {
        private static final int[] TABLE = new int[256];

        static {
            for (int i = 0; i < 256; i++) {
                int r = i << 24;
                for (int j = 0; j < 8; j++) {
                    r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04c11db7 : r << 1;
                }
                TABLE[i] = r;
            }
        }

        private OggCrc() {
        }

        static int crc(byte[] b, int off, int len) {
            int crc = 0;
            for (int i = off; i < off + len; i++) {
                crc = (crc << 8) ^ TABLE[((crc >>> 24) & 0xff) ^ (b[i] & 0xff)];
            }
            return crc;
        }
    }
}
