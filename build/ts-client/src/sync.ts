// An integrator's program, compiled against the client odata2ts generated from the live $metadata (ADR 0032):
//
//   node dist/src/sync.js <base-url>
//
// 1. the security administrator (demo account, password + authenticator code) registers an integrator client through
//    POST /api/admin/clients — unless KR_CLIENT_ID and KR_CLIENT_SECRET name an existing one;
// 2. the integrator gets a token with the client-credentials grant (feeds.credits feeds.registry), as the guide says;
// 3. it pages CreditRecords and Professionals to the end with a small Prefer: odata.maxpagesize, following
//    @odata.nextLink ($skiptoken) as is: no key twice, and as many rows as $count;
// 4. it starts delta tracking on CreditRecords (Prefer: odata.track-changes) and keeps a copy;
// 5. the county administrator (demo account) revokes one approved record and corrects another through the REST API;
// 6. it follows the delta link, applies the changes (and any @removed) to its copy, and checks that the revoked record
//    arrives revoked, the corrected one revoked with its successor, the successor as a new row — and that the copy
//    equals a fresh read of the set, field by field; then that the next delta link answers nothing new.
// Any mismatch ends the program with a message and exit code 1.
import { createHmac, createHash } from "node:crypto";
import { FetchClient } from "@odata2ts/http-client-fetch";
import { PlatformService } from "../generated/platform/PlatformService";
import type { CreditRecord, Professional } from "../generated/platform/PlatformModel";

// Prefer: odata.maxpagesize — small for Professionals (6,000 rows in the demo city: 120 pages); the feeds' maximum, 200,
// for CreditRecords (over 90,000: read three times).
const PAGE_SIZE = Number(process.env.KR_TSCLIENT_PAGE_SIZE ?? "50");
const LEDGER_PAGE_SIZE = 200;
const DEMO_PASSWORD = process.env.KR_DEMO_PASSWORD ?? "Jining-Demo-2023!";
const SECURITY_ADMIN = "demo.security-admin";
const WRITER = "demo.county-admin";

class Mismatch extends Error {}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) {
    throw new Mismatch(message);
  }
}

function log(message: string): void {
  console.log(`[ts-client] ${message}`);
}

// ---------------------------------------------------------------------------------------------------------------
// tokens

interface TokenResponse {
  access_token?: string;
  error?: string;
  error_description?: string;
}

async function token(base: string, form: Record<string, string>, who: string): Promise<string> {
  const response = await fetch(`${base}/connect/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
  const body = (await response.json()) as TokenResponse;
  check(response.ok && body.access_token, `no token for ${who}: ${response.status} ${body.error ?? ""} ${body.error_description ?? ""}`);
  return body.access_token;
}

// RFC 4648 base32, as authenticator apps read keys.
function fromBase32(text: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const c of text.replace(/=+$/, "").toUpperCase()) {
    const index = alphabet.indexOf(c);
    check(index >= 0, `not a base32 key: ${text}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

function toBase32(bytes: Buffer): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0;
  let value = 0;
  let out = "";
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) {
    out += alphabet[(value << (5 - bits)) & 31];
  }
  return out;
}

// The demo accounts' fixed authenticator key (the landing page and the console show it in demo mode; the same in every
// demo database): KR_DEMO_AUTHENTICATOR_KEY overrides it.
function demoAuthenticatorKey(userName: string): string {
  return (
    process.env.KR_DEMO_AUTHENTICATOR_KEY ??
    toBase32(createHash("sha256").update(`KnowledgeRenewal demo authenticator:${userName}`, "utf8").digest().subarray(0, 20))
  );
}

// RFC 6238 TOTP: HMAC-SHA1, 30-second steps, 6 digits.
function totp(base32Key: string, now = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(now / 1000 / 30)));
  const hash = createHmac("sha1", fromBase32(base32Key)).update(counter).digest();
  const offset = hash[hash.length - 1]! & 0x0f;
  const binary = (hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return binary.toString().padStart(6, "0");
}

// ---------------------------------------------------------------------------------------------------------------
// REST calls of the demo accounts

