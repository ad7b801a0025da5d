package cn.landmarket.document;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * PDF/A validation of the documents by veraPDF (its own parser and the rules of ISO 19005 as the
 * PDF Association's validation profiles state them): the flavour a PDF declares in its XMP
 * metadata, and every rule of that flavour it breaks.
 */
final class PdfA {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfA() {
    }

    /**
     * What veraPDF found: the flavour the file declares and each rule it breaks (as
     * {@code clause-test}, e.g. {@code 6.2.4.3-2}), with the rule's text, how often and where first.
     */
    record Report(PDFAFlavour declared, Map<String, String> failures) {

        /** The report as an assertion message. */
        String describe() {
            return "declared " + declared.getId() + ", " + failures.size() + " rule(s) broken:\n"
                    + String.join("\n", failures.values());
        }
    }

    /** Validates {@code pdf} against the flavour its metadata declares. */
    static Report validate(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf))) {
            PDFAFlavour declared = parser.getFlavour();
            Map<String, String> failures = new TreeMap<>();
            if (declared == PDFAFlavour.NO_FLAVOUR) {
                failures.put("flavour", "the file declares no PDF/A flavour in its XMP metadata");
                return new Report(declared, failures);
            }
            try (PDFAValidator validator = Foundries.defaultInstance().createValidator(declared, false)) {
                ValidationResult result = validator.validate(parser);
                Map<String, List<TestAssertion>> broken = new LinkedHashMap<>();
                for (TestAssertion a : result.getTestAssertions()) {
                    if (a.getStatus() == TestAssertion.Status.FAILED) {
                        broken.computeIfAbsent(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber(),
                                k -> new ArrayList<>()).add(a);
                    }
                }
                broken.forEach((rule, all) -> {
                    TestAssertion first = all.get(0);
                    failures.put(rule, first.getRuleId().getSpecification().getId() + " " + rule + " (" + all.size()
                            + "×): " + first.getMessage() + " — first at " + first.getLocation().getContext());
                });
                if (!result.isCompliant() && failures.isEmpty()) {
                    failures.put("?", "not compliant, yet no failed check listed (" + result.getJobEndStatus() + ")");
                }
            }
            return new Report(declared, failures);
        } catch (Exception e) {
            throw new AssertionError("veraPDF cannot read the document: " + e, e);
        }
    }
}
