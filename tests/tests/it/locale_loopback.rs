//! The eryao service on axum and on actix-web, over loopback, asked in several
//! languages: each framework negotiates from `Accept-Language` by itself.

#![cfg(any(feature = "axum", feature = "actix-web"))]

use std::net::SocketAddr;

use http::{Method, Request};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use problem_codes::Catalog;
use problem_codes_tests::eryao::{AgentSession, Auth, Eryao, ZH_HANS};
use serde_json::Value;

struct Reply {
    headers: http::HeaderMap,
    body: Value,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

async fn otp(addr: SocketAddr, accept_language: Option<&str>) -> Reply {
    send(addr, Method::POST, "/v1/auth/otp", accept_language).await
}

async fn send(
    addr: SocketAddr,
    method: Method,
    path: &str,
    accept_language: Option<&str>,
) -> Reply {
    let client = Client::builder(TokioExecutor::new()).build_http::<Full<Bytes>>();
    let mut request = Request::builder()
        .method(method)
        .uri(format!("http://{addr}{path}"));
    if let Some(value) = accept_language {
        request = request.header("accept-language", value);
    }
    let request = request.body(Full::new(Bytes::new())).expect("a request");
    let response = client.request(request).await.expect("the server answers");
    let (parts, body) = response.into_parts();
    let body = body.collect().await.expect("a body").to_bytes();
    Reply {
        headers: parts.headers,
        body: serde_json::from_slice(&body).expect("a JSON body"),
    }
}

/// Every `Accept-Language` case, against a service at `addr`.
async fn negotiates(addr: SocketAddr) {
    let code = Eryao::from(Auth::AUTH_TOO_MANY_REQUESTS);
    let english = code.entry().title();
    let chinese = ZH_HANS.get(code.as_str()).expect("translated").title();
    let cases: [(Option<&str>, &str); 9] = [
        (Some("zh-CN,zh;q=0.9"), "zh-Hans"),
        (None, "en"),
        (Some("*"), "en"),
        (Some("fr-FR, de;q=0.8"), "en"),
        (Some("zh-TW"), "en"),
        (Some("en;q=0.5, zh-CN;q=0.8"), "zh-Hans"),
        (Some("zh-CN;q=0.1, en"), "en"),
        (Some("fr, *;q=0.5, zh;q=0.4"), "en"),
        (Some("fr, zh-Hans;q=0.3"), "zh-Hans"),
    ];
    let default = otp(addr, None).await;
    for (header, language) in cases {
        let reply = otp(addr, header).await;
        assert_eq!(
            reply.header("content-language"),
            Some(language),
            "{header:?}"
        );
        assert_eq!(reply.header("vary"), Some("accept-language"), "{header:?}");
        assert_eq!(reply.header("retry-after"), Some("30"));
        let (title, detail) = if language == "zh-Hans" {
            (chinese, "请在 30 秒后重试")
        } else {
            (english, "Try again in 30 seconds")
        };
        assert_eq!(reply.body["title"], title, "{header:?}");
        assert_eq!(reply.body["detail"], detail, "{header:?}");
        for member in ["type", "status", "code", "instance", "retry_after"] {
            assert_eq!(reply.body[member], default.body[member], "{member}");
        }
    }
    assert_eq!(Eryao::LANGUAGE, "en");

    // A rejection under a catalog code is in the request's language too.
    let path = "/v1/agent/sessions/not-a-number";
    let rejected = send(addr, Method::GET, path, Some("zh-CN")).await;
    let code = Eryao::from(AgentSession::AGENT_SESSION_ID_INVALID);
    let translated = ZH_HANS.get(code.as_str()).expect("translated").title();
    assert_eq!(rejected.body["code"], code.as_str());
    assert_eq!(rejected.body["title"], translated);
    assert_eq!(rejected.header("content-language"), Some("zh-Hans"));
    assert_eq!(rejected.header("vary"), Some("accept-language"));
}

#[cfg(feature = "axum")]
#[tokio::test]
async fn axum_negotiates_from_the_request() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let addr = listener.local_addr().expect("an address");
    let router = problem_codes_tests::service::axum::router();
    tokio::spawn(async move { axum::serve(listener, router).await });
    negotiates(addr).await;
}

#[cfg(feature = "actix-web")]
#[test]
fn actix_web_negotiates_from_the_request() {
    use actix_web::middleware::from_fn;
    use actix_web::{App, HttpServer};
    use problem_codes::actix_web::{fill_instance, negotiate};
    use problem_codes_tests::service;

    actix_web::rt::System::new().block_on(async {
        let server = HttpServer::new(|| {
            App::new()
                .wrap(from_fn(fill_instance))
                .wrap(from_fn(negotiate(service::LOCALES)))
                .configure(service::actix::configure)
        })
        .workers(1)
        .bind(("127.0.0.1", 0))
        .expect("a free port");
        let addr = server.addrs()[0];
        let server = server.disable_signals().run();
        let handle = server.handle();
        actix_web::rt::spawn(server);
        negotiates(addr).await;
        handle.stop(false).await;
    });
}
