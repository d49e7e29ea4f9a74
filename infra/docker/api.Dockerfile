# syntax=docker/dockerfile:1
# The API (Quarkus fast-jar). Build context: the repository root.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests -pl api -am package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --create-home emo \
 && mkdir -p /var/lib/emo /var/cache/djl /etc/emo/dags && chown -R emo /var/lib/emo /var/cache/djl
WORKDIR /opt/emo/api
COPY --from=build /src/api/target/quarkus-app/ ./
# Serving scores with DJL: PyTorch natives from the jar in lib/ (unpacked to ENGINE_CACHE_DIR),
# TensorFlow's for imported Keras SavedModels from the natives the core build unpacked.
COPY --from=build /src/workers/core/target/tensorflow-native/ /opt/emo/tensorflow-native/
USER emo
ENV EMO_API_HOST=0.0.0.0 EMO_API_PORT=8080 EMO_HOME=/var/lib/emo ENGINE_CACHE_DIR=/var/cache/djl \
    TENSORFLOW_LIBRARY_PATH=/opt/emo/tensorflow-native DJL_DEFAULT_ENGINE=PyTorch TF_CPP_MIN_LOG_LEVEL=1 \
    THP_MEM_ALLOC_ENABLE=1
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=10 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080"]
ENTRYPOINT ["java", "-Dai.djl.offline=true", "-jar", "quarkus-run.jar"]
