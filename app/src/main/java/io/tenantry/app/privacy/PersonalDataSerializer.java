package io.tenantry.app.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;

/**
 * Axon's Jackson serializer with crypto-shredding around it: the personal data of events, sagas and messages is
 * encrypted on the way into storage and decrypted on the way out, so aggregates, sagas and projections only ever
 * see plain values (or the erasure marker) and never a key. Types without personal data pass straight through.
 */
public final class PersonalDataSerializer implements Serializer {

    private final Serializer delegate;
    private final ObjectMapper objectMapper;
    private final PersonalDataProtector protector;

    PersonalDataSerializer(Serializer delegate, ObjectMapper objectMapper, PersonalDataProtector protector) {
        this.delegate = delegate;
        this.objectMapper = objectMapper;
        this.protector = protector;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        PersonalDataModel model = object == null ? PersonalDataModel.NONE : PersonalDataModel.of(object.getClass());
        if (model.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        JsonNode tree = objectMapper.valueToTree(object);
        protector.protect(tree, model);
        try {
            SerializedObject<byte[]> protectedForm = new SimpleSerializedObject<>(
                    objectMapper.writeValueAsBytes(tree), byte[].class, delegate.typeForClass(object.getClass()));
            return delegate.getConverter().convert(protectedForm, expectedRepresentation);
        } catch (JsonProcessingException e) {
            throw new SerializationException(
                    "Could not serialize " + object.getClass().getName(), e);
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = delegate.classForType(serializedObject.getType());
        PersonalDataModel model = type == null || UnknownSerializedType.class.equals(type)
                ? PersonalDataModel.NONE
                : PersonalDataModel.of(type);
        if (model.isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode tree = delegate.getConverter()
                .convert(serializedObject, JsonNode.class)
                .getData();
        JsonNode copy = tree.deepCopy();
        protector.reveal(copy, model);
        return delegate.deserialize(new SimpleSerializedObject<>(copy, JsonNode.class, serializedObject.getType()));
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
