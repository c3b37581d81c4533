package io.tenantry.app.persistence;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;

/**
 * PostgreSQL dialect that stores Axon's {@code @Lob byte[]} columns (event payloads, metadata, tokens, sagas) as
 * {@code bytea}. Hibernate 6 maps them to {@code oid} large objects by default, which leak a large object on every
 * tracking-token update and cannot be read with plain SQL.
 */
public class PostgresByteaDialect extends PostgreSQLDialect {

    public PostgresByteaDialect() {
        super();
    }

    public PostgresByteaDialect(DatabaseVersion version) {
        super(version);
    }

    public PostgresByteaDialect(DialectResolutionInfo info) {
        super(info);
    }

    @Override
    protected String columnType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.columnType(sqlTypeCode);
    }

    @Override
    protected String castType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.castType(sqlTypeCode);
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        typeContributions.getTypeConfiguration().getJdbcTypeRegistry()
                         .addDescriptor(SqlTypes.BLOB, BinaryJdbcType.INSTANCE);
    }
}
