package io.javakeepalived.mail;

import io.javakeepalived.log.LogMarkers;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;

import org.slf4j.Logger;

/**
 * One alert sent over one connection with keepalived's dialogue (smtp.c): wait for the 220
 * greeting, {@code HELO name}, {@code MAIL FROM:<from>}, one {@code RCPT TO:<to>} per recipient,
 * {@code DATA}, the message, {@code QUIT}. The connect and every reply are bounded by
 * {@code smtp_connect_timeout} (keepalived's {@code smtp_connection_to}); any unexpected status
 * ends the dialogue with QUIT. Failures are logged in keepalived's words
 * ({@code Error processing RCPT cmd on SMTP server [10.0.0.1]:25. SMTP status code = 550}).
 * Blocking: only the mail thread calls it.
 */
final class SmtpSession {

    /** keepalived's SMTP_BUFFER_MAX: a reply longer than this is refused. */
    private static final int MAX_REPLY = 1024;

    /**
     * How a send ended.
     *
     * @param retryable whether trying again later may help (no answer, 4xx) or not (5xx)
     */
    record Result(boolean sent, boolean retryable) {
        static final Result SENT = new Result(true, false);
        static final Result TRY_AGAIN = new Result(false, true);
        static final Result GIVE_UP = new Result(false, false);
    }

    /** An unexpected reply or a broken connection; already logged. */
    private static final class Abort extends Exception {
        final Result result;

        Abort(Result result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    private final MailSettings settings;
    private final Logger log;
    private final String server;
    private final int timeoutMs;

    SmtpSession(MailSettings settings, Logger log) {
        this.settings = settings;
        this.log = log;
        this.server = settings.serverText();
        this.timeoutMs = (int) Math.max(1, Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()));
    }

    /** Sends {@code alert} dated {@code date}; never throws. */
    Result send(Alert alert, ZonedDateTime date) {
        var target = settings.server().orElseThrow();
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(target.host()), target.port());
        } catch (UnknownHostException e) {
            log.info("Cannot resolve SMTP server {}.", target.host());
            return Result.TRY_AGAIN;
        }
        try (Socket socket = new Socket()) {
            try {
                socket.connect(address, timeoutMs);
            } catch (SocketTimeoutException e) {
                log.info("Timeout opening connection to remote SMTP server {}.", server);
                return Result.TRY_AGAIN;
            } catch (IOException e) {
                log.info("SMTP connection ERROR to {}.", server);
                return Result.TRY_AGAIN;
            }
            log.info(LogMarkers.DETAIL, "Remote SMTP server {} connected.", server);
            return dialogue(socket, alert, date);
        } catch (IOException e) {
            return Result.TRY_AGAIN; // closing failed; the dialogue has logged what went wrong
        }
    }

    private Result dialogue(Socket socket, Alert alert, ZonedDateTime date) throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        try {
            expect(socket, in, 220, "(E)SMTP");
            command(socket, in, out, "HELO " + settings.heloName() + "\r\n", 250, "HELO");
            command(socket, in, out, "MAIL FROM:" + SmtpMessage.envelope(settings.from()) + "\r\n", 250, "MAIL");
            for (String to : settings.recipients()) {
                command(socket, in, out, "RCPT TO:" + SmtpMessage.envelope(to) + "\r\n", 250, "RCPT");
            }
            command(socket, in, out, "DATA\r\n", 354, "DATA");
            command(socket, in, out, SmtpMessage.data(date, settings.from(), settings.recipients(), alert), 250,
                    "BODY");
        } catch (Abort a) {
            quit(socket, in, out);
            return a.result;
        }
        log.info(LogMarkers.DETAIL, "SMTP alert successfully sent.");
        quit(socket, in, out);
        return Result.SENT;
    }

    /** QUIT, whose answer no longer matters (the mail is sent, or lost anyway). */
    private void quit(Socket socket, InputStream in, OutputStream out) {
        try {
            command(socket, in, out, "QUIT\r\n", 221, "QUIT");
        } catch (Abort ignored) {
            // logged; the connection closes either way
        }
    }

    private void command(Socket socket, InputStream in, OutputStream out, String text, int expected, String name)
            throws Abort {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            log.info("Cannot send data to remote SMTP server {}.", server);
            throw new Abort(Result.TRY_AGAIN);
        }
        expect(socket, in, expected, name);
    }

    private void expect(Socket socket, InputStream in, int expected, String name) throws Abort {
        int status = readStatus(socket, in);
        if (status != expected) {
            log.info("Error processing {} cmd on SMTP server {}. SMTP status code = {}", name, server, status);
            // 4xx: the server asks us to come back; 5xx: it will say the same again
            throw new Abort(status >= 400 && status < 500 ? Result.TRY_AGAIN : Result.GIVE_UP);
        }
    }

    /** The status of the last line of one (possibly multi-line) reply, within the timeout. */
    private int readStatus(Socket socket, InputStream in) throws Abort {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        try {
            while (true) {
                long leftMs = (deadline - System.nanoTime()) / 1_000_000L;
                if (leftMs <= 0) {
                    throw new SocketTimeoutException();
                }
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMs));
                int b = in.read();
                if (b < 0) {
                    log.info("Remote SMTP server {} has closed the connection.", server);
                    throw new Abort(Result.TRY_AGAIN);
                }
                if (++total >= MAX_REPLY) {
                    log.info("Received buffer from remote SMTP server {} overflow our get read buffer length.",
                            server);
                    throw new Abort(Result.GIVE_UP);
                }
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
                line.reset();
                if (text.length() > 3 && text.charAt(3) == '-') {
                    continue; // a continuation line: the status is on the last one
                }
                return status(text);
            }
        } catch (SocketTimeoutException e) {
            log.info("Timeout reading data to remote SMTP server {}.", server);
            throw new Abort(Result.TRY_AGAIN);
        } catch (IOException e) {
            log.info("Error reading data from remote SMTP server {}.", server);
            throw new Abort(Result.TRY_AGAIN);
        }
    }

    private static int status(String line) {
        if (line.length() < 3 || !Character.isDigit(line.charAt(0)) || !Character.isDigit(line.charAt(1))
                || !Character.isDigit(line.charAt(2))) {
            return -1;
        }
        return Integer.parseInt(line.substring(0, 3));
    }
}
