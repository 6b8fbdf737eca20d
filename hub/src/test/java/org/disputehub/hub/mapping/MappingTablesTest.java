package org.disputehub.hub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.time.OffsetDateTime;
import java.util.Set;
import org.disputehub.canonical.model.Assignment.Deadlines;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.Category;
import org.disputehub.canonical.model.Parts.RiskLevel;
import org.disputehub.canonical.model.Risk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingTablesTest {

    static final Set<String> DEPTS = Set.of("330108-ZF-001", "330108-WY-001", "330108-LB-002", "330108-TJ-003",
            "330108-ZX-000", "330105-SJ-001", "330108-TJ-ODR");

    @TempDir
    Path dir;

    @Test
    void theShippedTablesLoadAndClassify() {
        MappingTables t = MappingTables.load(Path.of("../mappings"), DEPTS);
        Category c = t.classify("HOTLINE12345", Category.unclassifiedFrom("C0203", "物业管理"));
        assertThat(c).isEqualTo(new Category("求助纠纷类", "B03", "物业纠纷", "C0203", "物业管理"));
        Category unknown = t.classify("HOTLINE12345", Category.unclassifiedFrom("C0888", "新类别"));
        assertThat(unknown.code()).isEqualTo(MappingTables.UNCLASSIFIED);
        assertThat(unknown.sourceCode()).isEqualTo("C0888");
        assertThat(unknown.sourceName()).isEqualTo("新类别");
        assertThat(t.route(unknown.code(), "330108")).as("unclassified goes to the duty centre").isEqualTo("330108-ZX-000");
    }

    @Test
    void routingPrecedence() throws IOException {
        write("routing.csv", """
                taxonomy_code,region_code,dept_code
                B03,330108,330108-WY-001
                B03,*,330108-TJ-003
                *,330106,330108-ZF-001
                *,*,330108-ZX-000
                """);
        MappingTables t = load();
        assertThat(t.route("B03", "330108")).as("exact").isEqualTo("330108-WY-001");
        assertThat(t.route("B03", "330106")).as("category before region").isEqualTo("330108-TJ-003");
        assertThat(t.route("C01", "330106")).as("region").isEqualTo("330108-ZF-001");
        assertThat(t.route("C01", "330109")).as("fallback").isEqualTo("330108-ZX-000");
    }

    @Test
    void gridCodesRefineTheRegion() throws IOException {
        write("routing.csv", """
                taxonomy_code,region_code,grid_code,dept_code
                B01,330108,G0012,330108-ZF-001
                B01,330108,*,330108-TJ-003
                *,330108,G0099,330108-WY-001
                *,*,*,330108-ZX-000
                """);
        MappingTables t = load();
        assertThat(t.candidates("B01", "330108", "G0012")).containsExactly("330108-ZF-001", "330108-TJ-003", "330108-ZX-000");
        assertThat(t.candidates("B01", "330108", null)).containsExactly("330108-TJ-003", "330108-ZX-000");
        assertThat(t.candidates("C01", "330108", "G0099")).containsExactly("330108-WY-001", "330108-ZX-000");
        write("routing.csv", "taxonomy_code,region_code,grid_code,dept_code\nB01,*,G0012,330108-ZF-001\n*,*,*,330108-ZX-000\n");
        assertThatThrownBy(this::load).hasMessageContaining("routing.csv:2: a grid code needs its region code");
    }

    @Test
    void slaDeadlinesFollowCategoryAndUrgency() throws IOException {
        MappingTables shipped = MappingTables.load(Path.of("../mappings"), DEPTS);
        OffsetDateTime t = OffsetDateTime.parse("2026-11-22T10:00:00+08:00");
        Deadlines normal = shipped.deadlines("B03", "NORMAL", t);
        assertThat(normal).isEqualTo(new Deadlines(t.plusMinutes(1), t.plusMinutes(10), t.plusMinutes(30), t.plusHours(24)));
        assertThat(shipped.deadlines("B03", "URGENT", t).arriveBy()).isEqualTo(t.plusMinutes(5));
        assertThat(shipped.deadlines("B26", "NORMAL", t).handleBy()).as("category rule").isEqualTo(t.plusMinutes(15));

        write("routing.csv", "taxonomy_code,region_code,dept_code\n*,*,330108-ZX-000\n");
        write("sla.csv", "taxonomy_code,urgency,sign_minutes,arrive_minutes,handle_minutes,close_minutes\n*,*,10,5,30,60\n");
        assertThatThrownBy(this::load).hasMessageContaining("sla.csv:2: deadlines must not decrease");
        write("sla.csv", "taxonomy_code,urgency,sign_minutes,arrive_minutes,handle_minutes,close_minutes\nB03,*,1,10,30,60\n");
        assertThatThrownBy(this::load).hasMessageContaining("the default rule *,* is missing");
    }

    @Test
    void riskRulesExplainTheirColour() {
        MappingTables t = MappingTables.load(Path.of("../mappings"), DEPTS);
        CanonicalCase base = LifecycleFixtures.aCase("PETITION", "小区物业擅自提高物业费", null, null);
        assertThat(t.risk(base)).isEqualTo(new Risk(RiskLevel.GREEN, List.of()));
        Risk group = t.risk(LifecycleFixtures.aCase("PETITION", "业主多次反映未果", 12, null));
        assertThat(group.level()).isEqualTo(RiskLevel.YELLOW);
        assertThat(group.reasons()).containsExactly("R01 集体访：信访人数≥5");
        assertThat(t.risk(LifecycleFixtures.aCase("LABOR", "拖欠工资", 12, null)).level()).isEqualTo(RiskLevel.RED);
        assertThat(t.risk(LifecycleFixtures.aCase("HOTLINE12345", "拖欠工资", 12, null)).level())
                .as("the labor rule is for labor batches").isEqualTo(RiskLevel.GREEN);
        Risk selfHarm = t.risk(LifecycleFixtures.aCase("ALARM110", "讨薪未果，扬言要跳楼", null, new BigDecimal("150000")));
        assertThat(selfHarm.level()).isEqualTo(RiskLevel.RED);
        assertThat(selfHarm.reasons()).containsExactly("R04 涉及金额≥10万元", "R05 涉及金额≥2万元", "R08 自伤自杀风险",
                "R09 情绪激烈或聚集苗头");
        CanonicalCase fromConnector = base.withRisk(new Risk(RiskLevel.RED, List.of("群体性欠薪: 涉及15人")));
        assertThat(t.risk(fromConnector)).as("a connector's own assessment is kept")
                .isEqualTo(new Risk(RiskLevel.RED, List.of("群体性欠薪: 涉及15人")));
    }

    @Test
    void errorsNameFileLineAndProblem() throws IOException {
        write("routing.csv", "taxonomy_code,region_code,dept_code\nB03,330108,330108-NOPE-9\n*,*,330108-ZX-000\n");
        assertThatThrownBy(this::load).isInstanceOf(MappingException.class)
                .hasMessageContaining("routing.csv:2").hasMessageContaining("330108-NOPE-9 is not declared");

        write("routing.csv", "taxonomy_code,region_code,dept_code\nB03,330108,330108-WY-001\n");
        assertThatThrownBy(this::load).hasMessageContaining("fallback rule *,*");

        write("routing.csv", "taxonomy_code,region,dept_code\n*,*,330108-ZX-000\n");
        assertThatThrownBy(this::load).hasMessageContaining("routing.csv:1: header must be");

        write("routing.csv", "taxonomy_code,region_code,dept_code\n*,*,330108-ZX-000\n");
        write("categories/HOTLINE12345.csv", "source_code,source_name,taxonomy_code\nC0101,违章搭建,C01\nC0102,装修扰民,Z99\n");
        assertThatThrownBy(this::load).hasMessageContaining("HOTLINE12345.csv:3").hasMessageContaining("Z99");
    }

    @Test
    void aTableThatIsNotUtf8IsRefused() throws IOException {
        write("routing.csv", "taxonomy_code,region_code,dept_code\n*,*,330108-ZX-000\n");
        Files.writeString(dir.resolve("taxonomy.csv"), "code,name,major\nB03,物业纠纷,求助纠纷类\n", Charset.forName("GBK"));
        assertThatThrownBy(this::load).hasMessageContaining("taxonomy.csv: not valid UTF-8");
    }

    private MappingTables load() {
        return MappingTables.load(dir, DEPTS);
    }

    private void write(String name, String content) throws IOException {
        Path shipped = Path.of("../mappings");
        if (!Files.exists(dir.resolve("taxonomy.csv"))) {
            Files.copy(shipped.resolve("taxonomy.csv"), dir.resolve("taxonomy.csv"));
            Files.createDirectories(dir.resolve("categories"));
            Files.copy(shipped.resolve("categories/HOTLINE12345.csv"), dir.resolve("categories/HOTLINE12345.csv"));
            Files.copy(shipped.resolve("sla.csv"), dir.resolve("sla.csv"));
            Files.copy(shipped.resolve("risk.csv"), dir.resolve("risk.csv"));
        }
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
