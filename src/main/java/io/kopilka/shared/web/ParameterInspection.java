package io.kopilka.shared.web;

import io.kopilka.shared.InputBounds;
import io.kopilka.shared.error.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query parameters get the same text rules as bodies ({@link InputBounds}): a {@code ?phone=%00}
 * would otherwise reach PostgreSQL, which cannot compare text holding a NUL.
 */
@Configuration(proxyBeanMethods = false)
class ParameterInspection implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            String problem = InputBounds.textProblem(p.getKey());
            for (String value : p.getValue()) {
                problem = problem != null ? problem : InputBounds.textProblem(value);
            }
            if (problem != null) {
                throw new ApiProblem(400, "invalid_parameter", "Parameter '" + printable(p.getKey()) + "' " + problem);
            }
        }
        return true;
    }

    private static String printable(String name) {
        return InputBounds.textProblem(name) == null ? name : "(unreadable name)";
    }
}
