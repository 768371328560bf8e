package io.portfolioos.shell.window;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The window shows the app's own origin and nothing else. A URL is allowed when it has exactly that
 * scheme, host and port (or is a {@code blob:} of it, how the page hands out generated files);
 * DevTools' own pages only when DevTools were asked for. Everything else either opens in the user's
 * browser (links the user follows) or is refused outright.
 */
final class OriginPolicy {
  private static final Set<String> EXTERNAL_SCHEMES = Set.of("http", "https", "mailto");

  private final URI origin;
  private final boolean devTools;

  OriginPolicy(URI origin, boolean devTools) {
    this.origin = origin;
    this.devTools = devTools;
  }

  String origin() {
    return origin.getScheme() + "://" + origin.getHost() + ":" + origin.getPort();
  }

  /** May this URL load inside the window (page, script, image, fetch, frame)? */
  boolean allows(String url) {
    if (url.startsWith("blob:")) {
      return allows(url.substring("blob:".length()));
    }
    if (devTools && url.startsWith("devtools://")) {
      return true;
    }
    URI uri = parse(url);
    return uri != null
        && origin.getScheme().equalsIgnoreCase(uri.getScheme())
        && origin.getHost().equalsIgnoreCase(uri.getHost())
        && origin.getPort() == uri.getPort();
  }

  /** Is this off-origin URL one the user's own browser or mail app should open? */
  static boolean isExternal(String url) {
    URI uri = parse(url);
    return uri != null
        && uri.getScheme() != null
        && EXTERNAL_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT));
  }

  private static URI parse(String url) {
    try {
      return new URI(url);
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }
}
