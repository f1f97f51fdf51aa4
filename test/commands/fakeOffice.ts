/**
 * A fake `Office` global with what the ribbon commands use: Office.actions.associate, onReady,
 * requirements.isSetSupported and the Dialog API. Each dialog records its URL and options, and the test
 * drives it: send the message that notice.html sends, or close it as a user would.
 */

export interface FakeDialog {
  url: string;
  options: Office.DialogOptions;
  closed: boolean;
  /** What notice.html does when its countdown ends or Close is pressed. */
  sendMessage(message?: string): void;
  /** What Office does when the user closes the dialog with its X. */
  closeByUser(): void;
}

export interface FakeOffice {
  associated: Map<string, (event: { completed(): void }) => unknown>;
  dialogs: FakeDialog[];
  /** Make displayDialogAsync fail, as it does when another dialog is already open (12007). */
  dialogFails: boolean;
  dialogApi: boolean;
}

export function installFakeOffice(): FakeOffice {
  const fake: FakeOffice = { associated: new Map(), dialogs: [], dialogFails: false, dialogApi: true };
  const office = {
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      callback?.({ host: "Excel", platform: "PC" });
      return Promise.resolve({ host: "Excel", platform: "PC" });
    },
    actions: {
      associate: (name: string, action: (event: { completed(): void }) => unknown) => fake.associated.set(name, action),
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    context: {
      requirements: { isSetSupported: (name: string) => name !== "DialogApi" || fake.dialogApi },
      ui: {
        displayDialogAsync: (url: string, options: Office.DialogOptions, callback: (result: unknown) => void) => {
          if (fake.dialogFails) {
            setTimeout(() => callback({ status: "failed", error: { code: 12007, message: "A dialog box is already opened." } }));
            return;
          }
          const handlers = new Map<string, (arg: unknown) => void>();
          const dialog: FakeDialog = {
            url,
            options,
            closed: false,
            sendMessage: (message = "close") => handlers.get("dialogMessageReceived")?.({ message, origin: new URL(url).origin }),
            closeByUser: () => {
              dialog.closed = true;
              handlers.get("dialogEventReceived")?.({ error: 12006 });
            },
          };
          fake.dialogs.push(dialog);
          const officeDialog = {
            addEventHandler: (type: string, handler: (arg: unknown) => void) => handlers.set(type, handler),
            close: () => {
              if (dialog.closed) throw new Error("The dialog is already closed.");
              dialog.closed = true;
            },
          };
          setTimeout(() => callback({ status: "succeeded", value: officeDialog }));
        },
      },
    },
  };
  (globalThis as unknown as { Office: unknown }).Office = office;
  return fake;
}

/** A ribbon event that counts its completions. */
export function fakeEvent() {
  return { completed: jest.fn() };
}

/** Lets pending timers of 0 ms and promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** The notice that a dialog was opened with. */
export function noticeOf(dialog: FakeDialog) {
  const params = new URL(dialog.url).searchParams;
  return { title: params.get("title"), text: params.get("text"), kind: params.get("kind") };
}
