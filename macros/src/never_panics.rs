//! The macros never panic. A panic in a proc macro reaches the user as "proc macro
//! panicked", with no span and no fix; every input must give an expansion or a
//! `compile_error!`. Both macros are driven here, on token streams, with thousands of
//! inputs: catalogs and derives generated from their grammar with valid and invalid
//! pieces, and valid inputs mutated token by token (tokens dropped, duplicated, swapped,
//! regrouped, literals replaced by literals of other kinds). Each input's expansion is
//! checked as the fuzz targets check it. The generator is seeded, so a failure names the
//! case that reproduces it.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};

/// Inputs per macro and per kind (generated, mutated): 4 × this many in all. A deeper
/// run sets `PROBLEM_CODES_MACRO_CASES`, e.g. to 200000 with `--release`.
const CASES: usize = 2_500;

fn cases() -> usize {
    std::env::var("PROBLEM_CODES_MACRO_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(CASES)
}

/// A small, seeded generator (xorshift64*): the same cases on every run. `slips` is
/// how often, in percent, a grammar generator writes a piece wrong.
struct Rng {
    state: u64,
    slips: usize,
}

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng {
            state: seed.max(1),
            slips: 10,
        }
    }

    fn next(&mut self) -> u64 {
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn slip(&mut self) -> bool {
        self.below(100) < self.slips
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }

    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

fn lex(source: &str) -> TokenStream {
    source
        .parse()
        .unwrap_or_else(|err| panic!("`{source}` lexes: {err}"))
}

/// Words the macros give meaning to, keywords, and codes of every shape.
const WORDS: &[&str] = &[
    "catalog",
    "section",
    "type_base",
    "crate",
    "title",
    "meaning",
    "handling",
    "deprecated",
    "code",
    "status",
    "title",
    "detail",
    "type",
    "transparent",
    "extension",
    "retry_after",
    "problem",
    "enum",
    "struct",
    "union",
    "pub",
    "where",
    "Self",
    "self",
    "super",
    "_",
    "r#type",
    "r#match",
    "true",
    "NOT_FOUND",
    "ORDER_NOT_FOUND",
    "SELF",
    "AB",
    "A_",
    "orderNotFound",
    "ÉCOLE_FERMÉE",
    "u64",
    "String",
    "Option",
    "Duration",
];

/// Literals of every kind, including the shapes a macro seldom meets.
fn literal(rng: &mut Rng) -> TokenTree {
    let lit = match rng.below(16) {
        0 => Literal::u64_unsuffixed(rng.next() % 1000),
        1 => Literal::u16_suffixed(404),
        2 => Literal::u128_unsuffixed(u128::MAX),
        3 => Literal::i64_unsuffixed(-404),
        4 => Literal::f64_unsuffixed(404.5),
        5 => Literal::f32_suffixed(4.0),
        6 => Literal::string(rng.pick(TEXTS)),
        7 => Literal::character(rng.pick(&['{', '}', '"', '\0', 'é'])),
        8 => Literal::byte_string(b"ORDER_NOT_FOUND"),
        9 => Literal::byte_character(b'x'),
        10 => Literal::c_string(c"ORDER"),
        _ => {
            let text = rng.pick(&[
                "0x194",
                "4_04",
                "1e3",
                "404i8",
                "99999999999999999999999999999999999999999",
                "r#\"{0}\"#",
                "\"\\u{0}\\\"\"",
                "404usize",
                "0b1",
                "1_000u32",
            ]);
            return lex(text).into_iter().next().unwrap_or_else(|| {
                TokenTree::Literal(Literal::string("unreachable: each text is one token"))
            });
        }
    };
    TokenTree::Literal(lit)
}

/// Strings for titles, meanings, details, type bases: format strings of every shape.
const TEXTS: &[&str] = &[
    "",
    " ",
    "Order not found",
    "{0}",
    "{1}",
    "{name}",
    "{0:?}",
    "{0:>1$}",
    "{:*^9}",
    "{}",
    "{",
    "}",
    "{{}}",
    "{ 0 }",
    "{0:}",
    "{é}",
    "{r#type}",
    "{99999999999999999999}",
    "{-1}",
    "{0.1}",
    "{self}",
    "a {x} b {y:#x} c {{z}}",
    "https://shop.example/p/",
    "::problem_codes",
    "crate::x",
    "not a path",
    "ORDER_NOT_FOUND",
    "\0\u{7f}\"\\\n",
    "é😀",
];

fn word(rng: &mut Rng) -> TokenTree {
    let word = rng.pick(WORDS);
    lex(word)
        .into_iter()
        .next()
        .unwrap_or_else(|| TokenTree::Ident(Ident::new("unreachable", Span::call_site())))
}

fn punct(rng: &mut Rng) -> TokenTree {
    let ch = rng.pick(&[
        ',', ';', '=', ':', '#', '!', '+', '-', '<', '>', '&', '\'', '.',
    ]);
    let spacing = if rng.one_in(3) {
        Spacing::Joint
    } else {
        Spacing::Alone
    };
    TokenTree::Punct(Punct::new(ch, spacing))
}

fn any_token(rng: &mut Rng) -> TokenTree {
    match rng.below(4) {
        0 => literal(rng),
        1 => word(rng),
        2 => punct(rng),
        _ => TokenTree::Group(Group::new(delimiter(rng), TokenStream::new())),
    }
}

fn delimiter(rng: &mut Rng) -> Delimiter {
    rng.pick(&[
        Delimiter::Brace,
        Delimiter::Parenthesis,
        Delimiter::Bracket,
        Delimiter::None,
    ])
}

/// One mutation somewhere in `stream`: at this level, or inside one of its groups.
fn mutate(stream: TokenStream, rng: &mut Rng, donor: &TokenStream) -> TokenStream {
    let mut tokens: Vec<TokenTree> = stream.into_iter().collect();
    let groups: Vec<usize> = (0..tokens.len())
        .filter(|&i| matches!(tokens[i], TokenTree::Group(_)))
        .collect();
    if !groups.is_empty() && !rng.one_in(3) {
        let i = rng.pick(&groups);
        if let TokenTree::Group(group) = &tokens[i] {
            let inner = mutate(group.stream(), rng, donor);
            let mut new = Group::new(group.delimiter(), inner);
            new.set_span(group.span());
            tokens[i] = TokenTree::Group(new);
        }
        return tokens.into_iter().collect();
    }
    let len = tokens.len();
    let at = rng.below(len);
    match rng.below(12) {
        0 if len > 0 => {
            tokens.remove(at);
        }
        1 if len > 0 => tokens.insert(at, tokens[at].clone()),
        2 if len > 1 => {
            let other = rng.below(len);
            tokens.swap(at, other);
        }
        3 => {
            let spot = tokens
                .iter()
                .position(|tt| matches!(tt, TokenTree::Literal(_)) && rng.one_in(2))
                .unwrap_or(at);
            let lit = literal(rng);
            if spot < len {
                tokens[spot] = lit;
            } else {
                tokens.push(lit);
            }
        }
        4 if len > 0 => tokens[at] = word(rng),
        5 => tokens.insert(at.min(len), any_token(rng)),
        6 if len > 0 => {
            if let TokenTree::Group(group) = &tokens[at] {
                tokens[at] = TokenTree::Group(Group::new(delimiter(rng), group.stream()));
            }
        }
        7 if len > 0 => {
            if let TokenTree::Group(group) = tokens[at].clone() {
                tokens.splice(at..=at, group.stream());
            }
        }
        8 if len > 0 => {
            let end = (at + 1 + rng.below(3)).min(len);
            let inner: TokenStream = tokens.drain(at..end).collect();
            tokens.insert(at, TokenTree::Group(Group::new(delimiter(rng), inner)));
        }
        9 => tokens.truncate(at),
        10 => {
            // Graft a run of tokens from another input.
            let donor: Vec<TokenTree> = donor.clone().into_iter().collect();
            if !donor.is_empty() {
                let from = rng.below(donor.len());
                let to = (from + 1 + rng.below(4)).min(donor.len());
                let graft = donor[from..to].to_vec();
                tokens.splice(at.min(len)..at.min(len), graft);
            }
        }
        _ if len > 0 => {
            if let TokenTree::Punct(_) = tokens[at] {
                tokens[at] = punct(rng);
            } else {
                tokens[at] = any_token(rng);
            }
        }
        _ => tokens.push(any_token(rng)),
    }
    tokens.into_iter().collect()
}

fn string_lit(rng: &mut Rng) -> String {
    format!("{:?}", rng.pick(TEXTS))
}

/// A value for `key = …` or `key: …`: usually a string, sometimes anything.
fn value(rng: &mut Rng) -> String {
    match rng.below(6) {
        0 => literal(rng).to_string(),
        1 => word(rng).to_string(),
        _ => string_lit(rng),
    }
}

/// `valid`, or one of the slips `slip` makes, as often as the generator slips.
fn or_slip(rng: &mut Rng, valid: String, slip: fn(&mut Rng) -> String) -> String {
    if rng.slip() { slip(rng) } else { valid }
}

fn status(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => literal(rng).to_string(),
        1 => "NOT_FOUND".to_owned(),
        _ => format!("{}", 100 + rng.below(700)),
    }
}

