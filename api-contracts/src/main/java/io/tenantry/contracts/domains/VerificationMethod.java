package io.tenantry.contracts.domains;

/** How a domain proves it is the tenant's: a DNS TXT record at {@code _tenantry-challenge.<domain>}, or a file at {@code https://<domain>/.well-known/tenantry-challenge.txt}, holding the challenge. */
public enum VerificationMethod {
    DNS,
    HTTPS
}
