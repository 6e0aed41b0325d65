package dev.awsj.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class PythonFloatTest {
    @Test
    void writesFloatsAsPythonReprDoes() {
        assertEquals("0.00014", PythonFloat.repr(0.00014));
        assertEquals("1.5e-05", PythonFloat.repr(0.000015));
        assertEquals("100.0", PythonFloat.repr(100.0));
        assertEquals("10000000.0", PythonFloat.repr(1e7));
        assertEquals("1e+16", PythonFloat.repr(1e16));
        assertEquals("99.9364013671875", PythonFloat.repr((double) 99.9364013671875f));
        assertEquals("-0.5", PythonFloat.repr(-0.5));
        assertEquals("0.0", PythonFloat.repr(0.0));
    }

    @Test
    void jsonOutputUsesIt() {
        var o = JsonNodeFactory.instance.objectNode();
        o.put("Score", 1.4E-4).put("Count", 3).put("Big", 1.0E7);
        assertEquals("{\n    \"Score\": 0.00014,\n    \"Count\": 3,\n    \"Big\": 10000000.0\n}", OutputWriter.json(o));
    }
}
