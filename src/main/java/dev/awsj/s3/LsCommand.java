package dev.awsj.s3;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsj.cli.Context;
import dev.awsj.core.ExitCodes;
import dev.awsj.json.SdkJson;
import dev.awsj.s3.transfer.PagesAhead;
import dev.awsj.s3.transfer.Progress;
import dev.awsj.s3.transfer.S3Uri;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

@Command(name = "ls",
        description = {"List buckets, or the objects and common prefixes below s3://bucket[/prefix] (every page).",
            "JSON by default ({\"Buckets\":...} or {\"Contents\":...,\"CommonPrefixes\":...}); --output text prints "
                    + "aws s3 ls lines."})
final class LsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Context ctx;

    @Parameters(index = "0", arity = "0..1", paramLabel = "S3URI", description = "s3://bucket[/prefix]; none lists buckets.")
    String path;

    @Option(names = "--recursive", description = "Every object below the prefix, not one level.")
    boolean recursive;

    @Option(names = "--human-readable", description = "Sizes as KiB/MiB/GiB in text output.")
    boolean humanReadable;

    @Option(names = "--summarize", description = "Add the number of objects and their total size.")
    boolean summarize;

    @Option(names = "--page-size", paramLabel = "N", description = "Keys asked for in each request (default 1000).")
    Integer pageSize;

    @Option(names = "--request-payer", arity = "0..1", fallbackValue = "requester", paramLabel = "requester",
            description = "Agree to pay for the listing of a requester-pays bucket.")
    String requestPayer;

    @Option(names = "--bucket-name-prefix", paramLabel = "PREFIX",
            description = "With no S3URI: only the buckets whose name starts with PREFIX.")
    String bucketNamePrefix;

    @Option(names = "--bucket-region", paramLabel = "REGION",
            description = "With no S3URI: only the buckets in REGION.")
    String bucketRegion;

    LsCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        S3Client s3 = S3Commands.client(ctx);
        if (path == null || path.equals("s3://") || path.equals("s3:")) {
            return buckets(s3);
        }
        String p = path.contains("://") ? path : S3Uri.SCHEME + path;
        S3Uri uri = S3Uri.parse(p);
        return objects(s3, uri);
    }

    private int buckets(S3Client s3) {
        ListBucketsResponse r = s3.listBuckets(b -> b.prefix(bucketNamePrefix).bucketRegion(bucketRegion));
        if (text()) {
            PrintStream out = ctx.out();
            for (Bucket b : r.buckets()) {
                out.println(time(b.creationDate()) + " " + b.name());
            }
            out.flush();
        } else {
            ObjectNode json = SdkJson.toJson(r);
            json.remove("ContinuationToken");
            ctx.output().write(json);
        }
        return ExitCodes.OK;
    }

    private int objects(S3Client s3, S3Uri uri) {
        ListObjectsV2Request req = ListObjectsV2Request.builder().bucket(uri.bucket())
                .prefix(uri.key().isEmpty() ? null : uri.key()).delimiter(recursive ? null : "/").maxKeys(pageSize).requestPayer(requestPayer).build();
        boolean text = text();
        // Text is printed a page at a time, as aws prints it; JSON is one document of every page.
        List<S3Object> contents = new ArrayList<>();
        List<CommonPrefix> prefixes = new ArrayList<>();
        long objects = 0;
        long total = 0;
        boolean found = false;
        String base = recursive ? "" : uri.key().substring(0, uri.key().lastIndexOf('/') + 1);
        try (PagesAhead<ListObjectsV2Response> pages = PagesAhead.start(uri.toString(), s3.listObjectsV2Paginator(req).iterator())) {
            while (pages.hasNext()) {
                ListObjectsV2Response page = pages.next();
                found |= !page.contents().isEmpty() || !page.commonPrefixes().isEmpty();
                for (S3Object o : page.contents()) {
                    objects++;
                    total += o.size() == null ? 0 : o.size();
                }
                if (text) {
                    printPage(page, base);
                } else {
                    contents.addAll(page.contents());
                    prefixes.addAll(page.commonPrefixes());
                }
            }
        }
        if (text) {
            printSummary(objects, total);
        } else {
            JsonNodeFactory f = JsonNodeFactory.instance;
            ObjectNode json = f.objectNode();
            ArrayNode c = json.putArray("Contents");
            for (S3Object o : contents) {
                c.add(SdkJson.toJson(o));
            }
            ArrayNode cp = json.putArray("CommonPrefixes");
            for (CommonPrefix x : prefixes) {
                cp.addObject().put("Prefix", x.prefix());
            }
            if (summarize) {
                json.put("TotalObjects", objects);
                json.put("TotalSize", total);
            }
            ctx.output().write(json);
        }
        // As aws: nothing found below a prefix is exit 1.
        return !found && !uri.key().isEmpty() ? ExitCodes.TRANSFER_FAILED : ExitCodes.OK;
    }

    /** One page as aws prints it: its folders, then its objects, names relative to {@code base}. */
    private void printPage(ListObjectsV2Response page, String base) {
        PrintStream out = ctx.out();
        for (CommonPrefix x : page.commonPrefixes()) {
            out.println(" ".repeat(27) + "PRE " + x.prefix().substring(base.length()));
        }
        for (S3Object o : page.contents()) {
            long size = o.size() == null ? 0 : o.size();
            String s = humanReadable ? Progress.human(size) : Long.toString(size);
            out.println(time(o.lastModified()) + " " + String.format("%10s", s) + " " + o.key().substring(base.length()));
        }
        out.flush();
    }

    private void printSummary(long objects, long total) {
        if (summarize) {
            PrintStream out = ctx.out();
            out.println();
            out.println("Total Objects: " + objects);
            out.println("   Total Size: " + (humanReadable ? Progress.human(total) : Long.toString(total)));
            out.flush();
        }
    }

    private boolean text() {
        return ctx.output().format().equals("text") && ctx.global().query() == null;
    }

    private static String time(Instant t) {
        return t == null ? " ".repeat(19) : TIME.format(t.atZone(ZoneId.systemDefault()));
    }
}
