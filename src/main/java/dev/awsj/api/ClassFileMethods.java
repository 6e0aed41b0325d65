package dev.awsj.api;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The methods a class file declares — name, descriptor, access flags — read from its bytes. Unlike
 * {@link Class#getMethods()}, which loads every parameter and return type (S3's client names some
 * 600 model classes), this loads nothing: a command names every operation of its service but
 * builds only one (docs/configuration.md, "Start-up time").
 */
final class ClassFileMethods {
    static final int ACC_STATIC = 0x0008;

    /** One declared method. */
    record MethodEntry(String name, String descriptor, int access) {
        boolean isStatic() {
            return (access & ACC_STATIC) != 0;
        }

        /** The parameter types as class names ({@code int}, {@code java.lang.String}, {@code byte[]}). */
        List<String> parameterTypes() {
            List<String> types = new ArrayList<>();
            int i = 1;
            while (descriptor.charAt(i) != ')') {
                int end = typeEnd(descriptor, i);
                types.add(typeName(descriptor.substring(i, end)));
                i = end;
            }
            return types;
        }

        /** The return type as a class name ({@code void} for none). */
        String returnType() {
            return typeName(descriptor.substring(descriptor.indexOf(')') + 1));
        }
    }

    private ClassFileMethods() {
    }

    /** The methods {@code type} declares (not those it inherits), in class-file order. */
    static List<MethodEntry> declared(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream raw = loader.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("No class file for " + type.getName());
            }
            return read(new DataInputStream(new BufferedInputStream(raw, 1 << 16)));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the class file of " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    /** Reads a class file (JVMS chapter 4) up to its methods. */
    static List<MethodEntry> read(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF(); // Utf8: a u2 length and modified UTF-8, as readUTF reads
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2); // Class, String, MethodType, Module, Package
                case 15 -> in.skipNBytes(3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4); // Integer, Float, refs, NameAndType, (Invoke)Dynamic
                case 5, 6 -> { // Long, Double: eight bytes, two entries
                    in.skipNBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        in.skipNBytes(6); // access flags, this class, super class
        in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            in.skipNBytes(6);
            skipAttributes(in);
        }
        int methods = in.readUnsignedShort();
        List<MethodEntry> result = new ArrayList<>(methods);
        for (int i = 0; i < methods; i++) {
            int access = in.readUnsignedShort();
            String name = utf8[in.readUnsignedShort()];
            String descriptor = utf8[in.readUnsignedShort()];
            skipAttributes(in);
            result.add(new MethodEntry(name, descriptor, access));
        }
        return result;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.skipNBytes(2);
            in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
        }
    }

    /** Where the field type starting at {@code i} ends. */
    private static int typeEnd(String d, int i) {
        while (d.charAt(i) == '[') {
            i++;
        }
        return d.charAt(i) == 'L' ? d.indexOf(';', i) + 1 : i + 1;
    }

    private static String typeName(String t) {
        if (t.startsWith("[")) {
            return typeName(t.substring(1)) + "[]";
        }
        return switch (t.charAt(0)) {
            case 'L' -> t.substring(1, t.length() - 1).replace('/', '.');
            case 'V' -> "void";
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            default -> throw new IllegalArgumentException("bad type descriptor " + t);
        };
    }
}
