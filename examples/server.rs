//! The eryao service on axum: `cargo run --example server --features axum`.
//!
//! Listens on 127.0.0.1 (port 3000, or the first free one after it; `PORT=0` lets the
//! system choose) and prints a curl line for each endpoint. Every failure is an
//! `application/problem+json` response with a real eryao code (see
//! `tests/src/service/mod.rs` for the table), and the catch-all makes every other error
//! a problem too: an unknown path, a wrong method, a body without its content type, a
//! panic (`/v1/panic`). A request that prefers `application/problem+xml` gets XML, and
//! one whose `Accept-Language` asks for Chinese gets the catalog's `zh-Hans` titles.
//! Beside it, `/demo/…` answers what else a frontend meets (a proxy's HTML page, an
//! empty 502, a code from a newer server, a member of the wrong type; see
//! `tests/src/frontend.rs`), which the TypeScript reader's `node --test` suite reads.

use std::net::{Ipv4Addr, SocketAddr};

use axum::routing::get;
use problem_codes::CatchAll;
use problem_codes::axum::ProblemLayer;
use problem_codes_tests::frontend;

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let port = match std::env::var("PORT") {
        Ok(port) => port.parse().map_err(std::io::Error::other)?,
        Err(_) => 3000,
    };
    let listener = bind(port).await?;
    let addr = listener.local_addr()?;
    println!("eryao service listening on http://{addr}\n");
    println!("try:");
    let base = format!("http://{addr}");
    for line in [
        format!("curl -i -X POST {base}/v1/auth/otp"),
        format!("curl -i -X POST {base}/v1/auth/otp -H 'Accept-Language: zh-CN,zh;q=0.9'"),
        format!("curl -i -X POST {base}/v1/agent/runs"),
        format!(
            r#"curl -i -X PATCH {base}/v1/profile -H 'content-type: application/json' -d '{{"nickname":"","links":["ftp://x"]}}'"#
        ),
        format!(
            r#"curl -i -X PATCH {base}/v1/profile -H 'content-type: application/json' -d '{{"nickname":7}}'"#
        ),
        format!("curl -i -X POST {base}/v1/agent/transcribe"),
        format!("curl -i {base}/v1/agent/sessions/42"),
        format!("curl -i {base}/v1/agent/sessions/not-a-number"),
        format!("curl -i {base}/demo/proxy-error"),
        format!("curl -i {base}/demo/newer-code"),
        format!("curl -i -X POST {base}/demo/wrong-type"),
        format!("curl -i {base}/v1/nowhere"),
        format!("curl -i -X DELETE {base}/v1/profile"),
        format!(
            r#"curl -i -X PATCH {base}/v1/profile -H 'content-type:' -d '{{"nickname":"ada"}}'"#
        ),
        format!("curl -i {base}/v1/panic"),
        format!("curl -i {base}/v1/nowhere -H 'accept: application/problem+xml'"),
    ] {
        println!("  {line}");
    }
    let app = frontend::router()
        .route("/v1/panic", get(panics))
        .layer(ProblemLayer::new().catch_all(CatchAll::new()));
    axum::serve(listener, app).await
}

/// A handler with a bug: the client gets a 500 problem, and nothing of this message.
async fn panics() -> &'static str {
    let sessions: Vec<&str> = Vec::new();
    sessions
        .first()
        .copied()
        .unwrap_or_else(|| panic!("no session in the pool at 10.0.0.7"))
}

/// Binds 127.0.0.1 on `port`, or on the next ports when it is taken.
async fn bind(port: u16) -> std::io::Result<tokio::net::TcpListener> {
    let mut last = None;
    for offset in 0..10 {
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port.saturating_add(offset)));
        match tokio::net::TcpListener::bind(addr).await {
            Ok(listener) => return Ok(listener),
            Err(err) if port != 0 => last = Some(err),
            Err(err) => return Err(err),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no port to bind")))
}
