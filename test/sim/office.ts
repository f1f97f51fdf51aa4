/** The Office and OfficeExtension globals, as much of them as a task pane and ribbon commands use. */
import { excelEnums } from "./enums";
import { SimError } from "./errors";
import type { SimHost } from "./host";
import { isSetSupported } from "./model";
import { ClientResult } from "./proxy";

export function createOffice(host: SimHost, platform: string) {
  const info = { host: "Excel", platform };
  return {
    context: {
      host: "Excel",
      platform,
      displayLanguage: "en-US",
      contentLanguage: "en-US",
      diagnostics: { host: "Excel", platform, version: "16.0.0.0" },
      requirements: {
        isSetSupported: (name: string, minVersion?: string | number) =>
          isSetSupported(host.wb, name, minVersion === undefined ? undefined : String(minVersion)),
      },
    },
    onReady(callback?: (i: typeof info) => unknown): Promise<typeof info> {
      if (callback) queueMicrotask(() => callback(info));
      return Promise.resolve(info);
    },
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    actions: {
      associate(actionId: string, fn: (event: unknown) => unknown): void {
        host.actions.set(actionId, fn);
      },
    },
  };
}

export function createOfficeExtension() {
  return { Error: SimError, ErrorCodes: excelEnums.ErrorCodes, ClientResult };
}
