package dev.awsj.polly;

import dev.awsj.core.AwsjException;
import dev.awsj.documents.TextSplitter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an SSML document into documents Polly accepts in one request: at most {@code maxBilled}
 * characters of text and {@code maxTotal} characters in all. Cuts fall between sentences or
 * between elements, never inside a tag; elements open at a cut ({@code <prosody>}, {@code <p>}…)
 * are closed at the end of one part and opened again at the start of the next, and each part is
 * its own {@code <speak>} document. Elements whose content must stay whole ({@code say-as},
 * {@code phoneme}, {@code sub}, {@code w}) are never cut.
 */
final class SsmlSplitter {
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern NAME = Pattern.compile("^</?\\s*([A-Za-z_][\\w:.-]*)");
    private static final Set<String> ATOMIC = Set.of("say-as", "phoneme", "sub", "w");

    private final int maxBilled;
    private final int maxTotal;

    SsmlSplitter(int maxBilled, int maxTotal) {
        this.maxBilled = maxBilled;
        this.maxTotal = maxTotal;
    }

    /** One piece that is never cut: a tag, a whole atomic element, or a run of sentences. */
    private record Atom(String text, int billed, String tagName, boolean open, boolean close) {
    }

    List<String> split(String ssml) {
        String body = ssml.strip();
        String speakOpen = "<speak>";
        Matcher start = Pattern.compile("^(?:<\\?xml[^>]*>\\s*)?(<speak(?:\\s[^>]*)?>)").matcher(body);
        if (start.find()) {
            speakOpen = start.group(1);
            body = body.substring(start.end());
            int end = body.lastIndexOf("</speak>");
            if (end < 0) {
                throw AwsjException.usage("Malformed SSML: <speak> is not closed with </speak>.");
            }
            body = body.substring(0, end);
        }
        String speakClose = "</speak>";
        if (billed(body) <= maxBilled && speakOpen.length() + body.length() + speakClose.length() <= maxTotal) {
            return List.of(speakOpen + body + speakClose);
        }
        List<Atom> atoms = atoms(body);
        List<String> parts = new ArrayList<>();
        Deque<Atom> open = new ArrayDeque<>();
        // Start tags appended since the last content: at a cut they move to the next part, so no
        // part ends with an element that was opened but holds nothing.
        List<Atom> trailingOpens = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int billed = 0;
        boolean hasContent = false;
        int i = 0;
        while (i < atoms.size()) {
            Atom a = atoms.get(i);
            Deque<Atom> after = new ArrayDeque<>(open);
            if (a.open) {
                after.push(a);
            } else if (a.close && !after.isEmpty()) {
                after.pop();
            }
            int total = speakOpen.length() + part.length() + a.text.length() + closingLength(after) + speakClose.length();
            if (hasContent && (billed + a.billed > maxBilled || total > maxTotal)) {
                for (Atom t : trailingOpens) {
                    part.setLength(part.length() - t.text.length());
                    open.pop();
                }
                parts.add(speakOpen + part + closing(open) + speakClose);
                part.setLength(0);
                billed = 0;
                hasContent = false;
                Iterator<Atom> reopen = open.descendingIterator();
                while (reopen.hasNext()) {
                    part.append(reopen.next().text);
                }
                for (Atom t : trailingOpens) {
                    part.append(t.text);
                    open.push(t);
                }
                continue; // the same atom again, in the new part
            }
            if (!hasContent && (a.billed > maxBilled || total > maxTotal)) {
                throw AwsjException.usage("SSML too long to split: a piece that cannot be cut has more than " + maxBilled
                        + " characters: " + abbreviate(a.text));
            }
            part.append(a.text);
            billed += a.billed;
            if (a.open) {
                trailingOpens.add(a);
            } else {
                trailingOpens.clear();
                hasContent |= a.billed > 0 || !a.close;
            }
            open.clear();
            after.descendingIterator().forEachRemaining(open::push);
            i++;
        }
        if (hasContent) {
            parts.add(speakOpen + part + closing(open) + speakClose);
        }
        return parts;
    }

    private List<Atom> atoms(String body) {
        List<Atom> atoms = new ArrayList<>();
        Matcher m = TAG.matcher(body);
        int pos = 0;
        while (m.find(pos)) {
            addText(body.substring(pos, m.start()), atoms);
            String tag = m.group();
            String name = tagName(tag);
            boolean selfClosing = tag.endsWith("/>") || tag.startsWith("<!") || tag.startsWith("<?");
            boolean closing = tag.startsWith("</");
            if (name != null && ATOMIC.contains(name) && !closing && !selfClosing) {
                Matcher end = Pattern.compile("</\\s*" + Pattern.quote(name) + "\\s*>").matcher(body);
                if (!end.find(m.end())) {
                    throw AwsjException.usage("Malformed SSML: <" + name + "> is not closed.");
                }
                String whole = body.substring(m.start(), end.end());
                atoms.add(new Atom(whole, billed(whole), null, false, false));
                pos = end.end();
                continue;
            }
            atoms.add(new Atom(tag, 0, name, !closing && !selfClosing, closing));
            pos = m.end();
        }
        addText(body.substring(pos), atoms);
        return atoms;
    }

    /** Text between tags, cut into runs of whole sentences well below the limit. */
    private void addText(String text, List<Atom> atoms) {
        if (text.isEmpty()) {
            return;
        }
        for (TextSplitter.Chunk c : new TextSplitter(Math.max(2, maxBilled / 3), TextSplitter.CODE_POINTS).split(text)) {
            String t = c.text() + c.after();
            atoms.add(new Atom(t, billed(t), null, false, false));
        }
    }

    private static String tagName(String tag) {
        Matcher n = NAME.matcher(tag);
        return n.find() ? n.group(1) : null;
    }

    private static String closing(Deque<Atom> open) {
        StringBuilder sb = new StringBuilder();
        for (Atom a : open) {
            sb.append("</").append(a.tagName).append('>');
        }
        return sb.toString();
    }

    private static int closingLength(Deque<Atom> open) {
        int n = 0;
        for (Atom a : open) {
            n += a.tagName.length() + 3;
        }
        return n;
    }

    /** Characters Polly bills for SSML: the text, not the tags. */
    static int billed(String ssml) {
        String text = TAG.matcher(ssml).replaceAll("");
        return text.codePointCount(0, text.length());
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
