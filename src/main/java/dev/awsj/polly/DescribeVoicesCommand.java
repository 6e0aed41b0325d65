package dev.awsj.polly;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsj.api.MemberOptions;
import dev.awsj.cli.Context;
import dev.awsj.json.SdkJson;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.polly.PollyClient;
import software.amazon.awssdk.services.polly.model.DescribeVoicesRequest;
import software.amazon.awssdk.services.polly.model.DescribeVoicesResponse;

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
        if (ctx.global().noPaginate() || b.build().nextToken() != null) {
            ctx.output().write(SdkJson.toJson(polly.describeVoices(b.build())));
            return 0;
        }
        ObjectNode merged = SdkJson.MAPPER.createObjectNode();
        ArrayNode voices = merged.putArray("Voices");
        String token = null;
        do {
            DescribeVoicesResponse page = polly.describeVoices(b.nextToken(token).build());
            SdkJson.toJson(page).path("Voices").forEach(voices::add);
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        ctx.output().write(merged);
        return 0;
    }
}
