package io.tenantry.query;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The query role: the query REST API, and the query handlers that do more than look up one read model (audit from
 * the event store, the dashboard's figures, the lifecycle feed); each read model answers its own lookups.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class QuerySideConfiguration {}
