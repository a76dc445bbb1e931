/**
 * The assistant: answers free text with a language model (Spring AI providers in a fallback chain,
 * ending with the built-in offline model) that may call the tools feature packages contribute.
 *
 * <p>Feature packages implement {@link dev.alfred.assistant.AssistantTool} (and, for the offline
 * model, {@link dev.alfred.assistant.OfflineIntent}) as beans; they never see Spring AI, which only
 * this package imports.
 */
@NullMarked
package dev.alfred.assistant;

import org.jspecify.annotations.NullMarked;
