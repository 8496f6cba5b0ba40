package io.kopilka.notification.internal;

import io.kopilka.member.Member;
import io.kopilka.notification.Channel;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Tenants;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP ({@code KOPILKA_SMTP_*}): text and HTML alternatives, the tenant's name as the sender's,
 * a {@code Message-ID} made of the log entry's id (a retried delivery is the same message to the receiver),
 * and one-click unsubscribe headers (RFC 8058). Without an SMTP host, and with the demo's mailbox on
 * ({@code --demo}), messages are kept in the log only, "sent" to the mailbox.
 */
@Component
@EnableConfigurationProperties(SmtpProperties.class)
class EmailSender implements ChannelSender {
    private static final int TIMEOUT_MS = 10_000;

    private final SmtpProperties smtp;
    private final JavaMailSenderImpl mail;
    private final boolean mailbox;
    private final Tenants tenants;

    EmailSender(SmtpProperties smtp, Tenants tenants, ApplicationArguments args,
                @Value("${kopilka.notifications.mailbox:false}") boolean mailbox) {
        this.smtp = smtp;
        this.tenants = tenants;
        this.mail = smtp.configured() ? mailSender(smtp) : null;
        this.mailbox = !smtp.configured() && (mailbox || args.containsOption("demo"));
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    /** Whether messages go to the in-app mailbox instead of an SMTP server. */
    boolean toMailbox() {
        return mailbox;
    }

    @Override
    public Optional<String> unavailableFor(TenantId tenant) {
        return mail != null || mailbox ? Optional.empty() : Optional.of("email_not_configured");
    }

    @Override
    public Optional<String> addressOf(TenantId tenant, Member member) {
        return Optional.ofNullable(member.email()).filter(email -> !email.isBlank());
    }

    @Override
    public void send(OutgoingMessage message) throws DeliveryFailure {
        if (mailbox) {
            return;
        }
        if (mail == null) {
            throw new DeliveryFailure("email_not_configured", false, "KOPILKA_SMTP_HOST is not set", null);
        }
        try {
            mail.send(mime(message));
        } catch (MailAuthenticationException refused) {
            // The server's credentials are wrong: fixing them in time lets the retries through.
            throw new DeliveryFailure("smtp_auth_failed", true, refused.getMessage(), refused);
        } catch (MailSendException failed) {
            boolean addressRefused = failed.getFailedMessages().values().stream()
                    .anyMatch(e -> e instanceof SendFailedException s && s.getInvalidAddresses() != null
                            && s.getInvalidAddresses().length > 0);
            throw addressRefused ? new DeliveryFailure("smtp_recipient_refused", false, failed.getMessage(), failed)
                    : new DeliveryFailure("smtp_unavailable", true, failed.getMessage(), failed);
        } catch (MailException | MessagingException | UnsupportedEncodingException broken) {
            throw new DeliveryFailure("smtp_unavailable", true, broken.getMessage(), broken);
        }
    }

    private MimeMessage mime(OutgoingMessage message) throws MessagingException, UnsupportedEncodingException {
        String messageId = "<" + message.id() + "@kopilka>";
        MimeMessage mime = new MimeMessage(mail.getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        boolean html = message.html() != null;
        MimeMessageHelper helper = new MimeMessageHelper(mime, html, StandardCharsets.UTF_8.name());
        helper.setFrom(new InternetAddress(smtp.from(), tenants.get(message.tenant()).name(),
                StandardCharsets.UTF_8.name()));
        helper.setTo(message.to());
        helper.setSubject(message.subject() == null ? "" : message.subject());
        if (html) {
            helper.setText(message.text(), message.html());
        } else {
            helper.setText(message.text());
        }
        if (message.unsubscribeUrl() != null) {
            mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mime;
    }

    private static JavaMailSenderImpl mailSender(SmtpProperties smtp) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.portOrDefault());
        sender.setUsername(smtp.username());
        sender.setPassword(smtp.password());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        boolean implicitTls = smtp.tlsOrDefault() && smtp.portOrDefault() == 465;
        sender.setProtocol(implicitTls ? "smtps" : "smtp");
        String p = "mail." + sender.getProtocol() + ".";
        Properties props = sender.getJavaMailProperties();
        props.put(p + "auth", String.valueOf(smtp.username() != null && !smtp.username().isBlank()));
        props.put(p + "starttls.enable", String.valueOf(smtp.tlsOrDefault() && !implicitTls));
        props.put(p + "starttls.required", String.valueOf(smtp.tlsOrDefault() && !implicitTls));
        props.put(p + "connectiontimeout", String.valueOf(TIMEOUT_MS));
        props.put(p + "timeout", String.valueOf(TIMEOUT_MS));
        props.put(p + "writetimeout", String.valueOf(TIMEOUT_MS));
        return sender;
    }
}
