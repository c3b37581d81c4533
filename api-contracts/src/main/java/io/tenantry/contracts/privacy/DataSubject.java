package io.tenantry.contracts.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the e-mail address that identifies whose personal data a record holds. It is personal data itself (encrypted
 * like a {@link PersonalData} component), and the normalised address keys the person's encryption key, so a lead, a
 * tenant contact and an invitation of the same person are erased together. A record with {@link PersonalData}
 * components has exactly one {@code DataSubject}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface DataSubject {}
