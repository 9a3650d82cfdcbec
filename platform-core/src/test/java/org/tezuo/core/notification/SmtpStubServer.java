package org.tezuo.core.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server on 127.0.0.1 (RFC 5321 without extensions): it speaks EHLO/HELO, MAIL FROM, RCPT TO, DATA
 * with dot-unstuffing, RSET, NOOP and QUIT, one connection at a time, and keeps every message it accepted.
 */
final class SmtpStubServer implements AutoCloseable {

    /** One accepted message: envelope sender, recipients and the raw message text. */
    record Mail(String from, List<String> recipients, String data) {
    }

    private final ServerSocket socket;
    private final List<Mail> mails = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private SmtpStubServer(ServerSocket socket) {
        this.socket = socket;
        this.acceptor = Thread.ofVirtual().name("smtp-stub").start(this::acceptLoop);
    }

    static SmtpStubServer start() {
        try {
            return new SmtpStubServer(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    List<Mail> mails() {
        return List.copyOf(mails);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8);
        send(out, "220 127.0.0.1 ESMTP stub");
        String from = "";
        List<String> recipients = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
            switch (command) {
                case "EHLO" -> send(out, "250-127.0.0.1\r\n250 8BITMIME");
                case "HELO", "NOOP" -> send(out, "250 OK");
                case "MAIL" -> {
                    from = address(line);
                    recipients = new ArrayList<>();
                    send(out, "250 OK");
                }
                case "RCPT" -> {
                    recipients.add(address(line));
                    send(out, "250 OK");
                }
                case "DATA" -> {
                    send(out, "354 End data with <CR><LF>.<CR><LF>");
                    mails.add(new Mail(from, List.copyOf(recipients), readData(in)));
                    send(out, "250 OK queued");
                }
                case "RSET" -> {
                    from = "";
                    recipients = new ArrayList<>();
                    send(out, "250 OK");
                }
                case "QUIT" -> {
                    send(out, "221 Bye");
                    return;
                }
                default -> send(out, "502 Command not implemented");
            }
        }
    }

    private static String readData(BufferedReader in) throws IOException {
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
        }
        return data.toString();
    }

    private static String address(String line) {
        int start = line.indexOf('<');
        int end = line.indexOf('>');
        return start >= 0 && end > start ? line.substring(start + 1, end) : "";
    }

    private static void send(Writer out, String reply) throws IOException {
        out.write(reply + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        acceptor.interrupt();
    }
}
