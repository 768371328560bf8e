import { createStore, type Store } from "./store";

export type ThemeChoice = "system" | "light" | "dark";
export const THEME_KEY = "portfolioos.theme";
export const THEME_SETTING = "ui.theme";

function isChoice(value: unknown): value is ThemeChoice {
  return value === "system" || value === "light" || value === "dark";
}

/** Applies the choice to <html data-theme>; "system" leaves it to prefers-color-scheme. */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === "system") delete root.dataset.theme;
  else root.dataset.theme = choice;
}

export function nextTheme(choice: ThemeChoice): ThemeChoice {
  return choice === "system" ? "light" : choice === "light" ? "dark" : "system";
}

/**
 * The theme choice, kept in localStorage (instant on start) and mirrored to the app's settings
 * through `persist` when given.
 */
export function createTheme(storage: Pick<Storage, "getItem" | "setItem"> | null, persist?: (choice: ThemeChoice) => void): Store<ThemeChoice> & { choose(c: ThemeChoice): void } {
  let initial: ThemeChoice = "system";
  try {
    const saved = storage?.getItem(THEME_KEY);
    if (isChoice(saved)) initial = saved;
  } catch {
    // storage unavailable
  }
  const store = createStore<ThemeChoice>(initial);
  applyTheme(initial);
  return {
    ...store,
    choose(choice) {
      store.set(choice);
      applyTheme(choice);
      try {
        storage?.setItem(THEME_KEY, choice);
      } catch {
        // storage unavailable
      }
      persist?.(choice);
    },
  };
}

export { isChoice as isThemeChoice };
