//! The TypeScript export's `readEryaoProblem`, run for real: the export is compiled to
//! JavaScript by `tsc`, the eryao service with its demo endpoints
//! (`problem_codes_tests::frontend`, the example server's app) listens on 127.0.0.1,
//! and `node --test` runs `tests/node/read_problem.test.mjs` against it with Node's own
//! `fetch`.
//!
//! `tsc` comes from `npm ci --prefix .ci/node` (or `PROBLEM_CODES_TSC`), `node` from the
//! `PATH` (or `PROBLEM_CODES_NODE`). Outside CI (`CI` unset) a missing tool skips the
//! test with a message; in CI it fails it.

#![cfg(feature = "axum")]

use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::Command;

use problem_codes::{MemberType, ProblemCode};
use problem_codes_contract::{Registry, RegistryMember};
use problem_codes_tests::eryao::{AgentPoints, Auth, Eryao, Profile};
use problem_codes_tests::frontend;

/// Skips outside CI, with `how` to get the tool; fails in CI.
fn missing(how: &str) {
    assert!(std::env::var("CI").map_or(true, |ci| ci != "true"), "{how}");
    eprintln!("SKIPPED (not in CI): {how}");
}

fn tsc() -> Option<PathBuf> {
    let path = std::env::var_os("PROBLEM_CODES_TSC").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../.ci/node/node_modules/.bin/tsc"),
        PathBuf::from,
    );
    if path.exists() {
        return Some(path);
    }
    missing(&format!(
        "tsc is not at {}: install it with `npm ci --prefix .ci/node` at the workspace root, \
         or set PROBLEM_CODES_TSC to a tsc",
        path.display()
    ));
    None
}

fn node() -> Option<PathBuf> {
    let path = std::env::var_os("PROBLEM_CODES_NODE").map_or_else(|| "node".into(), PathBuf::from);
    let runs = Command::new(&path)
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success());
    if runs {
        return Some(path);
    }
    missing(&format!(
        "`{} --version` does not run: install Node 20 or later, or set PROBLEM_CODES_NODE",
        path.display()
    ));
    None
}

/// The members the service sends, for the codes whose catalog entry declares none yet;
/// where the catalog declares them, they must be these.
fn with_sent_members(registry: &Registry) -> Registry {
    let sent = [
        (
            Auth::AUTH_TOO_MANY_REQUESTS.code(),
            vec![RegistryMember::new("retry_after", MemberType::Integer)],
        ),
        (
            AgentPoints::POINTS_INSUFFICIENT_BALANCE.code(),
            vec![
                RegistryMember::new("balance", MemberType::Integer),
                RegistryMember::new("required", MemberType::Integer),
            ],
        ),
        (
            Profile::PROFILE_PAYLOAD_INVALID.code(),
            vec![RegistryMember::new("errors", MemberType::Errors)],
        ),
    ];
    let codes = registry
        .codes()
        .iter()
        .map(|entry| {
            let Some((_, members)) = sent.iter().find(|(code, _)| *code == entry.code()) else {
                return entry.clone();
            };
            if entry.members().is_empty() {
                return entry.clone().with_members(members.clone());
            }
            let declared: Vec<(&str, MemberType, bool)> = entry
                .members()
                .iter()
                .map(|m| (m.name(), m.ty(), m.is_optional()))
                .collect();
            let expected: Vec<(&str, MemberType, bool)> = members
                .iter()
                .map(|m| (m.name(), m.ty(), m.is_optional()))
                .collect();
            assert_eq!(declared, expected, "the members of {}", entry.code());
            entry.clone()
        })
        .collect();
    Registry::new(registry.name(), codes).expect("the registry with its members")
}

/// Serves the example server's app on 127.0.0.1, on a port the system chooses, in a
/// thread of its own that lives as long as the test process.
fn serve() -> SocketAddr {
    let listener = std::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
        .expect("a port on 127.0.0.1");
    let addr = listener.local_addr().expect("its address");
    listener
        .set_nonblocking(true)
        .expect("a non-blocking listener");
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("a tokio listener");
            axum::serve(listener, frontend::router())
                .await
                .expect("the server runs");
        });
    });
    addr
}

fn run(command: &mut Command) -> Result<String, String> {
    let output = command
        .output()
        .map_err(|err| format!("{command:?}: {err}"))?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    if output.status.success() {
        Ok(text)
    } else {
        Err(text)
    }
}

#[test]
fn the_compiled_reader_reads_every_shape_the_server_sends() {
    let (Some(tsc), Some(node)) = (tsc(), node()) else {
        return;
    };
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("node-reader");
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let registry = with_sent_members(&Registry::of::<Eryao>());
    std::fs::write(dir.join("eryao.ts"), registry.to_typescript()).expect("write eryao.ts");
    std::fs::write(dir.join("package.json"), "{ \"type\": \"module\" }\n")
        .expect("write package.json");
    let suite = Path::new(env!("CARGO_MANIFEST_DIR")).join("node/read_problem.test.mjs");
    std::fs::copy(&suite, dir.join("read_problem.test.mjs")).expect("copy the suite");
    let compiled = run(Command::new(&tsc)
        .current_dir(&dir)
        .args(["--strict", "--target", "es2022", "--module", "es2022"])
        .args(["--lib", "es2022,dom", "--pretty", "false", "eryao.ts"]));
    if let Err(errors) = compiled {
        panic!("tsc refuses the export:\n{errors}");
    }
    assert!(dir.join("eryao.js").is_file(), "tsc wrote eryao.js");

    let addr = serve();
    let result = run(Command::new(&node)
        .current_dir(&dir)
        .env("ERYAO_BASE_URL", format!("http://{addr}"))
        .args(["--test", "--test-reporter", "tap", "read_problem.test.mjs"]));
    let output = result.unwrap_or_else(|output| panic!("node --test fails:\n{output}"));
    // Every test of the suite ran, and none failed.
    let tests = std::fs::read_to_string(&suite)
        .expect("the suite")
        .matches("\ntest(")
        .count();
    assert!(tests >= 10, "the suite has its tests");
    assert!(
        output.contains(&format!("# pass {tests}\n")) && output.contains("# fail 0\n"),
        "{output}"
    );
}
