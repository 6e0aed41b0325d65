package dev.awsj.rekognition;

import dev.awsj.core.AwsjException;
import dev.awsj.core.ExitCodes;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Draws the boxes Rekognition found onto a copy of the image, with their captions, using only the
 * JDK's imaging (headless AWT and ImageIO). Writes PNG or JPEG by the target's extension, through
 * a temporary file beside it.
 */
final class Annotator {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Annotator() {
    }

    /** The format ImageIO writes for a target name, or a 252 naming the choices. */
    static String format(String target) {
        String name = target.toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "png";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "jpg";
        }
        throw AwsjException.usage("--annotate: " + target + " must end in .png, .jpg or .jpeg.");
    }

    static void annotate(byte[] image, List<Box> boxes, Path target) {
        String format = format(target.toString());
        BufferedImage source;
        try {
            source = ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw new AwsjException(ExitCodes.OTHER, "--annotate: cannot decode the image: " + e.getMessage(), e);
        }
        if (source == null) {
            throw new AwsjException(ExitCodes.OTHER, "--annotate: the JDK cannot decode this image.");
        }
        int w = source.getWidth();
        int h = source.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(source, 0, 0, null);
            int stroke = Math.max(3, Math.min(w, h) / 150);
            g.setStroke(new BasicStroke(stroke));
            for (Box b : boxes) {
                int x = Math.round(b.left() * w);
                int y = Math.round(b.top() * h);
                int bw = Math.round(b.width() * w);
                int bh = Math.round(b.height() * h);
                g.setColor(b.color());
                g.drawRect(x, y, bw, bh);
                caption(g, b, x, y, stroke, Math.max(12, Math.min(w, h) / 40));
            }
        } finally {
            g.dispose();
        }
        write(out, format, target);
    }

    /** The caption in a filled tag above the box (inside it at the top edge); skipped if no font renders. */
    private static void caption(Graphics2D g, Box b, int x, int y, int stroke, int size) {
        if (b.caption() == null || b.caption().isEmpty()) {
            return;
        }
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
            FontMetrics fm = g.getFontMetrics();
            int tw = fm.stringWidth(b.caption()) + 6;
            int th = fm.getHeight();
            int ty = y - th >= 0 ? y - th : y + stroke;
            g.setColor(b.color());
            g.fillRect(x, ty, tw, th);
            g.setColor(Color.BLACK);
            g.drawString(b.caption(), x + 3, ty + fm.getAscent());
        } catch (RuntimeException | Error e) {
            // A JRE without fonts: the boxes are still worth having.
        }
    }

    private static void write(BufferedImage image, String format, Path target) {
        Path abs = target.toAbsolutePath();
        Path temp = null;
        try {
            temp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".part");
            try (OutputStream os = Files.newOutputStream(temp);
                    ImageOutputStream ios = ImageIO.createImageOutputStream(os)) {
                ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
                try {
                    ImageWriteParam param = writer.getDefaultWriteParam();
                    if (format.equals("jpg")) {
                        // High quality: thin coloured lines smear at the default 0.75.
                        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                        param.setCompressionQuality(0.95f);
                    }
                    writer.setOutput(ios);
                    writer.write(null, new IIOImage(image, null, null), param);
                } finally {
                    writer.dispose();
                }
            }
            try {
                Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (java.nio.file.NoSuchFileException e) {
            throw AwsjException.usage("--annotate: no such directory: " + abs.getParent());
        } catch (IOException e) {
            throw new AwsjException(ExitCodes.OTHER, "--annotate: cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Best effort; the name starts with a dot and ends in .part.
                }
            }
        }
    }
}
