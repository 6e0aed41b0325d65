package dev.awsj.comprehend;

import dev.awsj.api.RequestMembers;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.comprehend.ComprehendClient;
import software.amazon.awssdk.services.comprehend.model.DetectDominantLanguageRequest;
import software.amazon.awssdk.services.comprehend.model.DetectEntitiesRequest;
import software.amazon.awssdk.services.comprehend.model.DetectKeyPhrasesRequest;
import software.amazon.awssdk.services.comprehend.model.DetectPiiEntitiesRequest;
import software.amazon.awssdk.services.comprehend.model.DetectSentimentRequest;
import software.amazon.awssdk.services.comprehend.model.DetectSyntaxRequest;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * One Comprehend analysis: its single-document call and, where the API has one, its batch call
 * (up to 25 documents). The responses are SDK objects; {@link BatchRunner} reads them as JSON.
 */
enum Analysis {
    DOMINANT_LANGUAGE("detect-dominant-language", false, DetectDominantLanguageRequest::builder,
            (c, r) -> c.detectDominantLanguage((DetectDominantLanguageRequest) r),
            (c, texts, lang) -> c.batchDetectDominantLanguage(r -> r.textList(texts))),
    SENTIMENT("detect-sentiment", true, DetectSentimentRequest::builder,
            (c, r) -> c.detectSentiment((DetectSentimentRequest) r),
            (c, texts, lang) -> c.batchDetectSentiment(r -> r.textList(texts).languageCode(lang))),
    ENTITIES("detect-entities", true, DetectEntitiesRequest::builder,
            (c, r) -> c.detectEntities((DetectEntitiesRequest) r),
            (c, texts, lang) -> c.batchDetectEntities(r -> r.textList(texts).languageCode(lang))),
    KEY_PHRASES("detect-key-phrases", true, DetectKeyPhrasesRequest::builder,
            (c, r) -> c.detectKeyPhrases((DetectKeyPhrasesRequest) r),
            (c, texts, lang) -> c.batchDetectKeyPhrases(r -> r.textList(texts).languageCode(lang))),
    SYNTAX("detect-syntax", true, DetectSyntaxRequest::builder,
            (c, r) -> c.detectSyntax((DetectSyntaxRequest) r),
            (c, texts, lang) -> c.batchDetectSyntax(r -> r.textList(texts).languageCode(lang))),
    /** No batch API: files of documents are sent one call a document, concurrently. */
    PII_ENTITIES("detect-pii-entities", true, DetectPiiEntitiesRequest::builder,
            (c, r) -> c.detectPiiEntities((DetectPiiEntitiesRequest) r),
            null);

    /** One document's call with the text and language code (null where the API takes none). */
    SdkPojo call(ComprehendClient client, String text, String languageCode) {
        SdkPojo b = request.get();
        RequestMembers.setValue(b, "Text", text);
        if (languageCode != null) {
            RequestMembers.setValue(b, "LanguageCode", languageCode);
        }
        return single.call(client, (SdkRequest) ((Buildable) b).build());
    }

    /** Documents a batch call takes. */
    static final int BATCH_SIZE = 25;
    /** Bytes of UTF-8 a document may have in a batch call. */
    static final int BATCH_DOCUMENT_BYTES = 5_000;

    interface Single {
        SdkPojo call(ComprehendClient client, SdkRequest request);
    }

    interface Batch {
        SdkPojo call(ComprehendClient client, List<String> texts, String languageCode);
    }

    final String command;
    final boolean needsLanguage;
    final Supplier<SdkPojo> request;
    final Single single;
    final Batch batch;

    Analysis(String command, boolean needsLanguage, Supplier<SdkPojo> request, Single single, Batch batch) {
        this.command = command;
        this.needsLanguage = needsLanguage;
        this.request = request;
        this.single = single;
        this.batch = batch;
    }
}
