-- The keys Tenantry signs its tenant tokens with. The newest key without retired_at signs; a retired key stays in the
-- JWKS until expires_at, when every token it signed has expired. The private key is a compact JWE (dir, A256GCM) under
-- a key derived from the privacy secret: never stored in the clear.
create table oauth_signing_key (
    kid         varchar(64)  not null primary key,
    algorithm   varchar(16)  not null,
    public_jwk  text         not null,
    private_jwk text         not null,
    created_at  timestamptz  not null,
    retired_at  timestamptz,
    expires_at  timestamptz
);
