package io.tenantry.app.contract;

import io.tenantry.contracts.entitlement.Enforcement;
import io.tenantry.contracts.entitlement.Entitlement;
import io.tenantry.contracts.entitlement.QuotaPeriod;
import io.tenantry.contracts.privacy.DataSubject;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One deterministic sample of any record type, built from its components: the same class always gives the same
 * JSON, so the contract fixtures can be compared byte for byte. Adding an event needs no code here.
 */
final class SampleEvents {

    static final Instant INSTANT = Instant.parse("2026-01-02T03:04:05Z");

    private SampleEvents() {}

    static Object sample(Class<?> type) {
        return value(type, type, null);
    }

    private static Object value(Class<?> type, Type generic, RecordComponent component) {
        String name = component == null ? "value" : component.getName();
        if (type == String.class) {
            return component != null
                            && (component.isAnnotationPresent(DataSubject.class)
                                    || name.toLowerCase().contains("email"))
                    ? "jane.doe@example.com"
                    : "sample-" + name;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == int.class || type == Integer.class) {
            return 7;
        }
        if (type == long.class || type == Long.class) {
            return 42L;
        }
        if (type == double.class || type == Double.class) {
            return 1.5d;
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("12.50");
        }
        if (type == Instant.class) {
            return INSTANT;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 1, 2);
        }
        if (type == Duration.class) {
            return Duration.ofHours(24);
        }
        if (type == UUID.class) {
            return UUID.fromString("00000000-0000-0000-0000-000000000042");
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == List.class || type == Set.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Object sample = value(rawType(element), element, component);
            return type == List.class ? List.of(sample) : Set.of(sample);
        }
        if (type == Map.class) {
            Type valueType = ((ParameterizedType) generic).getActualTypeArguments()[1];
            return Map.of("key", value(rawType(valueType), valueType, component));
        }
        if (type == Entitlement.class) {
            // its values depend on its kind: a quota, which has every field
            return Entitlement.quota("api-calls", 42, QuotaPeriod.MONTH, Enforcement.HARD, "api_calls");
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] arguments = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                arguments[i] = value(components[i].getType(), components[i].getGenericType(), components[i]);
            }
            try {
                return type.getDeclaredConstructor(types).newInstance(arguments);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build a sample " + type.getName(), e);
            }
        }
        throw new IllegalStateException("no sample for " + generic + " (" + name + "): teach SampleEvents this type");
    }

    private static Class<?> rawType(Type type) {
        return type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
    }
}
