package dev.awsj.comprehend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsj.json.SdkJson;
import dev.awsj.documents.Documents.Document;
import dev.awsj.documents.LineResults;
import dev.awsj.documents.OrderedBatch;
import dev.awsj.documents.BatchProgress;
import dev.awsj.documents.TextSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.comprehend.ComprehendClient;

/**
 * Runs an analysis over many documents: batch calls of 25 where the API has them (one call a
 * document otherwise), several calls at once, one result a document in input order. A document
 * over the batch byte limit, a batch ErrorList entry or a failed call becomes that document's
 * error result; the other documents still get theirs.
 */
final class BatchRunner {
    private final ComprehendClient client;
    private final Analysis analysis;
    private final String languageCode;
    private final int concurrency;

    BatchRunner(ComprehendClient client, Analysis analysis, String languageCode, int concurrency) {
        this.client = client;
        this.analysis = analysis;
        this.languageCode = languageCode;
        this.concurrency = concurrency;
    }

    void run(List<Document> docs, BatchProgress progress, Consumer<ObjectNode> sink) {
        if (analysis.batch == null) {
            OrderedBatch.run(docs, concurrency, d -> {
                if (d.blank()) {
                    progress.advance(1);
                    return LineResults.blank(d.line());
                }
                try {
                    return LineResults.ok(d.line(), SdkJson.toJson(analysis.call(client, d.text(), languageCode)));
                } catch (AwsServiceException e) {
                    return LineResults.error(d.line(), e);
                } finally {
                    progress.advance(1);
                }
            }, sink);
            return;
        }
        List<List<Document>> groups = new ArrayList<>();
        for (int i = 0; i < docs.size(); i += Analysis.BATCH_SIZE) {
            groups.add(docs.subList(i, Math.min(docs.size(), i + Analysis.BATCH_SIZE)));
        }
        OrderedBatch.run(groups, concurrency, group -> {
            try {
                return batch(group);
            } finally {
                progress.advance(group.size());
            }
        }, results -> results.forEach(sink));
    }

    /** One batch call for the documents of a group that fit; results in the group's order. */
    List<ObjectNode> batch(List<Document> group) {
        ObjectNode[] results = new ObjectNode[group.size()];
        List<Integer> sentIndex = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            Document d = group.get(i);
            int bytes = TextSplitter.utf8Length(d.text());
            if (d.blank()) {
                results[i] = LineResults.blank(d.line());
            } else if (bytes > Analysis.BATCH_DOCUMENT_BYTES) {
                results[i] = LineResults.error(d.line(), "TextSizeLimitExceededException", "The document is " + bytes
                        + " bytes of UTF-8; batch calls take at most " + Analysis.BATCH_DOCUMENT_BYTES + " a document.");
            } else {
                sentIndex.add(i);
                texts.add(d.text());
            }
        }
        if (!texts.isEmpty()) {
            try {
                ObjectNode response = SdkJson.toJson(analysis.batch.call(client, texts, languageCode));
                for (JsonNode r : response.path("ResultList")) {
                    int i = sentIndex.get(r.path("Index").asInt());
                    ObjectNode result = ((ObjectNode) r).deepCopy();
                    result.remove("Index");
                    results[i] = LineResults.ok(group.get(i).line(), result);
                }
                for (JsonNode e : response.path("ErrorList")) {
                    int i = sentIndex.get(e.path("Index").asInt());
                    results[i] = LineResults.error(group.get(i).line(), e.path("ErrorCode").asText(),
                            e.path("ErrorMessage").asText());
                }
            } catch (AwsServiceException e) {
                for (int i : sentIndex) {
                    results[i] = LineResults.error(group.get(i).line(), e);
                }
            }
        }
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            out.add(results[i] != null ? results[i]
                    : LineResults.error(group.get(i).line(), "MissingResult", "The batch response had no result for this document."));
        }
        return out;
    }
}
