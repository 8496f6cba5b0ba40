package io.kopilka.shared.web;

import io.kopilka.shared.idempotency.Idempotency;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The error answers of every operation, as problem+json with their codes. What the filters, the
 * security chain and the JSON reader can answer to any request (a wrong key, a wrong media type, an
 * unreadable body, a rate limit, the database away) is added here once, from what the operation
 * takes (a body, query parameters, an {@code Idempotency-Key}); what only one operation answers
 * (404 for its member, 409 {@code insufficient_points}) is written on its controller as
 * {@code @ApiResponse(responseCode = "409", description = "`code`: why")}, and the codes added here
 * are appended to it. Each description is a list of {@code `code`: when}, one a line.
 */
@Component
class ErrorResponses implements OpenApiCustomizer {
    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> document(method, operation)));
    }

    private static void document(PathItem.HttpMethod method, Operation operation) {
        boolean body = operation.getRequestBody() != null;
        boolean query = parameters(operation, "query");
        boolean paged = parameters(operation, "query", "limit");
        // A write that refuses the key (its answer holds a secret) says so in its own 400.
        boolean idempotent = parameters(operation, "header", "Idempotency-Key")
                && !says(operation, "400", "idempotency_key_not_supported");
        boolean write = method != PathItem.HttpMethod.GET;

        Map<String, List<String>> common = new LinkedHashMap<>();
        add(common, "400", "`non_canonical_path`: the path spells a letter, digit or one of `-._~` as a %-escape");
        if (query) {
            add(common, "400", "`invalid_parameter`: a query parameter has the wrong format, or unreadable text");
        }
        if (body) {
            add(common, "400", "`malformed_request`: the body is not JSON, or a field has the wrong JSON type "
                    + "(named in `errors`)");
        }
        add(common, "401", "`unauthorized`: no API key, or not a valid one (`Authorization: Bearer <key>`)");
        add(common, "403", "`forbidden`: this key's role may not call this operation");
        add(common, "406", "`not_acceptable`: the `Accept` header does not allow `application/json`");
        if (body) {
            add(common, "413", "`payload_too_large`: the body is over 1 MiB");
            add(common, "415", "`unsupported_media_type`: the body is not sent as `Content-Type: application/json`");
            add(common, "422", "`validation_failed`: fields of the body are invalid, each named in `errors`");
        }
        if (paged) {
            add(common, "422", "`validation_failed`: `limit` is not between 1 and " + PageLimit.MAX
                    + ", or `cursor` is not one from this list");
        }
        if (idempotent) {
            add(common, "409", "`idempotency_conflict`: this `Idempotency-Key` was used with a different request");
            add(common, "422", "`validation_failed`: the `Idempotency-Key` is longer than "
                    + Idempotency.MAX_KEY_LENGTH + " characters");
        }
        add(common, "429", "`rate_limited`: too many requests with this key, or too many wrong keys from this "
                + "address; try again after `Retry-After` seconds");
        add(common, "503", "`database_unavailable`: the database cannot be reached; try again after `Retry-After` "
                + "seconds");
        if (write) {
            add(common, "503", "`outcome_unknown`: the database went away while the change was committed, so it "
                    + "may or may not have been made; retry only with the same `Idempotency-Key` (or `externalId`)");
        }

        ApiResponses responses = operation.getResponses();
        common.forEach((status, lines) -> merge(responses, status, lines));
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                asProblem(status, response);
            }
        });
        sort(operation);
    }

    private static boolean parameters(Operation operation, String in, String... names) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        return parameters.stream().anyMatch(p -> in.equals(p.getIn())
                && (names.length == 0 || List.of(names).contains(p.getName())));
    }

    private static boolean says(Operation operation, String status, String code) {
        ApiResponse response = operation.getResponses().get(status);
        return response != null && response.getDescription() != null && response.getDescription().contains(code);
    }

    private static void add(Map<String, List<String>> lines, String status, String line) {
        lines.computeIfAbsent(status, s -> new ArrayList<>()).add(line);
    }

    /** Adds the common codes to the operation's own answer for this status, or makes the answer. */
    private static void merge(ApiResponses responses, String status, List<String> lines) {
        ApiResponse response = responses.computeIfAbsent(status, s -> new ApiResponse());
        List<String> all = new ArrayList<>();
        if (response.getDescription() != null && !response.getDescription().isBlank()) {
            all.addAll(List.of(response.getDescription().split("\n")));
        }
        for (String line : lines) {
            String code = line.substring(0, line.indexOf(':') + 1);
            if (all.stream().noneMatch(l -> l.startsWith(code))) {
                all.add(line);
            }
        }
        // A Markdown list: one code a line, as the reader looks for them.
        response.setDescription(String.join("\n", all.stream().map(l -> "- " + l).toList()));
    }

    private static void asProblem(String status, ApiResponse response) {
        MediaType media = response.getContent() == null ? null : response.getContent().values().stream()
                .findFirst().orElse(null);
        MediaType problem = new MediaType().schema(new Schema<>().$ref(OpenApiConfiguration.PROBLEM));
        if (media != null && media.getExamples() != null) {
            problem.setExamples(media.getExamples());
        }
        response.setContent(new Content().addMediaType(PROBLEM_JSON, problem));
        if (status.equals("429") || status.equals("503")) {
            response.addHeaderObject("Retry-After", new Header()
                    .description(status.equals("429") ? "Seconds until the limit lets this request through"
                            : "Seconds to wait before trying again; not sent with `outcome_unknown`")
                    .schema(OpenApiConfiguration.typed("integer").format("int32")));
        }
    }

    /** Answers by status, success first: the order a reader looks for them. */
    private static void sort(Operation operation) {
        ApiResponses sorted = new ApiResponses();
        operation.getResponses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
        operation.setResponses(sorted);
    }
}
