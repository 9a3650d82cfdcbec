package org.tezuo.core.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.tezuo.core.connector.ConnectorDefinition;
import org.tezuo.core.connector.ConnectorType;

/**
 * Sends notices as plain-text UTF-8 email over SMTP with Spring's {@link JavaMailSenderImpl} (Jakarta Mail). The
 * connector's base URL is {@code smtp://host:port}; its credentials give the user name and the variable holding
 * the password; {@code channel.from} is the sender address and {@code channel.startTls} requires STARTTLS.
 */
final class EmailSender implements NoticeSender {

    private static final int DEFAULT_SMTP_PORT = 25;

    private final UnaryOperator<@Nullable String> environment;

    EmailSender(UnaryOperator<@Nullable String> environment) {
        this.environment = environment;
    }

    @Override
    public ConnectorType type() {
        return ConnectorType.EMAIL;
    }

    @Override
    public void send(NotificationChannel channel, ChannelMessage message) {
        if (message.email() == null) {
            throw new DeliveryFailedException("delivery.noEmail", channel.key(), message.recipient());
        }
        if (channel.from() == null) {
            throw new DeliveryFailedException("delivery.noSender", channel.key());
        }
        JavaMailSenderImpl mail = mailSender(channel);
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(channel.from());
            helper.setTo(message.email());
            helper.setSubject(message.subject());
            helper.setText(message.bodyWithLink(), false);
            mail.send(mime);
        } catch (MessagingException | MailException e) {
            throw new DeliveryFailedException(e, "delivery.smtpFailed", channel.key(), channel.connector().baseUrl(),
                    RobotWebhook.abbreviate(String.valueOf(e.getMessage())));
        }
    }

    private JavaMailSenderImpl mailSender(NotificationChannel channel) {
        ConnectorDefinition connector = channel.connector();
        URI server = connector.baseUrl();
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost(server.getHost());
        mail.setPort(server.getPort() > 0 ? server.getPort() : DEFAULT_SMTP_PORT);
        mail.setDefaultEncoding("UTF-8");
        Properties properties = mail.getJavaMailProperties();
        properties.put("mail.smtp.connectiontimeout", String.valueOf(connector.connectTimeout().toMillis()));
        properties.put("mail.smtp.timeout", String.valueOf(connector.readTimeout().toMillis()));
        properties.put("mail.smtp.writetimeout", String.valueOf(connector.readTimeout().toMillis()));
        if (channel.startTls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        String username = connector.credentials().username();
        String passwordEnv = connector.credentials().passwordEnv();
        if (username != null && passwordEnv != null) {
            mail.setUsername(username);
            mail.setPassword(RobotWebhook.requireSecret(channel, passwordEnv, environment));
            properties.put("mail.smtp.auth", "true");
        }
        return mail;
    }
}
