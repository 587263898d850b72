# Multi-stage build: Maven on JDK 17 builds the jar, a JRE 17 image runs it as a non-root user.
# Tests need a PostgreSQL they start themselves; run them with ./mvnw verify outside the image.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -ntp dependency:go-offline
COPY src src
RUN mvn -B -ntp -DskipTests -Dspring-javaformat.skip=true -Djacoco.skip=true package \
    && cp target/home-budget-web-*.jar /build/app.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system app && useradd --system --gid app --home-dir /app app \
    && mkdir -p /app/data && chown -R app:app /app
WORKDIR /app
COPY --from=build /build/app.jar /app/app.jar
USER app
# Reachable from outside the container, so accounts are required (./hbw user add NAME), and
# production settings (ENV=production is also sign-in mode's default). See docs/security.md
# for BUDGET_METRICS_TOKEN, BUDGET_HTTP_TRUSTED_PROXIES and BUDGET_HTTP_PUBLIC_URL.
ENV HOST=0.0.0.0 PORT=8000 ENV=production BUDGET_AUTH=sign-in
EXPOSE 8000
# An OutOfMemoryError ends the process, so that the container's restart policy starts a fresh one
# instead of leaving a half-dead server that no longer answers.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
