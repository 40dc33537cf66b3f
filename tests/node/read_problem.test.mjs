// The TypeScript export's `readEryaoProblem`, compiled to JavaScript, reading each shape
// of response the example server sends. `tests/tests/node_reader.rs` compiles
// `eryao.ts` next to this file, starts the server and runs `node --test` here with
// ERYAO_BASE_URL set to it.

import { test } from "node:test";
import assert from "node:assert/strict";

import { eryaoCodes, isEryaoProblem, readEryaoProblem } from "./eryao.js";

const base = process.env.ERYAO_BASE_URL;
assert.ok(base, "ERYAO_BASE_URL names the example server");

async function read(path, init) {
  return readEryaoProblem(await fetch(new URL(path, base), init));
}

test("a problem with members: POINTS_INSUFFICIENT_BALANCE keeps balance and required", async () => {
  const result = await read("/v1/agent/runs", { method: "POST" });
  assert.equal(result.kind, "problem");
  assert.equal(result.status, 402);
  assert.equal(result.problem.code, "POINTS_INSUFFICIENT_BALANCE");
  assert.equal(result.problem.status, 402);
  assert.equal(result.problem.balance, 3);
  assert.equal(result.problem.required, 10);
  // The facts on the wire are the catalog's.
  assert.equal(result.problem.type, eryaoCodes.POINTS_INSUFFICIENT_BALANCE.type);
  assert.equal(result.problem.title, eryaoCodes.POINTS_INSUFFICIENT_BALANCE.title);
  assert.ok(isEryaoProblem(result.problem));
});

test("a problem with retry_after: AUTH_TOO_MANY_REQUESTS", async () => {
  const result = await read("/v1/auth/otp", { method: "POST" });
  assert.equal(result.kind, "problem");
  assert.equal(result.problem.code, "AUTH_TOO_MANY_REQUESTS");
  assert.equal(result.problem.retry_after, 30);
});

test("a problem with the errors array: PROFILE_PAYLOAD_INVALID", async () => {
  const result = await read("/v1/profile", {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ nickname: "", links: ["ftp://x"] }),
  });
  assert.equal(result.kind, "problem");
  assert.equal(result.status, 422);
  assert.equal(result.problem.code, "PROFILE_PAYLOAD_INVALID");
  assert.deepEqual(
    result.problem.errors.map((e) => e.pointer),
    ["#/nickname", "#/links/0"],
  );
});

test("a problem without members: AGENT_SESSION_NOT_FOUND", async () => {
  const result = await read("/v1/agent/sessions/42");
  assert.equal(result.kind, "problem");
  assert.equal(result.status, 404);
  assert.equal(result.problem.code, "AGENT_SESSION_NOT_FOUND");
  assert.equal(result.problem.detail, "No session 42");
});

test("a framework rejection is a problem of the catalog: AGENT_SESSION_ID_INVALID", async () => {
  const result = await read("/v1/agent/sessions/not-a-number");
  assert.equal(result.kind, "problem");
  assert.equal(result.problem.code, "AGENT_SESSION_ID_INVALID");
});

test("an unknown route: a problem when served as one, otherwise not a problem", async () => {
  const response = await fetch(new URL("/v1/no-such-route", base));
  const contentType = response.headers.get("content-type") ?? "";
  const result = await readEryaoProblem(response);
  assert.equal(result.status, 404);
  if (contentType.startsWith("application/problem+json")) {
    assert.notEqual(result.kind, "not-a-problem");
    assert.equal(result.problem.status, 404);
  } else {
    assert.equal(result.kind, "not-a-problem");
    assert.equal(result.contentType, response.headers.get("content-type"));
  }
});

test("a proxy's HTML page is not a problem, and its body is kept", async () => {
  const result = await read("/demo/proxy-error");
  assert.equal(result.kind, "not-a-problem");
  assert.equal(result.status, 502);
  assert.equal(result.contentType, "text/html");
  assert.match(result.body, /<h1>502 Bad Gateway<\/h1>/);
});

test("an empty 502 is not a problem", async () => {
  const result = await read("/demo/empty-502");
  assert.deepEqual(result, { kind: "not-a-problem", status: 502, contentType: null, body: "" });
});

test("a member of the wrong type is dropped, and the problem is no longer the code's", async () => {
  const result = await read("/demo/wrong-type", { method: "POST" });
  // `balance` came as a string: dropped, so the required member is missing.
  assert.equal(result.kind, "other-problem");
  assert.equal(result.problem.code, "POINTS_INSUFFICIENT_BALANCE");
  assert.equal("balance" in result.problem, false);
  assert.equal(result.problem.required, 10);
  assert.equal(isEryaoProblem(result.problem), false);
});

test("a code from a newer server is its own case, not an error", async () => {
  const result = await read("/demo/newer-code");
  assert.equal(result.kind, "other-problem");
  assert.equal(result.status, 410);
  assert.equal(result.problem.code, "POINTS_PROMOTION_EXPIRED");
  assert.equal(result.problem.title, "Promotion expired");
});
