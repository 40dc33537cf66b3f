//! A small command-line front for the exports, the gate and the importer, to wire into
//! an example (or a tools crate's `[[bin]]`) of your own:
//!
//! ```no_run
//! # problem_codes::error_catalog! { pub catalog Eryao { section "Auth" {
//! #     AUTH_USER_NOT_FOUND = 404 { meaning: "User not found" } } } }
//! use problem_codes_contract::cli::Cli;
//! use problem_codes_contract::export::MarkdownOptions;
//!
//! fn main() -> std::process::ExitCode {
//!     Cli::new::<Eryao>()
//!         .markdown(MarkdownOptions::new().title("HTTP Error Codes"))
//!         .snapshot("tests/eryao.codes.json")
//!         .run(std::env::args_os().skip(1))
//! }
//! ```
//!
//! ```text
//! markdown                     the catalog as the Markdown document
//! json                         the JSON registry
//! schema                       the JSON Schema of the registry
//! typescript                   the TypeScript module for the frontend
//! html <dir>                   the type URI pages, written under <dir>
//! check [<snapshot>]           compare with the snapshot; exit 1 when a change is refused
//! snapshot [<snapshot>]        record the catalog in the snapshot, if compatible
//! import <file> [--name Name]  error_catalog! source for a Markdown table document
//! ```
//!
//! `check` and `snapshot` take `--acknowledge CODE,CODE` to let the refused changes of
//! those codes through.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::Registry;
use crate::compat::{self, GateError, Settings};
use crate::export::MarkdownOptions;
use crate::export::html::write_site;
use crate::import::{self, ImportError};
use problem_codes::Catalog;

/// The commands, for `help` and usage errors.
///
/// ```
/// use problem_codes_contract::Registry;
/// use problem_codes_contract::cli::{Cli, USAGE};
///
/// let mut out = Vec::new();
/// Cli::for_registry(Registry::new("Auth", Vec::new())?).execute(["help"], &mut out)?;
/// assert_eq!(String::from_utf8(out)?, format!("{USAGE}\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const USAGE: &str = "\
commands:
  markdown                     the catalog as the Markdown document
  json                         the JSON registry
  schema                       the JSON Schema of the registry
  typescript                   the TypeScript module for the frontend
  html <dir>                   the type URI pages, written under <dir>
  check [<snapshot>]           compare with the snapshot; exit 1 when a change is refused
  snapshot [<snapshot>]        record the catalog in the snapshot, if compatible
  import <file> [--name Name]  error_catalog! source for a Markdown table document
options of check and snapshot:
  --acknowledge CODE,CODE      let the refused changes of these codes through";

/// The command-line front for one catalog: build it with [`Cli::new`] or
/// [`Cli::for_registry`], then [`run`](Cli::run) it from `main` or
/// [`execute`](Cli::execute) it in a test.
///
/// ```
/// use problem_codes_contract::{Registry, RegistryEntry};
/// use problem_codes_contract::cli::Cli;
///
/// let registry = Registry::new("Auth", vec![RegistryEntry::new("AUTH_USER_NOT_FOUND", 404, "User not found")])?;
/// let mut out = Vec::new();
/// Cli::for_registry(registry).execute(["typescript"], &mut out)?;
/// assert!(String::from_utf8(out)?.contains("export type AuthCode =\n  | \"AUTH_USER_NOT_FOUND\";"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Cli<'a> {
    registry: Registry,
    markdown: MarkdownOptions<'a>,
    snapshot: Option<PathBuf>,
}

