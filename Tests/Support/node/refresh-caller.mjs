// An independent refresh caller for the sync endpoint stand-in's tests: it calls the endpoint with Node's fetch,
// exactly as Cal.com's OAuthManager does (POST, a URLSearchParams body, the secret header), or with one planted
// deviation.
//
// Usage: node refresh-caller.mjs '<plan JSON>', or node refresh-caller.mjs --serve: then each line on standard input
// is {"id": N, "plan": <plan>} and each answer a line {"id": N, "results": [...]}, so one Node serves a whole suite.
// Plan: {"url": "http://127.0.0.1:PORT/api/getToken", "steps": [step or [step, step] (in parallel), ...]}
// Step: {"url": "another endpoint's URL", "method": "POST", "query": "?reason=refresh", "path": "/other", "headers": {"name": "value"},
//        "form": [["calcomUserId", "1"], ["appSlug", "zoom"]] | "json": {...} | "raw": "text",
//        "contentType": "...", "waitMs": 0, "timeoutMs": 5000}
// Prints one JSON array: per step {status, contentType, body} or {error}.

async function call(plan, step) {
    if (step.waitMs) {
        await new Promise((resolve) => setTimeout(resolve, step.waitMs));
    }
    const base = new URL(step.url ?? plan.url);
    const url = new URL((step.path ?? base.pathname) + (step.query ?? ""), base);
    const headers = { ...(step.headers ?? {}) };
    let body;
    if (step.form) {
        body = new URLSearchParams(step.form);
    } else if (step.json !== undefined) {
        body = JSON.stringify(step.json);
        headers["content-type"] = "application/json";
    } else if (step.raw !== undefined) {
        body = step.raw;
    }
    if (step.contentType) {
        headers["content-type"] = step.contentType;
    }
    const method = step.method ?? "POST";
    const started = Date.now();
    try {
        const response = await fetch(url, {
            method,
            headers,
            body: method === "GET" || method === "HEAD" ? undefined : body,
            signal: AbortSignal.timeout(step.timeoutMs ?? 5000),
        });
        const text = await response.text();
        return {
            status: response.status,
            contentType: response.headers.get("content-type"),
            body: text,
            redirected: response.redirected,
            ms: Date.now() - started,
        };
    } catch (error) {
        return { error: String(error.cause?.code ?? error.name ?? error), ms: Date.now() - started };
    }
}

async function run(plan) {
    const results = [];
    for (const step of plan.steps) {
        if (Array.isArray(step)) {
            results.push(...(await Promise.all(step.map((one) => call(plan, one)))));
        } else {
            results.push(await call(plan, step));
        }
    }
    return results;
}

if (process.argv[2] === "--serve") {
    const { createInterface } = await import("node:readline");
    for await (const line of createInterface({ input: process.stdin })) {
        const request = JSON.parse(line);
        run(request.plan).then((results) => process.stdout.write(JSON.stringify({ id: request.id, results }) + "\n"));
    }
} else {
    process.stdout.write(JSON.stringify(await run(JSON.parse(process.argv[2]))));
}
