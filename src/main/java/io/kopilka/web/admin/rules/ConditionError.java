package io.kopilka.web.admin.rules;

import io.kopilka.shared.error.ApiProblem;

/**
 * Where a condition fails to compile, as the form shows it under the condition: the line and column
 * (from 1, as the API reports them), the line itself and a caret under the column, so the owner sees
 * the very character without counting.
 */
record ConditionError(int line, int column, String sourceLine, String caret, String message) {

    static ConditionError of(ApiProblem problem, String condition) {
        if (!"invalid_condition".equals(problem.code())) {
            return null;
        }
        int line = number(problem.properties().get("line"));
        int column = number(problem.properties().get("column"));
        String[] lines = (condition == null ? "" : condition).split("\r?\n", -1);
        String source = line >= 1 && line <= lines.length ? lines[line - 1] : "";
        // Tabs kept as tabs, so the caret sits under the same character however the textarea shows them.
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < Math.min(column - 1, source.length()); i++) {
            caret.append(source.charAt(i) == '\t' ? '\t' : ' ');
        }
        caret.append('^');
        String message = problem.errors().isEmpty() ? problem.getMessage() : problem.errors().getFirst().message();
        return new ConditionError(line, column, source, caret.toString(), message);
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 1;
    }
}