impl<'a> Cli<'a> {
    /// The front for catalog `C`, with no Markdown options and no default snapshot.
    ///
    /// ```
    /// use problem_codes_contract::cli::Cli;
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { meaning: "User not found", handling: "Show not-found message" },
    /// # } } }
    ///
    /// let mut out = Vec::new();
    /// Cli::new::<Auth>().execute(["markdown"], &mut out)?;
    /// assert_eq!(
    ///     String::from_utf8(out)?,
    ///     "## Auth\n\n| code | status | meaning | frontend handling |\n|---|---:|---|---|\n\
    ///      | `AUTH_USER_NOT_FOUND` | 404 | User not found | Show not-found message |\n",
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new<C: Catalog>() -> Cli<'a> {
        Cli::for_registry(Registry::of::<C>())
    }

    /// The front for a registry: one read from a snapshot, or assembled by hand (see
    /// the example on [`Cli`]).
    #[must_use]
    pub fn for_registry(registry: Registry) -> Cli<'a> {
        Cli {
            registry,
            markdown: MarkdownOptions::new(),
            snapshot: None,
        }
    }

    /// The title, preamble and closing text of the `markdown` command.
    ///
    /// ```
    /// use problem_codes_contract::{Registry, RegistryEntry};
    /// use problem_codes_contract::cli::Cli;
    /// use problem_codes_contract::export::MarkdownOptions;
    ///
    /// let registry = Registry::new("Auth", vec![RegistryEntry::new("AUTH_X_Y", 400, "X")])?;
    /// let cli = Cli::for_registry(registry).markdown(MarkdownOptions::new().title("HTTP Error Codes"));
    /// let mut out = Vec::new();
    /// cli.execute(["markdown"], &mut out)?;
    /// assert!(String::from_utf8(out)?.starts_with("# HTTP Error Codes\n\n| code |"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn markdown(mut self, options: MarkdownOptions<'a>) -> Cli<'a> {
        self.markdown = options;
        self
    }

    /// The snapshot `check` and `snapshot` use when given none.
    ///
    /// ```
    /// use problem_codes_contract::{Registry, RegistryEntry};
    /// use problem_codes_contract::cli::Cli;
    ///
    /// let dir = std::env::temp_dir().join(format!("problem-codes-cli-{}", std::process::id()));
    /// let registry = Registry::new("Auth", vec![RegistryEntry::new("AUTH_X_Y", 400, "X")])?;
    /// let cli = Cli::for_registry(registry).snapshot(dir.join("auth.codes.json"));
    /// cli.execute(["snapshot"], &mut Vec::new())?;
    /// let mut out = Vec::new();
    /// cli.execute(["check"], &mut out)?;
    /// assert_eq!(String::from_utf8(out)?, "the catalog matches its snapshot\n");
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn snapshot(mut self, path: impl Into<PathBuf>) -> Cli<'a> {
        self.snapshot = Some(path.into());
        self
    }

    /// Runs the command in `args` (without the program name), printing to stdout and
    /// errors to stderr: exit code 0 on success, 1 when `check` or `snapshot` refuses a
    /// change, 2 on a usage, input or I/O error.
    ///
    /// ```
    /// use std::process::ExitCode;
    /// use problem_codes_contract::{Registry, RegistryEntry};
    /// use problem_codes_contract::cli::Cli;
    ///
    /// let dir = std::env::temp_dir().join(format!("problem-codes-run-{}", std::process::id()));
    /// let v1 = Registry::new("Auth", vec![RegistryEntry::new("AUTH_SLOW_DOWN", 429, "Throttled")])?;
    /// let v2 = Registry::new("Auth", vec![RegistryEntry::new("AUTH_SLOW_DOWN", 503, "Throttled")])?;
    /// let path = dir.join("auth.codes.json");
    /// Cli::for_registry(v1).snapshot(&path).execute(["snapshot"], &mut Vec::new())?;
    ///
    /// let cli = Cli::for_registry(v2).snapshot(&path);
    /// assert_eq!(cli.run(["check"]), ExitCode::from(1)); // the status change is refused
    /// assert_eq!(cli.run(["chekc"]), ExitCode::from(2)); // a usage error
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn run(&self, args: impl IntoIterator<Item = impl Into<OsString>>) -> ExitCode {
        let stdout = io::stdout();
        let mut out = stdout.lock();
        match self.execute(args, &mut out) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                let _ = out.flush();
                eprintln!("{err}");
                ExitCode::from(err.exit_code())
            }
        }
    }

    /// Runs the command in `args`, writing its output to `out`.
    ///
    /// # Errors
    ///
    /// [`CliError`]: a usage mistake, an incompatible catalog, a document that does not
    /// import, or an I/O error.
    ///
    /// ```
    /// use problem_codes_contract::cli::Cli;
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { meaning: "User not found" } } } }
    ///
    /// let mut out = Vec::new();
    /// Cli::new::<Auth>().execute(["json"], &mut out)?;
    /// assert!(String::from_utf8(out)?.contains(r#""code": "AUTH_USER_NOT_FOUND""#));
    ///
    /// let err = Cli::new::<Auth>().execute(["jsno"], &mut Vec::new()).unwrap_err();
    /// assert!(err.to_string().starts_with("unknown command `jsno`; did you mean `json`?"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn execute(
        &self,
        args: impl IntoIterator<Item = impl Into<OsString>>,
        out: &mut dyn Write,
    ) -> Result<(), CliError> {
        let args = Args::parse(args)?;
        let io = |source| CliError::Io { source };
        match args.command.as_str() {
            "help" | "--help" | "-h" => {
                args.none()?;
                writeln!(out, "{USAGE}").map_err(io)
            }
            "markdown" => {
                args.none()?;
                out.write_all(self.registry.to_markdown(&self.markdown).as_bytes())
                    .map_err(io)
            }
            "json" => {
                args.none()?;
                out.write_all(self.registry.to_json().as_bytes())
                    .map_err(io)
            }
            "schema" => {
                args.none()?;
                out.write_all(crate::export::json::SCHEMA.as_bytes())
                    .map_err(io)
            }
            "typescript" => {
                args.none()?;
                out.write_all(self.registry.to_typescript().as_bytes())
                    .map_err(io)
            }
            "html" => {
                let dir = PathBuf::from(args.one("html <dir>")?);
                let pages = self.registry.to_html();
                write_site(&pages, &dir).map_err(io)?;
                writeln!(out, "wrote {} pages under {}", pages.len(), dir.display()).map_err(io)
            }
            "check" | "snapshot" => {
                let overwrite = args.command == "snapshot";
                let path = match args.optional()? {
                    Some(path) => PathBuf::from(path),
                    None => self.snapshot.clone().ok_or_else(|| {
                        CliError::Usage(format!(
                            "`{}` needs the snapshot's path: `{} <snapshot.json>`",
                            args.command, args.command
                        ))
                    })?,
                };
                let settings = Settings::new()
                    .overwrite(overwrite)
                    .acknowledge(args.acknowledged.iter().cloned());
                let outcome = compat::gate(&self.registry, &path, &settings)?;
                writeln!(out, "{}", outcome.report()).map_err(io)?;
                if outcome.written() {
                    writeln!(out, "wrote {}: commit it", path.display()).map_err(io)?;
                }
                Ok(())
            }
            "import" => {
                let file = args.one("import <file>")?;
                let text = std::fs::read_to_string(&file).map_err(io)?;
                let document = import::markdown(&text).map_err(|source| CliError::Import {
                    file: PathBuf::from(&file),
                    source,
                })?;
                let name = args
                    .name
                    .clone()
                    .unwrap_or_else(|| document.suggested_name());
                out.write_all(document.to_rust(&name).as_bytes())
                    .map_err(io)
            }
            other => Err(CliError::Usage(format!(
                "unknown command `{other}`{}",
                did_you_mean(other)
            ))),
        }
    }
}

