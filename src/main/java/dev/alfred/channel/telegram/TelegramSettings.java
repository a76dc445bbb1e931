package dev.alfred.channel.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * How the adapter reaches Telegram: the Bot API base ({@code alfred.telegram.api-url}, scheme, host
 * and port only, since the library cannot add a path), the long-poll timeout, how often an instance
 * without the polling lock tries again, and how long to wait after a failed start before retrying.
 */
record TelegramSettings(TelegramUrl apiUrl, Duration pollTimeout, Duration lockRetry, Duration startRetry) {

    static TelegramUrl apiUrl(String url) {
        URI uri = URI.create(url.strip());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "alfred.telegram.api-url must look like https://host[:port], not " + url);
        }
        if (uri.getRawPath() != null
                && !uri.getRawPath().isEmpty()
                && !uri.getRawPath().equals("/")) {
            throw new IllegalArgumentException(
                    "alfred.telegram.api-url cannot have a path (telegrambots builds /bot<token>/<method> itself): "
                            + url);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, uri.getHost(), port, false);
    }
}
