package io.portfolioos.shell.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfolioos.shell.ipc.EventHub;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class EventPollTest {
  private final EventHub hub = new EventHub();
  private final EventPoll poll = new EventPoll(hub);
  private final List<String> answers = new CopyOnWriteArrayList<>();

  @Test
  void aWaitingPollIsAnsweredByTheNextEvent() {
    poll.poll("s", 1, answers::add);
    assertThat(answers).isEmpty();
    hub.publish("sidecar", Map.of("state", "RUNNING"));
    assertThat(answers)
        .containsExactly("{\"events\":[{\"event\":\"sidecar\",\"data\":{\"state\":\"RUNNING\"}}]}");
  }

  @Test
  void eventsBetweenTwoPollsWaitAndArriveTogether() {
    poll.poll("s", 1, answers::add);
    hub.publish("progress", Map.of("done", 1));
    hub.publish("progress", Map.of("done", 2));
    hub.publish("progress", Map.of("done", 3));
    poll.poll("s", 2, answers::add);
    assertThat(answers)
        .containsExactly(
            "{\"events\":[{\"event\":\"progress\",\"data\":{\"done\":1}}]}",
            "{\"events\":[{\"event\":\"progress\",\"data\":{\"done\":2}},"
                + "{\"event\":\"progress\",\"data\":{\"done\":3}}]}");
  }

  @Test
  void aCancelledPollIsNeverAnsweredButTheSessionKeepsBuffering() {
    poll.poll("s", 1, answers::add);
    poll.cancel(1);
    hub.publish("chat", Map.of("token", "hi"));
    assertThat(answers).isEmpty();
    poll.poll("s", 2, answers::add);
    assertThat(answers)
        .containsExactly("{\"events\":[{\"event\":\"chat\",\"data\":{\"token\":\"hi\"}}]}");
  }

  @Test
  void sessionsAreSeparateAndCloseUnsubscribes() {
    poll.poll("a", 1, answers::add);
    poll.poll("b", 2, answers::add);
    hub.publish("sidecar", Map.of("state", "FAILED"));
    assertThat(answers).hasSize(2);
    poll.close();
    assertThat(poll.sessionCount()).isZero();
    poll.poll("a", 3, answers::add);
    poll.close();
    hub.publish("sidecar", Map.of("state", "RUNNING"));
    assertThat(answers).hasSize(2);
  }

  @Test
  void aPageThatStoppedReadingCostsABoundedBuffer() {
    poll.poll("s", 1, answers::add);
    for (int i = 0; i < EventPoll.MAX_BUFFERED + 500; i++) {
      hub.publish("progress", Map.of("done", i));
    }
    answers.clear();
    poll.poll("s", 2, answers::add);
    assertThat(answers.get(0).split("\"event\"")).hasSize(EventPoll.MAX_BUFFERED + 1);
  }
}
