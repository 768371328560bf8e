import { afterEach, describe, expect, it, vi } from "vitest";
import { act } from "preact/test-utils";
import type { Uploader } from "../ipc/http";
import { byTestId, flush, mount, queryTestId, type Mounted } from "../test-support";
import { FileDrop } from "./FileDrop";

let mounted: Mounted | undefined;
afterEach(() => mounted?.unmount());

function drop(target: HTMLElement, files: File[]) {
  const event = new Event("drop", { bubbles: true, cancelable: true }) as Event & { dataTransfer: unknown };
  Object.defineProperty(event, "dataTransfer", { value: { files } });
  target.dispatchEvent(event);
  return event;
}

describe("FileDrop", () => {
  it("uploads dropped files and reports their paths", async () => {
    const upload = vi.fn<Uploader>(async (file) => ({ ok: true, data: { path: `/data/uploads/${file.name}` } }));
    const onUploaded = vi.fn();
    mounted = mount(<FileDrop upload={upload} onUploaded={onUploaded} />);
    const zone = byTestId(mounted.container, "file-drop");
    let event!: Event;
    act(() => {
      event = drop(zone, [new File(["a"], "broker.csv")]);
    });
    await flush();
    expect(event.defaultPrevented).toBe(true);
    expect(upload).toHaveBeenCalledTimes(1);
    expect(onUploaded).toHaveBeenCalledWith("/data/uploads/broker.csv", "broker.csv");
    expect(queryTestId(mounted.container, "file-drop-error")).toBeNull();
  });

  it("shows a failed upload as file: CODE: message", async () => {
    const upload: Uploader = async () => ({ ok: false, error: { code: "FORBIDDEN", message: "not allowed" } });
    const onUploaded = vi.fn();
    mounted = mount(<FileDrop upload={upload} onUploaded={onUploaded} />);
    act(() => {
      drop(byTestId(mounted!.container, "file-drop"), [new File(["a"], "x.csv")]);
    });
    await flush();
    expect(onUploaded).not.toHaveBeenCalled();
    expect(byTestId(mounted.container, "file-drop-error").textContent).toBe("x.csv: FORBIDDEN: not allowed");
  });

  it("offers a button that opens the file picker", () => {
    mounted = mount(<FileDrop upload={vi.fn<Uploader>()} onUploaded={vi.fn()} />);
    const input = byTestId<HTMLInputElement>(mounted.container, "file-drop-input");
    const picked = vi.fn();
    input.addEventListener("click", picked);
    byTestId(mounted.container, "file-drop-button").click();
    expect(picked).toHaveBeenCalledTimes(1);
    expect(input.type).toBe("file");
  });

  it("asks the desktop's open dialog instead of uploading when it has one", async () => {
    const upload = vi.fn<Uploader>();
    const onUploaded = vi.fn();
    const pick = vi.fn(async () => ({ ok: true as const, data: { path: "/home/me/exports/broker.csv" } }));
    mounted = mount(<FileDrop upload={upload} onUploaded={onUploaded} pick={pick} />);
    await act(() => byTestId(mounted!.container, "file-drop-button").click());
    await flush();
    expect(pick).toHaveBeenCalledTimes(1);
    expect(upload).not.toHaveBeenCalled();
    expect(onUploaded).toHaveBeenCalledWith("/home/me/exports/broker.csv", "broker.csv");

    pick.mockResolvedValueOnce({ ok: true as const, data: { path: null } } as never);
    await act(() => byTestId(mounted!.container, "file-drop-button").click());
    await flush();
    expect(onUploaded).toHaveBeenCalledTimes(1);
  });
});
