import { h, type Child } from '../ui/dom.js';

/** An event listener that runs an async function (its failures are handled inside it). */
export const asyncHandler =
  (run: (event: Event) => Promise<void>) =>
  (event: Event): void =>
    void run(event);

/**
 * A form of these pages: the browser's own validation off (each page says what is missing, in its words, in the
 * form's alert) and `submit` run instead of a page load.
 */
export function accessForm(className: string, submit: () => Promise<void>, ...children: Child[]): HTMLFormElement {
  return h(
    'form',
    {
      class: `access-form ${className}`.trim(),
      novalidate: true,
      onsubmit: asyncHandler(async (event) => {
        event.preventDefault();
        await submit();
      }),
    },
    ...children,
  );
}
