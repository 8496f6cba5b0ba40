package io.kopilka.notification;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Language;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's texts of messages: each kind, language and channel ({@link Channel#EMAIL} or
 * {@link Channel#SMS}) is the tenant's own or the default. A text is checked before it is stored: it
 * compiles and renders against the kind's {@link SampleFacts}, with every optional fact and with none.
 */
public interface NotificationTemplates {

    /** Every text, or those of one kind, language or channel (null: any). */
    List<MessageTemplate> list(TenantId tenant, @Nullable NoticeKind kind, @Nullable Language language,
                               @Nullable Channel channel);

    /**
     * Stores the tenant's own text in the caller's transaction; every instance uses it once that commits.
     * Refused (422, nothing written): {@code validation_failed} for a missing, refused or long subject or
     * body, {@code template_invalid} for a text that does not compile or render, {@code template_too_long}
     * for an SMS over {@link #MAX_SMS_SEGMENTS} parts.
     */
    MessageTemplate replace(TenantId tenant, NoticeKind kind, Language language, Channel channel,
                            @Nullable String subject, @Nullable String body);

    /** The text every tenant starts with. */
    MessageTemplate byDefault(NoticeKind kind, Language language, Channel channel);

    /** Back to the default; the text before when there was one of the tenant's own. */
    @Nullable MessageTemplate reset(TenantId tenant, NoticeKind kind, Language language, Channel channel);

    /**
     * Renders the stored text, or a draft ({@code subject}, {@code body}, each falling back to the stored
     * part), with the kind's sample facts and the tenant's name and wallet; with {@code member}, that
     * member's name, card, referral code and balance instead of the sample member's.
     */
    TemplatePreview preview(TenantId tenant, NoticeKind kind, Language language, Channel channel,
                            @Nullable MemberId member, @Nullable String subject, @Nullable String body);

    /** The longest SMS a template may make of the sample facts. */
    int MAX_SMS_SEGMENTS = 6;
}
