import { type SvgElement, svg } from './svg-element.js';
import { theme as defaultTheme, type Theme } from './theme.js';

/** Options of {@link text}. */
export interface TextOptions {
  /** Font size. @default theme.labelSize */
  size?: number;
  /** @default 'start' */
  anchor?: 'start' | 'middle' | 'end';
  /** e.g. `'bold'`. @default undefined */
  weight?: string;
  /** @default theme.foreground */
  color?: string;
  /** Rotation in degrees about (x, y). @default undefined */
  rotate?: number;
  /** CSS class, for styling and tests. @default undefined */
  className?: string;
  /** @default theme */
  theme?: Theme;
}

/**
 * A text element in the theme's font at (x, y) (the baseline).
 * @example text(area.left, 24, 'Overall survival', { weight: 'bold', size: theme.titleSize })
 */
export function text(x: number, y: number, content: string, options: TextOptions = {}): SvgElement {
  const t = options.theme ?? defaultTheme;
  return svg(
    'text',
    {
      x,
      y,
      'font-family': t.fontFamily,
      'font-size': options.size ?? t.labelSize,
      'text-anchor': options.anchor ?? 'start',
      'font-weight': options.weight,
      fill: options.color ?? t.foreground,
      transform: options.rotate ? `rotate(${options.rotate} ${x} ${y})` : undefined,
      class: options.className,
    },
    content,
  );
}
