package org.disputehub.hub;

import org.springframework.test.context.ActiveProfiles;

/** The 12345 closed loop on the embedded default: in-process Artemis and H2. */
@ActiveProfiles("test")
class HotlineClosedLoopTest extends ClosedLoopTestBase {
}