async function rest<T>(base: string, bearer: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ body: T; etag: string | null }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  check(response.ok, `${method} ${path}: ${response.status} ${text.slice(0, 500)}`);
  return { body: (text ? JSON.parse(text) : undefined) as T, etag: response.headers.get("ETag") };
}

interface ClientWithSecret {
  client: { clientId: string };
  clientSecret: string;
}

async function integratorCredentials(base: string): Promise<{ id: string; secret: string }> {
  if (process.env.KR_CLIENT_ID && process.env.KR_CLIENT_SECRET) {
    log(`integrator client ${process.env.KR_CLIENT_ID} (from KR_CLIENT_ID)`);
    return { id: process.env.KR_CLIENT_ID, secret: process.env.KR_CLIENT_SECRET };
  }
  const admin = await token(
    base,
    { grant_type: "password", username: SECURITY_ADMIN, password: DEMO_PASSWORD, totp_code: totp(demoAuthenticatorKey(SECURITY_ADMIN)) },
    SECURITY_ADMIN,
  );
  const clientId = `ts-client-${Date.now().toString(36)}`;
  const created = await rest<ClientWithSecret>(base, admin, "POST", "/api/admin/clients", {
    clientId,
    displayName: "生成客户端检查 (ts-client)",
    scopes: ["feeds.credits", "feeds.registry"],
  });
  check(created.body.clientSecret, "POST /api/admin/clients answered no secret");
  log(`integrator client ${clientId} registered by ${SECURITY_ADMIN}`);
  return { id: clientId, secret: created.body.clientSecret };
}

// ---------------------------------------------------------------------------------------------------------------
// OData through the generated client

// A collection page as the feeds answer it: the generated model plus the paging and delta annotations.
interface Page<T> {
  value: Array<T & { "@removed"?: { reason: string }; "@id"?: string }>;
  "@odata.count"?: number;
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
}

type Row = { Id: string };

interface SetRead<T extends Row> {
  rows: Map<string, T>;
  pages: number;
  count: number | undefined;
  deltaLink: string | undefined;
  removed: string[];
  /** Rows answered (changed or new, in a delta). */
  answered: number;
}

