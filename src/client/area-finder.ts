/**
 * Browser enhancer for the area finder (src/components/AreaFinder.astro): a combobox with a
 * listbox popup (WAI-ARIA APG, list autocomplete with manual selection) plus region and sort
 * controls that filter and order the full list.
 *
 * Keys in the combobox: typing filters; ArrowDown/ArrowUp open the popup and move the active
 * option (aria-activedescendant); Enter opens the active area's page (or the only match);
 * Escape closes the popup, and a second Escape clears the text; Home/End stay in the text box.
 */
import { searchKey } from '../data/search-key.ts';

interface Item {
  li: HTMLLIElement;
  code: string;
  name: string;
  lad: string;
  region: string;
  href: string;
  /** Other names the area goes by (data-aliases, '|'-separated), for matching and for saying why it matched. */
  aliases: string[];
  vg: number;
  bad: number;
  haystack: string;
}


const MAX_OPTIONS = 12;

function enhance(root: HTMLElement): void {
  if (root.dataset.enhanced) return;
  root.dataset.enhanced = 'true';
  const controls = root.querySelector<HTMLElement>('[data-finder-controls]');
  const input = root.querySelector<HTMLInputElement>('input[role=combobox]');
  const listbox = root.querySelector<HTMLUListElement>('[role=listbox]');
  const regionSel = root.querySelector<HTMLSelectElement>('[data-finder-region]');
  const sortSel = root.querySelector<HTMLSelectElement>('[data-finder-sort]');
  const status = root.querySelector<HTMLElement>('[data-finder-status]');
  const list = root.querySelector<HTMLOListElement>('[data-finder-list]');
  if (!controls || !input || !listbox || !regionSel || !sortSel || !status || !list) return;
  controls.hidden = false;

  const items: Item[] = Array.from(list.querySelectorAll<HTMLLIElement>('li')).map((li) => {
    const d = li.dataset;
    const name = d.name ?? '';
    const lad = d.lad ?? '';
    const region = d.region ?? '';
    const aliases = (d.aliases ?? '').split('|').filter(Boolean);
    return {
      li,
      code: d.code ?? '',
      name,
      lad,
      region,
      href: li.querySelector('a')?.getAttribute('href') ?? '#',
      aliases,
      vg: Number(d.vg),
      bad: Number(d.bad),
      haystack: ` ${searchKey([name, lad, region, ...aliases].join(' '))}`,
    };
  });

  const byName = (a: Item, b: Item) => a.name.localeCompare(b.name, 'en-GB');
  const sorters: Record<string, (a: Item, b: Item) => number> = {
    name: byName,
    'vg-desc': (a, b) => b.vg - a.vg || byName(a, b),
    'vg-asc': (a, b) => a.vg - b.vg || byName(a, b),
    'bad-desc': (a, b) => b.bad - a.bad || byName(a, b),
    'bad-asc': (a, b) => a.bad - b.bad || byName(a, b),
  };
  const sortWords: Record<string, string> = {
    name: 'A to Z',
    'vg-desc': 'biggest rise in very good health first',
    'vg-asc': 'biggest fall in very good health first',
    'bad-desc': 'biggest rise in bad or very bad health first',
    'bad-asc': 'biggest fall in bad or very bad health first',
  };

  /** The other name that the typed words match, when the area's own name, LA and region do not ("Kirkby"). */
  const matchedAlias = (it: Item, words: string[]): string | undefined => {
    const own = ` ${searchKey(`${it.name} ${it.lad} ${it.region}`)}`;
    if (words.every((w) => own.includes(` ${w}`))) return undefined;
    return it.aliases.find((a) => {
      const k = ` ${searchKey(a)}`;
      return words.some((w) => k.includes(` ${w}`));
    });
  };

  /** Items matching the text (every word must start a word of name, LA, region or other name) and region. */
  const matches = (): Item[] => {
    const words = searchKey(input.value).split(' ').filter(Boolean);
    const region = regionSel.value;
    const sorter = sorters[sortSel.value] ?? byName;
    return items
      .filter((it) => (!region || it.region === region) && words.every((w) => it.haystack.includes(` ${w}`)))
      .sort((a, b) => {
        // In the popup and the list, names that start with the text come first.
        if (words.length && sortSel.value === 'name') {
          const sa = searchKey(a.name).startsWith(words.join(' ')) ? 0 : 1;
          const sb = searchKey(b.name).startsWith(words.join(' ')) ? 0 : 1;
          if (sa !== sb) return sa - sb;
        }
        return sorter(a, b);
      });
  };

  let options: Item[] = [];
  let active = -1;

  const setActive = (i: number) => {
    active = i;
    const lis = Array.from(listbox.children) as HTMLLIElement[];
    lis.forEach((li, k) => li.setAttribute('aria-selected', k === i ? 'true' : 'false'));
    const li = lis[i];
    if (li) {
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const open = () => {
    if (!options.length) return close();
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  };

  const renderOptions = () => {
    const all = matches();
    options = all.slice(0, MAX_OPTIONS);
    listbox.replaceChildren(
      ...options.map((it, k) => {
        const li = document.createElement('li');
        li.id = `${listbox.id}-opt-${k}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.dataset.href = it.href;
        li.append(it.name);
        const where = document.createElement('span');
        const alias = matchedAlias(it, searchKey(input.value).split(' ').filter(Boolean));
        where.textContent = `${alias ? `${alias} · ` : ''}${it.lad}, ${it.region}`;
        li.append(where);
        li.addEventListener('mousedown', (e) => e.preventDefault());
        li.addEventListener('click', () => go(it));
        return li;
      }),
    );
    active = -1;
    input.removeAttribute('aria-activedescendant');
    return all;
  };

  const renderList = () => {
    const shown = matches();
    const keep = new Set(shown);
    for (const it of items) it.li.hidden = !keep.has(it);
    list.replaceChildren(...shown.map((it) => it.li), ...items.filter((it) => !keep.has(it)).map((it) => it.li));
    const n = shown.length;
    const filters = [input.value.trim() && `matching “${input.value.trim()}”`, regionSel.value && `in ${regionSel.value}`].filter(Boolean);
    status.textContent =
      n === 0
        ? `No Big Local areas ${filters.join(' ')}.`
        : `${n} Big Local area${n === 1 ? '' : 's'}${filters.length ? ` ${filters.join(' ')}` : ''}, ${sortWords[sortSel.value] ?? ''}.`;
  };

  const go = (it: Item) => {
    window.location.assign(it.href);
  };

  input.addEventListener('input', () => {
    renderOptions();
    if (input.value.trim()) open();
    else close();
    renderList();
  });
  input.addEventListener('keydown', (e) => {
    const expanded = !listbox.hidden;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!expanded) {
          renderOptions();
          open();
          if (e.altKey) return;
        }
        if (options.length) setActive(active < options.length - 1 ? active + 1 : 0);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!expanded) {
          renderOptions();
          open();
        }
        if (options.length) setActive(active > 0 ? active - 1 : options.length - 1);
        break;
      case 'Enter': {
        const it = active >= 0 ? options[active] : options.length === 1 ? options[0] : undefined;
        if (it && (expanded || options.length === 1)) {
          e.preventDefault();
          go(it);
        }
        break;
      }
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          close();
        } else if (input.value) {
          e.preventDefault();
          input.value = '';
          renderOptions();
          renderList();
        }
        break;
      case 'Tab':
        close();
        break;
      default:
        break;
    }
  });
  input.addEventListener('blur', () => close());
  regionSel.addEventListener('change', () => {
    renderOptions();
    renderList();
  });
  sortSel.addEventListener('change', () => {
    renderOptions();
    renderList();
  });
  renderOptions();
}

export function enhanceFinders(): void {
  document.querySelectorAll<HTMLElement>('[data-finder]').forEach(enhance);
}
