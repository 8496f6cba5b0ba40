package io.kopilka.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.time.Instant;
import java.util.Map;

/**
 * A rule's CEL condition over {@code purchase}, {@code member} and {@code now}, compiled and
 * type-checked once when the rule is saved. CEL has no loops or I/O; what it does have is bounded
 * here: the text's length, the parser's nesting depth and the iterations of comprehension macros
 * ({@code all}, {@code exists}, {@code map}, {@code filter}), so no condition can run away.
 */
public final class Condition {
    public static final int MAX_LENGTH = 1000;
    private static final CelOptions OPTIONS = CelOptions.current()
            .maxExpressionCodePointSize(MAX_LENGTH)
            .maxParseRecursionDepth(32)
            .comprehensionMaxIterations(5_000)
            .build();
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("purchase", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("member", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("now", SimpleType.TIMESTAMP)
            .setResultType(SimpleType.BOOL)
            .build();
    // The planner runtime: the checked expression is planned once into a tree of evaluators, instead
    // of the standard runtime interpreting the AST at every evaluation (docs/performance.md).
    // It compares numbers of different types (an int with a double) as numbers: a comparison the
    // standard runtime failed at run time (and the rule was skipped) now holds or not.
    private static final CelRuntime RUNTIME = CelRuntimeFactory.plannerRuntimeBuilder()
            .setOptions(OPTIONS.toBuilder().enableHeterogeneousNumericComparisons(true).build()).build();

    private final String source;
    private final CelRuntime.Program program;

    private Condition(String source, CelRuntime.Program program) {
        this.source = source;
        this.program = program;
    }

    /** Compiles and type-checks; the problem says where the first error is (line and column, from 1). */
    public static Condition compile(String source) {
        if (source.length() > MAX_LENGTH) {
            throw new Invalid("the condition is longer than " + MAX_LENGTH + " characters", 1, 1);
        }
        CelValidationResult result = COMPILER.compile(source);
        if (result.hasError()) {
            CelIssue first = result.getErrors().getFirst();
            throw new Invalid(first.getMessage(), Math.max(1, first.getSourceLocation().getLine()),
                    first.getSourceLocation().getColumn() + 1);
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            return new Condition(source, RUNTIME.createProgram(ast));
        } catch (CelValidationException | CelEvaluationException | RuntimeException e) {
            throw new Invalid(String.valueOf(e.getMessage()), 1, 1);
        }
    }

    public String source() {
        return source;
    }

    /** Evaluates; an error at run time (a missing attribute, a wrong type) is reported, never thrown on. */
    public Result test(Map<String, Object> purchase, Map<String, Object> member, Instant now) {
        try {
            Object value = program.eval(Map.of("purchase", purchase, "member", member, "now", now));
            return value instanceof Boolean b ? new Result(b, null) : new Result(false, "not a boolean: " + value);
        } catch (CelEvaluationException | RuntimeException e) {
            return new Result(false, e.getMessage());
        }
    }

    /** The outcome of one evaluation: {@code error} is set when the condition could not be evaluated. */
    public record Result(boolean holds, String error) {
    }

    /** A condition that does not compile or type-check, with the position of the first error. */
    public static final class Invalid extends RuntimeException {
        private final int line;
        private final int column;

        Invalid(String message, int line, int column) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }
}