fn error_status(rng: &mut Rng) -> String {
    let valid = format!("{}", 400 + rng.below(200));
    or_slip(rng, valid, status)
}

fn code_name(rng: &mut Rng) -> String {
    if rng.one_in(2) {
        word(rng).to_string()
    } else {
        format!("ORDER_{}", rng.below(4))
    }
}

/// A catalog from the DSL's grammar: valid, with slips as often as the generator makes
/// them.
fn gen_catalog(rng: &mut Rng) -> String {
    let mut out = String::new();
    let mut codes = 0;
    for n in 0..1 + rng.below(2) {
        if rng.one_in(2) {
            out.push_str(closing_docs(rng));
        }
        out.push_str(rng.pick(&["pub ", "", "pub(crate) "]));
        let keyword = or_slip(rng, "catalog".into(), |rng| {
            rng.pick(&["catalogue", "", "section", "enum"]).into()
        });
        out.push_str(&format!("{keyword} Cat{n} "));
        if rng.one_in(4) {
            let members = or_slip(rng, "A + b::B".into(), |rng| {
                rng.pick(&["A +", "", "\"A\"", "A + A", "A - B"]).into()
            });
            out.push_str(&format!("= {members}"));
            if rng.one_in(2) {
                let krate = or_slip(rng, "\"::problem_codes\"".into(), value);
                let skip = if rng.one_in(2) {
                    " skip_impl(utoipa);"
                } else {
                    ""
                };
                let closing = if rng.one_in(2) { closing_docs(rng) } else { "" };
                out.push_str(&format!(" {{ crate = {krate};{skip} {closing}}}"));
            } else {
                out.push_str(&or_slip(rng, ";".into(), |_| String::new()));
            }
            continue;
        }
        out.push('{');
        if rng.one_in(2) {
            let base = or_slip(rng, "\"https://shop.example/p/\"".into(), value);
            out.push_str(&format!("type_base = {base};"));
        }
        if rng.one_in(4) {
            let krate = or_slip(rng, "\"::problem_codes\"".into(), value);
            out.push_str(&format!("crate = {krate};"));
        }
        if rng.one_in(4) {
            let skipped = rng.pick(&[
                "(axum)",
                "(actix_web, utoipa)",
                "(axom)",
                "(actix-web)",
                "(axum, axum)",
                "()",
                "(\"axum\")",
                " = \"axum\"",
                "",
            ]);
            out.push_str(&format!("skip_impl{skipped};"));
        }
        if rng.slip() {
            let key = rng.pick(&[
                "type_bse",
                "crate",
                "type_base",
                "section",
                "sectoin",
                "skip_impl",
            ]);
            out.push_str(&format!("{key} = {};", value(rng)));
        }
        for s in 0..1 + rng.below(3) {
            if rng.one_in(3) {
                out.push_str("/// Section docs.\n");
            }
            let name = or_slip(rng, format!("\"Section {s}\""), value);
            out.push_str(&format!("section {name} {{"));
            for _ in 0..rng.below(5) {
                codes += 1;
                let code = or_slip(rng, format!("CODE_{codes}"), code_name);
                let status = error_status(rng);
                out.push_str(&format!("{code} = {status} {{"));
                let mut fields = vec![format!("title: {}", string_lit(rng))];
                if rng.one_in(2) {
                    fields.push(format!("handling: {}", string_lit(rng)));
                }
                if rng.one_in(5) {
                    let target = rng.pick(&["true", "\"CODE_1\"", "\"CODE_2\""]);
                    fields.push(format!("deprecated: {target}"));
                }
                while rng.slip() {
                    let key = rng.pick(&["title", "handling", "deprecated", "titel", "meaning"]);
                    let sep = rng.pick(&[":", "=", ""]);
                    fields.push(format!("{key}{sep} {}", value(rng)));
                }
                if rng.slip() {
                    let (swap, keep) = (rng.below(fields.len()), rng.below(fields.len() + 1));
                    fields.swap(0, swap);
                    fields.truncate(keep);
                }
                out.push_str(&fields.join(", "));
                out.push_str(rng.pick(&["},", "},", "}"]));
            }
            out.push('}');
        }
        if rng.one_in(3) {
            out.push_str(closing_docs(rng));
        }
        out.push('}');
    }
    out
}

