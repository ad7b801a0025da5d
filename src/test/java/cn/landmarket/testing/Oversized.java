package cn.landmarket.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Sends a request that declares an oversized body but transmits only its first KiB, and reads the
 * answer. The service refuses on the declared length before the body arrives and closes the
 * connection; a client that went on writing the whole body would race that close ("Broken pipe").
 */
public final class Oversized {

    /** The answer: status, headers by lower-case name, body. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public JsonPath json() {
            return JsonPath.from(body);
        }
    }

    private Oversized() {
    }

    public static Answer send(String method, String path, Map<String, String> headers, long declaredLength)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + declaredLength + "\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(("{\"a\":\"" + "x".repeat(1018)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headerEnd = -1;
        int contentLength = -1;
        Map<String, String> headers = new TreeMap<>();
        int status = 0;
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (java.net.SocketException reset) {
                n = -1; // the server may reset after answering; what arrived is the answer
            }
            if (n < 0) {
                break;
            }
            all.write(buffer, 0, n);
            byte[] bytes = all.toByteArray();
            if (headerEnd < 0) {
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                headerEnd = text.indexOf("\r\n\r\n");
                if (headerEnd >= 0) {
                    String[] lines = text.substring(0, headerEnd).split("\r\n");
                    status = Integer.parseInt(lines[0].split(" ")[1]);
                    for (int i = 1; i < lines.length; i++) {
                        int colon = lines[i].indexOf(':');
                        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                lines[i].substring(colon + 1).trim());
                    }
                    contentLength = Integer.parseInt(headers.getOrDefault("content-length", "-1"));
                }
            }
            if (headerEnd >= 0 && contentLength >= 0 && bytes.length >= headerEnd + 4 + contentLength) {
                break;
            }
        }
        byte[] bytes = all.toByteArray();
        if (headerEnd < 0) {
            throw new IOException("no HTTP answer: " + new String(bytes, StandardCharsets.ISO_8859_1));
        }
        int end = contentLength >= 0 ? Math.min(bytes.length, headerEnd + 4 + contentLength) : bytes.length;
        return new Answer(status, headers, new String(bytes, headerEnd + 4, end - headerEnd - 4, StandardCharsets.UTF_8));
    }
}
