package io.tenantry.contracts.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component holding a person's personal data (a name, a phone number, a postal address). In the event
 * store each of its text values is encrypted with the key of the record's {@link DataSubject}; once that subject is
 * erased the values read back as {@link Erasure#MARKER}. Allowed on text and on records (or lists) made of text.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {}
