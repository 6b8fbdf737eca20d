package org.disputehub.hub.status;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.RelaySink;
import org.disputehub.canonical.connector.StatusVocabulary;
import org.disputehub.canonical.connector.VocabularyReloader;
import org.disputehub.canonical.model.Assignment;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.RelayEvent;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.hub.department.DepartmentRegistry;
import org.disputehub.hub.store.StoredCase;
import org.disputehub.hub.support.Outbound;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one place a status change becomes a message on {@code HUB.RELAY.{SYSTEM}}, and the one place that decides
 * whether it is sent at all.
 * <ul>
 *   <li>Built from the case row's columns (origin system, the origin's id, department code) and the department's
 *       name from {@code routes/}, without parsing the stored case; only a department no longer declared there is
 *       named from the stored case.</li>
 *   <li>Not sent when the origin's status vocabulary ({@code mappings/status/{connector}/}, the very instance its
 *       connector loaded and the mapping reload replaces) has no code for the status: the connector would drop it
 *       after the hop. Sent anyway when the connector's {@link RelaySink} overrides {@code seen(RelayEvent)} — it
 *       remembers something of every event (ODR: the department of each relay, so that a mediation result can be
 *       admitted) — and when no connector in this JVM loaded a vocabulary for the system (a connector that runs
 *       elsewhere decides for itself).</li>
 * </ul>
 */
@Component
class Relays {

    private final DepartmentRegistry departments;
    private final VocabularyReloader vocabularies;
    private final ObjectProvider<RelaySink> sinks;
    private final String prefix;
    private volatile Set<String> everyEvent;

    Relays(DepartmentRegistry departments, VocabularyReloader vocabularies, ObjectProvider<RelaySink> sinks,
           @Value("${hub.queues.relay-prefix}") String prefix) {
        this.departments = departments;
        this.vocabularies = vocabularies;
        this.sinks = sinks;
        this.prefix = prefix;
    }

    /** The relay of an event of {@code origin} to its system, naming the department of {@code handler}. */
    Optional<Outbound> of(StatusEvent event, StoredCase origin, StoredCase handler) {
        if (!wanted(origin.system(), event)) {
            return Optional.empty();
        }
        String dept = handler.deptCode();
        String name = dept == null ? null : departments.codes().contains(dept) ? departments.get(dept).name()
                : Optional.ofNullable(handler.canonical().assignment()).map(Assignment::deptName).orElse(null);
        return Optional.of(message(event, origin.caseId(), origin.system(), origin.sourceId(), dept, name));
    }

    /** The relay of an event of a case in hand (intake), naming the department of its assignment. */
    Optional<Outbound> of(StatusEvent event, CanonicalCase c) {
        if (!wanted(c.source().system(), event)) {
            return Optional.empty();
        }
        Assignment a = c.assignment();
        return Optional.of(message(event, c.caseId(), c.source().system(), c.source().sourceId(),
                a == null ? null : a.deptCode(), a == null ? null : a.deptName()));
    }

    /** Whether the origin's connector can use (or must see) the event. */
    boolean wanted(String system, StatusEvent event) {
        return seesEveryEvent().contains(system) || carries(system, event.status());
    }

    /** Whether the origin's vocabulary has a code for the status (unknown vocabulary: assumed so). */
    boolean carries(String system, CaseStatus status) {
        StatusVocabulary vocabulary = vocabularies.vocabulary(system);
        return vocabulary == null || vocabulary.code(status).isPresent();
    }

    private Outbound message(StatusEvent event, String caseId, String system, String sourceId, String dept, String name) {
        return Outbound.forCase(prefix + system, caseId, Json.write(new RelayEvent(event, system, sourceId, dept, name)));
    }

    /** The systems whose relay sink overrides {@code seen}: read once, on first use (the sinks are created by then). */
    private Set<String> seesEveryEvent() {
        Set<String> systems = everyEvent;
        if (systems == null) {
            systems = sinks.stream().filter(Relays::overridesSeen).map(RelaySink::system).collect(Collectors.toUnmodifiableSet());
            everyEvent = systems;
        }
        return systems;
    }

    static boolean overridesSeen(RelaySink sink) {
        for (Class<?> c = AopUtils.getTargetClass(sink); c != null && c != RelaySink.class; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod("seen", RelayEvent.class);
                return true;
            } catch (NoSuchMethodException notHere) {
                // look further up
            }
        }
        return false;
    }
}
