package io.tenantry.app.privacy;

import io.tenantry.contracts.privacy.DataSubject;
import io.tenantry.contracts.privacy.PersonalData;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a record type keeps personal data, read once from its {@link PersonalData} and {@link DataSubject}
 * components: the subject's e-mail, the personal components of the same record, and nested records (alone or in
 * collections) that have their own. JSON names are the component names.
 */
final class PersonalDataModel {

    static final PersonalDataModel NONE = new PersonalDataModel(null, List.of(), Map.of());
    private static final Map<Class<?>, PersonalDataModel> MODELS = new ConcurrentHashMap<>();

    private final String subject;
    private final List<String> personal;
    private final Map<String, PersonalDataModel> nested;

    private PersonalDataModel(String subject, List<String> personal, Map<String, PersonalDataModel> nested) {
        this.subject = subject;
        this.personal = personal;
        this.nested = nested;
    }

    static PersonalDataModel of(Class<?> type) {
        PersonalDataModel known = MODELS.get(type);
        if (known != null) {
            return known;
        }
        PersonalDataModel model = analyse(type, new ArrayList<>());
        MODELS.putIfAbsent(type, model);
        return model;
    }

    boolean isEmpty() {
        return subject == null && nested.isEmpty();
    }

    /** The JSON name of the subject's e-mail in this record, or {@code null}. */
    String subject() {
        return subject;
    }

    /** JSON names of this record's personal components, the subject excluded. */
    List<String> personal() {
        return personal;
    }

    /** Models of nested records (or collections of them) by JSON name. */
    Map<String, PersonalDataModel> nested() {
        return nested;
    }

    private static PersonalDataModel analyse(Class<?> type, List<Class<?>> path) {
        if (!type.isRecord() || path.contains(type)) {
            return NONE;
        }
        path.add(type);
        String subject = null;
        List<String> personal = new ArrayList<>();
        Map<String, PersonalDataModel> nested = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            boolean isSubject = component.isAnnotationPresent(DataSubject.class);
            boolean isPersonal = component.isAnnotationPresent(PersonalData.class);
            if (isSubject) {
                if (subject != null) {
                    throw new IllegalStateException(type.getName() + " has two @DataSubject components");
                }
                if (component.getType() != String.class) {
                    throw new IllegalStateException(type.getName() + "." + component.getName()
                            + ": @DataSubject must be the e-mail address, a String");
                }
                subject = component.getName();
            } else if (isPersonal) {
                personal.add(component.getName());
            } else {
                Class<?> element = elementRecordType(component);
                if (element != null) {
                    PersonalDataModel inner = analyse(element, path);
                    if (!inner.isEmpty()) {
                        nested.put(component.getName(), inner);
                    }
                }
            }
        }
        path.remove(type);
        if (!personal.isEmpty() && subject == null) {
            throw new IllegalStateException(type.getName() + " has @PersonalData components " + personal
                    + " but no @DataSubject: whose data is it?");
        }
        return subject == null && nested.isEmpty()
                ? NONE
                : new PersonalDataModel(subject, List.copyOf(personal), Map.copyOf(nested));
    }

    /** The record type of a component, or of the elements of a collection component; else {@code null}. */
    private static Class<?> elementRecordType(RecordComponent component) {
        if (component.getType().isRecord()) {
            return component.getType();
        }
        if (Collection.class.isAssignableFrom(component.getType())
                && component.getGenericType() instanceof ParameterizedType parameterized) {
            Type argument = parameterized.getActualTypeArguments()[0];
            if (argument instanceof Class<?> element && element.isRecord()) {
                return element;
            }
        }
        return null;
    }
}
