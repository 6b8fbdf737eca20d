package org.disputehub.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hub's packages depend on each other without a cycle (package by feature): every reference of one hub package
 * to another in {@code src/main/java} — an import or a qualified name — is an edge; a strongly connected group of
 * more than one package fails the test, naming the packages and the files that close the cycle.
 */
class PackageCycleTest {

    private static final String ROOT = "org.disputehub.hub";
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.disputehub\\.hub\\.([a-z][a-z0-9]*)\\.[A-Za-z]");

    @Test
    void noPackageCycleInTheHub() throws IOException {
        Map<String, Set<String>> edges = new TreeMap<>();
        Map<String, Set<String>> where = new HashMap<>();
        Path src = Path.of("src/main/java", ROOT.split("\\."));
        try (Stream<Path> files = Files.walk(src)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String from = src.relativize(file.getParent()).toString().replace('/', '.');
                edges.computeIfAbsent(from, k -> new TreeSet<>());
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("package ")) {
                        continue;
                    }
                    Matcher m = REFERENCE.matcher(line);
                    while (m.find()) {
                        String to = m.group(1);
                        if (!to.equals(from)) {
                            edges.get(from).add(to);
                            where.computeIfAbsent(from + "->" + to, k -> new TreeSet<>()).add(file.getFileName().toString());
                        }
                    }
                }
            }
        }
        assertThat(edges).as("packages read").containsKeys("dispatch", "department", "mapping", "sla", "config");

        List<String> cycles = new ArrayList<>();
        for (Set<String> group : stronglyConnected(edges)) {
            if (group.size() > 1) {
                StringBuilder b = new StringBuilder(String.join(" <-> ", group)).append(':');
                for (String from : group) {
                    for (String to : edges.get(from)) {
                        if (group.contains(to)) {
                            b.append(' ').append(from).append("->").append(to).append(where.get(from + "->" + to));
                        }
                    }
                }
                cycles.add(b.toString());
            }
        }
        assertThat(cycles).as("package cycles in hub").isEmpty();
    }

    /** Tarjan's algorithm. */
    private static List<Set<String>> stronglyConnected(Map<String, Set<String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> groups = new ArrayList<>();
        for (String v : edges.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, edges, index, low, stack, onStack, groups);
            }
        }
        return groups;
    }

    private static void connect(String v, Map<String, Set<String>> edges, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<Set<String>> groups) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : edges.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, edges, index, low, stack, onStack, groups);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> group = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                group.add(w);
            } while (!w.equals(v));
            groups.add(group);
        }
    }
}
