package io.kopilka.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One case's request as it goes out: the method, the path with its query, the headers in the order
 * they are sent, the body's bytes (null for none). Bytes, not text, so a case can send what is not
 * UTF-8.
 */
record Request(String method, String path, Map<String, String> headers, byte[] body) {
    /** The same request with one header set, or removed where {@code value} is null. */
    Request with(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        set(h, name, value);
        return new Request(method, path, h, body);
    }

    Request withBody(byte[] bytes) {
        return new Request(method, path, headers, bytes);
    }

    /** For RawHttp, which is handed the request line as text so that it can carry what java.net.http refuses. */
    String requestLine() {
        return method + " " + path + " HTTP/1.1";
    }

    /** Sets a header, or removes it where {@code value} is null (a case that leaves out a default header). */
    static void set(Map<String, String> headers, String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
    }
}
