package org.disputehub.connector.labor;

import java.util.List;

/** A batch row the hub cannot use: every problem found, each naming its column. */
public class MalformedRowException extends RuntimeException {

    private final List<String> problems;

    public MalformedRowException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
