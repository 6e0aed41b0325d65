package dev.awsj.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awsj.core.AwsjException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentsTest {
    @Test
    void everyLineIsADocumentWithItsNumber() {
        assertEquals(List.of(new Documents.Document(1, "one"), new Documents.Document(2, "  "), new Documents.Document(3, "three")),
                Documents.lines("one\r\n  \nthree\n"));
        assertEquals(List.of(new Documents.Document(1, "last")), Documents.lines("last"));
    }

    @Test
    void csvColumnHandlesQuotesCommasAndLineBreaks() {
        String csv = "id,\"public_description\",image\n"
                + "1,\"Scooter, \"\"blocking\"\" the way\",a.jpg\n"
                + "2,\"two\nlines\",b.jpg\n"
                + "3,,c.jpg\n"
                + "4,last,d.jpg";
        assertEquals(List.of(new Documents.Document(2, "Scooter, \"blocking\" the way"),
                new Documents.Document(3, "two\nlines"), new Documents.Document(5, ""), new Documents.Document(6, "last")),
                Documents.csvColumn(csv, "public_description", "f.csv"));
    }

    @Test
    void anUnknownColumnNamesTheColumnsThereAre() {
        AwsjException e = assertThrows(AwsjException.class, () -> Documents.csvColumn("a,b\n1,2\n", "c", "f.csv"));
        assertEquals(252, e.exitCode());
        assertTrue(e.getMessage().equals("--column: f.csv has no column named \"c\"; its columns are: a, b"), e.getMessage());
    }
}
