/**
 * Freshdesk's ticket search language as its API documentation gives it ("Filter tickets", GET
 * /api/v2/search/tickets): the whole query in double quotes, at most 512 characters, `field:value` terms joined
 * by AND / OR with parentheses; `:>` is greater than or equal to and `:<` less than or equal to, on dates given
 * as 'YYYY-MM-DD' (UTC days). The fake supports the fields the connector can ask for and refuses the rest, as
 * Freshdesk answers an unknown field with a 400.
 */
export interface SearchableTicket {
  group_id: number | null;
  status: number;
  created_at: number;
}

type Matcher = (ticket: SearchableTicket) => boolean;
const DAY = 86_400_000;
export const MAX_QUERY_LENGTH = 512;

export class QueryError extends Error {}

export function parseTicketQuery(quoted: string): Matcher {
  if (quoted.length > MAX_QUERY_LENGTH) throw new QueryError(`query is longer than ${MAX_QUERY_LENGTH} characters`);
  if (!/^".*"$/s.test(quoted)) throw new QueryError('query must be enclosed in double quotes');
  const tokens = quoted.slice(1, -1).match(/\(|\)|[a-z_]+:[<>]?(?:'[^']*'|[^\s()]+)|AND|OR/g) ?? [];
  let at = 0;
  const peek = () => tokens[at];
  const expression = (): Matcher => {
    let left = conjunction();
    while (peek() === 'OR') {
      at++;
      const [a, b] = [left, conjunction()];
      left = (t) => a(t) || b(t);
    }
    return left;
  };
  const conjunction = (): Matcher => {
    let left = operand();
    while (peek() === 'AND') {
      at++;
      const [a, b] = [left, operand()];
      left = (t) => a(t) && b(t);
    }
    return left;
  };
  const operand = (): Matcher => {
    const token = tokens[at++];
    if (token === '(') {
      const inner = expression();
      if (tokens[at++] !== ')') throw new QueryError('unbalanced parentheses');
      return inner;
    }
    if (!token || token === ')' || token === 'AND' || token === 'OR') throw new QueryError(`unexpected ${token ?? 'end of query'}`);
    return term(token);
  };
  const matcher = expression();
  if (at !== tokens.length) throw new QueryError(`unexpected ${tokens[at]}`);
  return matcher;
}

function term(token: string): Matcher {
  const [, field, op, raw] = /^([a-z_]+):([<>]?)(.*)$/.exec(token)!;
  const value = raw!.replace(/^'(.*)'$/, '$1');
  if (field === 'group_id' || field === 'status') {
    if (op) throw new QueryError(`${field} takes a value, not a range`);
    const number = value === 'null' ? null : Number(value);
    return (t) => t[field] === number;
  }
  if (field === 'created_at') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new QueryError(`created_at needs a date 'YYYY-MM-DD', not ${raw}`);
    const day = Date.parse(`${value}T00:00:00Z`);
    if (op === '>') return (t) => t.created_at >= day;
    if (op === '<') return (t) => t.created_at < day + DAY;
    return (t) => t.created_at >= day && t.created_at < day + DAY;
  }
  throw new QueryError(`${field} is not a searchable field of this fake`);
}
