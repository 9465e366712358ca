// Words for the API's values: enum names, EDTF dates, periods.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

/** RECORD_OF_CONVERSATION → "Record of conversation". */
export function words(value) {
  if (value === null || value === undefined) {
    return '';
  }
  const s = String(value).toLowerCase().replaceAll('_', ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const ROLES = {
  SENDER: 'From', AUTHOR: 'Author', SIGNATORY: 'Signed by', RECIPIENT: 'To', VIA: 'For (via)',
  COPY_RECIPIENT: 'Copy to', INFORMATION_ADDRESSEE: 'For information', CONVERSATION_PARTICIPANT: 'In conversation',
  MENTIONED: 'Mentioned',
};

export const ROLE_ORDER = Object.keys(ROLES);

export function role(value) {
  return ROLES[value] || words(value);
}

const ROLES_PLURAL = {
  SENDER: 'Sent', AUTHOR: 'Written', SIGNATORY: 'Signed', RECIPIENT: 'Received', VIA: 'Received for someone else',
  COPY_RECIPIENT: 'Received as a copy', INFORMATION_ADDRESSEE: 'Received for information',
  CONVERSATION_PARTICIPANT: 'In a conversation', MENTIONED: 'Mentioned in',
};

export function roleOfDocuments(value) {
  return ROLES_PLURAL[value] || words(value);
}

/** A period of /dates/counts ("1950", "1950-05", "1950-05-30") in words. */
export function period(p) {
  const [y, m, d] = String(p).split('-');
  if (d) {
    return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
  }
  if (m) {
    return `${MONTHS[Number(m) - 1]} ${y}`;
  }
  return y;
}

export function monthShort(p) {
  const m = String(p).split('-')[1];
  return m ? MONTHS[Number(m) - 1].slice(0, 3) : p;
}

/**
 * An EDTF date in words, keeping what EDTF says: uncertain (?), approximate (~), intervals, unspecified digits.
 * 1950-05-30 → "30 May 1950"; 1950-06-21/1950-06-30 → "21 June 1950 – 30 June 1950"; 1950~ → "about 1950".
 */
export function edtf(value) {
  if (!value) {
    return '';
  }
  if (value.includes('/')) {
    const [a, b] = value.split('/');
    return `${a && a !== '..' ? edtf(a) : 'open'} – ${b && b !== '..' ? edtf(b) : 'open'}`;
  }
  const m = /^(-?[0-9X]{4})(?:-([0-9X]{2}))?(?:-([0-9X]{2}))?([?~%]?)$/.exec(value);
  if (!m || value.includes('X')) {
    return value;
  }
  const [, y, mo, d, q] = m;
  let text = d ? `${Number(d)} ${MONTHS[Number(mo) - 1]} ${y}` : mo && Number(mo) <= 12 ? `${MONTHS[Number(mo) - 1]} ${y}`
    : mo ? `${words(SEASONS[mo] || mo)} ${y}` : y;
  if (q === '?' || q === '%') {
    text += ' (uncertain)';
  }
  if (q === '~' || q === '%') {
    text = `about ${text}`;
  }
  return text;
}

const SEASONS = { 21: 'spring', 22: 'summer', 23: 'autumn', 24: 'winter' };

/** The first day of an EDTF date or interval, as YYYY[-MM[-DD]], for links to the timeline. */
export function firstPeriod(value) {
  const first = String(value || '').split('/')[0].replace(/[?~%]/g, '');
  return /^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/.test(first) && !/-2[1-4]$/.test(first) ? first : null;
}

/** The last period of an EDTF date or interval. */
export function lastPeriod(value) {
  const parts = String(value || '').split('/');
  const last = parts[parts.length - 1].replace(/[?~%]/g, '');
  return /^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/.test(last) && !/-2[1-4]$/.test(last) ? last : null;
}

export function count(n, one, many) {
  return `${n} ${n === 1 ? one : many || one + 's'}`;
}

const LANGUAGES = { en: 'English', ru: 'Russian', ko: 'Korean', zh: 'Chinese', de: 'German', fr: 'French' };

export function language(tag) {
  if (!tag) {
    return '';
  }
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(tag);
    if (name) {
      return name;
    }
  } catch (e) {
    // an unusual tag: fall back to the table
  }
  return LANGUAGES[tag.split('-')[0]] || tag;
}
