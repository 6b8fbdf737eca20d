package org.disputehub.hub.cockpit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the cockpit page ({@code /cockpit}) shows, as JSON for people (ADMIN, VIEWER): today's inputs, the KPI trend,
 * cases waiting on their SLA, open RED cases, repeat hotspots (masked), queue depths. Each answer is reused for
 * {@code hub.cockpit.cache-ttl}.
 */
@RestController
@RequestMapping(path = "/api/v1/cockpit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cockpit", description = "The figures of the cockpit (驾驶舱) at /cockpit, for ADMIN and VIEWER")
@ApiResponses({
        @ApiResponse(responseCode = "401", description = "not logged in", content = @Content),
        @ApiResponse(responseCode = "403", description = "neither ADMIN nor VIEWER", content = @Content)})
class CockpitController {

    private final IntakeFlow intake;
    private final KpiTrend kpis;
    private final WaitingCases waiting;
    private final RedCaseList red;
    private final HotspotCounter hotspots;
    private final StageQueues queues;
    private final CockpitCache cache;
    private final CockpitProperties props;

    CockpitController(IntakeFlow intake, KpiTrend kpis, WaitingCases waiting, RedCaseList red, HotspotCounter hotspots,
                      StageQueues queues, CockpitCache cache, CockpitProperties props) {
        this.intake = intake;
        this.kpis = kpis;
        this.waiting = waiting;
        this.red = red;
        this.hotspots = hotspots;
        this.queues = queues;
        this.cache = cache;
        this.props = props;
    }

    @GetMapping("/intake")
    @Operation(summary = "Today's inputs by origin system and by current status (ADMIN, VIEWER)",
            description = "Cases received since midnight in the hub clock's zone (Asia/Shanghai), linked reports included.")
    @ApiResponse(responseCode = "200", description = "the counts",
            content = @Content(schema = @Schema(implementation = IntakeToday.class),
                    examples = @ExampleObject(CockpitExamples.INTAKE)))
    IntakeToday intake() {
        return cache.get("intake", props.cacheTtl(), intake::today);
    }

    @GetMapping("/kpis")
    @Operation(summary = "The five KPIs per department, per day of the last days and over them (ADMIN, VIEWER)",
            description = "Each day as GET /api/v1/kpis computes it for that calendar day; the week sums the days' "
                    + "numerators and denominators. hub.cockpit.trend-days days, today last.")
    @ApiResponse(responseCode = "200", description = "the trend",
            content = @Content(schema = @Schema(implementation = KpiWeek.class), examples = @ExampleObject(CockpitExamples.KPI_WEEK)))
    KpiWeek kpis() {
        return cache.get("kpis", props.cacheTtl(), kpis::week);
    }

    @GetMapping("/waiting")
    @Operation(summary = "Cases waiting for sign-off or arrival, with their SLA countdown (ADMIN, VIEWER)",
            description = "Status DISPATCHED waits for the SIGN deadline, SIGNED for the ARRIVE deadline of the current "
                    + "dispatch; soonest deadline first.")
    @ApiResponse(responseCode = "200", description = "the waiting cases",
            content = @Content(schema = @Schema(implementation = Waiting.class),
                    examples = @ExampleObject(CockpitExamples.WAITING)))
    Waiting waiting() {
        return cache.get("waiting", props.cacheTtl(), waiting::now);
    }

    @GetMapping("/red")
    @Operation(summary = "Open RED cases with the reasons of their risk level (ADMIN, VIEWER)")
    @ApiResponse(responseCode = "200", description = "the RED cases",
            content = @Content(schema = @Schema(implementation = RedCases.class),
                    examples = @ExampleObject(CockpitExamples.RED)))
    RedCases red() {
        return cache.get("red", props.cacheTtl(), red::now);
    }

    @GetMapping("/hotspots")
    @Operation(summary = "Repeat hotspots: addresses and callers with the most reports lately, masked (ADMIN, VIEWER)",
            description = "Counted over hub.cockpit.hotspot-days (30) from linking's keyed hashes; at least two reports.")
    @ApiResponse(responseCode = "200", description = "the hotspots",
            content = @Content(schema = @Schema(implementation = Hotspots.class),
                    examples = @ExampleObject(CockpitExamples.HOTSPOTS)))
    Hotspots hotspots() {
        return cache.get("hotspots", props.cacheTtl(), hotspots::now);
    }

    @GetMapping("/queues")
    @Operation(summary = "Queue depths and parked messages per stage and per queue (ADMIN, VIEWER)")
    @ApiResponse(responseCode = "200", description = "the queues",
            content = @Content(schema = @Schema(implementation = Queues.class),
                    examples = @ExampleObject(CockpitExamples.QUEUES)))
    Queues queues() {
        return cache.get("queues", props.cacheTtl(), queues::now);
    }
}
