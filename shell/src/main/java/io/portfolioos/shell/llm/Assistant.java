package io.portfolioos.shell.llm;

import io.portfolioos.contract.Empty;
import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.llm.LlmCancelled;
import io.portfolioos.contract.llm.LlmChatParams;
import io.portfolioos.contract.llm.LlmChatStarted;
import io.portfolioos.contract.llm.LlmConsentParams;
import io.portfolioos.contract.llm.LlmMessage;
import io.portfolioos.contract.llm.LlmMethods;
import io.portfolioos.contract.llm.LlmModel;
import io.portfolioos.contract.llm.LlmProvider;
import io.portfolioos.contract.llm.LlmProviderAddParams;
import io.portfolioos.contract.llm.LlmProviderKind;
import io.portfolioos.contract.llm.LlmProviderTest;
import io.portfolioos.contract.llm.LlmProviderUpdateParams;
import io.portfolioos.contract.llm.LlmTool;
import io.portfolioos.shell.ipc.EventHub;
import io.portfolioos.shell.ipc.IpcRouter;
import io.portfolioos.shell.state.AppState;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The assistant pane's shell side: providers and their consent, streaming answers with read-only
 * portfolio tools, and saved conversations. Answers stream as {@code chat} events on the {@link
 * EventHub} (SSE in browser mode, the persistent query in the window).
 */
public final class Assistant implements AutoCloseable {
  /** Where API keys come from: the secret store, read inside the shell only. */
  @FunctionalInterface
  public interface Keys {
    /** The secret stored as {@code name}, or null when there is none. */
    @Nullable String reveal(String name);
  }

  static final String SYSTEM_PROMPT =
      """
      You are the assistant inside PortfolioOS, a personal finance app that runs on the user's \
      computer. Answer questions about the user's own portfolio and retirement plans. Use the \
      tools to get figures; never invent numbers. Say which tool a figure came from when it \
      matters. Amounts are in the account's currency. Answer in concise Markdown. Today is %s.""";

  private final LlmStore store;
  private final Keys keys;
  private final EventHub events;
  private final Map<LlmProviderKind, Wire> wires;
  private final Map<String, ChatRun> running = new ConcurrentHashMap<>();
  private final Map<String, String> busyConversations = new ConcurrentHashMap<>();
  private @Nullable ToolRunner tools;

  /** The assistant over the app state's tables (migration V002). */
  public Assistant(AppState state, Keys keys, EventHub events) {
    this(
        new LlmStore(state),
        keys,
        events,
        () ->
            HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build());
  }

  private Assistant(LlmStore store, Keys keys, EventHub events, Supplier<HttpClient> http) {
    this.store = store;
    this.keys = keys;
    this.events = events;
    ProviderHttp providerHttp = new ProviderHttp(http, Duration.ofSeconds(60));
    Wire openAi = new OpenAiWire(providerHttp);
    this.wires =
        Map.of(
            LlmProviderKind.lmStudio, openAi,
            LlmProviderKind.ollama, openAi,
            LlmProviderKind.openaiCompatible, openAi,
            LlmProviderKind.openai, openAi,
            LlmProviderKind.openrouter, openAi,
            LlmProviderKind.anthropic, new AnthropicWire(providerHttp));
  }

