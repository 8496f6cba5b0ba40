package io.kopilka.shared.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Tomcat answers some requests itself, before any servlet: a {@code %2F}, {@code %00} or {@code {}
 * in the path, headers over 8 KB. Its report is an HTML page naming Tomcat; this one is problem+json
 * with a code, like every other error of the service.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String code = Problems.codeFor(status);
        String body = "{\"type\":\"https://kopilka.io/problems/" + code.replace('_', '-') + "\",\"title\":\""
                + (known == null ? "Error" : known.getReasonPhrase()) + "\",\"status\":" + status
                + ",\"detail\":\"" + detail(status) + "\",\"code\":\"" + code + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone or the answer is under way: nothing more can be said to it.
        }
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be read: check the path (no encoded '/', NUL or braces) and the headers";
            case 431 -> "The request headers are too large";
            default -> "The request was refused";
        };
    }

    /** Installs the valve as the host's error reporter, in place of Tomcat's HTML one. */
    @Configuration(proxyBeanMethods = false)
    static class Installation {
        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    for (var valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                }
            });
        }
    }
}
