import { useEffect, useRef } from "preact/hooks";
import { ProgressBars } from "../components/ProgressBars";
import { SidecarBanner } from "../components/SidecarBanner";
import { Toasts } from "../components/Toasts";
import { Assistant } from "../pages/Assistant";
import { Accounts } from "../pages/Accounts";
import { Dashboard } from "../pages/Dashboard";
import { Holdings } from "../pages/Holdings";
import { Market } from "../pages/Market";
import { Planner } from "../pages/Planner";
import { Settings } from "../pages/Settings";
import { Transactions } from "../pages/Transactions";
import { useStore } from "../state/store";
import { nextTheme } from "../state/theme";
import { hrefFor, ROUTES, useRoute, type RouteId } from "./router";
import { ServicesContext, useServices, type Services } from "./services";

export function App({ services }: { services: Services }) {
  return (
    <ServicesContext.Provider value={services}>
      <Frame />
    </ServicesContext.Provider>
  );
}

function Page({ route }: { route: RouteId }) {
  switch (route) {
    case "dashboard":
      return <Dashboard />;
    case "accounts":
      return <Accounts />;
    case "transactions":
      return <Transactions />;
    case "holdings":
      return <Holdings />;
    case "market":
      return <Market />;
    case "planner":
      return <Planner />;
    case "settings":
      return <Settings />;
    case "assistant":
      return <Assistant />;
  }
}

function ThemeToggle() {
  const { theme } = useServices();
  const choice = useStore(theme);
  const label = choice === "system" ? "System" : choice === "light" ? "Light" : "Dark";
  return (
    <button
      type="button"
      class="button subtle"
      data-testid="theme-toggle"
      aria-label={`Theme: ${label}. Switch to ${nextTheme(choice)}`}
      onClick={() => theme.choose(nextTheme(choice))}
    >
      Theme: {label}
    </button>
  );
}

function Frame() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => {
    const label = ROUTES.find((r) => r.id === route)?.label ?? "";
    document.title = `${label} · PortfolioOS`;
    // Move focus to the new page for keyboard and screen-reader users (not on first load).
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [route]);

  return (
    <div class="app">
      <a
        class="skip-link"
        href="#main"
        data-testid="skip-link"
        onClick={(e) => {
          e.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to content
      </a>
      <header class="topbar">
        <span class="brand">PortfolioOS</span>
        <ThemeToggle />
      </header>
      <SidecarBanner />
      <div class="layout">
        <nav class="sidenav" aria-label="Main">
          <ul>
            {ROUTES.map((r) => (
              <li key={r.id}>
                <a href={hrefFor(r.id)} data-testid={`nav-${r.id}`} aria-current={r.id === route ? "page" : undefined}>
                  {r.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" ref={main} tabIndex={-1} data-testid={`page-${route}`}>
          <ProgressBars />
          <Page route={route} />
        </main>
      </div>
      <Toasts />
    </div>
  );
}
