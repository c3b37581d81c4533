# The Tenantry app over the jar built by `./mvnw -B -DskipTests package` (app/target/tenantry.jar).
FROM eclipse-temurin:17-jre

RUN groupadd --system tenantry && useradd --system --gid tenantry --uid 10001 --home /app tenantry \
    && mkdir -p /app/data && chown tenantry:tenantry /app/data
WORKDIR /app
COPY app/target/tenantry.jar /app/tenantry.jar

# only used when no database is configured (the embedded default, as a non-root user)
ENV TENANTRY_DATA_DIR=/app/data
USER tenantry
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/tenantry.jar"]
