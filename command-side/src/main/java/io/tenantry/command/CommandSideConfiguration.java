package io.tenantry.command;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The command role: aggregates, sagas and the command REST API. Imported by the app unless it runs the query role only.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class CommandSideConfiguration {}
