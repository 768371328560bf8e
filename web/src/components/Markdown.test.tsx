import { afterEach, describe, expect, it } from "vitest";
import { mount, type Mounted } from "../test-support";
import { Markdown } from "./Markdown";

let mounted: Mounted | undefined;
afterEach(() => mounted?.unmount());

function render(text: string): HTMLElement {
  mounted = mount(<Markdown text={text} />);
  return mounted.container;
}

describe("sanitized Markdown", () => {
  it("renders headings, emphasis, code, lists and tables", () => {
    const root = render(
      "## Result\n\nYou made **$1,234** in *dividends* with `VTI`.\n\n- one\n- two\n\n1. first\n2. second\n\n```\nraw <b>code</b>\n```\n\n| Year | Gain |\n|---|---:|\n| 2025 | 10 |",
    );
    expect(root.querySelector("h4")?.textContent).toBe("Result");
    expect(root.querySelector("strong")?.textContent).toBe("$1,234");
    expect(root.querySelector("em")?.textContent).toBe("dividends");
    expect(root.querySelector("p code")?.textContent).toBe("VTI");
    expect(root.querySelectorAll("ul li")).toHaveLength(2);
    expect(root.querySelectorAll("ol li")).toHaveLength(2);
    expect(root.querySelector("pre code")?.textContent).toBe("raw <b>code</b>");
    expect(root.querySelector("pre b")).toBeNull();
    expect(root.querySelector("td")?.textContent).toBe("2025");
  });

  it("keeps HTML and scripts as plain text", () => {
    const root = render('Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> <a href="#/settings">x</a>');
    expect(root.querySelector("script")).toBeNull();
    expect(root.querySelector("img")).toBeNull();
    expect(root.querySelector("a")).toBeNull();
    expect(root.textContent).toContain("<script>alert(1)</script>");
  });

  it("never loads a remote image: it shows the alt text", () => {
    const root = render("![chart](https://evil.example/track.png)");
    expect(root.querySelector("img")).toBeNull();
    expect(root.textContent).toContain("[image: chart]");
  });

  it("shows links with their address but never as a link that navigates", () => {
    const root = render("See [your settings](#/settings) or [this](javascript:alert(1)) and [site](https://example.com).");
    expect(root.querySelector("a")).toBeNull();
    expect(root.querySelector("[href]")).toBeNull();
    const links = root.querySelectorAll(".md-link");
    expect(links).toHaveLength(3);
    expect(links[2]?.textContent).toBe("site (https://example.com)");
  });

  it("renders a half-streamed answer (an open code fence) without failing", () => {
    const root = render("Here:\n\n```\nline 1");
    expect(root.querySelector("pre code")?.textContent).toBe("line 1");
  });
});
