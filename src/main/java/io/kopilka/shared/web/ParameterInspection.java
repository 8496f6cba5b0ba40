package io.kopilka.shared.web;

import io.kopilka.shared.InputBounds;
import io.kopilka.shared.error.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query parameters get the same text rules as bodies ({@link InputBounds}): a {@code ?phone=%00}
 * would otherwise reach PostgreSQL, which cannot compare text holding a NUL. The query string is
 * decoded here, strictly: Tomcat would turn {@code %FF} into an exception at the first
 * {@code getParameter} (a 500), and asking it for the parameters would also read a form body,
 * which this JSON API never takes.
 */
@Configuration(proxyBeanMethods = false)
class ParameterInspection implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String query = request.getQueryString();
        if (query == null) {
            return true;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), null);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
            String problem = InputBounds.textProblem(name);
            problem = problem != null ? problem : InputBounds.textProblem(value);
            if (problem != null) {
                throw invalid(name, problem);
            }
        }
        return true;
    }

    /** application/x-www-form-urlencoded decoding that refuses what it cannot decode exactly. */
    private static String decode(String text, String name) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int value = i + 2 < text.length() ? hex(text.charAt(i + 1), text.charAt(i + 2)) : -1;
                if (value < 0) {
                    throw invalid(name, "has a broken %-escape");
                }
                bytes.write(value);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw invalid(name, "is not valid UTF-8");
        }
    }

    private static int hex(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    private static ApiProblem invalid(String name, String problem) {
        String what = name == null ? "A query parameter's name"
                : "Parameter '" + (InputBounds.textProblem(name) == null ? name : "(unreadable name)") + "'";
        return new ApiProblem(400, "invalid_parameter", what + " " + problem);
    }
}
