package dev.awsj.s3;

import dev.awsj.core.AwsjException;
import dev.awsj.cli.Context;
import dev.awsj.cli.ErrorHandler;
import dev.awsj.core.ExitCodes;
import dev.awsj.s3.transfer.ChecksumStrategy;
import dev.awsj.s3.transfer.Entry;
import dev.awsj.s3.transfer.Filters;
import dev.awsj.s3.transfer.LocalLister;
import dev.awsj.s3.transfer.ObjectOptions;
import dev.awsj.s3.transfer.Progress;
import dev.awsj.s3.transfer.ResultPrinter;
import dev.awsj.s3.transfer.S3Lister;
import dev.awsj.s3.transfer.S3Uri;
import dev.awsj.s3.transfer.SafePaths;
import dev.awsj.s3.transfer.SyncComparator;
import dev.awsj.s3.transfer.SyncStrategy;
import dev.awsj.s3.transfer.TransferConfig;
import dev.awsj.s3.transfer.TransferEngine;
import dev.awsj.s3.transfer.TransferResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns a cp/mv/rm/sync command line into work for the {@link TransferEngine}: resolves source
 * and destination, lists and filters, merge-joins for sync, refuses unsafe download targets, and
 * returns the exit code from the results (1 failed, 2 skipped).
 */
final class Transfers {
    private final Context ctx;
    private final TransferOptions opts;
    private S3Client s3;

    private ObjectOptions objectOptions;

    Transfers(Context ctx, TransferOptions opts) {
        this.ctx = ctx;
        this.opts = opts;
    }

    /** The request options of the line, checked once before any work. */
    private ObjectOptions objectOptions() {
        if (objectOptions == null) {
            objectOptions = opts.objectOptions();
        }
        return objectOptions;
    }

    /**
     * The client that reads the source of an S3 to S3 copy: in {@code --source-region} when given
     * (listing and HeadObject of the source; the copy requests go to the destination's region).
     */
    private S3Client sourceS3() {
        return opts.sourceRegion == null ? s3() : S3Commands.transferClient(ctx, opts.sourceRegion);
    }

    private S3Client s3() {
        if (s3 == null) {
            s3 = S3Commands.transferClient(ctx);
        }
        return s3;
    }

    /** One run: engine, progress line and printer, closed together. */
    private final class Run implements AutoCloseable {
        final Progress progress;
        final ResultPrinter printer;
        final TransferEngine engine;
        /** S3 listings of the run, each with its thread, stopped when the run ends however it ends. */
        private final java.util.List<S3Lister.Listing> listings = new java.util.ArrayList<>();

        Run() {
            boolean showProgress = ctx.stderrIsTerminal() && !opts.noProgress && !opts.quiet && !opts.onlyShowErrors
                    && !opts.dryRun;
            progress = new Progress(ctx.err(), showProgress);
            printer = new ResultPrinter(ctx.output(), ctx.out(), ctx.err(), progress, opts.mode(), opts.dryRun);
            TransferConfig resolved = TransferConfig.resolve(ctx.settings(), opts.maxConcurrency);
            TransferConfig config = resolved.withResume(!opts.noResume).withFsync(opts.fsync || resolved.fsync());
            ErrorHandler errors = new ErrorHandler(ctx);
            engine = new TransferEngine(s3(), config, objectOptions(), progress, printer,
                    t -> errors.message(t, ErrorHandler.exitCode(t)), ctx.err()::println);
            progress.start();
        }

        void result(TransferResult r) {
            printer.accept(r);
        }

        int finish() {
            engine.awaitAll();
            progress.close();
            return printer.finish(progress.seconds());
        }

        Iterator<Entry> listS3(S3Client client, S3Uri uri, Filters filters) {
            S3Lister.Listing listing = new S3Lister(client, filters, opts.listRequest()).iterate(uri.bucket(), uri.dirPrefix());
            listings.add(listing);
            return listing;
        }

        @Override
        public void close() {
            listings.forEach(S3Lister.Listing::close);
            progress.close();
            engine.close();
        }
    }

    // ---- cp / mv ------------------------------------------------------------------------------

