package dev.awsj.polly;

import dev.awsj.api.MemberOptions;
import dev.awsj.api.Pagination;
import dev.awsj.cli.Context;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.polly.PollyClient;
import software.amazon.awssdk.services.polly.model.DescribeVoicesRequest;

@Command(name = "describe-voices",
        description = "List the voices (all pages; --no-paginate: the first): {\"Voices\": [{\"Id\": …, \"LanguageCode\": …, \"SupportedEngines\": […]}]}.")
final class DescribeVoicesCommand implements Callable<Integer> {
    private final Context ctx;
    @Option(names = "--language-code", paramLabel = "CODE", description = "Only voices of this language, e.g. en-US.")
    String languageCode;
    @Option(names = "--engine", paramLabel = "ENGINE", description = "Only voices of this engine: standard, neural, long-form, generative.")
    String engine;
    @Option(names = "--include-additional-language-codes", description = "Also voices that speak the language as a second one.")
    boolean additional;

    @Mixin
    Pagination pages = new Pagination();

    @Mixin
    MemberOptions.Slot members = new MemberOptions.Slot();

    DescribeVoicesCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        PollyClient polly = ctx.clients().client(PollyClient.class);
        DescribeVoicesRequest.Builder b = DescribeVoicesRequest.builder().languageCode(languageCode).engine(engine);
        if (additional) {
            b.includeAdditionalLanguageCodes(true);
        }
        members.applyTo(b);
        ctx.output().write(pages.fetch(ctx, b, polly::describeVoices));
        return 0;
    }
}
