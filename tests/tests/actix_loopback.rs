//! The same eryao service on actix-web, started on 127.0.0.1 with an OS-assigned port
//! and called with hyper's client over loopback: the same expectations hold.

#![cfg(feature = "actix-web")]

mod support;

use actix_web::HttpServer;
use problem_codes_tests::service;

#[test]
fn every_endpoint_fails_with_its_code() {
    actix_web::rt::System::new().block_on(async {
        let server = HttpServer::new(service::actix::app)
            .workers(1)
            .bind(("127.0.0.1", 0))
            .expect("a free port");
        let addr = server.addrs()[0];
        let server = server.disable_signals().run();
        let handle = server.handle();
        actix_web::rt::spawn(server);
        support::check_service(addr).await;
        handle.stop(false).await;
    });
}
