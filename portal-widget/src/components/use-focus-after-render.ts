import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Moves focus to an element of the next render, as soon as it is in the page: the view that replaces the one the user
 * left (back to a list, a form cancelled) gets focus in the same task as the key press, never a frame later.
 */
export function useFocusAfterRender(): (find: () => HTMLElement | null | undefined) => void {
  const pending = useRef<(() => HTMLElement | null | undefined) | undefined>(undefined);
  useLayoutEffect(() => {
    const target = pending.current?.();
    if (!target) return;
    pending.current = undefined;
    target.focus();
  });
  return (find) => {
    pending.current = find;
  };
}