/// Doc comments of every shape a catalog's framing is read from: a title, a preamble,
/// blank and indented lines, a block comment, an attribute that is no doc comment.
fn closing_docs(rng: &mut Rng) -> &'static str {
    rng.pick(&[
        "/// Docs.\n",
        "/// # Title\n",
        "/// # Title\n///\n/// Preamble.\n",
        "///#\n///\n///   indented\n",
        "/** block\n * comment */\n",
        "#[doc = \"\"]\n",
        "/// Docs.\n#[allow(dead_code)]\n",
    ])
}

/// `#[problem(…)]` with random keys and values of every kind.
fn attr(rng: &mut Rng, keys: &[&str]) -> String {
    let mut items = Vec::new();
    for _ in 0..1 + rng.below(4) {
        let key = rng.pick(keys);
        items.push(match rng.below(5) {
            0 => key.to_owned(),
            1 => format!("{key} = {}", status(rng)),
            2 => format!("{key}({})", value(rng)),
            _ => format!("{key} = {}", value(rng)),
        });
    }
    format!("#[problem({})]", items.join(", "))
}

const CONTAINER_KEYS: &[&str] = &[
    "catalog",
    "crate",
    "type_base",
    "section",
    "skip_impl",
    "cataog",
];
const CODE_KEYS: &[&str] = &[
    "code",
    "status",
    "title",
    "handling",
    "detail",
    "type",
    "transparent",
    "ORDER_NOT_FOUND",
    "Shop::ORDER_NOT_FOUND",
    "ORDER_LOCKED",
    "stauts",
];
const FIELD_KEYS: &[&str] = &["extension", "retry_after", "extenion", "transparent"];
const TYPES: &[&str] = &[
    "u64",
    "i8",
    "usize",
    "String",
    "&'a str",
    "Option<u64>",
    "Duration",
    "T",
    "Inner",
    "[u8; 2]",
    "(u8, u8)",
];

