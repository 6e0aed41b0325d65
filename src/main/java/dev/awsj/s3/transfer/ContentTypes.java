package dev.awsj.s3.transfer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Guesses a Content-Type from a file name: a small table of common types, then the JDK's probe. */
public final class ContentTypes {
    private static final Map<String, String> TABLE = Map.ofEntries(
            Map.entry("html", "text/html"), Map.entry("htm", "text/html"), Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"), Map.entry("mjs", "text/javascript"), Map.entry("json", "application/json"),
            Map.entry("csv", "text/csv"), Map.entry("tsv", "text/tab-separated-values"), Map.entry("txt", "text/plain"),
            Map.entry("md", "text/markdown"), Map.entry("xml", "application/xml"), Map.entry("yaml", "application/yaml"),
            Map.entry("yml", "application/yaml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("svg", "image/svg+xml"),
            Map.entry("webp", "image/webp"), Map.entry("ico", "image/vnd.microsoft.icon"), Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"), Map.entry("gz", "application/gzip"), Map.entry("tar", "application/x-tar"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("ogg", "audio/ogg"), Map.entry("wav", "audio/wav"),
            Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"), Map.entry("parquet", "application/vnd.apache.parquet"),
            Map.entry("wasm", "application/wasm"), Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"));

    private ContentTypes() {
    }

    /** The type for this name, or null to let S3 use its default (binary/octet-stream). */
    public static String guess(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return null;
        }
        String n = name.toString();
        int dot = n.lastIndexOf('.');
        if (dot >= 0) {
            String t = TABLE.get(n.substring(dot + 1).toLowerCase(Locale.ROOT));
            if (t != null) {
                return t;
            }
        }
        try {
            return Files.probeContentType(file);
        } catch (Exception e) {
            return null;
        }
    }
}
