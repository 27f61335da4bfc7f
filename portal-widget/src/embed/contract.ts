// What the loader (/widget.js, on the host page at once) and the lazily loaded portal UI (embed.js) hand each other.
import type { VerifiedIdentity } from '../../../domain/auth/verified-identity.js';

export type Identity = Pick<VerifiedIdentity, 'email' | 'expires' | 'signature'>;

/** What the loader gives the UI it mounts in its panel. */
export type PanelHost = {
  portalOrigin: string;
  root: ShadowRoot;
  /** Carries the language and the brand colour. */
  frame: HTMLElement;
  /** Where the UI renders. */
  container: HTMLElement;
  identity: Identity | undefined;
  isOpen(): boolean;
  close(): void;
  /** The messages that arrived while the panel was closed. */
  unread(count: number): void;
  /** The UI's language changed: the launcher follows. */
  language(lang: string): void;
};

export type MountedPanel = {
  identify(identity: Identity): void;
  /** The panel was opened: unread messages are read, the keyboard goes in. */
  opened(): void;
};

/** The module at /assets/embed.js. */
export type PanelModule = { mount(host: PanelHost): MountedPanel };

/** Strings the launcher shows before the UI and its catalog are loaded, by language; taken from the locale files at build time. */
export type LauncherStrings = Record<string, { launcher: string; panel: string; unread: string; loading: string }>;