/// The fields of a variant or struct, and the names a detail can use for them.
fn fields(rng: &mut Rng, named: bool) -> (String, Vec<String>) {
    let mut out = Vec::new();
    let mut names = Vec::new();
    let mut retry = false;
    for i in 0..rng.below(4) {
        let mut field = String::new();
        let ty = rng.pick(TYPES);
        if rng.slip() {
            field.push_str(&attr(rng, FIELD_KEYS));
        } else if !retry && ty == "u64" && rng.one_in(2) {
            retry = true;
            field.push_str("#[problem(retry_after)]");
        } else if rng.one_in(3) {
            field.push_str("#[problem(extension)]");
        }
        if named {
            let name = format!("{}{i}", rng.pick(&["a", "name", "r#type", "seconds"]));
            names.push(name.trim_start_matches("r#").to_owned());
            field.push_str(&format!("{name}: "));
        } else {
            names.push(i.to_string());
        }
        field.push_str(ty);
        out.push(field);
    }
    let body = if named {
        format!("{{ {} }}", out.join(", "))
    } else {
        format!("({})", out.join(", "))
    };
    (body, names)
}

fn shape(rng: &mut Rng) -> (String, Vec<String>) {
    match rng.below(3) {
        0 => (String::new(), Vec::new()),
        n => fields(rng, n == 2),
    }
}

