package dev.awsj.translate;

import dev.awsj.cli.Context;
import dev.awsj.textio.PagedJson;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.translate.TranslateClient;
import software.amazon.awssdk.services.translate.model.ListLanguagesRequest;

@Command(name = "list-languages", mixinStandardHelpOptions = true,
        description = "List the languages Translate supports (all pages): {\"Languages\": [{\"LanguageName\": …, \"LanguageCode\": …}]}.")
final class ListLanguagesCommand implements Callable<Integer> {
    private final Context ctx;
    @Option(names = "--display-language-code", paramLabel = "CODE", description = "Language of the names: de, en, es, fr, it, ja, ko, pt, zh, zh-TW.")
    String displayLanguageCode;

    ListLanguagesCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        TranslateClient translate = ctx.clients().client(TranslateClient.class);
        ctx.output().write(PagedJson.merge(translate.listLanguagesPaginator(
                ListLanguagesRequest.builder().displayLanguageCode(displayLanguageCode).build()), "Languages", "NextToken"));
        return 0;
    }
}
