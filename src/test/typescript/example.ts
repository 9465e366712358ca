import { Configuration, DocumentsApi, DocumentKind, SearchApi } from "./fonds-client";

async function main() {
  const config = new Configuration({ basePath: process.env.FONDS_URL ?? "http://localhost:8080" }); // reads are public
  const cables = await new DocumentsApi(config).listDocuments({ kind: DocumentKind.Cable, limit: 5 });
  for (const cable of cables.items) console.log(cable.date, cable.title);
  const found = await new SearchApi(config).searchDocuments({ q: '"large subchaser" or trawler' });
  for (const hit of found.items) console.log(hit.title, hit.matches.map((m) => m.snippet));
}
main();
