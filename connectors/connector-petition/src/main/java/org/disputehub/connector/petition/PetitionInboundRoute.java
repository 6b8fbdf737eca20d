package org.disputehub.connector.petition;

import org.apache.camel.builder.RouteBuilder;
import org.disputehub.canonical.connector.InboundErrorPolicy;

/**
 * Route {@code petition-inbound}: the platform pushes signed petitions ({@code POST /api/inbound/petition}).
 * Body bounded (413), signature and timestamp checked (401), XML parsed safely and validated (400), then the
 * envelope is stored on HUB.INTAKE before the {@code 200 <Ack>} with the hub's case id is written. Every
 * refusal is answered and recorded REJECTED on HUB.AUDIT by the inbound error policy.
 */
public class PetitionInboundRoute extends RouteBuilder {

    public static final String ROUTE_ID = "petition-inbound";
    static final String PATH_KEY = PetitionProperties.PREFIX + ".inbound-path";

    private final PetitionReceiver receiver;
    private final PetitionIntake intake;
    private final PetitionProperties properties;

    public PetitionInboundRoute(PetitionReceiver receiver, PetitionIntake intake, PetitionProperties properties) {
        this.receiver = receiver;
        this.intake = intake;
        this.properties = properties;
    }

    @Override
    public void configure() {
        getContext().getPropertiesComponent().addOverrideProperty(PATH_KEY, properties.getInboundPath());
        // useStreaming: the body reaches the route as the exact bytes sent (not decoded to text and back)
        from("platform-http:{{" + PATH_KEY + "}}?httpMethodRestrict=POST&useStreaming=true")
                .routeId(ROUTE_ID)
                .routeConfigurationId(InboundErrorPolicy.ID)
                .description("Takes signed petitions pushed by the petition platform: checks size, signature and XML, "
                        + "puts a NEW/UPDATE envelope on the intake queue and answers with the hub case id")
                .process(receiver::receive).id("petition-inbound-receive")
                .process(intake::accept).id("petition-inbound-accept");
    }
}
