package io.portfolioos.shell.window;

import java.util.logging.Logger;
import org.cef.browser.CefBrowser;
import org.cef.browser.CefFrame;
import org.cef.handler.CefLifeSpanHandlerAdapter;
import org.cef.handler.CefRequestHandlerAdapter;
import org.cef.handler.CefResourceRequestHandler;
import org.cef.handler.CefResourceRequestHandlerAdapter;
import org.cef.misc.BoolRef;
import org.cef.network.CefRequest;

/**
 * Pins the window to the app's origin. A navigation elsewhere (a link, a script setting {@code
 * location}, a redirect) is cancelled and, when it is a web or mail link, handed to the user's
 * browser; any other request leaving the origin (image, script, fetch, frame) is cancelled before
 * it is sent. The page's CSP says the same; this holds even if the page were compromised.
 */
final class NavigationGuard extends CefRequestHandlerAdapter {
  private static final Logger LOG = Logger.getLogger(NavigationGuard.class.getName());

  private final OriginPolicy policy;
  private final CefResourceRequestHandler refuseOffOrigin =
      new CefResourceRequestHandlerAdapter() {
        @Override
        public boolean onBeforeResourceLoad(
            CefBrowser browser, CefFrame frame, CefRequest request) {
          String url = request.getURL();
          if (policy.allows(url)) {
            return false;
          }
          LOG.warning("blocked a request leaving the app: " + redact(url));
          return true;
        }
      };

  NavigationGuard(OriginPolicy policy) {
    this.policy = policy;
  }

  @Override
  public boolean onBeforeBrowse(
      CefBrowser browser,
      CefFrame frame,
      CefRequest request,
      boolean userGesture,
      boolean isRedirect) {
    return refuseAndOpenOutside(request.getURL());
  }

  @Override
  public boolean onOpenURLFromTab(
      CefBrowser browser, CefFrame frame, String targetUrl, boolean userGesture) {
    refuseAndOpenOutside(targetUrl);
    return true;
  }

  @Override
  public CefResourceRequestHandler getResourceRequestHandler(
      CefBrowser browser,
      CefFrame frame,
      CefRequest request,
      boolean isNavigation,
      boolean isDownload,
      String requestInitiator,
      BoolRef disableDefaultHandling) {
    return refuseOffOrigin;
  }

  /** True (cancel) for an off-origin URL, after passing it to the user's browser. */
  boolean refuseAndOpenOutside(String url) {
    if (policy.allows(url)) {
      return false;
    }
    LOG.info("opening outside the app: " + redact(url));
    SystemBrowser.open(url);
    return true;
  }

  /** Popups (window.open, target=_blank) never open a second app window. */
  CefLifeSpanHandlerAdapter popups() {
    return new CefLifeSpanHandlerAdapter() {
      @Override
      public boolean onBeforePopup(
          CefBrowser browser, CefFrame frame, String targetUrl, String targetFrameName) {
        if (!policy.allows(targetUrl)) {
          refuseAndOpenOutside(targetUrl);
        }
        return true;
      }
    };
  }

  /** Logs scheme, host and path only: a query string may carry something private. */
  private static String redact(String url) {
    int cut = url.length();
    for (char c : new char[] {'?', '#'}) {
      int i = url.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    return url.substring(0, cut);
  }
}
