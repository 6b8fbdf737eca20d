package org.disputehub.hub.messages;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.disputehub.canonical.codec.Json;
import org.disputehub.hub.ops.ParkedMessage;
import org.disputehub.hub.ops.ParkedMessages;
import org.disputehub.hub.search.CaseSearch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The message log of a case, read from the audit log ({@code raw_message}) by the references its writers use: the
 * origin's own id under the origin system (intake, rejections, relays back), the case id and the keys that start with
 * it (dispatches {@code {caseId}:{dispatchNo}…}, notices, Zhengding notifications, ODR mediation, department events)
 * and the ids of the case's status events; for the case and every report linked to it. Then the messages parked on
 * the stages' dead-letter queues that name one of them.
 */
@Service
public class MessageLog {

    static final int MAX_MESSAGES = 2000;
    static final int MAX_PARKED = 100;

    private final JdbcTemplate jdbc;
    private final MessageEndpoints endpoints;
    private final ParkedMessages parked;

    MessageLog(JdbcTemplate jdbc, MessageEndpoints endpoints, ParkedMessages parked) {
        this.jdbc = jdbc;
        this.endpoints = endpoints;
        this.parked = parked;
    }

    /** The case's messages, oldest first; empty for an unknown case. Bodies only when asked for. */
    public Optional<CaseMessages> of(String caseId, boolean bodies) {
        Map<String, String> refs = new LinkedHashMap<>(); // reference → the case (or report) it belongs to
        List<Object> args = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        List<String> caseIds = new ArrayList<>();
        jdbc.query(CASES_SQL, rs -> {
                    String id = rs.getString(1);
                    caseIds.add(id);
                    terms.add("(system = ? AND ref = ?)");
                    args.add(rs.getString(2));
                    args.add(rs.getString(3));
                    refs.put(rs.getString(2) + "|" + rs.getString(3), id);
                    JsonNode raw = Json.read(rs.getString(4), JsonNode.class).at("/source/rawMessageId");
                    if (raw.canConvertToLong()) {
                        terms.add("id = ?");
                        args.add(raw.asLong());
                        refs.put("#" + raw.asLong(), id);
                    }
                }, caseId, caseId, caseId);
        if (!caseIds.contains(caseId)) {
            return Optional.empty();
        }
        for (String id : caseIds) {
            terms.add("ref = ?");
            args.add(id);
            refs.put(id, id);
            terms.add("(ref >= ? AND ref < ?)"); // {caseId}:… ( ';' follows ':' ), read from the index on ref
            args.add(id + ":");
            args.add(id + ";");
            jdbc.queryForList("SELECT event_id FROM status_event WHERE case_id = ?", String.class, id).forEach(e -> {
                for (String ref : eventRefs(e)) {
                    terms.add("ref = ?");
                    args.add(ref);
                    refs.put(ref, id);
                }
            });
        }
        args.add(MAX_MESSAGES);
        List<MessageEntry> messages = jdbc.query(messagesSql(terms),
                (rs, i) -> {
                    String body = rs.getString(6);
                    String system = rs.getString(2);
                    String ref = rs.getString(4);
                    return new MessageEntry(rs.getLong(1), owner(refs, caseIds, rs.getLong(1), system, ref),
                            rs.getString(3), system, endpoints.of(system, rs.getString(3)), ref,
                            CaseSearch.local(rs.getObject(9, OffsetDateTime.class)), rs.getString(5),
                            body == null ? 0 : body.getBytes(StandardCharsets.UTF_8).length, sha256(body),
                            rs.getString(10), rs.getString(7).toLowerCase(Locale.ROOT), rs.getString(8),
                            bodies ? body : null);
                }, args.toArray());
        List<CaseMessages.Parked> parkedOnes = new ArrayList<>();
        String parkedError = null;
        try {
            for (ParkedMessage m : parked.naming(caseIds, MAX_PARKED)) {
                parkedOnes.add(parked(m));
            }
        } catch (IllegalStateException e) {
            parkedError = e.getMessage();
        }
        return Optional.of(new CaseMessages(caseId, caseIds, bodies, messages, parkedOnes, parkedError));
    }

    /**
     * The case and the reports linked to it, oldest first: one branch per index (an {@code OR} of the two columns
     * is a table scan on H2).
     */
    static final String CASES_SQL = "(SELECT case_id, source_system, source_id, data, created_at FROM hub_case"
            + " WHERE case_id = ?) UNION ALL (SELECT case_id, source_system, source_id, data, created_at FROM hub_case"
            + " WHERE linked_to = ? AND case_id <> ?) ORDER BY created_at, case_id";

    /**
     * The messages matching any of {@code terms} (each served by one index: the primary key, {@code (system, ref)} or
     * {@code (ref)}), oldest first, at most the last argument: the ids are gathered per term and the rows read by
     * primary key — an {@code OR} of the terms is a table scan of the whole audit log on H2.
     */
    static String messagesSql(List<String> terms) {
        StringBuilder ids = new StringBuilder();
        for (String term : terms) {
            ids.append(ids.isEmpty() ? "" : " UNION ").append("SELECT id FROM raw_message WHERE ").append(term);
        }
        return "SELECT id, system, direction, ref, content_type, body, outcome, reason, recorded_at, hash"
                + " FROM raw_message WHERE id IN (" + ids + ") ORDER BY recorded_at, id LIMIT ?";
    }

    /** The references a status event's messages carry: its id, and for an ODR event the ODR event's own id. */
    static List<String> eventRefs(String eventId) {
        String id = eventId.contains("@") ? eventId.substring(0, eventId.indexOf('@')) : eventId;
        if (id.startsWith("ODR:") && id.lastIndexOf(':') > 4) {
            return List.of(id, id.substring(4, id.lastIndexOf(':')));
        }
        return List.of(id);
    }

    private static String owner(Map<String, String> refs, List<String> caseIds, long id, String system, String ref) {
        String found = refs.get("#" + id);
        if (found == null && ref != null) {
            found = refs.getOrDefault(system + "|" + ref, refs.get(ref));
            for (int i = 0; found == null && i < caseIds.size(); i++) {
                found = ref.startsWith(caseIds.get(i) + ":") ? caseIds.get(i) : null;
            }
        }
        return found == null ? caseIds.get(0) : found;
    }

    private static CaseMessages.Parked parked(ParkedMessage m) {
        String queue = m.from();
        return new CaseMessages.Parked("DLQ." + queue, queue, m.messageId(), m.parkedAt(), m.reason(), m.size(), "parked",
                new CaseMessages.Replay("POST", "/api/v1/admin/dlq/" + queue + "/replay?messageId=" + m.messageId(),
                        "org.disputehub:type=HubAdmin replayParked(" + queue + ", " + m.messageId() + ")"));
    }

    static String sha256(String body) {
        try {
            byte[] bytes = (body == null ? "" : body).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
