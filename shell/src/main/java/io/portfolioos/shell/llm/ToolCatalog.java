package io.portfolioos.shell.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portfolioos.contract.Contract;
import io.portfolioos.contract.wire.Json;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The read-only tools the model may call. A tool is offered only when the contract method behind it
 * exists in this build, so the set grows as the ledger and market domains land. Every argument is
 * clamped (rows, trials, years) so a model cannot ask for unbounded work or context.
 */
final class ToolCatalog {
  private ToolCatalog() {}

  static final int MAX_TRANSACTIONS = 100;
  static final int MAX_TRIALS = 20_000;

  static List<ToolSpec> available() {
    return all().stream().filter(t -> Contract.find(t.method()).isPresent()).toList();
  }

  static List<ToolSpec> all() {
    return List.of(
        new ToolSpec(
            "get_holdings",
            "The user's current holdings: each position's symbol, quantity, cost basis and average"
                + " cost, optionally as of a past date.",
            "your holdings (symbols, quantities, cost basis)",
            schema(prop("asOf", "string", "Optional date YYYY-MM-DD; default today")),
            "ledger.holdings",
            args -> pick(args, "asOf"),
            Function.identity()),
        new ToolSpec(
            "get_net_worth",
            "The user's net worth today: total and per account.",
            "your net worth and account balances",
            schema(),
            "portfolio.netWorth",
            args -> Json.MAPPER.createObjectNode(),
            Function.identity()),
        new ToolSpec(
            "get_allocation",
            "How the portfolio is split, as amounts and fractions: by asset class (default),"
                + " symbol, account or account type.",
            "your asset allocation",
            schema(
                prop(
                    "by",
                    "string",
                    "One of assetClass, symbol, account, accountType; default assetClass")),
            "portfolio.allocation",
            args -> {
              String by = args.path("by").asText("assetClass");
              return Json.MAPPER
                  .createObjectNode()
                  .put(
                      "by",
                      Set.of("assetClass", "symbol", "account", "accountType").contains(by)
                          ? by
                          : "assetClass");
            },
            Function.identity()),
        new ToolSpec(
            "list_transactions",
            "The user's transactions (buys, sells, dividends, fees), newest first, at most "
                + MAX_TRANSACTIONS
                + ", optionally for one symbol or a date range.",
            "up to " + MAX_TRANSACTIONS + " of your transactions",
            schema(
                prop("limit", "integer", "How many, 1 to " + MAX_TRANSACTIONS + "; default 50"),
                prop("symbol", "string", "Only this symbol"),
                prop("from", "string", "First date YYYY-MM-DD"),
                prop("to", "string", "Last date YYYY-MM-DD")),
            "ledger.transactions",
            args -> {
              ObjectNode p = pick(args, "symbol", "from", "to");
              p.put("limit", clamp(args.path("limit").asInt(50), 1, MAX_TRANSACTIONS));
              return p;
            },
            Function.identity()),
        new ToolSpec(
            "get_realized_gains",
            "Realized gains and losses from sales (each disposal with proceeds, cost basis, gain"
                + " and term), optionally for one year or symbol.",
            "your realized gains (sales with proceeds and cost)",
            schema(
                prop("year", "integer", "Only sales in this tax year"),
                prop("symbol", "string", "Only this symbol")),
            "ledger.realized",
            args -> pick(args, "year", "symbol"),
            Function.identity()),
        new ToolSpec(
            "run_simulation",
            "Monte Carlo retirement simulation from historical US stock/bond returns: the chance"
                + " that a portfolio lasts a number of years with a yearly withdrawal.",
            "the simulation inputs the model chose (amounts and rates, no account data)",
            simulationSchema(),
            "simulation.run",
            ToolCatalog::simulationParams,
            ToolCatalog::simulationSummary));
  }

  private record Prop(String name, String type, String description) {}

  private static Prop prop(String name, String type, String description) {
    return new Prop(name, type, description);
  }

  private static ObjectNode schema(Prop... props) {
    ObjectNode s = Json.MAPPER.createObjectNode().put("type", "object");
    ObjectNode properties = s.putObject("properties");
    for (Prop p : props) {
      properties.putObject(p.name()).put("type", p.type()).put("description", p.description());
    }
    return s;
  }

  /** Only the named arguments, and only those the model gave. */
  private static ObjectNode pick(JsonNode args, String... fields) {
    ObjectNode p = Json.MAPPER.createObjectNode();
    for (String f : fields) {
      copy(args, p, f);
    }
    return p;
  }

  private static ObjectNode simulationSchema() {
    ObjectNode s =
        schema(
            prop("initialPortfolio", "number", "Starting amount"),
            prop("years", "integer", "Years the money must last, 1 to 100"),
            prop("stocks", "number", "Fraction in stocks, 0 to 1 (the rest is bonds); default 0.6"),
            prop(
                "withdrawalRate",
                "number",
                "First year's withdrawal as a fraction of the start, e.g. 0.04"),
            prop("trials", "integer", "Number of trials, at most " + MAX_TRIALS));
    ArrayNode required = s.putArray("required");
    required.add("initialPortfolio").add("years").add("withdrawalRate");
    return s;
  }

  /** Model arguments → simulation.run params: bootstrap returns, constant-dollar withdrawals. */
  static JsonNode simulationParams(JsonNode args) {
    ObjectNode config = Json.MAPPER.createObjectNode();
    copy(args, config, "initialPortfolio");
    copy(args, config, "years");
    config.put("trials", clamp(args.path("trials").asInt(5_000), 1, MAX_TRIALS));
    double stocks = args.path("stocks").isNumber() ? args.path("stocks").asDouble() : 0.6;
    stocks = Math.max(0, Math.min(1, stocks));
    config.putObject("allocation").put("stocks", stocks).put("bonds", 1 - stocks);
    config.putObject("returns").put("model", "bootstrap");
    ObjectNode w = config.putObject("withdrawal").put("strategy", "constantDollar");
    if (args.has("withdrawalRate")) {
      w.set("rate", args.get("withdrawalRate"));
    }
    ObjectNode params = Json.MAPPER.createObjectNode();
    params.set("config", config);
    return params;
  }

  /** Absent stays absent, so the contract names the missing field back to the model. */
  private static void copy(JsonNode from, ObjectNode to, String field) {
    if (from.has(field)) {
      to.set(field, from.get(field));
    }
  }

  /** The figures a model needs, not the whole percentile fan (which would fill its context). */
  static JsonNode simulationSummary(JsonNode result) {
    ObjectNode s = Json.MAPPER.createObjectNode();
    s.set("successRate", result.path("successRate"));
    s.set("medianTerminal", result.path("medianTerminal"));
    s.set("trials", result.path("trials"));
    s.set("years", result.path("years"));
    JsonNode pct = result.path("percentiles");
    for (String p : List.of("p10", "p50", "p90")) {
      JsonNode series = pct.path(p);
      if (series.isArray() && !series.isEmpty()) {
        s.set(p + "Terminal", series.get(series.size() - 1));
      }
    }
    s.put("note", "values in today's money");
    return s;
  }

  static int clamp(int v, int min, int max) {
    return Math.max(min, Math.min(max, v));
  }
}
