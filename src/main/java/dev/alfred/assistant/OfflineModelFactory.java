package dev.alfred.assistant;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.util.List;

/** Builds the offline model from every feature's {@link OfflineIntent}. */
@Singleton
class OfflineModelFactory {

    private final OfflineChatModel model;

    OfflineModelFactory(List<OfflineIntent> intents, JsonMapper json) {
        this.model = new OfflineChatModel(intents, json);
    }

    OfflineChatModel model() {
        return model;
    }
}
