/** Splits subtitle file text into lines, dropping a leading BOM and accepting CRLF, CR or LF. */
export function splitLines(text: string): string[] {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return withoutBom.split(/\r\n|\r|\n/);
}

/** True for a line with nothing but whitespace: the separator between subtitle blocks. */
export function isBlank(line: string): boolean {
  return line.trim() === '';
}
