package dev.alfred.channel;

/**
 * What a channel can do beyond sending text, so that the core can choose: edit a sent message
 * (streaming), show buttons, send images and files, show that work is in progress.
 */
public record ChannelCapabilities(
        boolean edits, boolean buttons, boolean images, boolean files, boolean progress, int maxTextLength) {}
