# syntax=docker/dockerfile:1
# The API (Quarkus fast-jar). Build context: the repository root.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests -pl api -am package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 emo
WORKDIR /opt/emo/api
COPY --from=build /src/api/target/quarkus-app/ ./
USER emo
ENV EMO_API_HOST=0.0.0.0 EMO_API_PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=10 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080"]
ENTRYPOINT ["java", "-jar", "quarkus-run.jar"]