/// A detail over `names`: text, fields with and without specs, braces escaped or not.
fn detail(rng: &mut Rng, names: &[String]) -> String {
    let mut text = String::from("at ");
    for _ in 0..rng.below(3) {
        match names.get(rng.below(names.len() + 1)) {
            Some(name) => {
                let spec = rng.pick(&["", "", ":?", ":>8", ":#x"]);
                text.push_str(&format!("{{{name}{spec}}} {{{{x}}}} "));
            }
            None => text.push_str(&or_slip(rng, "é \"q\" ".into(), |rng| {
                rng.pick(TEXTS).into()
            })),
        }
    }
    format!("{text:?}")
}

/// The code of a variant or a struct: a catalog entry or an inline code, and a detail.
fn code_attr(rng: &mut Rng, n: usize, names: &[String], catalog: bool) -> String {
    let mut items = vec![match rng.below(3) {
        0 if catalog => "ORDER_NOT_FOUND".to_owned(),
        1 => "Shop::ORDER_LOCKED".to_owned(),
        _ => format!(
            "code = \"CODE_{n}\", status = {}, title = {}",
            error_status(rng),
            string_lit(rng)
        ),
    }];
    if rng.one_in(2) {
        items.push(format!("detail = {}", detail(rng, names)));
    }
    if rng.slip() {
        items.push(format!("{} = {}", rng.pick(CODE_KEYS), value(rng)));
    }
    format!("#[problem({})]", items.join(", "))
}

/// A derive input from Rust's grammar and the attributes': valid, with slips as often
/// as the generator makes them.
fn gen_derive(rng: &mut Rng) -> String {
    let mut out = String::new();
    let catalog = rng.one_in(2);
    if catalog {
        out.push_str("#[problem(catalog = Shop)]");
    }
    if rng.one_in(3) {
        out.push_str("#[problem(type_base = \"/p/\", section = \"S\")]");
    }
    if rng.one_in(4) {
        let skipped = rng.pick(&[
            "axum",
            "actix_web, utoipa",
            "axum, actix_web, utoipa",
            "axom",
            "actix-web",
            "axum, axum",
            "",
            "axum = 1",
        ]);
        out.push_str(&format!("#[problem(skip_impl({skipped}))]"));
    }
    if rng.slip() {
        let keys: Vec<&str> = CONTAINER_KEYS.iter().chain(CODE_KEYS).copied().collect();
        out.push_str(&attr(rng, &keys));
    }
    let generics = rng.pick(&["", "<'a, T>", "<T: Clone>", "<const N: usize>"]);
    match rng.below(4) {
        0 => {
            let (body, names) = shape(rng);
            out.push_str(&code_attr(rng, 0, &names, catalog));
            let semi = if body.starts_with('{') { "" } else { ";" };
            out.push_str(&format!("struct S{generics} {body}{semi}"));
        }
        1 if rng.slip() => out.push_str(&format!("union U{generics} {}", fields(rng, true).0)),
        _ => {
            out.push_str(&format!("enum E{generics} {{"));
            for v in 0..rng.below(5) {
                let (body, names) = shape(rng);
                if rng.one_in(8) && names.len() == 1 {
                    out.push_str("#[problem(transparent)]");
                } else {
                    out.push_str(&code_attr(rng, v, &names, catalog));
                }
                while rng.slip() {
                    out.push_str(&attr(rng, CODE_KEYS));
                }
                out.push_str(&format!("V{v} {body},"));
            }
            out.push('}');
        }
    }
    out
}

