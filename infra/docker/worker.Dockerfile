# syntax=docker/dockerfile:1
# A Temporal worker over the ML core (DJL + PyTorch CPU). Build context: the repository root.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests -pl workers/worker -am package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --create-home emo \
 && mkdir -p /var/lib/emo/work /var/cache/djl && chown -R emo /var/lib/emo /var/cache/djl
WORKDIR /opt/emo/worker
COPY --from=build /src/workers/worker/target/emo-worker-0.1.0-SNAPSHOT.jar ./
COPY --from=build /src/workers/worker/target/lib/ ./lib/
COPY --from=build /src/workers/core/target/tensorflow-native/ /opt/emo/tensorflow-native/
USER emo
# PyTorch natives come from the pytorch-native-cpu jar in lib/ and unpack to ENGINE_CACHE_DIR.
# TensorFlow natives: imported Keras SavedModels are evaluated and compared through DJL's TF engine.
# THP_MEM_ALLOC_ENABLE: PyTorch's large CPU buffers on transparent huge pages (as ./emo sets it).
ENV ENGINE_CACHE_DIR=/var/cache/djl EMO_HOME=/var/lib/emo EMO_WORK_DIR=/var/lib/emo/work \
    TENSORFLOW_LIBRARY_PATH=/opt/emo/tensorflow-native DJL_DEFAULT_ENGINE=PyTorch TF_CPP_MIN_LOG_LEVEL=1 \
    THP_MEM_ALLOC_ENABLE=1
ENTRYPOINT ["java", "-Dai.djl.offline=true", "-cp", "emo-worker-0.1.0-SNAPSHOT.jar:lib/*", \
  "org.emoaudionet.worker.WorkerMain"]
