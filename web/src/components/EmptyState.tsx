import type { ComponentChildren } from "preact";

export function EmptyState({ title, children, testId = "empty-state" }: { title: string; children?: ComponentChildren; testId?: string }) {
  return (
    <section class="empty-state" data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
