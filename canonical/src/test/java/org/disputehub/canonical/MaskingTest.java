package org.disputehub.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import org.disputehub.canonical.codec.Masking;
import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void masksAsTheContractsSay() {
        assertThat(Masking.phone("13800138000")).isEqualTo("138****8000");
        assertThat(Masking.idNumber("330106199001011234")).isEqualTo("3301**********1234");
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.name("李")).isEqualTo("李*");
    }

    @Test
    void masksPhonesAndIdNumbersInFreeText() {
        String text = "报警人13800138000，身份证33010619900101123X，座机0571-87654321，订单GD20261122000123";
        assertThat(Masking.text(text))
                .isEqualTo("报警人138****8000，身份证3301**********123X，座机0571-****4321，订单GD20261122000123");
    }

    @Test
    void anIdNumberInFreeTextIsMaskedOnlyWhenItsCheckCharacterMatches() {
        assertThat(Masking.isResidentId("33010619900101123X")).isTrue();
        assertThat(Masking.isResidentId("33010619900101123x")).isTrue();
        assertThat(Masking.isResidentId("330106197805230017")).isTrue();
        assertThat(Masking.isResidentId("330106199001011234")).as("check character 4, should be X").isFalse();
        assertThat(Masking.isResidentId("330108202611220002")).isFalse();
        assertThat(Masking.isResidentId("33010619900101123")).isFalse();
        assertThat(Masking.isResidentId("3301061990010112a4")).isFalse();
        assertThat(Masking.isResidentId(null)).isFalse();
        assertThat(Masking.text("警情330108202611220002，身份证330106197805230017"))
                .as("an incident number (JQBH) stays readable, the ID number is masked")
                .isEqualTo("警情330108202611220002，身份证3301**********0017");
    }

    @Test
    void nullAndEmptyStayAsTheyAre() {
        assertThat(Masking.text(null)).isNull();
        assertThat(Masking.phone("")).isEmpty();
        assertThat(Masking.name(null)).isNull();
    }
}
