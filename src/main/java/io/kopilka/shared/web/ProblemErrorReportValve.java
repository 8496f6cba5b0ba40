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
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat answers some requests itself, before any servlet: a {@code %2F}, {@code %00} or {@code {}
 * in the path, headers over 8 KB. Its report is an HTML page naming Tomcat; this one is problem+json
 * with a code, like every other error of the service.
 */
public class ProblemErrorReportValve extends ErrorReportValve {
    /** The application's mapper: it writes a ProblemDetail's properties (the code) at the top level. */
    private final JsonMapper json;

    ProblemErrorReportValve(JsonMapper json) {
        this.json = json;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            String body = json.writeValueAsString(Problems.ofStatus(status, detail(status)));
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | RuntimeException e) {
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
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReports(JsonMapper json) {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (var valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    // Named as the host's reporter too, so that its start finds this one and adds no other.
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemErrorReportValve(json));
                }
            });
        }
    }
}
