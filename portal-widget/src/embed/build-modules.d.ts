// Modules the widget's build makes (server/http/widget-bundle.ts).

/** A stylesheet imported from the embedded widget: its text, rewritten for a shadow root, to put in a <style>. */
declare module '*.css' {
  const text: string;
  export default text;
}

/** The launcher's few strings in every language, from the locale files. */
declare module 'portico:launcher-strings' {
  const strings: import('./contract.js').LauncherStrings;
  export default strings;
}
