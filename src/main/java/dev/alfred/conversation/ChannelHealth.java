package dev.alfred.conversation;

import dev.alfred.channel.Channel;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Each channel's state in {@code /health}. It is always UP itself: a platform outage must not make
 * the service look dead and get it restarted; the database indicator decides that.
 */
@Singleton
class ChannelHealth implements HealthIndicator {

    private final Channels channels;

    ChannelHealth(Channels channels) {
        this.channels = channels;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (Channel channel : channels.all()) {
            var status = channel.status();
            details.put(
                    channel.bot() + "/" + channel.name(),
                    Map.of("state", status.state().name(), "detail", status.detail()));
        }
        return Publishers.just(HealthResult.builder("channels", HealthStatus.UP)
                .details(details)
                .build());
    }
}
