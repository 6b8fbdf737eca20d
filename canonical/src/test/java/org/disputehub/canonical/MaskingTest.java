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
    void nullAndEmptyStayAsTheyAre() {
        assertThat(Masking.text(null)).isNull();
        assertThat(Masking.phone("")).isEmpty();
        assertThat(Masking.name(null)).isNull();
    }
}
