/// <reference types="vitest/config" />
import { defineConfig } from "vite";

// No framework plugin: esbuild compiles JSX with Preact's automatic runtime (see tsconfig.json).
export default defineConfig({
  base: "./",
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    target: "es2022",
    sourcemap: false,
    // Everything must be served from the app's own origin (CSP default-src 'self'): no inlined data: assets.
    assetsInlineLimit: 0,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    restoreMocks: true,
    setupFiles: ["src/test-setup.ts"],
  },
});
