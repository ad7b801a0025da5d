package cn.landmarket.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import cn.landmarket.audit.InclusionView;
import cn.landmarket.audit.ListingEntriesView;

/**
 * The proof a document carries inside it ({@code proof.json}, README "Documents (PDF)"): the log
 * entries behind its facts with their inclusion proofs, the signed checkpoint they are proved
 * against and the log's verifier key, and the facts the document states, each naming the entry type
 * and field that must hold it. With the confirmation, also its exact text. Anyone can check it
 * offline: the verifier's {@code pdf} command does.
 */
final class ProofBundle {

    /** The value of {@code format}: changes when the layout does. */
    static final String FORMAT = "land-market-document-proof/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A fact the document states: its label, and the field of an entry type that must hold this value. */
    record Fact(String label, String entry, String field, Object value) {
    }

    private final String document;
    private final String title;
    private final String number;
    private final List<Fact> facts = new ArrayList<>();
    private String confirmationText;

    ProofBundle(String document, String title, String number) {
        this.document = document;
        this.title = title;
        this.number = number;
    }

    /** Adds a stated fact unless its value is unknown (null). */
    ProofBundle fact(String label, String entry, String field, Object value) {
        if (value != null) {
            facts.add(new Fact(label, entry, field, value));
        }
        return this;
    }

    ProofBundle confirmationText(String text) {
        this.confirmationText = text;
        return this;
    }

    List<Fact> facts() {
        return facts;
    }

    /** The bundle as UTF-8 JSON, with these proved entries and the log's key. */
    byte[] json(ListingEntriesView proved, String verifierKey, String generatedAt) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", FORMAT);
        out.put("document", document);
        out.put("title", title);
        out.put("number", number);
        out.put("generatedAt", generatedAt);
        out.put("verifierKey", verifierKey);
        out.put("checkpoint", proved.checkpoint());
        out.put("treeSize", proved.treeSize());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (InclusionView e : proved.entries()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("index", e.index());
            entry.put("treeSize", e.treeSize());
            entry.put("entry", e.entry());
            entry.put("leafHash", e.leafHash());
            entry.put("proof", e.proof());
            entries.add(entry);
        }
        out.put("entries", entries);
        List<Map<String, Object>> stated = new ArrayList<>();
        for (Fact f : facts) {
            Map<String, Object> fact = new LinkedHashMap<>();
            fact.put("label", f.label());
            fact.put("entry", f.entry());
            fact.put("field", f.field());
            fact.put("value", f.value());
            stated.add(fact);
        }
        out.put("facts", stated);
        if (confirmationText != null) {
            out.put("confirmationText", confirmationText);
        }
        try {
            return JSON.writeValueAsBytes(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
