package org.disputehub.hub.dispatch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.disputehub.canonical.connector.HubHeaders;
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.connector.RetryAfter;
import org.disputehub.canonical.connector.TemporaryFailureException;
import org.disputehub.hub.department.Department;
import org.disputehub.hub.department.DepartmentRegistry;
import org.disputehub.hub.store.CaseStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends one dispatch order to a department over HTTP (docs/interfaces/departments.md, channel {@code http}):
 * {@code POST {base}/dispatch} with {@code Idempotency-Key: {caseId}:{dispatchNo}} and the department's token.
 * 2xx accepted; 408, 429, 5xx and I/O failures are temporary (a {@code Retry-After} on 429 or 503 sets the wait before
 * the next attempt: {@link DispatchErrorPolicy}); any other 4xx is permanent. Later notices about
 * the same case (UPDATE, WITHDRAW) go the same way with {@code X-Hub-Notice} and their own idempotency key. An order
 * already recorded as delivered (a redelivered or replayed copy) is not sent again, and an order is claimed in the
 * store for the length of a send ({@code 3 × hub.dispatch.timeout}): a second copy arriving meanwhile is retried
 * later (and then finds the order delivered) instead of being sent alongside.
 */
@Component("dispatchHttpSender")
public class DispatchHttpSender implements Processor {

    public static final String DEPT_CODE = "deptCode";
    public static final String DISPATCH_NO = "dispatchNo";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("hub.dispatch");

    private final DepartmentRegistry departments;
    private final CaseStore cases;
    private final HttpClient http;
    private final Duration timeout;
    private final Duration lease;
    private final DispatchErrorPolicy policy;

    public DispatchHttpSender(DepartmentRegistry departments, CaseStore cases, HttpClient hubHttpClient,
                              @Value("${hub.dispatch.timeout:PT10S}") Duration timeout, DispatchErrorPolicy policy) {
        this.departments = departments;
        this.policy = policy;
        this.cases = cases;
        this.http = hubHttpClient;
        this.timeout = timeout;
        this.lease = timeout.multipliedBy(3);
    }

    @Override
    public void process(Exchange exchange) {
        RetryAfter.clear(exchange);
        String caseId = exchange.getMessage().getHeader(HubHeaders.CASE_ID, String.class);
        String dispatchNo = exchange.getMessage().getHeader(DISPATCH_NO, String.class);
        Department dept = departments.get(exchange.getMessage().getHeader(DEPT_CODE, String.class));
        String notice = exchange.getMessage().getHeader(DispatchPlanner.NOTICE, String.class);
        boolean claimed = false;
        if (notice == null) {
            OffsetDateTime now = OffsetDateTime.now();
            CaseStore.Claim claim = cases.claimDispatch(caseId, Integer.parseInt(dispatchNo), now, now.plus(lease));
            if (claim == CaseStore.Claim.SENT) {
                // a redelivered or replayed copy of an order the department already accepted: not sent again
                LOG.info("case {}: dispatch {} to {} was already delivered, not sent again", caseId, dispatchNo, dept.code());
                return;
            }
            if (claim == CaseStore.Claim.IN_FLIGHT) {
                throw new TemporaryFailureException("dispatch " + caseId + ":" + dispatchNo + " to " + dept.code()
                        + " is being sent by another copy; tried again later");
            }
            claimed = claim == CaseStore.Claim.CLAIMED;
        }
        try {
            send(exchange, caseId, dispatchNo, dept, notice);
        } catch (RuntimeException e) {
            if (claimed) {
                cases.releaseDispatch(caseId, Integer.parseInt(dispatchNo));
            }
            throw e;
        }
    }

    private void send(Exchange exchange, String caseId, String dispatchNo, Department dept, String notice) {
        String key = notice == null ? caseId + ":" + dispatchNo
                : caseId + ":" + dispatchNo + ":" + notice + ":" + exchange.getMessage().getHeader(DispatchPlanner.NOTICE_ID);
        HttpRequest request = HttpRequest.newBuilder(URI.create(dept.baseUrl() + "/dispatch"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Hub-Notice", notice == null ? "ORDER" : notice)
                .header("Idempotency-Key", key)
                .header("Authorization", "Bearer " + dept.token())
                .POST(HttpRequest.BodyPublishers.ofString(exchange.getMessage().getBody(String.class)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TemporaryFailureException("dispatch " + caseId + " to " + dept.code() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TemporaryFailureException("dispatch " + caseId + " to " + dept.code() + " interrupted", e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        String what = "dispatch " + caseId + " to " + dept.code() + ": HTTP " + status;
        if (status == 408 || status == 429 || status >= 500) {
            String wait = status == 429 || status == 503 ? policy.honourRetryAfter(response, exchange) : "";
            throw new TemporaryFailureException(what + wait);
        }
        throw new PermanentFailureException(what + " " + abbreviate(response.body()));
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
