import java.io.*;
import java.net.*;
import java.nio.file.*;
import java.util.zip.*;
import org.objectweb.asm.*;

/**
 * Build step (pom.xml, prepare-package): rewrites the classes of a jar older than Java 8 to
 * class-file version 52, with stack map frames, into a folder. picocli ships Java 5 class files,
 * which neither a CDS archive (JDK 17-24) nor an AOT cache (JDK 25) will hold ("Pre JDK 6 class
 * not supported by CDS", "Old class has been linked"): every awsj start loaded and verified its
 * ~180 classes from the jar. Usage: java -cp asm.jar UpgradeClassVersion.java IN.jar OUT_DIR
 */
public class UpgradeClassVersion {
    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path outDir = Path.of(args[1]);
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, UpgradeClassVersion.class.getClassLoader());
        int n = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.getName().endsWith(".class") || e.getName().startsWith("META-INF/")) continue;
                byte[] b = in.readAllBytes();
                ClassReader r = new ClassReader(b);
                if (r.readShort(6) >= Opcodes.V1_8) continue;
                ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
                    @Override protected ClassLoader getClassLoader() { return loader; }
                };
                r.accept(new ClassVisitor(Opcodes.ASM9, w) {
                    @Override public void visit(int v, int acc, String name, String sig, String sup, String[] itf) {
                        super.visit(Opcodes.V1_8, acc, name, sig, sup, itf);
                    }
                }, 0);
                Path out = outDir.resolve(e.getName());
                Files.createDirectories(out.getParent());
                Files.write(out, w.toByteArray());
                n++;
            }
        }
        System.out.println("upgraded " + n + " classes of " + jar.getFileName() + " to Java 8 class files");
    }
}
