package org.disputehub.connector.zhengding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.model.Assignment;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseSource;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Category;
import org.disputehub.canonical.model.Location;
import org.disputehub.canonical.model.Notification;
import org.disputehub.canonical.model.Parts;
import org.disputehub.canonical.model.Party;
import org.disputehub.canonical.model.Risk;
import org.disputehub.canonical.model.StatusEvent;
import org.junit.jupiter.api.Test;

class DispatchNoticeTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T10:10:00+08:00");

    private final DispatchNotice notice = new DispatchNotice("https://hub.example.gov.cn/",
            SourceNames.load(SourceNames.DEFAULT_LOCATION), Clock.fixed(NOW.toInstant(), Zhengding.OFFSET));

    @Test
    void aDispatchOrderBecomesAMaskedNotificationAndTheDispatchedEvent() {
        Exchange ex = order(dispatchOrder("杭州市拱墅区湖墅街道xx农贸市场（联系13900139000）", NOW.plusMinutes(30)), null);

        notice.prepare(ex);

        Notification n = Json.read(ex.getMessage().getBody(String.class), Notification.class);
        assertThat(n.dedupeKey()).isEqualTo("HUB-20261122-000017:dispatch:1");
        assertThat(n.caseId()).isEqualTo("HUB-20261122-000017");
        assertThat(n.userIds()).containsExactly("wanglei01", "chenjing02");
        assertThat(n.title()).isEqualTo("【新派单】投诉-价格收费 · 杭州市拱墅区湖墅街道xx农贸市场（联系139****9000）");
        assertThat(n.markdown()).isEqualTo("**案件** HUB-20261122-000017\n\n**来源** 12345\n\n"
                + "**地址** 杭州市拱墅区湖墅街道xx农贸市场（联系139****9000）\n\n**风险** 黄\n\n**签收时限** 10:40\n\n"
                + "**承办单位** 湖墅街道市场监管所（330105-SJ-001）");
        assertThat(n.markdown()).doesNotContain("李四").doesNotContain("13900139000").doesNotContain("330106199001011234");
        assertThat(n.actionTitle()).isEqualTo("查看并签收");
        assertThat(n.actionUrl()).isEqualTo("https://hub.example.gov.cn/m/cases/HUB-20261122-000017");
        assertThat(ex.getMessage().getHeaders()).containsEntry("caseId", "HUB-20261122-000017")
                .containsEntry("JMSXGroupID", "HUB-20261122-000017").doesNotContainKey("dispatchNo");
        assertThat(ex.getProperty(DispatchNotice.EMIT_STATUS, Boolean.class)).isTrue();

        notice.toStatus(ex);

        StatusEvent e = Json.read(ex.getMessage().getBody(String.class), StatusEvent.class);
        assertThat(e.eventId()).isEqualTo("HUB-20261122-000017:dispatched:1");
        assertThat(e.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(e.actor()).isEqualTo(new StatusEvent.Actor("330105-SJ-001", "湖墅街道市场监管所"));
        assertThat(e.occurredAt()).isEqualTo(NOW);
        assertThat(ex.getMessage().getHeader("JMSXGroupID")).isEqualTo("HUB-20261122-000017");
    }

    @Test
    void aDeadlineOnAnotherDayShowsTheDateAndNoDeadlinesNoLine() {
        Exchange tomorrow = order(dispatchOrder("湖墅街道", NOW.plusDays(1)), null);
        notice.prepare(tomorrow);
        assertThat(Json.read(tomorrow.getMessage().getBody(String.class), Notification.class).markdown())
                .contains("**签收时限** 11-23 10:10");

        Exchange none = order(dispatchOrder("湖墅街道", null), null);
        notice.prepare(none);
        assertThat(Json.read(none.getMessage().getBody(String.class), Notification.class).markdown())
                .doesNotContain("签收时限");
    }

    @Test
    void aLaterNoticeIsANotificationWithoutADispatchedEvent() {
        Exchange ex = order(dispatchOrder("湖墅街道", null), "WITHDRAW");
        ex.getMessage().setHeader(DispatchNotice.NOTICE_ID, "env-42");

        notice.prepare(ex);

        Notification n = Json.read(ex.getMessage().getBody(String.class), Notification.class);
        assertThat(n.dedupeKey()).isEqualTo("HUB-20261122-000017:1:WITHDRAW:env-42");
        assertThat(n.title()).startsWith("【案件撤销】");
        assertThat(ex.getProperty(DispatchNotice.EMIT_STATUS, Boolean.class)).isFalse();
    }

    @Test
    void aMalformedOrderIsPermanent() {
        Exchange ex = order(null, null);
        ex.getMessage().setBody("{not json");
        assertThatThrownBy(() -> notice.prepare(ex)).isInstanceOf(PermanentFailureException.class);
    }

    @Test
    void userIdsAreACommaSeparatedListOfIds() {
        assertThat(DispatchNotice.userIds(" a01, b02 ,a01,,c.03@x ")).containsExactly("a01", "b02", "c.03@x");
        assertThatThrownBy(() -> DispatchNotice.userIds(" , ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DispatchNotice.userIds("a01,张 三")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DispatchNotice.userIds(null)).isInstanceOf(IllegalArgumentException.class);
    }

    static CanonicalCase dispatchOrder(String address, OffsetDateTime signBy) {
        return new CanonicalCase("HUB-20261122-000017", CanonicalCase.SCHEMA_VERSION,
                new CaseSource("HOTLINE12345", "GD20261122000131", "HOTLINE", NOW.minusMinutes(5), 7L),
                NOW.minusMinutes(6), "农贸市场乱收费", "李四反映：摊位费上涨，电话13900139000，身份证330106199001011234",
                new Category("咨询投诉类", "D01", "投诉-价格收费", "C0402", "价格收费"), "投诉",
                List.of(new Party(Parts.PartyRole.REPORTER, "李四", "13900139000", "330106199001011234", null, null)),
                null, null, new Location(address, "330105", null, null, null), "一般",
                new Risk(Parts.RiskLevel.YELLOW, List.of("重复投诉")), null,
                new Assignment("330105-SJ-001", "湖墅街道市场监管所", 1,
                        signBy == null ? null : new Assignment.Deadlines(signBy, null, null, null)),
                CaseStatus.RECEIVED);
    }

    private static Exchange order(CanonicalCase c, String noticeHeader) {
        Exchange ex = new DefaultExchange(new DefaultCamelContext());
        ex.getMessage().setBody(c == null ? null : Json.write(c));
        ex.getMessage().setHeader("caseId", "HUB-20261122-000017");
        ex.getMessage().setHeader("dispatchNo", 1);
        ex.getMessage().setHeader("deptCode", "330105-SJ-001");
        ex.getMessage().setHeader("JMSXGroupID", "HUB-20261122-000017");
        if (noticeHeader != null) {
            ex.getMessage().setHeader(DispatchNotice.NOTICE, noticeHeader);
        }
        ex.setProperty(DispatchNotice.DEPT_CODE, "330105-SJ-001");
        ex.setProperty(DispatchNotice.DEPT_NAME, "湖墅街道市场监管所");
        ex.setProperty(DispatchNotice.USER_IDS, "wanglei01,chenjing02");
        return ex;
    }

}
