import { slugify } from '@sgd/plugin-core';

export interface OutlineEntry {
  level: 1 | 2;
  title: string;
  anchor: string;
}

/**
 * Table of contents of a legal text written in Markdown: `#` chapters and
 * `##` articles. Anchors are stable ("chuong-ii", "dieu-7") so that "QC Điều 7"
 * can be linked from anywhere.
 */
export function outlineOf(markdown: string): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  for (const line of markdown.split('\n')) {
    const match = /^(#{1,2})\s+(.+?)\s*$/.exec(line);
    if (!match) continue;
    const level = match[1].length as 1 | 2;
    const title = match[2];
    const article = /^Điều\s+(\d+)/i.exec(title);
    const chapter = /^Chương\s+([IVXLC]+)/i.exec(title);
    const anchor = article
      ? `dieu-${article[1]}`
      : chapter
        ? `chuong-${chapter[1].toLowerCase()}`
        : slugify(title);
    entries.push({ level, title, anchor });
  }
  return entries;
}
