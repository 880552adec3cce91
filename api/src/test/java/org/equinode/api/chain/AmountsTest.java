package org.equinode.api.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.equinode.api.RpcException;
import org.equinode.chain.Amount;
import org.junit.jupiter.api.Test;

class AmountsTest {
  @Test
  void eqWithAtMostEightDecimalsRoundTrips() {
    Amount amount = Amounts.fromJson(new BigDecimal("12.5"), "amount");
    assertThat(amount.units()).isEqualTo(1_250_000_000L);
    assertThat(Amounts.toJson(amount)).hasToString("12.50000000");
  }

  @Test
  void aRefusalQuotesTheNumberInAShortForm() {
    assertThatThrownBy(() -> Amounts.fromJson(new BigDecimal("0.123456789"), "amount"))
        .isInstanceOf(RpcException.class)
        .hasMessage("amount 0.123456789 is not an amount of EQ with at most 8 decimals");
    // The plain form of these would be a billion characters long.
    assertThatThrownBy(() -> Amounts.fromJson(new BigDecimal("1e999999999"), "amount"))
        .isInstanceOf(RpcException.class)
        .hasMessage("amount 1E+999999999 is not an amount of EQ with at most 8 decimals");
    assertThatThrownBy(() -> Amounts.fromJson(new BigDecimal("1e-999999999"), "amount"))
        .isInstanceOf(RpcException.class)
        .hasMessage("amount 1E-999999999 is not an amount of EQ with at most 8 decimals");
  }
}
