package dev.awsj.translate;

import dev.awsj.api.MemberOptions;
import dev.awsj.api.Pagination;
import dev.awsj.cli.Context;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.translate.TranslateClient;
import software.amazon.awssdk.services.translate.model.ListLanguagesRequest;

@Command(name = "list-languages",
        description = "List the languages Translate supports (all pages; --no-paginate: the first): {\"Languages\": [{\"LanguageName\": …, \"LanguageCode\": …}]}.")
final class ListLanguagesCommand implements Callable<Integer> {
    private final Context ctx;
    @Option(names = "--display-language-code", paramLabel = "CODE", description = "Language of the names: de, en, es, fr, it, ja, ko, pt, zh, zh-TW.")
    String displayLanguageCode;

    @Mixin
    Pagination pages = new Pagination();

    @Mixin
    MemberOptions.Slot members = new MemberOptions.Slot();

    ListLanguagesCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        TranslateClient translate = ctx.clients().client(TranslateClient.class);
        ListLanguagesRequest.Builder b = ListLanguagesRequest.builder();
        members.applyTo(b);
        if (displayLanguageCode != null) {
            b.displayLanguageCode(displayLanguageCode);
        }
        ctx.output().write(pages.fetch(ctx, b, translate::listLanguages));
        return 0;
    }
}
