package io.portfolioos.sidecar.simulation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.InvalidParamsException;
import io.portfolioos.contract.simulation.SimulationRunParams;
import io.portfolioos.contract.simulation.SimulationSensitivityParams;
import io.portfolioos.contract.wire.Json;
import io.portfolioos.contract.wire.ParamsDecoder;
import io.portfolioos.sidecar.rpc.RequestContext;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad config is a -32602 that names the field, as the UI shows it beside that field. */
class BadConfigTest {
  private static final String GOOD =
      """
      {"config": {"initialPortfolio": 1000000, "years": 30, "trials": 1000, "seed": 42,
        "allocation": {"stocks": 0.6, "bonds": 0.4},
        "returns": {"model": "bootstrap", "blockYears": 5, "from": 1871, "to": 2010},
        "withdrawal": {"strategy": "guytonKlinger", "rate": 0.05, "guardrail": 0.2,
                       "adjustment": 0.1},
        "lifeEvents": [{"year": 5, "type": "expense", "amount": 50000},
                       {"year": 10, "type": "income", "amount": 20000, "untilYear": 25}],
        "fees": 0.002}}
      """;

  private static SimulationRunParams decode(String json) throws Exception {
    return ParamsDecoder.decode(Json.MAPPER.readTree(json), SimulationRunParams.class);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"rate\": 0.05 | \"rate\": -0.01 | config.withdrawal.rate",
        "\"stocks\": 0.6 | \"stocks\": 0.7 | config.allocation",
        "\"years\": 30 | \"years\": 0 | config.years",
        "\"trials\": 1000 | \"trials\": 1000001 | config.trials",
        "\"guytonKlinger\" | \"bogleheads\" | config.withdrawal.strategy",
        "\"untilYear\": 25 | \"untilYear\": 31 | config.lifeEvents[1].untilYear",
        "\"amount\": 50000 | \"amount\": -5 | config.lifeEvents[0].amount",
        "\"blockYears\": 5 | \"blockYears\": 0 | config.returns.blockYears",
        "\"fees\": 0.002 | \"fees\": 0.9 | config.fees",
        "\"fees\": 0.002 | \"feez\": 0.002 | config.feez",
        "\"model\": \"bootstrap\" | \"model\": \"parametric\" | config.returns.stocks",
      })
  void namesTheField(String good, String bad, String field) {
    assertThatThrownBy(() -> decode(GOOD.replace(good, bad)))
        .isInstanceOfSatisfying(
            InvalidParamsException.class,
            e -> {
              org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field);
              org.assertj.core.api.Assertions.assertThat(e.code())
                  .isEqualTo(ErrorCode.INVALID_PARAMS);
              org.assertj.core.api.Assertions.assertThat(e.code().rpcCode()).isEqualTo(-32602);
            });
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"from\": 1871 | \"from\": 1850 | config.returns.from",
        "\"to\": 2010 | \"to\": 2020 | config.returns.to",
        "\"blockYears\": 5, \"from\": 1871 | \"blockYears\": 30, \"from\": 1990 | config.returns.blockYears",
      })
  void namesADataWindowFieldTheContractCannotCheck(String good, String bad, String field) {
    Simulations s = new Simulations(HistoricalReturns.shiller(), ForkJoinPool.commonPool(), 1);
    assertThatThrownBy(() -> s.run(decode(GOOD.replace(good, bad)).config(), RequestContext.NONE))
        .isInstanceOfSatisfying(
            InvalidParamsException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "withdrawal.nope | 0.04 | parameter",
        "withdrawal.rate | -0.5 | values[0]",
        "years | 30.5 | values",
      })
  void sensitivityNamesTheParameterOrTheValue(String parameter, double value, String field)
      throws Exception {
    Simulations s = new Simulations(HistoricalReturns.shiller(), ForkJoinPool.commonPool(), 1);
    var params = new SimulationSensitivityParams(decode(GOOD).config(), parameter, List.of(value));
    assertThatThrownBy(() -> s.sensitivity(params, RequestContext.NONE))
        .isInstanceOfSatisfying(
            InvalidParamsException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field));
  }
}
