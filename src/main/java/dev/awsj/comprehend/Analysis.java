package dev.awsj.comprehend;

import java.util.List;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.comprehend.ComprehendClient;

/**
 * One Comprehend analysis: its single-document call and, where the API has one, its batch call
 * (up to 25 documents). The responses are SDK objects; {@link BatchRunner} reads them as JSON.
 */
enum Analysis {
    DOMINANT_LANGUAGE("detect-dominant-language", false,
            (c, text, lang) -> c.detectDominantLanguage(r -> r.text(text)),
            (c, texts, lang) -> c.batchDetectDominantLanguage(r -> r.textList(texts))),
    SENTIMENT("detect-sentiment", true,
            (c, text, lang) -> c.detectSentiment(r -> r.text(text).languageCode(lang)),
            (c, texts, lang) -> c.batchDetectSentiment(r -> r.textList(texts).languageCode(lang))),
    ENTITIES("detect-entities", true,
            (c, text, lang) -> c.detectEntities(r -> r.text(text).languageCode(lang)),
            (c, texts, lang) -> c.batchDetectEntities(r -> r.textList(texts).languageCode(lang))),
    KEY_PHRASES("detect-key-phrases", true,
            (c, text, lang) -> c.detectKeyPhrases(r -> r.text(text).languageCode(lang)),
            (c, texts, lang) -> c.batchDetectKeyPhrases(r -> r.textList(texts).languageCode(lang))),
    SYNTAX("detect-syntax", true,
            (c, text, lang) -> c.detectSyntax(r -> r.text(text).languageCode(lang)),
            (c, texts, lang) -> c.batchDetectSyntax(r -> r.textList(texts).languageCode(lang))),
    /** No batch API: files of documents are sent one call a document, concurrently. */
    PII_ENTITIES("detect-pii-entities", true,
            (c, text, lang) -> c.detectPiiEntities(r -> r.text(text).languageCode(lang)),
            null);

    /** Documents a batch call takes. */
    static final int BATCH_SIZE = 25;
    /** Bytes of UTF-8 a document may have in a batch call. */
    static final int BATCH_DOCUMENT_BYTES = 5_000;

    interface Single {
        SdkPojo call(ComprehendClient client, String text, String languageCode);
    }

    interface Batch {
        SdkPojo call(ComprehendClient client, List<String> texts, String languageCode);
    }

    final String command;
    final boolean needsLanguage;
    final Single single;
    final Batch batch;

    Analysis(String command, boolean needsLanguage, Single single, Batch batch) {
        this.command = command;
        this.needsLanguage = needsLanguage;
        this.single = single;
        this.batch = batch;
    }
}
