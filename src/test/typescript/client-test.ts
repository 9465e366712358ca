// Drives a live Fonds through the generated TypeScript client (TypeScriptClientTest runs it with Node): create with a
// token, list, embed, search, and a problem on a 404. Prints one line per step; exits 1 at the first failure.
import { randomUUID } from "node:crypto";
import {
  Configuration, DocumentKind, DocumentsApi, Problem, ResponseError, SearchApi, TextRole, TextsApi,
} from "./fonds-client";

const url = required("FONDS_URL");
const token = required("FONDS_TOKEN");
// a private-use language tag and a made-up word that only this run's document has
const mark = required("FONDS_MARK");

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`failed: ${what}`);
  console.log(`ok: ${what}`);
}

async function main(): Promise<void> {
  const config = new Configuration({ basePath: url, accessToken: token });
  const documents = new DocumentsApi(config);

  // create, with the token and an Idempotency-Key: 201, Location, ETag
  const created = await documents.createDocumentRaw({
    documentInput: {
      kind: DocumentKind.Cable, title: `Ciphered telegram ${mark}`, date: "1950-05-30",
      languages: [`x-${mark}`], referenceNumbers: ["408"],
    },
    idempotencyKey: randomUUID(),
  });
  const doc = await created.value();
  check(created.raw.status === 201, "create answers 201");
  check(created.raw.headers.get("Location")?.endsWith(`/documents/${doc.id}`) === true, "create answers its Location");
  check(created.raw.headers.get("ETag") === `"${doc.version}"`, "create answers the ETag of its version");
  check(doc.date === "1950-05-30" && doc.dateRange?.earliest instanceof Date, "the EDTF date and its range");

  await new TextsApi(config).createText({
    documentId: doc.id,
    textInput: { role: TextRole.Original, language: "en", sections: [{ paragraphs: [`Words of ${mark}.`] }] },
  });

  // list: the filter on the run's language finds exactly the new document
  const page = await documents.listDocuments({ language: `x-${mark}`, limit: 10 });
  check(page.items.length === 1 && page.items[0].id === doc.id && page.next === null, "list finds it, one page");

  // embed: the document with its texts in one call
  const embedded = await documents.getDocument({ documentId: doc.id, embed: "all" });
  check(embedded.texts?.length === 1 && embedded.texts[0].sections[0].paragraphs[0] === `Words of ${mark}.`,
    "embed=all has its text");
  check(Array.isArray(embedded.participants) && Array.isArray(embedded.annotations), "embed=all has its other parts");

  // search: the made-up word of the title
  const found = await new SearchApi(config).searchDocuments({ q: mark });
  check(found.items.some((hit) => hit.id === doc.id && hit.matches.length > 0), "search finds it, saying where");

  // a 404 is a problem (RFC 9457) that the client throws as a ResponseError
  try {
    await documents.getDocument({ documentId: randomUUID() });
    check(false, "an unknown document is a 404");
  } catch (e) {
    if (!(e instanceof ResponseError)) throw e;
    const problem = (await e.response.json()) as Problem;
    check(e.response.status === 404, "an unknown document is a 404");
    check(e.response.headers.get("Content-Type")?.startsWith("application/problem+json") === true,
      "the 404 is application/problem+json");
    check(problem.type === "/problems/not-found" && problem.status === 404, "the problem has its type and status");
  }
  console.log("ts-client: all checks passed");
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
