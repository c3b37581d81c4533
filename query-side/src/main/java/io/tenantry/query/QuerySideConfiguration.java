package io.tenantry.query;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The query role: query handlers over the read models and the query REST API. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class QuerySideConfiguration {
}
