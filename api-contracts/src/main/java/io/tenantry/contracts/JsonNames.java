package io.tenantry.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.RecordComponent;

/**
 * The JSON name of a bound property, so field errors name what the client sent ({@code client_name}, not clientName).
 */
public final class JsonNames {

    private JsonNames() {}

    public static String of(Class<?> type, String path) {
        if (type == null || path == null || !type.isRecord()) {
            return path;
        }
        int end = indexOfSeparator(path);
        String head = path.substring(0, end);
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals(head)) {
                // @JsonProperty does not target record components: Java puts it on the component's field
                JsonProperty property = fieldAnnotation(type, head);
                return property != null && !property.value().isEmpty() ? property.value() + path.substring(end) : path;
            }
        }
        return path;
    }

    private static JsonProperty fieldAnnotation(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name).getAnnotation(JsonProperty.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static int indexOfSeparator(String path) {
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '.' || path.charAt(i) == '[') {
                return i;
            }
        }
        return path.length();
    }
}
