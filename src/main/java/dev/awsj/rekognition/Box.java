package dev.awsj.rekognition;

import java.awt.Color;
import software.amazon.awssdk.services.rekognition.model.BoundingBox;

/** A box to draw: position as ratios of the image size (as Rekognition gives them), caption, colour. */
record Box(float left, float top, float width, float height, String caption, Color color) {
    static final Color LABEL = new Color(0, 200, 0);
    static final Color FACE = new Color(255, 0, 255);
    static final Color TEXT = new Color(0, 128, 255);
    static final Color UNMATCHED = new Color(255, 64, 0);

    static Box of(BoundingBox b, String caption, Color color) {
        return new Box(value(b.left()), value(b.top()), value(b.width()), value(b.height()), caption, color);
    }

    private static float value(Float f) {
        return f == null ? 0f : f;
    }

    static String caption(String name, Float confidence) {
        return confidence == null ? name : String.format(java.util.Locale.ROOT, "%s %.1f%%", name, confidence);
    }
}
