package dev.awsj.rekognition;

import dev.awsj.core.AwsjException;
import dev.awsj.cli.Context;
import dev.awsj.cli.CuratedCommands;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.rekognition.model.Celebrity;
import software.amazon.awssdk.services.rekognition.model.CompareFacesMatch;
import software.amazon.awssdk.services.rekognition.model.CompareFacesRequest;
import software.amazon.awssdk.services.rekognition.model.CompareFacesResponse;
import software.amazon.awssdk.services.rekognition.model.ComparedFace;
import software.amazon.awssdk.services.rekognition.model.DetectFacesRequest;
import software.amazon.awssdk.services.rekognition.model.DetectFacesResponse;
import software.amazon.awssdk.services.rekognition.model.DetectLabelsRequest;
import software.amazon.awssdk.services.rekognition.model.DetectLabelsResponse;
import software.amazon.awssdk.services.rekognition.model.DetectTextRequest;
import software.amazon.awssdk.services.rekognition.model.DetectTextResponse;
import software.amazon.awssdk.services.rekognition.model.FaceDetail;
import software.amazon.awssdk.services.rekognition.model.Image;
import software.amazon.awssdk.services.rekognition.model.Instance;
import software.amazon.awssdk.services.rekognition.model.Label;
import software.amazon.awssdk.services.rekognition.model.RecognizeCelebritiesRequest;
import software.amazon.awssdk.services.rekognition.model.RecognizeCelebritiesResponse;
import software.amazon.awssdk.services.rekognition.model.TextDetection;
import software.amazon.awssdk.services.rekognition.model.TextTypes;

/** The curated Rekognition commands: an image from anywhere, and the boxes drawn on request. */
public final class RekognitionCommands implements CuratedCommands {
    @Override
    public List<Object> commands(Context ctx) {
        return List.of(new DetectLabels(ctx), new DetectFaces(ctx), new DetectText(ctx), new RecognizeCelebrities(ctx),
                new CompareFaces(ctx));
    }

    @Command(name = "detect-labels",
            description = "Detect objects, scenes and concepts in an image. --annotate draws the labels' instances.")
    static final class DetectLabels extends SingleImageCommand<DetectLabelsRequest.Builder, DetectLabelsResponse> {
        @Option(names = "--max-labels", paramLabel = "N", description = "At most this many labels.")
        Integer maxLabels;
        @Option(names = "--min-confidence", paramLabel = "PERCENT", description = "Only labels at least this confident (0-100; the service default is 55).")
        Float minConfidence;

        DetectLabels(Context ctx) {
            super(ctx, DetectLabelsRequest::builder, b -> b.build().image(), DetectLabelsRequest.Builder::image,
                    (client, b) -> client.detectLabels(b.build()));
        }

        @Override
        void options(DetectLabelsRequest.Builder b) {
            if (maxLabels != null) {
                b.maxLabels(maxLabels);
            }
            if (minConfidence != null) {
                b.minConfidence(minConfidence);
            }
        }

        @Override
        List<Box> boxes(DetectLabelsResponse r) {
            List<Box> boxes = new ArrayList<>();
            for (Label l : r.labels()) {
                for (Instance i : l.instances()) {
                    if (i.boundingBox() != null) {
                        boxes.add(Box.of(i.boundingBox(), Box.caption(l.name(), i.confidence()), Box.LABEL));
                    }
                }
            }
            return boxes;
        }
    }

    @Command(name = "detect-faces",
            description = "Detect faces and their attributes. --annotate draws each face's box.")
    static final class DetectFaces extends SingleImageCommand<DetectFacesRequest.Builder, DetectFacesResponse> {
        @Option(names = "--attributes", split = ",", arity = "1..*", paramLabel = "ALL|DEFAULT",
                description = "DEFAULT (box, confidence, pose, quality, landmarks) or ALL (age, emotions, …).")
        List<String> attributes;

        DetectFaces(Context ctx) {
            super(ctx, DetectFacesRequest::builder, b -> b.build().image(), DetectFacesRequest.Builder::image,
                    (client, b) -> client.detectFaces(b.build()));
        }

        @Override
        void options(DetectFacesRequest.Builder b) {
            if (attributes != null) {
                b.attributesWithStrings(attributes);
            }
        }

        @Override
        List<Box> boxes(DetectFacesResponse r) {
            List<Box> boxes = new ArrayList<>();
            int n = 0;
            for (FaceDetail f : r.faceDetails()) {
                n++;
                if (f.boundingBox() != null) {
                    boxes.add(Box.of(f.boundingBox(), Box.caption("Face " + n, f.confidence()), Box.FACE));
                }
            }
            return boxes;
        }
    }

    @Command(name = "detect-text",
            description = "Detect text (lines and words) in an image. --annotate draws each line's box.")
    static final class DetectText extends SingleImageCommand<DetectTextRequest.Builder, DetectTextResponse> {
        DetectText(Context ctx) {
            super(ctx, DetectTextRequest::builder, b -> b.build().image(), DetectTextRequest.Builder::image,
                    (client, b) -> client.detectText(b.build()));
        }

