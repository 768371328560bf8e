import { render } from "preact";
import { App } from "./app/App";
import type { Services } from "./app/services";
import { connect } from "./ipc/client";
import { createSidecarMonitor } from "./state/sidecar";
import { createTheme, isThemeChoice, THEME_SETTING } from "./state/theme";
import { createToasts } from "./state/toasts";
import "./styles/app.css";

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const root = document.getElementById("app")!;
const client = connect(window);

if (!client) {
  render(
    <main class="no-token" data-testid="no-token">
      <h1>PortfolioOS</h1>
      <p>
        This page needs the link that <code>portfolioos serve</code> printed when it started (it carries a one-time access
        token). Open that link, or restart <code>portfolioos serve</code>.
      </p>
    </main>,
    root,
  );
} else {
  const theme = createTheme(safeLocalStorage(), (choice) => void client.api.settings.set({ key: THEME_SETTING, value: choice }));
  // The settings store wins over localStorage when they disagree (e.g. another browser profile).
  void client.api.settings.get({ key: THEME_SETTING }).then((r) => {
    if (r.ok && isThemeChoice(r.data.value) && r.data.value !== theme.get()) theme.choose(r.data.value);
  });
  const sidecar = createSidecarMonitor(client);
  sidecar.start();
  const services: Services = { client, sidecar, toasts: createToasts(), theme };
  render(<App services={services} />, root);
}
