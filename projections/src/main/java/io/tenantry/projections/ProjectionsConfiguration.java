package io.tenantry.projections;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Read models built by tracking processors from the event store, each answering its lookup queries, and the tenant
 * lifecycle topic published the same way. Part of the query role.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class ProjectionsConfiguration {}
