package io.tenantry.app.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/** Spring Boot's {@code %wEx} with e-mail addresses in exception messages masked (see logback-spring.xml). */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return PersonalDataMasking.mask(super.throwableProxyToString(proxy));
    }
}
