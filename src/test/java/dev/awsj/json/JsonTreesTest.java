package dev.awsj.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link JsonTrees} reads what ObjectMapper.readTree reads, node type for node type. */
class JsonTreesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void sameTreesAsTheObjectMapperForEveryRulesFile() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("src/main/resources/dev/awsj/aws/rules"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertTrue(files.size() >= 6, "the rules of the six services: " + files);
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            assertEquals(MAPPER.readTree(bytes), JsonTrees.read(bytes), f.toString());
        }
    }

    @Test
    void scalarsKeepTheirNodeTypes() throws IOException {
        String text = "{\"i\": 7, \"l\": 8000000000, \"b\": 123456789012345678901234567890, \"d\": 1.5e-05,"
                + " \"s\": \"x\\u00e9\", \"t\": true, \"f\": false, \"n\": null, \"a\": [1, [], {}]}";
        JsonNode expected = MAPPER.readTree(text);
        JsonNode actual = JsonTrees.read(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, actual);
        expected.fields().forEachRemaining(e -> assertEquals(e.getValue().getNodeType(),
                actual.get(e.getKey()).getNodeType(), e.getKey()));
        assertEquals(expected.get("l").getClass(), actual.get("l").getClass());
        assertEquals(expected.get("b").getClass(), actual.get("b").getClass());
    }

    @Test
    void emptyOrTrailingInputIsAnError() {
        assertThrows(IOException.class, () -> JsonTrees.read(new byte[0]));
        assertThrows(IOException.class, () -> JsonTrees.read("{} {}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> JsonTrees.read("{\"a\": ".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> {
            try (InputStream in = InputStream.nullInputStream()) {
                JsonTrees.read(in);
            }
        });
    }
}
