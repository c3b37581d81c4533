package io.tenantry.scim;

import io.tenantry.contracts.apikey.ApiKeyScopes;

/** What every part of Tenantry's SCIM 2.0 service (RFC 7643, RFC 7644) names alike. */
public final class Scim {

    /** SCIM's media type (RFC 7644 section 8.1); plain {@code application/json} is accepted and answered too. */
    public static final String MEDIA_TYPE = "application/scim+json";

    /** Where the service lives: {@code /scim/v2/Users}, {@code /scim/v2/Groups}, the discovery documents. */
    public static final String BASE_PATH = "/scim/v2";

    /** The API key scope that lets a tenant's key call the service. */
    public static final String KEY_SCOPE = ApiKeyScopes.SCIM;

    /** The most resources one page of a list answers (RFC 7644 section 3.4.2.4: the service may cap count). */
    public static final int MAX_PAGE_SIZE = 200;

    /** A list's page size when the request gives no {@code count}. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private Scim() {}
}
