package dev.awsj.s3.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awsj.core.AwsjException;
import org.junit.jupiter.api.Test;

class TransferConfigTest {
    @Test
    void sizesParseAsTheAwsCliDoes() {
        assertEquals(8L << 20, TransferConfig.parseSize("8MB", "x"));
        assertEquals(16L << 20, TransferConfig.parseSize("16MiB", "x"));
        assertEquals(1L << 30, TransferConfig.parseSize("1GB", "x"));
        assertEquals(1048576, TransferConfig.parseSize("1048576", "x"));
        assertEquals(5L << 10, TransferConfig.parseSize("5 KB", "x"));
        assertEquals(253, assertThrows(AwsjException.class, () -> TransferConfig.parseSize("lots", "x")).exitCode());
    }

    @Test
    void partSizeGrowsToStayWithinTenThousandParts() {
        TransferConfig c = TransferConfig.DEFAULT;
        assertEquals(8L << 20, c.partSize(1L << 30));
        long huge = 200L << 30; // 200 GiB / 8 MiB = 25,600 parts: too many
        long part = c.partSize(huge);
        assertEquals(true, (huge + part - 1) / part <= 10_000);
    }

    @Test
    void s3UrisParse() {
        assertEquals(new S3Uri("b", "k/x.txt"), S3Uri.parse("s3://b/k/x.txt"));
        assertEquals(new S3Uri("b", ""), S3Uri.parse("s3://b"));
        assertEquals("x.txt", S3Uri.parse("s3://b/k/x.txt").baseName());
        assertEquals("k/", S3Uri.parse("s3://b/k").dirPrefix());
        assertEquals(252, assertThrows(AwsjException.class, () -> S3Uri.parse("s3://")).exitCode());
        assertEquals(252, assertThrows(AwsjException.class, () -> S3Uri.parse("s3:///key")).exitCode());
    }

    @Test
    void contentTypesAreGuessedFromNames() {
        assertEquals("text/html", ContentTypes.guess(java.nio.file.Path.of("index.html")));
        assertEquals("text/csv", ContentTypes.guess(java.nio.file.Path.of("a/b/REPORT.CSV")));
        assertEquals("image/png", ContentTypes.guess(java.nio.file.Path.of("plot_image.png")));
    }
}
