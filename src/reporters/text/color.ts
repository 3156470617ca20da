/** ANSI styles for the text reporter. Each returns its input unchanged when colour is off. */
export interface Colors {
  bold: (text: string) => string;
  dim: (text: string) => string;
  red: (text: string) => string;
  yellow: (text: string) => string;
  cyan: (text: string) => string;
  green: (text: string) => string;
}

function style(open: number, close: number, isEnabled: boolean): (text: string) => string {
  return isEnabled ? (text) => `\u001b[${open}m${text}\u001b[${close}m` : (text) => text;
}

/** Colours on or off as a whole; the CLI decides (a TTY and no `NO_COLOR`), never this module. */
export function createColors(isEnabled: boolean): Colors {
  return {
    bold: style(1, 22, isEnabled),
    dim: style(2, 22, isEnabled),
    red: style(31, 39, isEnabled),
    yellow: style(33, 39, isEnabled),
    cyan: style(36, 39, isEnabled),
    green: style(32, 39, isEnabled),
  };
}
