package io.portfolioos.contract.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.portfolioos.contract.Check;
import io.portfolioos.contract.InvalidParamsException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ParamsDecoderTest {

  enum Side {
    BUY,
    SELL
  }

  record Lot(Long lotId, BigDecimal quantity) {
    Lot {
      Check.required(lotId, "lotId");
      Check.that(Check.required(quantity, "quantity").signum() > 0, "quantity", "must be positive");
    }
  }

  record Order(
      String symbol, @Nullable LocalDate asOf, @Nullable Side side, @Nullable List<Lot> lots) {
    Order {
      Check.notBlank(symbol, "symbol");
    }
  }

  private static JsonNode json(String s) throws Exception {
    return Json.MAPPER.readTree(s);
  }

  @Test
  void decodesNamedParamsWithExactDecimals() throws Exception {
    Order o =
        ParamsDecoder.decode(
            json(
                "{\"symbol\":\"VTI\",\"asOf\":\"2024-02-29\",\"lots\":[{\"lotId\":1,\"quantity\":0.1}]}"),
            Order.class);
    assertThat(o.asOf()).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(o.lots().get(0).quantity()).isEqualByComparingTo("0.1");
    assertThat(o.lots().get(0).quantity().scale()).isEqualTo(1);
  }

  @Test
  void decodesPositionalParams() throws Exception {
    Order o = ParamsDecoder.decode(json("[\"VTI\", null, \"SELL\"]"), Order.class);
    assertThat(o.symbol()).isEqualTo("VTI");
    assertThat(o.side()).isEqualTo(Side.SELL);
  }

  @Test
  void namesAMissingField() {
    assertThatThrownBy(() -> ParamsDecoder.decode(json("{}"), Order.class))
        .isInstanceOf(InvalidParamsException.class)
        .extracting(e -> ((InvalidParamsException) e).field())
        .isEqualTo("symbol");
  }

  @Test
  void namesAFieldOfTheWrongType() {
    assertThatThrownBy(() -> ParamsDecoder.decode(json("{\"symbol\": 5}"), Order.class))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessageContaining("symbol")
        .hasMessageContaining("string");
  }

  @Test
  void namesABadDateAndAnUnknownEnum() {
    assertThatThrownBy(
            () ->
                ParamsDecoder.decode(
                    json("{\"symbol\":\"X\",\"asOf\":\"2024-13-01\"}"), Order.class))
        .hasMessageStartingWith("asOf:");
    assertThatThrownBy(
            () -> ParamsDecoder.decode(json("{\"symbol\":\"X\",\"side\":\"HOLD\"}"), Order.class))
        .hasMessageStartingWith("side:")
        .hasMessageContaining("BUY");
  }

  @Test
  void namesANestedFieldWithItsPath() {
    assertThatThrownBy(
            () ->
                ParamsDecoder.decode(
                    json(
                        "{\"symbol\":\"X\",\"lots\":[{\"lotId\":1,\"quantity\":1},{\"lotId\":2,\"quantity\":-1}]}"),
                    Order.class))
        .isInstanceOf(InvalidParamsException.class)
        .extracting(e -> ((InvalidParamsException) e).field())
        .isEqualTo("lots[1].quantity");
  }

  @Test
  void rejectsUnknownFields() {
    assertThatThrownBy(
            () -> ParamsDecoder.decode(json("{\"symbol\":\"X\",\"symbl\":\"Y\"}"), Order.class))
        .isInstanceOf(InvalidParamsException.class)
        .extracting(e -> ((InvalidParamsException) e).field())
        .isEqualTo("symbl");
  }

  @Test
  void writesDecimalsAsPlainStrings() throws Exception {
    assertThat(Json.MAPPER.writeValueAsString(new Lot(1L, new BigDecimal("1E+3"))))
        .isEqualTo("{\"lotId\":1,\"quantity\":\"1000\"}");
  }
}