        @Override
        List<Box> boxes(DetectTextResponse r) {
            List<Box> boxes = new ArrayList<>();
            for (TextDetection t : r.textDetections()) {
                if (t.type() == TextTypes.LINE && t.geometry() != null && t.geometry().boundingBox() != null) {
                    boxes.add(Box.of(t.geometry().boundingBox(), Box.caption(t.detectedText(), t.confidence()), Box.TEXT));
                }
            }
            return boxes;
        }
    }

    @Command(name = "recognize-celebrities",
            description = "Recognize celebrities in an image. --annotate draws their faces, named, and unrecognized faces.")
    static final class RecognizeCelebrities
            extends SingleImageCommand<RecognizeCelebritiesRequest.Builder, RecognizeCelebritiesResponse> {
        RecognizeCelebrities(Context ctx) {
            super(ctx, RecognizeCelebritiesRequest::builder, b -> b.build().image(), RecognizeCelebritiesRequest.Builder::image,
                    (client, b) -> client.recognizeCelebrities(b.build()));
        }

        @Override
        List<Box> boxes(RecognizeCelebritiesResponse r) {
            List<Box> boxes = new ArrayList<>();
            for (Celebrity c : r.celebrityFaces()) {
                if (c.face() != null && c.face().boundingBox() != null) {
                    boxes.add(Box.of(c.face().boundingBox(), Box.caption(c.name(), c.matchConfidence()), Box.FACE));
                }
            }
            for (ComparedFace f : r.unrecognizedFaces()) {
                if (f.boundingBox() != null) {
                    boxes.add(Box.of(f.boundingBox(), "", Box.UNMATCHED));
                }
            }
            return boxes;
        }
    }

    @Command(name = "compare-faces",
            description = "Compare the largest face of the source image with the faces of the target image. "
                    + "--annotate draws the target image's matched faces (with similarity) and unmatched faces.")
    static final class CompareFaces extends ImageCommand<CompareFacesRequest.Builder, CompareFacesResponse> {
        @Option(names = "--source-image", paramLabel = "IMAGE",
                description = "File, - (stdin), http(s):// URL or s3://bucket/key.")
        String source;
        @Option(names = "--source-image-version", paramLabel = "VERSION")
        String sourceVersion;
        @Option(names = "--target-image", paramLabel = "IMAGE",
                description = "File, - (stdin), http(s):// URL or s3://bucket/key.")
        String target;
        @Option(names = "--target-image-version", paramLabel = "VERSION")
        String targetVersion;
        @Option(names = "--similarity-threshold", paramLabel = "PERCENT", description = "Only matches at least this similar (0-100; service default 80).")
        Float similarityThreshold;
        @Option(names = "--quality-filter", paramLabel = "FILTER", description = "NONE, AUTO, LOW, MEDIUM or HIGH.")
        String qualityFilter;
        @Option(names = "--annotate", paramLabel = "OUT.png|OUT.jpg", description = "Write the target image with the faces drawn.")
        String annotate;

        CompareFaces(Context ctx) {
            super(ctx, CompareFacesRequest::builder, (client, b) -> client.compareFaces(b.build()));
        }

        @Override
        void check() {
            if ("-".equals(source) && "-".equals(target)) {
                throw AwsjException.usage("Only one of --source-image and --target-image can be - (stdin).");
            }
            if (annotate != null) {
                Annotator.format(annotate);
            }
        }

        /** Both images; the target is the one drawn on. */
        @Override
        ImageInput images(CompareFacesRequest.Builder b) {
            CompareFacesRequest given = b.build();
            ImageInput src = image(source, sourceVersion, given.sourceImage(), "--source-image");
            ImageInput tgt = image(target, targetVersion, given.targetImage(), "--target-image");
            b.sourceImage(src.toImage()).targetImage(tgt.toImage());
            return tgt;
        }

        @Override
        void options(CompareFacesRequest.Builder b) {
            if (similarityThreshold != null) {
                b.similarityThreshold(similarityThreshold);
            }
            if (qualityFilter != null) {
                b.qualityFilter(qualityFilter);
            }
        }

        @Override
        String annotate() {
            return annotate;
        }

        @Override
        List<Box> boxes(CompareFacesResponse r) {
            List<Box> boxes = new ArrayList<>();
            for (CompareFacesMatch m : r.faceMatches()) {
                if (m.face() != null && m.face().boundingBox() != null) {
                    boxes.add(Box.of(m.face().boundingBox(), Box.caption("Match", m.similarity()), Box.FACE));
                }
            }
            for (ComparedFace f : r.unmatchedFaces()) {
                if (f.boundingBox() != null) {
                    boxes.add(Box.of(f.boundingBox(), Box.caption("No match", f.confidence()), Box.UNMATCHED));
                }
            }
            return boxes;
        }

        private ImageInput image(String spec, String version, Image fromJson, String option) {
            if (spec != null) {
                return ImageInput.resolve(ctx, spec, version, option);
            }
            if (fromJson == null) {
                throw AwsjException.usage("Missing required option: '" + option + "=IMAGE'");
            }
            return ImageInput.of(fromJson, "--cli-input-json");
        }
    }
}
