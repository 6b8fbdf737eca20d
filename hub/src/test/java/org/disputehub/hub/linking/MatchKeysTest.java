package org.disputehub.hub.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseSource;
import org.disputehub.canonical.model.Location;
import org.disputehub.canonical.model.Party;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MatchKeysTest {

    @ParameterizedTest
    @CsvSource({
        "'浙江省杭州市西湖区文三路 100 号', 文三路100号",
        "'杭州市滨江区浦沿街道至善路88号3幢', 浦沿街道至善路88号3幢",
        "'浦沿街道 至善路 ８８号 3幢', 浦沿街道至善路88号3幢",
        "'文三路紫金小区3幢', 文三路紫金小区3幢",        // 小区 is not a district
        "'新疆维吾尔自治区乌鲁木齐市天山区解放北路1号', 解放北路1号",
        "'  ', ",
    })
    void addressesAreNormalised(String raw, String expected) {
        assertThat(MatchKeys.address(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"13800138000, 13800138000", "'+86 138-0013-8000', 13800138000", "008613800138000, 13800138000",
        "'0571-87654321', 057187654321", "110, "})
    void phonesAreNormalised(String raw, String expected) {
        assertThat(MatchKeys.phone(raw)).isEqualTo(expected);
    }

    @Test
    void similarityIsOneForTheSameAddressAndLowForAnother() {
        assertThat(MatchKeys.similarity("文三路100号", "文三路100号")).isEqualTo(1.0);
        assertThat(MatchKeys.similarity("文三路100号紫金小区3幢", "紫金小区文三路100号")).isBetween(0.7, 0.95);
        assertThat(MatchKeys.similarity("文三路100号", "学院路28号")).isLessThan(0.3);
        assertThat(MatchKeys.similarity(null, "文三路100号")).isZero();
        assertThat(MatchKeys.similarity("浦沿街道至善路88号3幢", "浦沿街道至善路125号3幢")).as("another house").isZero();
        assertThat(MatchKeys.similarity("文三路100号紫金小区3幢", "文三路100号紫金小区4幢")).as("another building").isZero();
    }

    @Test
    void aHouseNumberBothNameCountsOnceNotPerDigit() {
        // two roads of one street office with the same long house number: 0.75 when compared digit by digit, which
        // with the same category and region reaches min-score 0.5 (0.4 × 0.75 + 0.15 + 0.05) and links two matters
        assertThat(MatchKeys.similarity("长河街道滨康路10234号", "长河街道长河路10234号")).isLessThan(0.7);
        assertThat(MatchKeys.similarity("长河街道滨康路12号", "长河街道长河路12号"))
                .isEqualTo(MatchKeys.similarity("长河街道滨康路10234号", "长河街道长河路10234号"));
        assertThat(MatchKeys.similarity("文三路100号紫金小区", "文三路100号紫金小区东门")).isGreaterThan(0.85);
    }

    @Test
    void keysAreKeyedHashesNotPersonalData() {
        CanonicalCase c = new CanonicalCase("X", "1.0", new CaseSource("ALARM110", "1", "JMS", null, null), null, null,
                null, null, null, List.of(Party.reporter("张三", "13800138000")), null, null,
                new Location("文三路100号", "330106", null, null, null), null, null, null, null, null);
        MatchKeys.Of keys = new MatchKeys("secret-a").of(c);
        assertThat(keys.people()).singleElement().satisfies(k -> {
            assertThat(k.kind()).isEqualTo(MatchKeys.Kind.PHONE);
            assertThat(k.hash()).hasSize(40).doesNotContain("13800138000");
        });
        assertThat(new MatchKeys("secret-b").of(c).people()).doesNotContainAnyElementsOf(keys.people());
        assertThat(new MatchKeys("secret-a").of(c)).isEqualTo(keys);
    }
}
