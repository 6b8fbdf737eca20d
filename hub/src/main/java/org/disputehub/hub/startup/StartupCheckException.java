package org.disputehub.hub.startup;

import java.util.List;

/** A start-up check found problems: the hub stops before it consumes anything, naming every one of them. */
public class StartupCheckException extends RuntimeException {

    private final transient List<String> problems;
    private final String action;

    public StartupCheckException(String headline, List<String> problems, String action) {
        super(headline + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", problems));
        this.problems = List.copyOf(problems);
        this.action = action;
    }

    public List<String> problems() {
        return problems;
    }

    public String action() {
        return action;
    }
}
