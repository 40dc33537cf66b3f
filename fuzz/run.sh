#!/usr/bin/env bash
# Runs each fuzz target for a bounded time, one after another, and prints how many
# inputs each executed and whether it crashed. Not part of CI.
#
#   fuzz/run.sh                       # every target, 600 s each
#   fuzz/run.sh 60 problem_json       # one target, 60 s
#   fuzz/run.sh 600 http_response json_pointer
#
# The targets (`cargo fuzz list`), each with its seeds in seeds/<target> and, where
# there is one, a dictionary in dict/<target>.dict:
#   problem_json     any bytes as a problem document, judged against serde_json
#   http_response    any bytes as a status, a Content-Type and a body, read by
#                    Problem::from_response and the other response readers
#   json_pointer     any bytes as JSON Pointer text and as steps to build one,
#                    against the RFC 6901 reference in tests/src/pointer.rs
#   render           the renderer against its reference, on samples built from bytes
#   derive_macro     #[derive(ProblemCode)] on any tokens
#   catalog_macro    error_catalog! on any tokens
#   contract_inputs  the Markdown importer and the JSON snapshot reader
#   exports          the HTML and Markdown exports of any registry, against an HTML
#                    tokenizer and a CommonMark parser
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`); runs on stable with RUSTC_BOOTSTRAP=1.
# New inputs go to fuzz/corpus/<target> (not committed; fuzz/seeds/<target> is), a crash
# to fuzz/artifacts/<target>, the libFuzzer log to fuzz/artifacts/<target>.log. Replay a
# crash with `RUSTC_BOOTSTRAP=1 cargo fuzz run -s none <target> <file>` in fuzz/.
#
# No sanitizer by default: the crates are `#![forbid(unsafe_code)]`, and without it a
# target runs about twice the inputs. `FUZZ_SANITIZER=address fuzz/run.sh` turns it on.
set -uo pipefail
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1

# syn parses recursively: types nested about a thousand deep (generic arguments, a run
# of `<` in an attribute's value) overflow an 8 MiB stack inside syn, before the
# macros' own code runs. rustc's thread is
# no larger, so that is a limit of every syn-based macro, not a finding; a 1 GiB stack
# lets the macro targets go on to the macros' own code. Replay a crash with it too.
ulimit -s 1048576 2>/dev/null || ulimit -s unlimited 2>/dev/null || true

seconds=${1:-600}
shift || true
if (($# > 0)); then
    targets=("$@")
else
    mapfile -t targets < <(cargo fuzz list)
fi
sanitizer=${FUZZ_SANITIZER:-none}

cargo fuzz build -s "$sanitizer" >/dev/null

failed=()
summary=()
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target" "artifacts/$target"
    log="artifacts/$target.log"
    args=(-max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=2048 -timeout=10)
    if [[ -f "dict/$target.dict" ]]; then
        args+=(-dict="dict/$target.dict")
    fi
    printf '==> %s for %s s\n' "$target" "$seconds"
    if cargo fuzz run -s "$sanitizer" "$target" "corpus/$target" "seeds/$target" -- "${args[@]}" >"$log" 2>&1; then
        status=ok
    else
        status=CRASH
        failed+=("$target")
    fi
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    corpus=$(find "corpus/$target" -type f | wc -l)
    summary+=("$(printf '%-14s %-6s %12s executions  %6s corpus inputs' "$target" "$status" "${runs:-?}" "$corpus")")
    printf '%s\n' "${summary[-1]}"
    if [[ $status == CRASH ]]; then
        grep -m1 -A12 'panicked at\|ERROR: libFuzzer' "$log" || tail -20 "$log"
    fi
done

printf '\nsummary\n'
printf '%s\n' "${summary[@]}"
if ((${#failed[@]} > 0)); then
    printf 'crashed: %s (inputs in fuzz/artifacts/<target>/)\n' "${failed[*]}"
    exit 1
fi