    int copy(String src, String dst, boolean move) {
        boolean srcS3 = S3Uri.isS3(src);
        boolean dstS3 = S3Uri.isS3(dst);
        if (src.equals("-") || dst.equals("-")) {
            return stream(src, dst);
        }
        if (!srcS3 && !dstS3) {
            throw AwsjException.usage("Neither location is on S3: give an s3://bucket/key source or destination.");
        }
        objectOptions();
        if (opts.sseCCopySource != null && !(srcS3 && dstS3)) {
            throw AwsjException.usage("--sse-c-copy-source is only supported for copy operations.");
        }
        if (move && srcS3 && dstS3 && samePath(src, dst)) {
            throw AwsjException.usage("Cannot mv a file onto itself: '" + src + "' - '" + dst + "'");
        }
        try (Run run = new Run()) {
            if (!srcS3) {
                planUpload(run, Path.of(src), S3Uri.parse(dst), move);
            } else if (!dstS3) {
                planDownload(run, S3Uri.parse(src), dst, move);
            } else {
                planCopy(run, S3Uri.parse(src), S3Uri.parse(dst), move);
            }
            return run.finish();
        }
    }

    /** A local source that does not exist: aws's line and its exit code, 255 (docs/exit-codes.md). */
    private static AwsjException missingSource(String src) {
        return new AwsjException(dev.awsj.core.ExitCodes.OTHER, "The user-provided path " + src + " does not exist.");
    }

    private void planUpload(Run run, Path src, S3Uri dst, boolean move) {
        if (!Files.exists(src)) {
            throw missingSource(src.toString());
        }
        if (opts.recursive) {
            if (!Files.isDirectory(src)) {
                throw AwsjException.usage(src + " is not a folder: drop --recursive to copy one file.");
            }
            for (Iterator<Entry> it = listLocal(src, run::result); it.hasNext();) {
                Entry e = it.next();
                upload(run, e, dst.withKey(dst.dirPrefix() + e.relKey()), move);
            }
            return;
        }
        if (Files.isDirectory(src)) {
            throw AwsjException.usage(src + " is a folder: add --recursive to copy what it holds.");
        }
        if (!Files.isRegularFile(src)) {
            run.result(new TransferResult.Skipped(src.toString(), "File is not a regular file"));
            return;
        }
        if (!Files.isReadable(src)) {
            run.result(new TransferResult.Skipped(src.toString(), "File is not readable"));
            return;
        }
        S3Uri to = dst.isPrefix() ? dst.withKey(dst.key() + src.getFileName()) : dst;
        try {
            upload(run, Entry.local(src.getFileName().toString(), Files.size(src),
                    Files.getLastModifiedTime(src).toInstant(), src), to, move);
        } catch (IOException e) {
            run.result(new TransferResult.Skipped(src.toString(), "File is not readable"));
        }
    }

    /** aws's test: the same URI, or a prefix that would give the source its own name. */
    private static boolean samePath(String src, String dst) {
        if (src.equals(dst)) {
            return true;
        }
        return dst.endsWith("/") && src.equals(dst + src.substring(src.lastIndexOf('/') + 1));
    }

    private void upload(Run run, Entry e, S3Uri to, boolean move) {
        if (opts.dryRun) {
            run.result(new TransferResult.Done(move ? "move" : "upload", e.display(), to.toString(), e.size()));
        } else {
            run.engine.upload(e.path(), e.size(), to, e.display(), move);
        }
    }

    private void planDownload(Run run, S3Uri src, String dst, boolean move) {
        Path dstPath = Path.of(dst);
        if (opts.recursive) {
            for (Iterator<Entry> it = run.listS3(sourceS3(), src, opts.filters()); it.hasNext();) {
                download(run, it.next(), dstPath, move);
            }
            return;
        }
        HeadObjectResponse head = head(src, s3(), objectOptions()::onHead);
        Path target = Files.isDirectory(dstPath) || dst.endsWith("/") || dst.endsWith(java.io.File.separator)
                ? dstPath.resolve(src.baseName()) : dstPath;
        Entry e = Entry.object(src.baseName(), head.contentLength(), head.lastModified(), src, unquote(head.eTag()),
                head.storageClassAsString(), head.restore());
        if (archived(run, e, move ? "move" : "download")) {
            return;
        }
        if (opts.noOverwrite && Files.exists(target)) {
            return; // --no-overwrite: an existing file stays as it is
        }
        if (opts.dryRun) {
            run.result(new TransferResult.Done(move ? "move" : "download", src.toString(), target.toString(), e.size()));
        } else {
            run.engine.download(src, e.size(), e.lastModified(), e.etag(), target, target.toString(), move);
        }
    }