const COMMANDS: [&str; 9] = [
    "markdown",
    "json",
    "schema",
    "typescript",
    "html",
    "check",
    "snapshot",
    "import",
    "help",
];

fn did_you_mean(command: &str) -> String {
    COMMANDS
        .iter()
        .find(|c| distance(c, command) <= 2)
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_default()
}

/// Levenshtein distance, for short words.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (previous + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            previous = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// The command line, split into the command, its positional arguments and options.
struct Args {
    command: String,
    positional: Vec<String>,
    acknowledged: Vec<String>,
    name: Option<String>,
}

impl Args {
    fn parse(args: impl IntoIterator<Item = impl Into<OsString>>) -> Result<Args, CliError> {
        let mut args = args.into_iter().map(|arg| {
            arg.into()
                .into_string()
                .map_err(|arg| CliError::Usage(format!("argument {arg:?} is not UTF-8")))
        });
        let command = args
            .next()
            .transpose()?
            .ok_or_else(|| CliError::Usage("a command is needed".to_owned()))?;
        let mut parsed = Args {
            command,
            positional: Vec::new(),
            acknowledged: Vec::new(),
            name: None,
        };
        while let Some(arg) = args.next().transpose()? {
            let mut value = |flag: &str| {
                args.next()
                    .transpose()?
                    .ok_or_else(|| CliError::Usage(format!("`{flag}` needs a value")))
            };
            match arg.as_str() {
                "--acknowledge" if matches!(parsed.command.as_str(), "check" | "snapshot") => {
                    parsed
                        .acknowledged
                        .extend(compat::split_codes(&value("--acknowledge")?));
                }
                "--name" if parsed.command == "import" => {
                    parsed.name = Some(value("--name")?);
                }
                flag if flag.starts_with("--") => {
                    return Err(CliError::Usage(format!(
                        "`{}` takes no option `{flag}`",
                        parsed.command
                    )));
                }
                _ => parsed.positional.push(arg),
            }
        }
        Ok(parsed)
    }

