package io.tenantry.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tenantry.contracts.privacy.Erasure;
import io.tenantry.contracts.privacy.SubjectFingerprints;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Encrypts and decrypts the personal data of a JSON tree as its {@link PersonalDataModel} says. Each text value
 * becomes {@code pd1.<key id>.<base64url(nonce ‖ ciphertext ‖ tag)>} under its subject's key; objects keep their
 * shape, so an erased value still deserializes, as {@link Erasure#MARKER}.
 */
public final class PersonalDataProtector {

    static final String PREFIX = "pd1.";

    private final SubjectKeyStore keys;
    private final SubjectFingerprints fingerprints;

    PersonalDataProtector(SubjectKeyStore keys, SubjectFingerprints fingerprints) {
        this.keys = keys;
        this.fingerprints = fingerprints;
    }

    void protect(JsonNode node, PersonalDataModel model) {
        if (!(node instanceof ObjectNode record)) {
            return;
        }
        if (model.subject() != null) {
            JsonNode subject = record.get(model.subject());
            if (subject != null
                    && subject.isTextual()
                    && !subject.asText().isBlank()
                    && !Erasure.MARKER.equals(subject.asText())) {
                SubjectKey key = keys.forSubject(fingerprints.of(subject.asText()));
                record.set(model.subject(), seal(subject, key));
                model.personal().forEach(name -> record.set(name, seal(record.get(name), key)));
            } else if (subject == null || subject.isNull()) {
                for (String name : model.personal()) {
                    JsonNode value = record.get(name);
                    if (value != null && !value.isNull()) {
                        throw new IllegalArgumentException(
                                "personal data '" + name + "' without the e-mail address of its data subject");
                    }
                }
            }
        }
        eachNested(record, model, this::protect);
    }

    void reveal(JsonNode node, PersonalDataModel model) {
        if (!(node instanceof ObjectNode record)) {
            return;
        }
        if (model.subject() != null) {
            record.set(model.subject(), open(record.get(model.subject())));
            model.personal().forEach(name -> record.set(name, open(record.get(name))));
        }
        eachNested(record, model, this::reveal);
    }

    private static void eachNested(
            ObjectNode record,
            PersonalDataModel model,
            java.util.function.BiConsumer<JsonNode, PersonalDataModel> action) {
        for (Map.Entry<String, PersonalDataModel> nested : model.nested().entrySet()) {
            JsonNode child = record.get(nested.getKey());
            if (child instanceof ArrayNode array) {
                array.forEach(element -> action.accept(element, nested.getValue()));
            } else if (child != null) {
                action.accept(child, nested.getValue());
            }
        }
    }

    /** Every text leaf of the value, sealed; other leaves and the shape stay. */
    private JsonNode seal(JsonNode value, SubjectKey key) {
        if (value == null || value.isNull()) {
            return value;
        }
        if (value.isTextual()) {
            byte[] sealed = Aead.seal(key.key(), value.asText().getBytes(StandardCharsets.UTF_8), aad(key.keyId()));
            return TextNode.valueOf(PREFIX + key.keyId() + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed));
        }
        if (value instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(seal(field.getValue(), key));
            }
        } else if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, seal(array.get(i), key));
            }
        }
        return value;
    }

    /** Every sealed text leaf opened, or the erasure marker once its key is gone. */
    private JsonNode open(JsonNode value) {
        if (value == null || value.isNull()) {
            return value;
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (!text.startsWith(PREFIX)) {
                return value;
            }
            int dot = text.indexOf('.', PREFIX.length());
            if (dot < 0) {
                throw new IllegalStateException("malformed personal data envelope");
            }
            String keyId = text.substring(PREFIX.length(), dot);
            Optional<SubjectKey> key = keys.byKeyId(keyId);
            if (key.isEmpty()) {
                return TextNode.valueOf(Erasure.MARKER);
            }
            byte[] sealed = Base64.getUrlDecoder().decode(text.substring(dot + 1));
            return TextNode.valueOf(new String(Aead.open(key.get().key(), sealed, aad(keyId)), StandardCharsets.UTF_8));
        }
        if (value instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(open(field.getValue()));
            }
        } else if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, open(array.get(i)));
            }
        }
        return value;
    }

    private static byte[] aad(String keyId) {
        return ("tenantry-personal-data:" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
