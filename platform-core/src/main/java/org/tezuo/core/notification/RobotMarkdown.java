package org.tezuo.core.notification;

/** Renders a notice as the markdown subset that both WeCom and DingTalk group robots display. */
final class RobotMarkdown {

    private RobotMarkdown() {
    }

    static String render(ChannelMessage message) {
        StringBuilder text = new StringBuilder()
                .append("### ").append(message.subject()).append("\n\n")
                .append(message.recipientName()).append("：").append(message.body().replace("\n", "\n\n"));
        if (message.link() != null) {
            text.append("\n\n[").append(message.link()).append("](").append(message.link()).append(")");
        }
        return text.toString();
    }
}