  /** Answers every {@code llm.*} method; tools call through {@code router} like the UI does. */
  public void register(IpcRouter router) {
    this.tools = new ToolRunner(router, ToolCatalog.available());
    router.local(
        LlmMethods.PROVIDERS_LIST, p -> store.providers().stream().map(this::view).toList());
    router.local(LlmMethods.PROVIDERS_ADD, this::add);
    router.local(LlmMethods.PROVIDERS_UPDATE, this::update);
    router.local(
        LlmMethods.PROVIDERS_REMOVE,
        p -> {
          store.remove(p.providerId());
          return Empty.INSTANCE;
        });
    router.local(
        LlmMethods.PROVIDERS_SET_DEFAULT,
        p -> {
          store.setDefault(p.providerId());
          return view(provider(p.providerId()));
        });
    router.local(LlmMethods.PROVIDERS_TEST, p -> test(provider(p.providerId())));
    router.local(
        LlmMethods.MODELS,
        p -> {
          Provider provider = provider(p.providerId());
          return wire(provider).models(provider, key(provider)).stream()
              .map(LlmModel::new)
              .toList();
        });
    router.local(
        LlmMethods.TOOLS,
        p ->
            ToolCatalog.available().stream()
                .map(t -> new LlmTool(t.name(), t.description(), t.sends()))
                .toList());
    router.local(LlmMethods.CONSENT_SET, this::consent);
    router.local(LlmMethods.CHAT, this::chat);
    router.local(
        LlmMethods.CANCEL,
        p -> {
          ChatRun run = running.get(p.streamId());
          return new LlmCancelled(run != null && run.cancel());
        });
    router.local(LlmMethods.CONVERSATIONS_LIST, p -> store.conversations());
    router.local(LlmMethods.CONVERSATIONS_GET, p -> store.conversation(p.conversationId()));
    router.local(
        LlmMethods.CONVERSATIONS_DELETE,
        p -> {
          if (busyConversations.containsKey(p.conversationId())) {
            throw new RpcException(ErrorCode.CONFLICT, "An answer is still streaming into it");
          }
          store.deleteConversation(p.conversationId());
          return Empty.INSTANCE;
        });
  }

  private LlmProvider add(LlmProviderAddParams p) {
    String base = p.baseUrl() == null ? p.kind().defaultBaseUrl() : p.baseUrl();
    String keyName = p.keyName() != null ? p.keyName() : p.kind().cloud() ? p.kind().name() : null;
    String id =
        p.kind().name().toLowerCase(java.util.Locale.ROOT)
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    store.insert(
        new Provider(id, p.name().strip(), p.kind(), base, p.model(), keyName, false, null));
    return view(provider(id));
  }

  private LlmProvider update(LlmProviderUpdateParams p) {
    Provider old = provider(p.id());
    String base = p.baseUrl() == null ? old.baseUrl() : p.baseUrl();
    // Consent was given for one destination: a new address asks again.
    Instant consent = base.equals(old.baseUrl()) ? old.consentedAt() : null;
    store.update(
        new Provider(
            old.id(),
            p.name() == null ? old.name() : p.name().strip(),
            old.kind(),
            base,
            p.model() == null ? old.model() : p.model().isBlank() ? null : p.model(),
            p.keyName() == null ? old.keyName() : p.keyName().isBlank() ? null : p.keyName(),
            old.isDefault(),
            consent));
    return view(provider(p.id()));
  }

  private LlmProvider consent(LlmConsentParams p) {
    Provider old = provider(p.providerId());
    store.update(old.withConsent(p.granted() ? Instant.now() : null));
    return view(provider(p.providerId()));
  }

