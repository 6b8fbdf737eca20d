package org.disputehub.connector.zhengding;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.Exchange;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.codec.Masking;
import org.disputehub.canonical.connector.HubHeaders;
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.model.Assignment;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Notification;
import org.disputehub.canonical.model.StatusEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of a {@code dispatch-zhengding} department route: {@link #prepare} turns a dispatch order (canonical
 * case JSON, headers caseId and dispatchNo) into the work notification for the department's duty staff, and keeps
 * the DISPATCHED status event for {@link #toStatus}. Only masked, non-personal fields go into the notification:
 * case id, source, address, risk, sign-by deadline and the department.
 */
public class DispatchNotice {

    /** Exchange properties the route template sets from its parameters. */
    public static final String DEPT_CODE = "zhengdingDeptCode";
    public static final String DEPT_NAME = "zhengdingDeptName";
    public static final String USER_IDS = "zhengdingUserIds";
    /**
     * Headers of a later notice about a dispatched case (the hub's dispatch planner: UPDATE, WITHDRAW) on the same
     * queue: such a message becomes an informational notification and no DISPATCHED event.
     */
    public static final String NOTICE = "hubNotice";
    public static final String NOTICE_ID = "hubNoticeId";
    /** Exchange property: whether the route emits the DISPATCHED event (orders) or not (notices). */
    public static final String EMIT_STATUS = "zhengdingEmitStatus";
    static final String STATUS_EVENT = "zhengdingStatusEvent";
    static final String ACTION_TITLE = "查看并签收";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final Logger log = LoggerFactory.getLogger(DispatchNotice.class);

    private final String publicUrl;
    private final SourceNames sources;
    private final Clock clock;

    public DispatchNotice(String publicUrl, SourceNames sources, Clock clock) {
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.sources = sources;
        this.clock = clock;
    }

    /** The duty staff of a department as declared ({@code userIds}, comma-separated); refuses an empty list. */
    public static List<String> userIds(String declared) {
        List<String> ids = Arrays.stream(declared == null ? new String[0] : declared.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (ids.isEmpty() || ids.stream().anyMatch(id -> !id.matches("[A-Za-z0-9_.@-]{1,64}"))) {
            throw new IllegalArgumentException("userIds must be a comma-separated list of user ids, got '" + declared + "'");
        }
        return ids;
    }

    public void prepare(Exchange exchange) {
        CanonicalCase c;
        try {
            c = Json.read(exchange.getMessage().getBody(String.class), CanonicalCase.class);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailureException("zhengding dispatch: " + e.getMessage(), e);
        }
        String caseId = exchange.getMessage().getHeader(HubHeaders.CASE_ID, c.caseId(), String.class);
        Integer dispatchNo = exchange.getMessage().getHeader("dispatchNo", Integer.class);
        if (dispatchNo == null && c.assignment() != null) {
            dispatchNo = c.assignment().dispatchNo();
        }
        if (caseId == null || dispatchNo == null) {
            throw new PermanentFailureException("zhengding dispatch: order lacks caseId or dispatchNo");
        }
        String deptCode = exchange.getProperty(DEPT_CODE, String.class);
        String deptName = exchange.getProperty(DEPT_NAME, String.class);
        String notice = exchange.getMessage().getHeader(NOTICE, String.class);
        exchange.setProperty(EMIT_STATUS, notice == null);
        if (notice != null) {
            String noticeId = exchange.getMessage().getHeader(NOTICE_ID, String.class);
            Notification n = new Notification(caseId + ":" + dispatchNo + ":" + notice + ":" + noticeId, caseId,
                    userIds(exchange.getProperty(USER_IDS, String.class)), title(noticeLabel(notice), c),
                    markdown(caseId, c, deptCode, deptName), "查看详情", publicUrl + "/m/cases/" + caseId);
            setCaseMessage(exchange, caseId, Json.write(n));
            log.info("zhengding dispatch caseId={} (dispatch {}) {} notice to {}", caseId, dispatchNo, notice, deptCode);
            return;
        }
        Notification n = new Notification(caseId + ":dispatch:" + dispatchNo, caseId,
                userIds(exchange.getProperty(USER_IDS, String.class)), title("【新派单】", c),
                markdown(caseId, c, deptCode, deptName), ACTION_TITLE, publicUrl + "/m/cases/" + caseId);
        StatusEvent dispatched = new StatusEvent(StatusEvent.dispatchedId(caseId, dispatchNo), caseId, CaseStatus.DISPATCHED,
                OffsetDateTime.now(clock), new StatusEvent.Actor(deptCode, deptName),
                "已派发至" + deptName + "（政钉工作通知）", "HUB");
        exchange.setProperty(STATUS_EVENT, Json.write(dispatched));
        setCaseMessage(exchange, caseId, Json.write(n));
        log.info("zhengding dispatch caseId={} (dispatch {}) to {}: work notification to {} user(s)", caseId, dispatchNo,
                deptCode, n.userIds().size());
    }

    public void toStatus(Exchange exchange) {
        setCaseMessage(exchange, exchange.getMessage().getHeader(HubHeaders.CASE_ID, String.class),
                exchange.getProperty(STATUS_EVENT, String.class));
    }

    private static String noticeLabel(String notice) {
        return switch (notice) {
            case "WITHDRAW" -> "【案件撤销】";
            case "UPDATE" -> "【案件更新】";
            default -> "【案件通知】";
        };
    }

    String title(String label, CanonicalCase c) {
        String category = c.category() == null ? "案件" : first(c.category().name(), c.category().sourceName(), "案件");
        String address = c.location() == null ? null : c.location().address();
        String title = label + category + (address == null || address.isBlank() ? "" : " · " + clip(address, 40));
        return Masking.text(title);
    }

    String markdown(String caseId, CanonicalCase c, String deptCode, String deptName) {
        StringBuilder md = new StringBuilder("**案件** ").append(caseId);
        md.append("\n\n**来源** ").append(sources.of(c.source() == null ? null : c.source().system()));
        if (c.location() != null && c.location().address() != null && !c.location().address().isBlank()) {
            md.append("\n\n**地址** ").append(clip(c.location().address(), 200));
        }
        if (c.risk() != null && c.risk().level() != null) {
            md.append("\n\n**风险** ").append(switch (c.risk().level()) {
                case RED -> "红";
                case YELLOW -> "黄";
                case GREEN -> "绿";
            });
        }
        Assignment.Deadlines deadlines = c.assignment() == null ? null : c.assignment().deadlines();
        if (deadlines != null && deadlines.signBy() != null) {
            ZonedDateTime signBy = deadlines.signBy().atZoneSameInstant(Zhengding.OFFSET);
            boolean today = signBy.toLocalDate().equals(ZonedDateTime.now(clock.withZone(Zhengding.OFFSET)).toLocalDate());
            md.append("\n\n**签收时限** ").append((today ? TIME : DAY_TIME).format(signBy));
        }
        md.append("\n\n**承办单位** ").append(deptName).append("（").append(deptCode).append("）");
        return Masking.text(md.toString());
    }

    private static void setCaseMessage(Exchange exchange, String caseId, String body) {
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setHeader(HubHeaders.CASE_ID, caseId);
        exchange.getMessage().setHeader(HubHeaders.GROUP_ID, caseId);
        exchange.getMessage().setBody(body);
    }

    private static String first(String a, String b, String fallback) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : fallback;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