    fn none(&self) -> Result<(), CliError> {
        match self.positional.first() {
            None => Ok(()),
            Some(extra) => Err(CliError::Usage(format!(
                "`{}` takes no argument, got `{extra}`",
                self.command
            ))),
        }
    }

    fn optional(&self) -> Result<Option<&str>, CliError> {
        match self.positional.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(one)),
            [_, extra, ..] => Err(CliError::Usage(format!(
                "`{}` takes one path, got also `{extra}`",
                self.command
            ))),
        }
    }

    fn one(&self, usage: &str) -> Result<String, CliError> {
        self.optional()?
            .map(str::to_owned)
            .ok_or_else(|| CliError::Usage(format!("usage: {usage}")))
    }
}

/// Why a command failed.
///
/// ```
/// use problem_codes_contract::Registry;
/// use problem_codes_contract::cli::{Cli, CliError};
///
/// let cli = Cli::for_registry(Registry::new("Auth", Vec::new())?);
/// let err = cli.execute(["check"], &mut Vec::new()).unwrap_err();
/// assert!(matches!(err, CliError::Usage(_)));
/// assert!(err.to_string().starts_with("`check` needs the snapshot's path: `check <snapshot.json>`\n"));
///
/// let err = cli.execute(["import", "no-such-file.md"], &mut Vec::new()).unwrap_err();
/// assert!(matches!(err, CliError::Io { .. }));
/// # Ok::<(), problem_codes_contract::RegistryError>(())
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum CliError {
    /// The command line is wrong; the message says how to fix it.
    Usage(String),
    /// The catalog breaks the snapshot, or the snapshot is missing or unreadable.
    Gate(GateError),
    /// The document to import is not an error table.
    Import {
        /// The document.
        file: PathBuf,
        /// What is wrong, and where.
        source: ImportError,
    },
    /// Reading or writing failed.
    Io {
        /// The I/O error.
        source: io::Error,
    },
}

impl CliError {
    /// 1 when the catalog breaks its snapshot, 2 otherwise: the exit code
    /// [`Cli::run`] returns.
    ///
    /// ```
    /// use problem_codes_contract::Registry;
    /// use problem_codes_contract::cli::Cli;
    ///
    /// let cli = Cli::for_registry(Registry::new("Auth", Vec::new())?);
    /// let err = cli.execute(["json", "extra"], &mut Vec::new()).unwrap_err();
    /// assert_eq!(err.exit_code(), 2);
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
    /// ```
    #[must_use]
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Gate(GateError::Incompatible { .. }) => 1,
            _ => 2,
        }
    }
}

impl From<GateError> for CliError {
    fn from(err: GateError) -> CliError {
        CliError::Gate(err)
    }
}

impl core::fmt::Display for CliError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            CliError::Usage(message) => write!(f, "{message}\n{USAGE}"),
            CliError::Gate(err) => err.fmt(f),
            CliError::Import { file, source } => write!(f, "{}: {source}", file.display()),
            CliError::Io { source } => source.fmt(f),
        }
    }
}

impl std::error::Error for CliError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CliError::Usage(_) => None,
            CliError::Gate(err) => Some(err),
            CliError::Import { source, .. } => Some(source),
            CliError::Io { source } => Some(source),
        }
    }
}
