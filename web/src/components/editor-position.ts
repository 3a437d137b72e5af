/** Puts the cursor on a line and column of a text editor and selects the rest of that line (1-based, as problems give them). */
export function selectInEditor(area: HTMLTextAreaElement, line: number, column: number): void {
  const lines = area.value.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += (lines[i]?.length ?? 0) + 1;
  const lineLength = lines[line - 1]?.length ?? 0;
  area.focus();
  area.setSelectionRange(offset + Math.max(0, column - 1), offset + lineLength);
  // About 20 px a line (the editor's line height): bring the line into view.
  area.scrollTop = Math.max(0, (line - 5) * 20);
}
