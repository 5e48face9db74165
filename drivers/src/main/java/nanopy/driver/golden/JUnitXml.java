package nanopy.driver.golden;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes verdicts as JUnit XML (the Ant/Surefire format graders and CI servers read): one
 * {@code testsuite} per target, one {@code testcase} per program (class name {@code target.suite},
 * name the program's id), and a {@code failure} whose {@code type} is the first failing pass and whose
 * message is the reason.
 */
public final class JUnitXml {
    private JUnitXml() {}

    /** The report as a JUnit XML document. */
    public static String render(GoldenReport report) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuites");
            w.writeAttribute("name", "nanopy golden");
            w.writeAttribute("tests", String.valueOf(report.programs()));
            w.writeAttribute("failures", String.valueOf(report.programs() - report.programsOk()));
            w.writeCharacters("\n");
            for (var e : report.byTarget().entrySet()) {
                suite(w, e.getKey(), e.getValue());
            }
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        return text.toString();
    }

    /**
     * Writes {@link #render} to {@code file}.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(GoldenReport report, Path file) {
        try {
            Files.writeString(file, render(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void suite(XMLStreamWriter w, String target, List<Verdict> vs) throws XMLStreamException {
        long failures = vs.stream().filter(v -> !v.ok()).count();
        w.writeStartElement("testsuite");
        w.writeAttribute("name", target);
        w.writeAttribute("tests", String.valueOf(vs.size()));
        w.writeAttribute("failures", String.valueOf(failures));
        w.writeAttribute("errors", "0");
        w.writeAttribute("skipped", "0");
        w.writeAttribute("time", seconds(vs.stream().mapToLong(Verdict::millis).sum()));
        w.writeCharacters("\n");
        for (Verdict v : vs) {
            w.writeStartElement("testcase");
            w.writeAttribute("classname", target + "." + v.program().substring(0, v.program().indexOf('/')));
            w.writeAttribute("name", v.program());
            w.writeAttribute("time", seconds(v.millis()));
            if (v.failure().isPresent()) {
                w.writeStartElement("failure");
                w.writeAttribute("type", v.failure().get().pass());
                w.writeAttribute("message", "pass " + v.failure().get().pass() + ": " + v.failure().get().reason());
                w.writeCharacters(v.summary() + "\npasses: " + GoldenReport.marks(v) + " (" + String.join(", ", v.passes()) + ")\n");
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeCharacters("\n");
        }
        w.writeEndElement();
        w.writeCharacters("\n");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
