import type { ComponentChildren, VNode } from "preact";

// Model output rendered as Markdown without ever parsing HTML: every piece of text becomes a text
// node (so <script> or <img onerror> in the output stay plain text), images become their alt text
// (no remote fetches), and links are shown with their address but never navigate anywhere.
// Supported: headings, paragraphs, **bold**, *italic*, `code`, fenced code, - and 1. lists,
// > quotes, pipe tables, --- rules.

type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "code"; text: string }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "quote"; text: string }
  | { kind: "table"; head: string[]; rows: string[][] }
  | { kind: "rule" };

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;
const ORDERED = /^\s*\d+[.)]\s+/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function cells(line: string): string[] {
  return line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());
}

export function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (line.trim() === "") {
      i++;
      continue;
    }
    if (/^\s*```/.test(line)) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !/^\s*```/.test(lines[i] ?? "")) body.push(lines[i++] ?? "");
      i++; // the closing fence (or the end of a stream that has not sent it yet)
      blocks.push({ kind: "code", text: body.join("\n") });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ kind: "heading", level: heading[1]!.length, text: heading[2]!.replace(/\s+#+\s*$/, "") });
      i++;
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      blocks.push({ kind: "rule" });
      i++;
      continue;
    }
    if (line.includes("|") && TABLE_SEPARATOR.test(lines[i + 1] ?? "")) {
      const head = cells(line);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && (lines[i] ?? "").includes("|") && (lines[i] ?? "").trim() !== "") rows.push(cells(lines[i++] ?? ""));
      blocks.push({ kind: "table", head, rows });
      continue;
    }
    if (LIST_ITEM.test(line)) {
      const ordered = ORDERED.test(line);
      const items: string[] = [];
      while (i < lines.length && LIST_ITEM.test(lines[i] ?? "")) {
        let item = (lines[i] ?? "").replace(LIST_ITEM, "");
        i++;
        // Indented continuation lines belong to the item.
        while (i < lines.length && /^\s{2,}\S/.test(lines[i] ?? "") && !LIST_ITEM.test(lines[i] ?? "")) item += " " + (lines[i++] ?? "").trim();
        items.push(item);
      }
      blocks.push({ kind: "list", ordered, items });
      continue;
    }
    if (/^\s*>/.test(line)) {
      const body: string[] = [];
      while (i < lines.length && /^\s*>/.test(lines[i] ?? "")) body.push((lines[i++] ?? "").replace(/^\s*>\s?/, ""));
      blocks.push({ kind: "quote", text: body.join(" ") });
      continue;
    }
    const para: string[] = [];
    while (
      i < lines.length &&
      (lines[i] ?? "").trim() !== "" &&
      !/^\s*```/.test(lines[i] ?? "") &&
      !/^#{1,6}\s/.test(lines[i] ?? "") &&
      !LIST_ITEM.test(lines[i] ?? "")
    ) {
      para.push((lines[i++] ?? "").trim());
    }
    blocks.push({ kind: "paragraph", text: para.join(" ") });
  }
  return blocks;
}

// Inline: code first (its content is literal), then images, links, bold, italic.
const INLINE = /(`[^`]+`)|!\[([^\]]*)\]\(([^)\s]*)[^)]*\)|\[([^\]]+)\]\(([^)\s]*)[^)]*\)|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_/g;

export function renderInline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  let key = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    if (m[1]) out.push(<code key={key++}>{m[1].slice(1, -1)}</code>);
    else if (m[3] !== undefined && m[0].startsWith("!"))
      out.push(
        <span key={key++} class="md-image" title="Images are not loaded">
          [image{m[2] ? `: ${m[2]}` : ""}]
        </span>,
      );
    else if (m[4] !== undefined)
      out.push(
        <span key={key++} class="md-link" title={m[5] ? `Link not opened: ${m[5]}` : undefined}>
          {renderInline(m[4])}
          {m[5] ? <span class="md-link-url"> ({m[5]})</span> : null}
        </span>,
      );
    else if (m[6] !== undefined || m[7] !== undefined) out.push(<strong key={key++}>{renderInline(m[6] ?? m[7] ?? "")}</strong>);
    else out.push(<em key={key++}>{renderInline(m[8] ?? m[9] ?? "")}</em>);
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function renderBlock(block: Block, key: number): VNode {
  switch (block.kind) {
    case "heading": {
      const level = Math.min(6, block.level + 2); // the page owns h1/h2
      const Tag = `h${level}` as "h3";
      return <Tag key={key}>{renderInline(block.text)}</Tag>;
    }
    case "paragraph":
      return <p key={key}>{renderInline(block.text)}</p>;
    case "code":
      return (
        <pre key={key}>
          <code>{block.text}</code>
        </pre>
      );
    case "list": {
      const items = block.items.map((item, j) => <li key={j}>{renderInline(item)}</li>);
      return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
    }
    case "quote":
      return <blockquote key={key}>{renderInline(block.text)}</blockquote>;
    case "table":
      return (
        <table key={key} class="simple-table">
          <thead>
            <tr>
              {block.head.map((h, j) => (
                <th key={j} scope="col">
                  {renderInline(h)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((c, j) => (
                  <td key={j}>{renderInline(c)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "rule":
      return <hr key={key} />;
  }
}

export function Markdown({ text, testId }: { text: string; testId?: string }) {
  return (
    <div class="markdown" data-testid={testId}>
      {parseBlocks(text).map(renderBlock)}
    </div>
  );
}