/// Runs `expand` on `input`, catching a panic, and checks the expansion: not empty,
/// readable back as tokens, and with no placeholder unless an error explains it.
fn expand_checked(expand: fn(TokenStream) -> TokenStream, input: &TokenStream, case: &str) -> bool {
    let output = catch_unwind(AssertUnwindSafe(|| expand(input.clone())))
        .unwrap_or_else(|_| panic!("{case} panicked on:\n{input}"));
    assert!(!output.is_empty(), "{case}: empty expansion of:\n{input}");
    let text = output.to_string();
    assert!(
        text.parse::<TokenStream>().is_ok(),
        "{case}: the expansion does not re-lex:\n{text}"
    );
    let errors = has_compile_error(&output);
    if !errors {
        assert!(
            !text.contains("__InvalidCode"),
            "{case}: a placeholder without an error:\n{text}"
        );
    }
    !errors
}

fn has_compile_error(output: &TokenStream) -> bool {
    output.clone().into_iter().any(|tt| match tt {
        TokenTree::Ident(ident) => ident == "compile_error",
        TokenTree::Group(group) => has_compile_error(&group.stream()),
        _ => false,
    })
}

/// The fuzz target's seeds and every input it once crashed on, when the repository is
/// here (the macros crate's own package has neither).
fn fuzz_inputs(target: &str) -> Vec<(String, TokenStream)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    let mut inputs = Vec::new();
    for dir in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let text = std::fs::read(&path).unwrap_or_default();
            if let Ok(tokens) = String::from_utf8_lossy(&text).parse::<TokenStream>() {
                inputs.push((path.display().to_string(), tokens));
            }
        }
    }
    inputs.sort_by(|a, b| a.0.cmp(&b.0));
    inputs
}

/// Valid inputs the mutations start from.
fn seeds(target: &str, own: &[&str]) -> Vec<TokenStream> {
    let mut seeds: Vec<TokenStream> = own.iter().map(|source| lex(source)).collect();
    seeds.extend(fuzz_inputs(target).into_iter().map(|(_, tokens)| tokens));
    seeds
}