// Follows @odata.nextLink from a first page to the end; every key once.
async function readToEnd<T extends Row>(client: FetchClient, first: Page<T>, what: string, pageSize: number, rows = new Map<string, T>()): Promise<SetRead<T>> {
  let page = first;
  let pages = 1;
  const seen = new Set<string>();
  const removed: string[] = [];
  for (;;) {
    check(Array.isArray(page.value), `${what}: page ${pages} has no value array`);
    check(page.value.length <= pageSize, `${what}: page ${pages} has ${page.value.length} rows, more than maxpagesize ${pageSize}`);
    for (const row of page.value) {
      if (row["@removed"]) {
        const id = /\(([0-9a-fA-F-]{36})\)$/.exec(row["@id"] ?? "")?.[1];
        check(id, `${what}: @removed entry without an @id naming a key: ${JSON.stringify(row)}`);
        removed.push(id);
        rows.delete(id);
        continue;
      }
      check(typeof row.Id === "string", `${what}: a row without Id: ${JSON.stringify(row).slice(0, 200)}`);
      check(!seen.has(row.Id), `${what}: key ${row.Id} answered twice (page ${pages})`);
      seen.add(row.Id);
      const { "@removed": _r, "@id": _i, ...data } = row;
      rows.set(row.Id, data as unknown as T);
    }
    const next = page["@odata.nextLink"];
    if (!next) {
      break;
    }
    check(/[?&]\$skiptoken=/.test(next), `${what}: nextLink without $skiptoken: ${next}`);
    page = (await client.get<Page<T>>(next, { headers: { Prefer: `odata.maxpagesize=${pageSize}` } })).data;
    pages++;
  }
  return { rows, pages, count: first["@odata.count"], deltaLink: page["@odata.deltaLink"], removed, answered: seen.size };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function compareCopies<T extends Row>(copy: Map<string, T>, fresh: Map<string, T>, what: string): void {
  const missing = [...fresh.keys()].filter((id) => !copy.has(id));
  const extra = [...copy.keys()].filter((id) => !fresh.has(id));
  const differing = [...fresh.entries()].filter(([id, row]) => copy.has(id) && !same(copy.get(id), row)).map(([id]) => id);
  check(
    missing.length === 0 && extra.length === 0 && differing.length === 0,
    `${what}: the client's copy differs from the database — missing ${missing.length} (${missing.slice(0, 3).join(", ")}), ` +
      `extra ${extra.length} (${extra.slice(0, 3).join(", ")}), different ${differing.length} (${differing.slice(0, 3).join(", ")}` +
      `${differing.length ? `: copy ${JSON.stringify(copy.get(differing[0]!))} vs ${JSON.stringify(fresh.get(differing[0]!))}` : ""})`,
  );
}

// ---------------------------------------------------------------------------------------------------------------

interface LedgerPage {
  items: Array<{ id: string; status: string }>;
}

async function main(): Promise<void> {
  const base = (process.argv[2] ?? process.env.KR_BASE_URL ?? "").replace(/\/+$/, "");
  check(base, "usage: node dist/src/sync.js <base-url>");
  check(Number.isInteger(PAGE_SIZE) && PAGE_SIZE > 0 && PAGE_SIZE <= 200, `KR_TSCLIENT_PAGE_SIZE must be 1..200, not ${PAGE_SIZE}`);

  // 1–2. an integrator client and its token (client credentials)
  const credentials = await integratorCredentials(base);
  const bearer = await token(
    base,
    { grant_type: "client_credentials", client_id: credentials.id, client_secret: credentials.secret, scope: "feeds.credits feeds.registry" },
    credentials.id,
  );
  const client = new FetchClient({ headers: { Authorization: `Bearer ${bearer}`, Accept: "application/json" } });
  const odata = new PlatformService(client, `${base}/odata`);
  const small = { headers: { Prefer: `odata.maxpagesize=${PAGE_SIZE}` } };
  const ledgerPages = { headers: { Prefer: `odata.maxpagesize=${LEDGER_PAGE_SIZE}` } };

  // 3. paging to the end: typed queries from the generated client
  const professionals = await readToEnd<Professional & Row>(
    client,
    (await odata.Professionals().query((q) => q.select("Id", "Name", "RegionCode", "IdNumberMasked").count(), small)).data as Page<Professional & Row>,
    "Professionals",
    PAGE_SIZE,
  );
  check(professionals.count === professionals.rows.size, `Professionals: ${professionals.rows.size} rows paged, $count says ${professionals.count}`);
  check(professionals.pages > 1, `Professionals: one page only with maxpagesize ${PAGE_SIZE} — paging not exercised`);
  log(`Professionals: ${professionals.rows.size} rows in ${professionals.pages} pages of ≤ ${PAGE_SIZE}, no key twice, = $count`);

  // 4. a tracked read of CreditRecords: the client's copy and its delta link
  const selected = ["Id", "Status", "Hours", "Category", "Date", "Title", "RevokedAt", "RevocationReason", "CorrectedByRecordId"] as const;
  const tracking = await odata.CreditRecords().query((q) => q.select(...selected).count(), {
    headers: { Prefer: `odata.track-changes, odata.maxpagesize=${LEDGER_PAGE_SIZE}` },
  });
  check(/odata\.track-changes/.test(tracking.headers["preference-applied"] ?? ""), `CreditRecords: track-changes not applied (Preference-Applied: ${tracking.headers["preference-applied"]})`);
  const initial = await readToEnd<CreditRecord>(client, tracking.data as Page<CreditRecord>, "CreditRecords", LEDGER_PAGE_SIZE);
  check(initial.count === initial.rows.size, `CreditRecords: ${initial.rows.size} rows paged, $count says ${initial.count}`);
  check(initial.pages > 1, `CreditRecords: one page only with maxpagesize ${LEDGER_PAGE_SIZE} — paging not exercised`);
  check(initial.deltaLink, "CreditRecords: the last page of a tracked read has no @odata.deltaLink");
  log(`CreditRecords (tracked): ${initial.rows.size} rows in ${initial.pages} pages of ≤ ${LEDGER_PAGE_SIZE}, no key twice, = $count; delta link received`);
  const copy = initial.rows;
  const initialKeys = new Set(copy.keys());

  // 5. writes through the REST API by an entitled demo account
  const writer = await token(base, { grant_type: "password", username: WRITER, password: DEMO_PASSWORD }, WRITER);
  const approved = await rest<LedgerPage>(base, writer, "GET", "/api/credit-records?status=Approved&pageSize=20");
  const candidates = approved.body.items.filter((r) => copy.has(r.id));
  check(candidates.length >= 2, `${WRITER} sees ${approved.body.items.length} approved records, ${candidates.length} of them in the feed; need 2`);
  const [toRevoke, toCorrect] = [candidates[0]!.id, candidates[1]!.id];

  const before = await rest<unknown>(base, writer, "GET", `/api/credit-records/${toRevoke}`);
  await rest(base, writer, "POST", `/api/credit-records/${toRevoke}/revoke`, { reason: "生成客户端检查：撤销" }, { "If-Match": before.etag ?? "" });
  const beforeCorrection = await rest<unknown>(base, writer, "GET", `/api/credit-records/${toCorrect}`);
  const corrected = await rest<{ value?: { id: string }; id?: string }>(
    base,
    writer,
    "POST",
    `/api/credit-records/${toCorrect}/correct`,
    { reason: "生成客户端检查：更正学时", amount: 1.5 },
    { "If-Match": beforeCorrection.etag ?? "" },
  );
  const successor = corrected.body.value?.id ?? corrected.body.id;
  check(successor, `the correction answered no new record id: ${JSON.stringify(corrected.body).slice(0, 300)}`);
  log(`${WRITER} revoked ${toRevoke} and corrected ${toCorrect} into ${successor}`);

  // 6. the delta round
  const delta = await readToEnd<CreditRecord>(
    client,
    (await client.get<Page<CreditRecord>>(initial.deltaLink, ledgerPages)).data,
    "CreditRecords delta",
    LEDGER_PAGE_SIZE,
    copy,
  );
  const revoked = copy.get(toRevoke);
  check(revoked?.Status === "Revoked", `delta: the revoked record ${toRevoke} arrived as ${JSON.stringify(revoked)}`);
  check(revoked.RevocationReason === "生成客户端检查：撤销", `delta: the revoked record's reason is ${revoked.RevocationReason}`);
  const old = copy.get(toCorrect);
  check(old?.Status === "Revoked" && old.CorrectedByRecordId === successor, `delta: the corrected record ${toCorrect} arrived as ${JSON.stringify(old)}`);
  const added = copy.get(successor);
  check(added && !initialKeys.has(successor), `delta: the correction ${successor} did not arrive as a new row`);
  check(Number(added.Hours) === 1.5, `delta: the correction ${successor} has ${added.Hours} hours, not 1.5`);
  check(delta.deltaLink, "CreditRecords delta: no new @odata.deltaLink");
  log(`delta: ${delta.answered} rows (${[...copy.keys()].filter((id) => !initialKeys.has(id)).length} new), ${delta.removed.length} removed in ${delta.pages} page(s); the revoked ${toRevoke}, the corrected ${toCorrect} and its successor ${successor} arrived as written`);

  const fresh = await odata.CreditRecords().query((q) => q.select(...selected).count(), ledgerPages);
  const database = await readToEnd<CreditRecord>(client, fresh.data as Page<CreditRecord>, "CreditRecords (fresh read)", LEDGER_PAGE_SIZE);
  check(database.count === database.rows.size, `CreditRecords (fresh read): ${database.rows.size} rows paged, $count says ${database.count}`);
  compareCopies(copy, database.rows, "CreditRecords");
  log(`the client's copy equals a fresh read: ${copy.size} rows, field by field`);

  const quiet = await client.get<Page<CreditRecord>>(delta.deltaLink, ledgerPages);
  check(quiet.data.value.length === 0, `the next delta answered ${quiet.data.value.length} rows with no write since`);
  log("the next delta link answers no change: ok");
}

main().then(
  () => {
    log("ok");
  },
  (error: unknown) => {
    const message = error instanceof Mismatch ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    console.error(`[ts-client] FAILED: ${message}`);
    process.exitCode = 1;
  },
);
