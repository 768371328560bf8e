package io.portfolioos.shell.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {
  private final OriginPolicy policy = new OriginPolicy(URI.create("http://127.0.0.1:4242"), false);

  @Test
  void allowsOnlyTheExactOrigin() {
    assertThat(policy.allows("http://127.0.0.1:4242/")).isTrue();
    assertThat(policy.allows("http://127.0.0.1:4242/assets/app.js?v=1#x")).isTrue();
    assertThat(policy.allows("blob:http://127.0.0.1:4242/0b6c")).isTrue();
    assertThat(policy.allows("http://127.0.0.1:4243/")).isFalse();
    assertThat(policy.allows("https://127.0.0.1:4242/")).isFalse();
    assertThat(policy.allows("http://localhost:4242/")).isFalse();
    assertThat(policy.allows("http://127.0.0.1.evil.test:4242/")).isFalse();
    assertThat(policy.allows("http://evil.test/?http://127.0.0.1:4242/")).isFalse();
    assertThat(policy.allows("file:///etc/passwd")).isFalse();
    assertThat(policy.allows("data:text/html,<script>")).isFalse();
    assertThat(policy.allows("blob:https://evil.test/1")).isFalse();
    assertThat(policy.allows("not a url")).isFalse();
  }

  @Test
  void devToolsPagesOnlyWhenAskedFor() {
    assertThat(policy.allows("devtools://devtools/bundled/inspector.html")).isFalse();
    assertThat(
            new OriginPolicy(URI.create("http://127.0.0.1:4242"), true)
                .allows("devtools://devtools/bundled/inspector.html"))
        .isTrue();
  }

  @Test
  void onlyWebAndMailLinksLeaveForTheUsersBrowser() {
    assertThat(OriginPolicy.isExternal("https://example.com/docs")).isTrue();
    assertThat(OriginPolicy.isExternal("mailto:someone@example.com")).isTrue();
    assertThat(OriginPolicy.isExternal("file:///home/me/.ssh/id_rsa")).isFalse();
    assertThat(OriginPolicy.isExternal("javascript:alert(1)")).isFalse();
    assertThat(OriginPolicy.isExternal("smb://host/share")).isFalse();
  }

  @Test
  void browserCommandTakesTheUrlWhereTheTemplateSays() {
    assertThat(SystemBrowser.command("firefox --new-tab %s", "https://a.test/"))
        .containsExactly("firefox", "--new-tab", "https://a.test/");
    assertThat(SystemBrowser.command("chromium", "https://a.test/"))
        .containsExactly("chromium", "https://a.test/");
  }
}