const DERIVES: &[&str] = &[
    r#"#[problem(catalog = Shop)]
    enum E {
        #[problem(ORDER_NOT_FOUND, status = 404, detail = "no order {0} ({0:?})")]
        A(u64),
        #[problem(code = "ORDER_LOCKED", status = 423, title = "Locked", handling = "h", type = "/t")]
        B { #[problem(retry_after)] s: u64, #[problem(extension)] until: String, #[problem(extension = "x")] r#type: u8 },
        #[problem(transparent)]
        C(Inner),
    }"#,
    r#"#[problem(code = "CARD_EXPIRED", status = 422, title = "Card expired", detail = "in {year} {{x}}")]
    struct CardError<'a, T: Clone> where T: Default { year: &'a str, #[problem(retry_after)] wait: Option<Duration>, t: T }"#,
    r#"#[problem(crate = "crate::reexport", catalog = a::Shop, type_base = "/p/", section = "S")]
    #[problem(Shop::ORDER_LOCKED)]
    struct Locked;"#,
];

const CATALOGS: &[&str] = &[r#"/// Docs.
    pub catalog Shop {
        type_base = "https://shop.example/p/";
        crate = "::problem_codes";
        /// Orders.
        section "Orders" {
            /// Docs.
            ORDER_NOT_FOUND = 404 { title: "Order not found", handling: "Show it" },
            ORDER_GONE = 410 { title: "Gone", deprecated: "ORDER_NOT_FOUND" },
            ORDER_OLD = 400 { title: "Old", deprecated: true }
        }
        section "Payments" { PAYMENT_DECLINED = 402 { title: "Declined", }, }
    }
    pub(crate) catalog Registry = Shop + other::Other { crate = "::problem_codes"; }"#];

const LOCALES: &[&str] = &[r#"/// Docs.
    pub locale ZH_HANS for crate::shop::Shop = "zh-Hans-CN" {
        crate = "::problem_codes";
        ORDER_NOT_FOUND { title: "订单不存在", handling: "显示", detail: "订单 {order_id} {{x}}" },
        ORDER_GONE { title: "已删除" }
    }
    pub(crate) locale DE for Shop = "de-CH-1901" { ORDER_NOT_FOUND { title: "Nicht gefunden", }, }"#];

fn generated(
    expand: fn(TokenStream) -> TokenStream,
    generate: fn(&mut Rng) -> String,
    seed: u64,
    name: &str,
) {
    let mut rng = Rng::new(seed);
    let mut valid = 0;
    let cases = cases();
    for case in 0..cases {
        // A third of the inputs nearly valid, to reach expansion; the rest full of slips.
        rng.slips = if case % 3 == 0 { 2 } else { 25 };
        let source = generate(&mut rng);
        let input = lex(&source);
        valid += usize::from(expand_checked(
            expand,
            &input,
            &format!("{name} generated case {case}"),
        ));
    }
    // The grammar reaches expansion, not only the first error.
    eprintln!("{name}: {valid} of {cases} generated inputs expand without an error");
    assert!(valid > cases / 10, "{name}: only {valid} inputs were valid");
}

fn mutated(expand: fn(TokenStream) -> TokenStream, seeds: &[TokenStream], seed: u64, name: &str) {
    let mut rng = Rng::new(seed);
    let mut valid = 0;
    let cases = cases();
    for case in 0..cases {
        let mut input = seeds[rng.below(seeds.len())].clone();
        let donor = seeds[rng.below(seeds.len())].clone();
        for _ in 0..1 + rng.below(4) {
            input = mutate(input, &mut rng, &donor);
        }
        valid += usize::from(expand_checked(
            expand,
            &input,
            &format!("{name} mutated case {case}"),
        ));
    }
    eprintln!("{name}: {valid} of {cases} mutated inputs expand without an error");
}

#[test]
fn the_derive_never_panics_on_generated_inputs() {
    generated(crate::derive::expand, gen_derive, 0xd1e5, "derive");
}

#[test]
fn the_derive_never_panics_on_mutated_inputs() {
    let seeds = seeds("derive_macro", DERIVES);
    mutated(crate::derive::expand, &seeds, 0x5eed, "derive");
}

#[test]
fn the_catalog_never_panics_on_generated_inputs() {
    generated(crate::catalog::expand, gen_catalog, 0xca7a, "catalog");
}

#[test]
fn the_catalog_never_panics_on_mutated_inputs() {
    let seeds = seeds("catalog_macro", CATALOGS);
    mutated(crate::catalog::expand, &seeds, 0x10c, "catalog");
}

#[test]
fn the_locale_never_panics_on_mutated_inputs() {
    let seeds = seeds("locale_macro", LOCALES);
    mutated(crate::locale::expand, &seeds, 0x10ca1e, "locale");
}

#[test]
fn every_fuzz_input_expands_without_a_panic() {
    for (target, expand) in [
        (
            "derive_macro",
            crate::derive::expand as fn(TokenStream) -> TokenStream,
        ),
        ("catalog_macro", crate::catalog::expand),
    ] {
        for (name, input) in fuzz_inputs(target) {
            expand_checked(expand, &input, &name);
        }
    }
}

#[test]
fn the_valid_seeds_expand_without_errors() {
    for (sources, expand) in [
        (
            DERIVES,
            crate::derive::expand as fn(TokenStream) -> TokenStream,
        ),
        (CATALOGS, crate::catalog::expand),
        (LOCALES, crate::locale::expand),
    ] {
        for source in sources {
            let output = expand(lex(source));
            assert!(!has_compile_error(&output), "{source}\n{output}");
        }
    }
}
