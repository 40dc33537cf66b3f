//! The optimised renderer against its reference (`problem_codes_tests::oracle`): for
//! any sample the fuzzer builds, the body is byte for byte what `serde_json` and
//! `format!` write, whichever path it takes, and parses back to the problem.

#![no_main]

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use problem_codes::Catalog;
use problem_codes_tests::eryao::Eryao;
use problem_codes_tests::oracle::{Sample, check};
use serde_json::{Map, Value};

fn value(u: &mut Unstructured<'_>, depth: u32) -> Result<Value> {
    let kind = if depth == 0 {
        u.int_in_range(0..=5)?
    } else {
        u.int_in_range(0..=7)?
    };
    Ok(match kind {
        0 => Value::Null,
        1 => Value::from(u.arbitrary::<bool>()?),
        2 => Value::from(u.arbitrary::<i64>()?),
        3 => Value::from(u.arbitrary::<u64>()?),
        4 => Value::from(f64::from_bits(u.arbitrary::<u64>()?)),
        5 => Value::from(u.arbitrary::<String>()?),
        6 => {
            let mut items = Vec::new();
            u.arbitrary_loop(None, Some(8), |u| {
                items.push(value(u, depth - 1)?);
                Ok(std::ops::ControlFlow::Continue(()))
            })?;
            Value::from(items)
        }
        _ => {
            let mut members = Map::new();
            u.arbitrary_loop(None, Some(8), |u| {
                members.insert(u.arbitrary::<String>()?, value(u, depth - 1)?);
                Ok(std::ops::ControlFlow::Continue(()))
            })?;
            Value::Object(members)
        }
    })
}

fn sample(u: &mut Unstructured<'_>) -> Result<Sample> {
    Ok(match u.int_in_range(0..=6)? {
        0 => Sample::Static,
        1 => Sample::Text(u.arbitrary()?),
        2 => Sample::Integers {
            a: u.arbitrary()?,
            b: u.arbitrary()?,
            c: u.arbitrary()?,
            d: u.arbitrary()?,
            e: u.arbitrary()?,
            f: u.arbitrary()?,
            g: u.arbitrary()?,
            h: u.arbitrary()?,
            i: u.arbitrary()?,
            j: u.arbitrary()?,
        },
        3 => Sample::Shown(
            f64::from_bits(u.arbitrary()?),
            u.arbitrary()?,
            u.arbitrary()?,
            u.arbitrary()?,
        ),
        4 => Sample::Specs(
            u.arbitrary()?,
            u.arbitrary()?,
            f64::from_bits(u.arbitrary()?),
        ),
        5 => Sample::Members {
            note: u.arbitrary()?,
            retry: u.arbitrary()?,
            value: value(u, 4)?,
            list: u.arbitrary()?,
            huge: u.arbitrary()?,
            ratio: f64::from_bits(u.arbitrary()?),
        },
        _ => Sample::Code(*u.choose(Eryao::ALL)?),
    })
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(sample) = sample(&mut u) else {
        return;
    };
    let instance: Option<String> = u.arbitrary().unwrap_or_default();
    let _ = check(&sample, instance.as_deref());
});
