package dev.awsj.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsj.cli.Context;
import dev.awsj.core.AwsjException;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The paging options of a list command, {@code --max-items}, {@code --page-size} and
 * {@code --starting-token}, and the one way its pages are fetched and merged ({@link Paginator}).
 * Generic operations add it to their spec; a curated list command declares
 * {@code @Mixin Pagination pages} and prints {@code pages.fetch(ctx, requestBuilder, client::op)}.
 */
@Command // a mixin needs a picocli annotation
public final class Pagination {
    @Option(names = "--max-items", paramLabel = "<integer>",
            description = "(integer) The most items to print; a NextToken is printed to continue.")
    Integer maxItems;

    @Option(names = "--page-size", paramLabel = "<integer>", description = "(integer) Items asked for in each call.")
    Integer pageSize;

    @Option(names = "--starting-token", paramLabel = "<string>",
            description = "(string) The NextToken of an earlier --max-items run.")
    String startingToken;

    /**
     * Calls {@code call} with the request of {@code builder}, page after page, and returns the result
     * as aws prints it: pages merged, or the first page as it came with {@code --no-paginate} or
     * when a page token member (such as {@code --next-token}) was set on the builder.
     */
    public <Q, B extends SdkPojo & SdkBuilder<B, Q>> JsonNode fetch(Context ctx, B builder,
            Function<? super Q, ? extends SdkPojo> call) {
        @SuppressWarnings("unchecked")
        Function<Object, Object> untyped = request -> call.apply((Q) request);
        return fetchAny(ctx, builder, untyped);
    }

    /** As {@link #fetch}, for a builder known only as an {@link SdkPojo} (the generic operations). */
    JsonNode fetchAny(Context ctx, SdkPojo builder, Function<Object, Object> call) {
        return new Paginator(builder, call, ctx.global().noPaginate(), positive("--max-items", maxItems),
                positive("--page-size", pageSize), startingToken).run();
    }

    private static Integer positive(String name, Integer v) {
        if (v != null && v < 1) {
            throw AwsjException.usage("Bad value for " + name + ": " + v + " (give a whole number of 1 or more)");
        }
        return v;
    }
}