  private LlmProviderTest test(Provider p) throws InterruptedException {
    long start = System.nanoTime();
    try {
      List<String> models = wire(p).models(p, key(p));
      long ms = (System.nanoTime() - start) / 1_000_000;
      String message =
          models.isEmpty()
              ? p.name() + " answered but offers no model: load or pull one first."
              : p.name() + " answered with " + models.size() + " model(s).";
      return new LlmProviderTest(!models.isEmpty(), "OK", message, ms);
    } catch (RpcException e) {
      return new LlmProviderTest(
          false,
          e.code().name(),
          String.valueOf(e.getMessage()),
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  private LlmChatStarted chat(LlmChatParams params) throws InterruptedException {
    Provider p =
        params.providerId() != null
            ? provider(params.providerId())
            : store.providers().stream()
                .filter(Provider::isDefault)
                .findFirst()
                .orElseThrow(
                    () ->
                        new RpcException(
                            ErrorCode.NOT_FOUND, "No provider is set up: add one first"));
    if (!p.mayChat()) {
      throw new RpcException(
          ErrorCode.CONSENT_REQUIRED,
          "Sending your question and the data of the tools it uses to "
              + p.name()
              + " ("
              + p.host()
              + ") needs your consent first.");
    }
    String key = key(p);
    if (p.kind().cloud() && key == null) {
      throw new RpcException(
          ErrorCode.UNAUTHORIZED,
          p.name()
              + " needs an API key: store one as \""
              + p.keyName()
              + "\" in Settings → API keys.");
    }
    String model =
        params.model() != null
            ? params.model()
            : p.model() != null ? p.model() : firstModel(p, key);
    String conversationId =
        params.conversationId() != null
            ? params.conversationId()
            : store.createConversation(params.message(), p.id());
    List<Wire.Said> history = new ArrayList<>();
    if (params.conversationId() != null) {
      for (LlmMessage m : store.conversation(conversationId).messages()) {
        // Earlier tool calls are not replayed: their results live on in the answers that used them.
        if (m.role().equals("user") || (m.role().equals("assistant") && !m.content().isEmpty())) {
          history.add(new Wire.Said(m.role().equals("user"), m.content()));
        }
      }
    }
    history.add(new Wire.Said(true, params.message()));
    String streamId = params.streamId() != null ? params.streamId() : UUID.randomUUID().toString();
    if (running.containsKey(streamId)) {
      throw new RpcException(
          ErrorCode.CONFLICT, "streamId " + streamId + " is already streaming", "streamId");
    }
    if (busyConversations.putIfAbsent(conversationId, streamId) != null) {
      throw new RpcException(
          ErrorCode.CONFLICT,
          "This conversation is still answering: wait or cancel it",
          "conversationId");
    }
    store.append(
        conversationId,
        List.of(
            new LlmMessage("user", params.message(), null, null, p.id(), model, Instant.now())));
    ToolRunner runner = Objects.requireNonNull(tools, "register() first");
    Exchange exchange =
        wire(p)
            .start(
                p,
                key,
                model,
                SYSTEM_PROMPT.formatted(LocalDate.now()),
                history,
                ToolCatalog.available());
    ChatRun run =
        new ChatRun(
            new ChatRun.Setup(streamId, conversationId, p, key, model, exchange),
            runner,
            events,
            store,
            () -> {
              running.remove(streamId);
              busyConversations.remove(conversationId, streamId);
            });
    running.put(streamId, run);
    Thread.ofVirtual().name("assistant-" + streamId).start(run);
    return new LlmChatStarted(streamId, conversationId, p.id(), p.name(), model, p.leavesMachine());
  }

  private String firstModel(Provider p, @Nullable String key) throws InterruptedException {
    List<String> models = wire(p).models(p, key);
    if (models.isEmpty()) {
      throw new RpcException(
          ErrorCode.UPSTREAM,
          p.name()
              + " has no model loaded: load one (or pick a model in the provider's settings).");
    }
    return models.getFirst();
  }

  private Provider provider(String id) {
    return store
        .provider(id)
        .orElseThrow(
            () -> new RpcException(ErrorCode.NOT_FOUND, "No provider with id " + id, "providerId"));
  }

  private Wire wire(Provider p) {
    return Objects.requireNonNull(wires.get(p.kind()));
  }

  private @Nullable String key(Provider p) {
    if (p.keyName() == null) {
      return null;
    }
    String k = keys.reveal(p.keyName());
    return k == null || k.isEmpty() ? null : k;
  }

  private LlmProvider view(Provider p) {
    return new LlmProvider(
        p.id(),
        p.name(),
        p.kind(),
        p.baseUrl(),
        p.model(),
        p.keyName(),
        key(p) != null,
        p.leavesMachine(),
        p.mayChat(),
        p.isDefault());
  }

  /** Cancels every running answer (the app state is closed by its owner). */
  @Override
  public void close() {
    running.values().forEach(ChatRun::cancel);
  }
}
