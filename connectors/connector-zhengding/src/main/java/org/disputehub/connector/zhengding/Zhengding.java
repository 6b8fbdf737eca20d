package org.disputehub.connector.zhengding;

import java.time.ZoneOffset;

/** Names of the Zhengding contract (docs/interfaces/zhengding.md). */
public final class Zhengding {

    /** The system name in the audit log and the connector store. */
    public static final String SYSTEM = "ZHENGDING";
    /** The connector's name in metrics and logs. */
    public static final String CONNECTOR = "zhengding";
    /** The department channel this connector provides (route template {@code dispatch-zhengding}). */
    public static final String CHANNEL = "zhengding";
    /** Where the platform posts its encrypted event callbacks. */
    public static final String CALLBACK_PATH = "/api/inbound/zhengding/callback";
    /** Callback times ({@code time}, epoch ms) are shown at +08:00. */
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
    /** The platform's limit of user ids per work-notification call. */
    public static final int MAX_USERS_PER_CALL = 100;

    private Zhengding() {
    }
}
