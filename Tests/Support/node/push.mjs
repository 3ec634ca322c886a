// An independent platform sender for tests: Node's fetch and crypto, nothing from credsync.
// Usage: node push.mjs URL < spec.json, where spec is a list of pushes:
// {"userId": 1, "appSlug": "zoom", "document": {...} | "plaintext": "text", "key": "32 chars", "iv": "hex",
//  "uppercase": true, "headers": {...}, "contentType": "...", "method": "POST", "path": "/...",
//  "rawBody": "...", "concurrent": N, "parallel": true}
// Prints one JSON line per answer: {"status", "contentType", "reason", "body"} (or {"error"}).
import crypto from "node:crypto";

function seal(plaintext, key, ivHex) {
    const iv = ivHex ? Buffer.from(ivHex, "hex") : crypto.randomBytes(16);
    const cipher = crypto.createCipheriv("aes256", Buffer.from(key, "latin1"), iv);
    let out = cipher.update(plaintext, "utf8", "hex");
    out += cipher.final("hex");
    return iv.toString("hex") + ":" + out;
}

async function push(base, spec) {
    let body = spec.rawBody;
    if (body === undefined) {
        const plaintext = spec.plaintext ?? JSON.stringify(spec.document);
        let keys = seal(plaintext, spec.key, spec.iv);
        if (spec.uppercase) keys = keys.toUpperCase();
        const object = { userId: spec.userId, appSlug: spec.appSlug, keys };
        body = JSON.stringify(object);
    }
    const headers = { "content-type": spec.contentType ?? "application/json", ...(spec.headers ?? {}) };
    if (spec.contentType === null) delete headers["content-type"];
    try {
        const response = await fetch(base + (spec.path ?? "/api/webhook/app-credential"), {
            method: spec.method ?? "POST",
            headers,
            body: (spec.method ?? "POST") === "GET" ? undefined : body,
        });
        const text = await response.text();
        return {
            status: response.status,
            reason: response.statusText,
            contentType: response.headers.get("content-type"),
            body: text,
        };
    } catch (error) {
        return { error: String(error.cause?.code ?? error) };
    }
}

const base = process.argv[2];
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const specs = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const results = [];
for (const spec of specs) {
    if (spec.concurrent) {
        const all = await Promise.all(Array.from({ length: spec.concurrent }, () => push(base, spec)));
        results.push(...all);
    } else {
        results.push(await push(base, spec));
    }
}
process.stdout.write(results.map((r) => JSON.stringify(r)).join("\n") + "\n");
