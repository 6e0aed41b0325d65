package dev.awsj.configure;

import dev.awsj.cli.Context;
import dev.awsj.core.AtomicFileWriter;
import dev.awsj.core.AwsjException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code awsj configure import --csv FILE}: the access key CSV the IAM console downloads, written
 * to the credentials file. With a {@code User name} column each row becomes the profile of that
 * name, as {@code aws} does; the two-column file of a new access key goes to the current profile.
 */
@Command(name = "import",
        description = {"Import access keys from the CSV file the IAM console downloads into the credentials file.",
            "Rows with a 'User name' column become profiles of that name; a file with only 'Access key ID' and "
                + "'Secret access key' goes to the current profile (--profile, AWS_PROFILE or default)."})
final class ConfigureImportCommand implements Callable<Integer> {
    private final Context ctx;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The CSV file (a path or file://path).")
    String csv;

    @Option(names = "--profile-prefix", paramLabel = "PREFIX", description = "Put this before each imported profile name.")
    String prefix = "";

    @Option(names = "--skip-invalid", description = "Skip rows without both keys instead of failing.")
    boolean skipInvalid;

    ConfigureImportCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path file = Path.of(csv.startsWith("file://") ? csv.substring(7) : csv);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw AwsjException.usage("No such CSV file: " + file);
        } catch (IOException e) {
            throw AwsjException.config("Unable to read " + file + ": " + AtomicFileWriter.reason(e));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = parseCsv(text);
        if (rows.isEmpty()) {
            throw AwsjException.usage(file + ": the CSV file is empty");
        }
        List<String> header = rows.get(0);
        int user = column(header, "user name");
        int akid = column(header, "access key id");
        int secret = column(header, "secret access key");
        if (akid < 0 || secret < 0) {
            throw AwsjException.usage(file + ": expected the columns 'Access key ID' and 'Secret access key' in the first line");
        }
        Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            String name = user >= 0 ? field(r, user) : ctx.settings().profileName();
            String k = field(r, akid);
            String s = field(r, secret);
            if (name.isEmpty() || k.isEmpty() || s.isEmpty()) {
                if (skipInvalid) {
                    continue;
                }
                throw AwsjException.usage(file + ":" + (i + 1) + ": the row lacks a user name or a key (use --skip-invalid to skip it)");
            }
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put("aws_access_key_id", k);
            keys.put("aws_secret_access_key", s);
            profiles.put(prefix + name, keys);
        }
        // Under the credentials file's lock, read afresh; both files must read as aws reads them.
        ConfigureCommand.files(ctx).setCredentials(profiles);
        ctx.out().println("Successfully imported " + profiles.size() + " profile(s)");
        return 0;
    }

    private static int column(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String field(List<String> row, int i) {
        return i < row.size() ? row.get(i).trim() : "";
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
            } else {
                f.append(c);
            }
        }
        if (any) {
            row.add(f.toString());
            rows.add(row);
        }
        return rows;
    }
}
