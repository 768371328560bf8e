package io.portfolioos.contract.llm;

import io.portfolioos.contract.Empty;
import io.portfolioos.contract.Method;
import io.portfolioos.contract.Owner;
import java.time.Duration;
import java.util.List;

/**
 * The assistant pane, answered by the shell: model providers, consent, streaming chat with
 * read-only portfolio tools, and saved conversations.
 */
public final class LlmMethods {
  private LlmMethods() {}

  private static final Duration QUICK = Duration.ofSeconds(10);
  private static final Duration NETWORK = Duration.ofSeconds(30);

  public static final Method<Empty, List<LlmProvider>> PROVIDERS_LIST =
      Method.readList("llm.providers.list", Empty.class, LlmProvider.class, QUICK, Owner.SHELL);

  public static final Method<LlmProviderAddParams, LlmProvider> PROVIDERS_ADD =
      Method.write(
          "llm.providers.add", LlmProviderAddParams.class, LlmProvider.class, QUICK, Owner.SHELL);

  public static final Method<LlmProviderUpdateParams, LlmProvider> PROVIDERS_UPDATE =
      Method.write(
          "llm.providers.update",
          LlmProviderUpdateParams.class,
          LlmProvider.class,
          QUICK,
          Owner.SHELL);

  public static final Method<LlmProviderIdParams, Empty> PROVIDERS_REMOVE =
      Method.write(
          "llm.providers.remove", LlmProviderIdParams.class, Empty.class, QUICK, Owner.SHELL);

  public static final Method<LlmProviderIdParams, LlmProvider> PROVIDERS_SET_DEFAULT =
      Method.write(
          "llm.providers.setDefault",
          LlmProviderIdParams.class,
          LlmProvider.class,
          QUICK,
          Owner.SHELL);

  /** Reachability and auth in one cheap call; sends the key but none of the user's data. */
  public static final Method<LlmProviderIdParams, LlmProviderTest> PROVIDERS_TEST =
      Method.read(
          "llm.providers.test",
          LlmProviderIdParams.class,
          LlmProviderTest.class,
          NETWORK,
          Owner.SHELL);

  public static final Method<LlmProviderIdParams, List<LlmModel>> MODELS =
      Method.readList(
          "llm.models", LlmProviderIdParams.class, LlmModel.class, NETWORK, Owner.SHELL);

  public static final Method<Empty, List<LlmTool>> TOOLS =
      Method.readList("llm.tools", Empty.class, LlmTool.class, QUICK, Owner.SHELL);

  public static final Method<LlmConsentParams, LlmProvider> CONSENT_SET =
      Method.write(
          "llm.consent.set", LlmConsentParams.class, LlmProvider.class, QUICK, Owner.SHELL);

  /** Starts an answer; it streams as {@code chat} events and is saved with its conversation. */
  public static final Method<LlmChatParams, LlmChatStarted> CHAT =
      Method.write("llm.chat", LlmChatParams.class, LlmChatStarted.class, QUICK, Owner.SHELL);

  public static final Method<LlmStreamParams, LlmCancelled> CANCEL =
      Method.write("llm.cancel", LlmStreamParams.class, LlmCancelled.class, QUICK, Owner.SHELL);

  public static final Method<Empty, List<LlmConversationSummary>> CONVERSATIONS_LIST =
      Method.readList(
          "llm.conversations.list", Empty.class, LlmConversationSummary.class, QUICK, Owner.SHELL);

  public static final Method<LlmConversationIdParams, LlmConversation> CONVERSATIONS_GET =
      Method.read(
          "llm.conversations.get",
          LlmConversationIdParams.class,
          LlmConversation.class,
          QUICK,
          Owner.SHELL);

  public static final Method<LlmConversationIdParams, Empty> CONVERSATIONS_DELETE =
      Method.write(
          "llm.conversations.delete",
          LlmConversationIdParams.class,
          Empty.class,
          QUICK,
          Owner.SHELL);

  public static final List<Method<?, ?>> ALL =
      List.of(
          PROVIDERS_LIST,
          PROVIDERS_ADD,
          PROVIDERS_UPDATE,
          PROVIDERS_REMOVE,
          PROVIDERS_SET_DEFAULT,
          PROVIDERS_TEST,
          MODELS,
          TOOLS,
          CONSENT_SET,
          CHAT,
          CANCEL,
          CONVERSATIONS_LIST,
          CONVERSATIONS_GET,
          CONVERSATIONS_DELETE);
}
