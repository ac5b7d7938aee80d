/**
 * Share-card and search descriptions: at most `max` characters, cut at a word and marked with an
 * ellipsis, never mid-word ("similar ar…").
 */
export function cutAtWord(text: string, max = 200): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const room = t.slice(0, max - 1);
  const end = room.lastIndexOf(' ');
  const cut = (end > max / 2 ? room.slice(0, end) : room).replace(/[\s,;:–-]+$/, '');
  return `${cut}…`;
}
