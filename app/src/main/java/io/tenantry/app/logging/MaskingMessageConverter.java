package io.tenantry.app.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %m}, {@code %msg}, {@code %message} with e-mail addresses masked (see logback-spring.xml). */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalDataMasking.mask(super.convert(event));
    }
}
