/**
 * Classes that break the architecture rules on purpose, so that {@code ControllerRulesTest} can show the rules catch
 * them. Outside every package the application scans, so none of them ever becomes a bean.
 */
package io.tenantry.archfixture;