    /** A recursive download or sync target, refused when the key would land outside {@code root}. */
    private void download(Run run, Entry e, Path root, boolean move) {
        if (e.relKey().endsWith("/")) {
            return; // a folder marker object: the folder appears with its files
        }
        if (archived(run, e, move ? "move" : "download")) {
            return;
        }
        Path target;
        try {
            target = SafePaths.resolveInside(root, e.relKey());
        } catch (IOException x) {
            run.result(new TransferResult.Skipped(e.display(), "Cannot create the destination folder " + root + ": " + x));
            return;
        }
        if (target == null) {
            run.result(new TransferResult.Skipped(e.display(),
                    "Refusing to write the key outside the destination folder " + root));
            return;
        }
        String display = root.resolve(e.relKey()).normalize().toString();
        if (opts.noOverwrite && Files.exists(target)) {
            return; // --no-overwrite: an existing file stays as it is
        }
        if (opts.dryRun) {
            run.result(new TransferResult.Done(move ? "move" : "download", e.display(), display, e.size()));
        } else {
            run.engine.download(e.uri(), e.size(), e.lastModified(), e.etag(), target, display, move);
        }
    }

    private void planCopy(Run run, S3Uri src, S3Uri dst, boolean move) {
        if (opts.recursive) {
            for (Iterator<Entry> it = run.listS3(sourceS3(), src, opts.filters()); it.hasNext();) {
                Entry e = it.next();
                copy(run, e, dst.withKey(dst.dirPrefix() + e.relKey()), move);
            }
            return;
        }
        HeadObjectResponse head = head(src, sourceS3(), objectOptions()::onHeadCopySource);
        S3Uri to = dst.isPrefix() ? dst.withKey(dst.key() + src.baseName()) : dst;
        copy(run, Entry.object(src.baseName(), head.contentLength(), head.lastModified(), src, unquote(head.eTag()),
                head.storageClassAsString(), head.restore()), to, move);
    }

    /**
     * An archived object is not read, as in aws: skipped with a warning (exit 2), silently with
     * {@code --ignore-glacier-warnings}, tried anyway with {@code --force-glacier-transfer}.
     */
    private boolean archived(Run run, Entry e, String op) {
        if (!e.archived() || opts.forceGlacierTransfer) {
            return false;
        }
        if (!opts.ignoreGlacierWarnings) {
            run.result(new TransferResult.Skipped(e.display(), "Object is of storage class GLACIER. Unable to perform "
                    + op + " operations on GLACIER objects. You must restore the object to be able to perform the "
                    + "operation. See aws s3 " + op + " help for additional parameter options to ignore or force these "
                    + "transfers"));
        }
        return true;
    }

    private void copy(Run run, Entry e, S3Uri to, boolean move) {
        if (archived(run, e, move ? "move" : "copy")) {
            return;
        }
        if (move && e.uri().equals(to)) {
            run.result(new TransferResult.Skipped(e.display(), "Source and destination are the same object"));
        } else if (opts.dryRun) {
            run.result(new TransferResult.Done(move ? "move" : "copy", e.display(), to.toString(), e.size()));
        } else {
            run.engine.copy(e.uri(), e.size(), to, move);
        }
    }

