package io.kopilka.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's cover, the bearer scheme that makes Swagger UI's "Authorize" button work,
 * and the schemas the records refer to by name: {@code @Schema(ref = "Money")} for an amount in an
 * answer, {@code "Decimal"} for any other exact number there, {@code "DecimalInput"} for a decimal
 * in a request (a string or a number: the one coercion {@link JsonInputConfiguration} keeps), and
 * the {@code Problem} every error answers with ({@link ErrorResponses}).
 *
 * <p>The server is named, not taken from the request: the document is a contract checked into the
 * repository (docs/openapi.json), and must not change with the port a test happens to run on.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
    /** The text of a decimal as answers write it: digits, a point only with digits after it, no exponent. */
    static final String DECIMAL_PATTERN = "^-?[0-9]+(\\.[0-9]+)?$";
    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI kopilkaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Kopilka API").version("v1")
                        .description("Loyalty platform: members, points ledger, purchases, rules, tiers. "
                                + "Authenticate with `Authorization: Bearer <key>`.\n\n"
                                + "Every error is `application/problem+json` (RFC 9457) with a machine-readable "
                                + "`code`; each operation lists the codes it can answer. Amounts are JSON strings "
                                + "with the currency's decimals (`\"1250.00\"`); requests may send them as strings "
                                + "or numbers.")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .servers(List.of(new Server().url("/")
                        .description("The installation that serves this document; point clients at yours")))
                .components(new Components()
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description("A tenant's admin or pos key (`kp_...`), or the platform key (`kpp_...`)")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }

    /** Added once the records' schemas are made: components given up front are replaced by those. */
    @Bean
    OpenApiCustomizer sharedSchemas() {
        return openApi -> schemas().forEach(openApi.getComponents()::addSchemas);
    }

    /** In a fixed order, so that the committed document does not change from one start to the next. */
    private static Map<String, Schema> schemas() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        schemas.put("Money", decimal("An amount in the tenant's currency, with the currency's decimals: "
                + "\"1250.00\" for KZT, \"1000\" for JPY", "1250.00"));
        schemas.put("Decimal", decimal("An exact decimal number, written without trailing zeros where it is "
                + "not an amount: a percentage, a factor, a share", "1.5"));
        schemas.put("DecimalInput", new Schema<>()
                .description("A decimal number in a request: a JSON string such as \"1250.00\" (exact, as answers "
                        + "write it) or a JSON number such as 1250.5")
                .oneOf(List.of(typed("number"), typed("string").pattern(DECIMAL_PATTERN))));
        schemas.put("FieldError", typed("object")
                .description("What is wrong with one field of the request")
                .addProperty("field", typed("string")
                        .description("The field's path in the body (`items[0].quantity`), or the parameter"))
                .addProperty("message", typed("string"))
                .required(List.of("field", "message")));
        schemas.put(PROBLEM, problem());
        return schemas;
    }

    static Schema<?> typed(String type) {
        Schema<?> schema = new Schema<>();
        schema.addType(type);
        return schema;
    }

    private static Schema<?> decimal(String description, String example) {
        return typed("string").pattern(DECIMAL_PATTERN).description(description).example(example);
    }

    private static Schema<?> problem() {
        return typed("object")
                .description("An error (RFC 9457 problem details). Some codes add properties of their own, named "
                        + "in the operation's description: `memberId` for `member_exists`, `available` for "
                        + "`insufficient_points`, `line` and `column` for `invalid_condition`, `spent` for "
                        + "`budget_below_spent`.")
                .addProperty("type", typed("string").format("uri")
                        .example("https://kopilka.io/problems/validation-failed"))
                .addProperty("title", typed("string").description("The HTTP status's words")
                        .example("Unprocessable Content"))
                .addProperty("status", typed("integer").format("int32").example(422))
                .addProperty("detail", typed("string").description("What went wrong, in English")
                        .example("The request has invalid fields"))
                .addProperty("instance", typed("string").format("uri-reference")
                        .description("The path of the request that failed").example("/api/v1/members"))
                .addProperty("code", typed("string").pattern("^[a-z][a-z0-9_]*$")
                        .description("What went wrong, for programs: the codes are listed with each answer")
                        .example("validation_failed"))
                .addProperty("errors", typed("array").items(new Schema<>().$ref("FieldError"))
                        .description("The fields at fault, when there are any"))
                .required(List.of("type", "title", "status", "detail", "code"))
                .additionalProperties(true);
    }
}
