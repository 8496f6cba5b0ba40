package io.kopilka.faq;

/** One question and its answer, in the owner's words (or ours, for the defaults). */
public record FaqItem(String question, String answer) {
}