    private HeadObjectResponse head(S3Uri src, S3Client client,
            java.util.function.Consumer<software.amazon.awssdk.services.s3.model.HeadObjectRequest.Builder> options) {
        if (src.key().isEmpty()) {
            throw AwsjException.usage(src + " names a bucket, not an object: add --recursive to copy what it holds.");
        }
        try {
            return client.headObject(b -> b.bucket(src.bucket()).key(src.key()).applyMutation(options));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                String what = "NoSuchBucket".equals(e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode())
                        ? "The bucket " + src.bucket() + " does not exist" : "Key \"" + src.key() + "\" does not exist";
                throw new AwsjException(ExitCodes.TRANSFER_FAILED,
                        "fatal error: An error occurred (404) when calling the HeadObject operation: " + what);
            }
            throw e;
        }
    }

    // ---- streams ------------------------------------------------------------------------------

    private int stream(String src, String dst) {
        if (opts.recursive) {
            throw AwsjException.usage("--recursive cannot be used with a stream (-).");
        }
        try (Run run = new Run()) {
            if (src.equals("-")) {
                S3Uri to = S3Uri.parse(dst);
                if (to.isPrefix()) {
                    throw AwsjException.usage("Give a full key to upload a stream to: " + dst);
                }
                if (opts.dryRun) {
                    run.result(new TransferResult.Done("upload", "-", to.toString(), 0));
                } else {
                    try {
                        long n = run.engine.uploadStream(ctx.stdin(), to, opts.expectedSize);
                        run.result(new TransferResult.Done("upload", "-", to.toString(), n));
                    } catch (Exception e) {
                        run.result(new TransferResult.Failed("upload", "-", to.toString(),
                                new ErrorHandler(ctx).message(e, ErrorHandler.exitCode(e))));
                    }
                }
            } else {
                S3Uri from = S3Uri.parse(src);
                if (opts.dryRun) {
                    run.result(new TransferResult.Done("download", from.toString(), "-", 0));
                } else {
                    try {
                        run.engine.downloadStream(from, ctx.rawOut());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    // stdout carries the object: no summary, exit code only
                    return ExitCodes.OK;
                }
            }
            return run.finish();
        }
    }

    // ---- rm ----------------------------------------------------------------------------------

    int remove(String target) {
        S3Uri uri = S3Uri.parse(target);
        try (Run run = new Run()) {
            if (opts.recursive) {
                for (Iterator<Entry> it = run.listS3(sourceS3(), uri, opts.filters()); it.hasNext();) {
                    Entry e = it.next();
                    if (opts.dryRun) {
                        run.result(new TransferResult.Done("delete", e.display(), null, 0));
                    } else {
                        run.engine.delete(e.uri());
                    }
                }
            } else {
                if (uri.key().isEmpty()) {
                    throw AwsjException.usage(target + " names a bucket: add --recursive to delete what it holds.");
                }
                if (opts.dryRun) {
                    run.result(new TransferResult.Done("delete", uri.toString(), null, 0));
                } else {
                    s3().deleteObject(b -> b.bucket(uri.bucket()).key(uri.key()).applyMutation(objectOptions()::onDelete));
                    run.result(new TransferResult.Done("delete", uri.toString(), null, 0));
                }
            }
            return run.finish();
        }
    }

    // ---- sync ----------------------------------------------------------------------------------

    int sync(String src, String dst, SyncOptions so) {
        boolean srcS3 = S3Uri.isS3(src);
        boolean dstS3 = S3Uri.isS3(dst);
        if (!srcS3 && !dstS3) {
            throw AwsjException.usage("Neither location is on S3: give an s3://bucket/prefix source or destination.");
        }
        if (src.equals("-") || dst.equals("-")) {
            throw AwsjException.usage("sync works on folders and prefixes, not streams (-).");
        }
        if (!srcS3 && !Files.isDirectory(Path.of(src))) {
            if (!Files.exists(Path.of(src))) {
                throw missingSource(src);
            }
            throw AwsjException.usage(src + " is not a folder: use cp for one file.");
        }
        objectOptions();
        // --exact-timestamps is for S3 to local only, as in aws: an upload makes an object newer than its file.
        SyncStrategy base = so.sizeOnly ? SyncStrategy.SIZE_ONLY
                : so.exactTimestamps && srcS3 && !dstS3 ? SyncStrategy.EXACT_TIMESTAMPS : SyncStrategy.SIZE_AND_TIME;
        if (opts.noOverwrite) {
            base = SyncStrategy.NEVER;
        }
        SyncStrategy strategy = so.checksum ? new ChecksumStrategy(s3(), base) : base;
        Filters filters = opts.filters();
        try (Run run = new Run()) {
            // Both listings are lazy: decisions are made, and transfers start, while they go on.
            Iterator<Entry> from = srcS3 ? run.listS3(s3(), S3Uri.parse(src), filters) : listLocal(Path.of(src), run::result);
            Iterator<Entry> to = dstS3 ? run.listS3(s3(), S3Uri.parse(dst), filters) : listLocal(Path.of(dst), skip -> { });
            new SyncComparator(strategy, so.delete).compare(from, to, d -> {
                if (d.kind() == SyncComparator.Decision.Kind.DELETE) {
                    Entry gone = d.dst();
                    if (opts.dryRun) {
                        run.result(new TransferResult.Done("delete", gone.display(), null, 0));
                    } else if (gone.isLocal()) {
                        run.engine.deleteLocal(gone.path(), gone.display());
                    } else {
                        run.engine.delete(gone.uri());
                    }
                    return;
                }
                Entry e = d.src();
                if (!srcS3) {
                    S3Uri d3 = S3Uri.parse(dst);
                    upload(run, e, d3.withKey(d3.dirPrefix() + e.relKey()), false);
                } else if (!dstS3) {
                    download(run, e, Path.of(dst), false);
                } else {
                    S3Uri d3 = S3Uri.parse(dst);
                    copy(run, e, d3.withKey(d3.dirPrefix() + e.relKey()), false);
                }
            });
            return run.finish();
        }
    }

    /** The files below {@code root}, lazily; what the walk leaves out goes to {@code skipped}. */
    private Iterator<Entry> listLocal(Path root, java.util.function.Consumer<TransferResult.Skipped> skipped) {
        try {
            return new LocalLister(opts.filters(), opts.followSymlinks).iterate(root, skipped);
        } catch (IOException e) {
            throw new AwsjException(ExitCodes.OTHER, "Cannot list " + root + ": " + e.getMessage());
        }
    }

    static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }
}
