export const TOKEN_KEY = "portfolioos.token";

export interface TokenEnv {
  location: { href: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string | URL | null): void };
  sessionStorage?: Pick<Storage, "getItem" | "setItem">;
}

/**
 * Browser mode's launch token: read once from `?token=` (then kept in sessionStorage and removed
 * from the address bar so it is not bookmarked or shared), else taken from sessionStorage.
 */
export function takeToken(env: TokenEnv): string | null {
  const url = new URL(env.location.href);
  const fromUrl = url.searchParams.get("token");
  if (fromUrl) {
    try {
      env.sessionStorage?.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // Storage disabled: the token lives only as long as this page.
    }
    url.searchParams.delete("token");
    env.history.replaceState(env.history.state, "", url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return env.sessionStorage?.getItem(TOKEN_KEY) ?? null;
  } catch {
    return null;
  }
}
