//! A command-line front for the exports, the gate and the importer, to wire into an
//! example (or a tools crate's `[[bin]]`) of your own:
//!
//! ```no_run
//! # problem_codes::error_catalog! { pub catalog Eryao { section "Auth" {
//! #     AUTH_USER_NOT_FOUND = 404 { title: "User not found" } } } }
//! use problem_codes_contract::cli::Cli;
//! use problem_codes_contract::export::MarkdownOptions;
//!
//! fn main() -> std::process::ExitCode {
//!     Cli::new::<Eryao>()
//!         .markdown(MarkdownOptions::new().title("HTTP Error Codes"))
//!         .snapshot("tests/eryao.codes.json")
//!         .bin_name("cargo run --example eryao --")
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
//! merge <file>... [--name N]   the JSON registry of the catalog and <file>s merged
//!   [--output <file>]          (written whole to <file> instead of printed)
//! import <file> [--name Name]  error_catalog! source for a Markdown table document
//! ```
//!
//! Every command but `import` takes `--registry <file>`: it then works on that JSON
//! registry (another repository's, or a `merge` result) instead of the program's
//! catalog. So a repository that owns no catalog gates and exports the organisation's:
//!
//! ```text
//! problem-codes merge ../auth/auth.codes.json ../billing/billing.codes.json \
//!     --name Organisation --output org.codes.json
//! problem-codes --registry org.codes.json typescript > src/problems.ts
//! problem-codes --registry org.codes.json check org.snapshot.json
//! ```
//!
//! `check` and `snapshot` take `--acknowledge CODE,CODE` to let the refused changes of
//! those codes through; the codes listed in `PROBLEM_CODES_ACKNOWLEDGE` are
//! acknowledged too, as in [`compat::assert_compatible`]. Only `snapshot` writes the
//! snapshot: the CLI does not read `PROBLEM_CODES_SNAPSHOT`.
//!
//! Exit codes ([`EXIT_CODES`]): 0 when the catalog is compatible or the output is
//! written, 1 when `check` or `snapshot` refuses a change, 2 on a usage, input or I/O
//! error.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::compat::{self, ACKNOWLEDGE_ENV, GateError, Settings};
use crate::export::MarkdownOptions;
use crate::export::html::write_site;
use crate::import::{self, ImportError};
use crate::{MergeError, Registry, RegistryError};
use problem_codes::Catalog;

/// The exit codes, as `--help` ends with them.
///
/// ```
/// use problem_codes_contract::Registry;
/// use problem_codes_contract::cli::{Cli, EXIT_CODES};
///
/// let mut out = Vec::new();
/// Cli::for_registry(Registry::new("Auth", Vec::new())?).execute(["--help"], &mut out)?;
/// assert!(String::from_utf8(out)?.ends_with(&format!("{EXIT_CODES}\n")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const EXIT_CODES: &str = "\
Exit codes:
  0  compatible, or the output written
  1  `check` or `snapshot` refused a change
  2  a usage, input or I/O error";

/// The program's name in usage lines and in the commands messages suggest, unless
/// [`Cli::bin_name`] says otherwise.
const DEFAULT_BIN_NAME: &str = "problem-codes";

/// The command line, as clap parses it.
#[derive(Debug, Parser)]
#[command(
    about = "The catalog's documents, its compatibility gate and the Markdown importer",
    after_help = EXIT_CODES,
)]
struct Args {
    /// Use the JSON registry in FILE (a `json` output, a snapshot, a `merge` result)
    /// instead of the catalog
    #[arg(long, global = true, value_name = "FILE")]
    registry: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// The catalog as the Markdown document
    Markdown,
    /// The JSON registry
    Json,
    /// The JSON Schema of the registry
    Schema,
    /// The TypeScript module for the frontend
    Typescript,
    /// The type URI pages, written under <DIR>
    Html {
        /// The folder to write the pages in
        dir: PathBuf,
    },
    /// Compare with the snapshot; exit 1 when a change is refused
    Check(Gate),
    /// Record the catalog in the snapshot, if compatible
    Snapshot(Gate),
    /// Print the catalog merged with other repositories' JSON registries
    Merge {
        /// The JSON registries to merge after the catalog, in order
        #[arg(required = true)]
        registries: Vec<PathBuf>,
        /// The merged registry's name [default: the catalog's]
        #[arg(long)]
        name: Option<String>,
        /// Write the registry to FILE, replaced whole, instead of printing it
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print the error_catalog! source for a Markdown table document
    Import {
        /// The Markdown document
        file: PathBuf,
        /// The catalog's name, a Rust identifier [default: from the document's title]
        #[arg(long, value_parser = catalog_name)]
        name: Option<String>,
    },
}

#[derive(Debug, clap::Args)]
struct Gate {
    /// The snapshot [default: the one the program configures]
    snapshot: Option<PathBuf>,
    /// Let the refused changes of these codes through (PROBLEM_CODES_ACKNOWLEDGE adds to them)
    #[arg(long, value_name = "CODE,CODE", value_delimiter = ',')]
    acknowledge: Vec<String>,
}

fn catalog_name(name: &str) -> Result<String, String> {
    import::check_name(name).map(|()| name.to_owned())
}

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
    bin_name: String,
}

impl<'a> Cli<'a> {
    /// The front for catalog `C`, with no Markdown options and no default snapshot.
    ///
    /// ```
    /// use problem_codes_contract::cli::Cli;
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
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
            bin_name: DEFAULT_BIN_NAME.to_owned(),
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
    /// A relative path is resolved as [`compat::assert_compatible`] resolves it: against
    /// `CARGO_MANIFEST_DIR` when that variable is set at run time (as `cargo run` and
    /// `cargo test` set it, to the root of the package that owns the program), else
    /// against the working directory. So the example and the test of one package name
    /// the same file the same way. A path given on the command line is relative to the
    /// working directory, as any command's argument.
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

    /// How users start the program, for the usage lines and for the commands its
    /// messages suggest: `problem-codes` unless set.
    ///
    /// ```
    /// use problem_codes_contract::Registry;
    /// use problem_codes_contract::cli::Cli;
    ///
    /// let cli = Cli::for_registry(Registry::new("Auth", Vec::new())?).bin_name("cargo run --example auth --");
    /// let err = cli.execute(["check"], &mut Vec::new()).unwrap_err();
    /// assert!(err.to_string().contains("`cargo run --example auth -- check <SNAPSHOT>`"));
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
    /// ```
    #[must_use]
    pub fn bin_name(mut self, name: impl Into<String>) -> Cli<'a> {
        self.bin_name = name.into();
        self
    }

    /// Runs the command in `args` (without the program name), printing to stdout and
    /// errors to stderr, and returns the exit code: 0 when compatible or written, 1
    /// when `check` or `snapshot` refuses a change, 2 on a usage, input or I/O error.
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
                eprintln!("{}", err.to_string().trim_end());
                ExitCode::from(err.exit_code())
            }
        }
    }

    /// Runs the command in `args`, writing its output (and `--help`) to `out`. The
    /// environment is read as by [`run`](Cli::run): `PROBLEM_CODES_ACKNOWLEDGE`, and
    /// `CARGO_MANIFEST_DIR` for the configured snapshot.
    ///
    /// # Errors
    ///
    /// [`CliError`]: a usage mistake, an incompatible catalog, a document that does not
    /// import, or an I/O error.
    ///
    /// ```
    /// use problem_codes_contract::cli::Cli;
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found" } } } }
    ///
    /// let mut out = Vec::new();
    /// Cli::new::<Auth>().execute(["json"], &mut out)?;
    /// assert!(String::from_utf8(out)?.contains(r#""code": "AUTH_USER_NOT_FOUND""#));
    ///
    /// let err = Cli::new::<Auth>().execute(["jsno"], &mut Vec::new()).unwrap_err();
    /// assert!(err.to_string().contains("unrecognized subcommand 'jsno'"));
    /// assert!(err.to_string().contains("tip: some similar subcommands exist: 'snapshot', 'json'"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn execute(
        &self,
        args: impl IntoIterator<Item = impl Into<OsString>>,
        out: &mut dyn Write,
    ) -> Result<(), CliError> {
        let args = match self.parse(args) {
            Ok(args) => args,
            Err(err) if err.exit_code() == 0 => {
                // `--help` and `help`: the help is the output.
                return write!(out, "{}", err.render()).map_err(CliError::write);
            }
            Err(err) => return Err(CliError::Usage(err.render().to_string())),
        };
        let from_file;
        let registry = match &args.registry {
            Some(path) => {
                from_file = read_registry(path)?;
                &from_file
            }
            None => &self.registry,
        };
        match args.command {
            Command::Markdown => self.print(out, &registry.to_markdown(&self.markdown)),
            Command::Json => self.print(out, &registry.to_json()),
            Command::Schema => self.print(out, crate::export::json::SCHEMA),
            Command::Typescript => self.print(out, &registry.to_typescript()),
            Command::Html { dir } => {
                let pages = registry.to_html();
                write_site(&pages, &dir).map_err(|source| CliError::Io {
                    path: Some(dir.clone()),
                    source,
                })?;
                writeln!(out, "wrote {} pages under {}", pages.len(), dir.display())
                    .map_err(CliError::write)
            }
            Command::Check(gate) => self.gate(registry, "check", gate, false, out),
            Command::Snapshot(gate) => self.gate(registry, "snapshot", gate, true, out),
            Command::Merge {
                registries,
                name,
                output,
            } => {
                let mut all = vec![registry.clone()];
                for path in &registries {
                    all.push(read_registry(path)?);
                }
                let name = name.unwrap_or_else(|| registry.name().to_owned());
                let merged = Registry::merge(name, all).map_err(CliError::Merge)?;
                let json = merged.to_json();
                match output {
                    None => self.print(out, &json),
                    Some(path) => {
                        crate::files::write_atomic(&path, json.as_bytes()).map_err(|source| {
                            CliError::Io {
                                path: Some(path.clone()),
                                source,
                            }
                        })?;
                        writeln!(
                            out,
                            "wrote {} codes from {} registries to {}",
                            merged.codes().len(),
                            registries.len() + 1,
                            path.display()
                        )
                        .map_err(CliError::write)
                    }
                }
            }
            Command::Import { file, name } => {
                let text = crate::files::read_text(&file, crate::files::MAX_FILE_BYTES).map_err(
                    |source| CliError::Io {
                        path: Some(file.clone()),
                        source,
                    },
                )?;
                let document = import::markdown(&text).map_err(|source| CliError::Import {
                    file: file.clone(),
                    source,
                })?;
                let name = name.unwrap_or_else(|| document.suggested_name());
                self.print(out, &document.to_rust(&name))
            }
        }
    }

    fn parse(
        &self,
        args: impl IntoIterator<Item = impl Into<OsString>>,
    ) -> Result<Args, clap::Error> {
        use clap::{CommandFactory as _, FromArgMatches as _};
        let command = Args::command()
            .no_binary_name(true)
            .name(DEFAULT_BIN_NAME)
            .bin_name(&self.bin_name);
        let matches = command.try_get_matches_from(args.into_iter().map(Into::into))?;
        Args::from_arg_matches(&matches)
    }

    fn print(&self, out: &mut dyn Write, text: &str) -> Result<(), CliError> {
        out.write_all(text.as_bytes()).map_err(CliError::write)
    }

    fn gate(
        &self,
        registry: &Registry,
        command: &str,
        gate: Gate,
        overwrite: bool,
        out: &mut dyn Write,
    ) -> Result<(), CliError> {
        let path = match gate.snapshot {
            Some(path) => path,
            None => compat::resolve_snapshot(self.snapshot.as_deref().ok_or_else(|| {
                CliError::Usage(format!(
                    "error: `{command}` needs the snapshot's path: `{} {command} <SNAPSHOT>`",
                    self.bin_name
                ))
            })?),
        };
        let from_env = std::env::var(ACKNOWLEDGE_ENV).unwrap_or_default();
        let settings = Settings::new()
            .overwrite(overwrite)
            .acknowledge(gate.acknowledge.iter().map(|code| code.trim()))
            .acknowledge(compat::split_codes(&from_env));
        let record = |codes: &str| {
            let mut command = format!("{} snapshot", self.bin_name);
            if gate_needs_path(self.snapshot.as_deref(), &path) {
                command = format!("{command} {}", path.display());
            }
            if !codes.is_empty() {
                command = format!("{command} --acknowledge {codes}");
            }
            command
        };
        let outcome = match compat::gate(registry, &path, &settings) {
            Ok(outcome) => outcome,
            Err(GateError::Missing { path }) => {
                let command = record("");
                return Err(CliError::Gate {
                    message: format!(
                        "no snapshot at {}; record the catalog with `{command}` and commit the file",
                        path.display()
                    ),
                    source: GateError::Missing { path },
                });
            }
            Err(GateError::Incompatible { path, report }) => {
                return Err(CliError::Gate {
                    message: format!(
                        "the catalog breaks {}:\n{}",
                        path.display(),
                        report.display_with(|codes| format!("`{}`", record(codes)))
                    ),
                    source: GateError::Incompatible { path, report },
                });
            }
            Err(err) => {
                return Err(CliError::Gate {
                    message: err.to_string(),
                    source: err,
                });
            }
        };
        writeln!(out, "{}", outcome.report()).map_err(CliError::write)?;
        if outcome.written() {
            writeln!(out, "wrote {}: commit it", path.display()).map_err(CliError::write)?;
        } else if !overwrite && !outcome.report().findings().is_empty() {
            writeln!(out, "record these changes with `{}`", record("")).map_err(CliError::write)?;
        }
        Ok(())
    }
}

/// The registry in the JSON file at `path`, read with the tooling's bound.
fn read_registry(path: &Path) -> Result<Registry, CliError> {
    let text = crate::files::read_text(path, crate::files::MAX_FILE_BYTES).map_err(|source| {
        CliError::Io {
            path: Some(path.to_owned()),
            source,
        }
    })?;
    Registry::from_json(&text).map_err(|source| CliError::Registry {
        file: path.to_owned(),
        source,
    })
}

/// Whether the recording command must name the snapshot: it is not the configured one.
fn gate_needs_path(configured: Option<&Path>, path: &Path) -> bool {
    configured.is_none_or(|configured| compat::resolve_snapshot(configured) != path)
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
/// assert_eq!(err.to_string(), "error: `check` needs the snapshot's path: `problem-codes check <SNAPSHOT>`");
///
/// let err = cli.execute(["import", "no-such-file.md"], &mut Vec::new()).unwrap_err();
/// assert!(matches!(err, CliError::Io { .. }));
/// assert!(err.to_string().starts_with("no-such-file.md: "));
/// # Ok::<(), problem_codes_contract::RegistryError>(())
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum CliError {
    /// The command line is wrong; the message, clap's, says how to fix it.
    Usage(String),
    /// The catalog breaks the snapshot, or the snapshot is missing or unreadable.
    Gate {
        /// What to tell the user, naming this program's commands.
        message: String,
        /// The gate's error.
        source: GateError,
    },
    /// The document to import is not an error table.
    Import {
        /// The document.
        file: PathBuf,
        /// Every fault, each with its line.
        source: ImportError,
    },
    /// A file given as a JSON registry is not one.
    Registry {
        /// The file.
        file: PathBuf,
        /// What is wrong with it.
        source: RegistryError,
    },
    /// `merge` found a code declared twice with different facts.
    Merge(MergeError),
    /// Reading or writing failed.
    Io {
        /// The file or folder, when the error is not on the output.
        path: Option<PathBuf>,
        /// The I/O error.
        source: io::Error,
    },
}

impl CliError {
    fn write(source: io::Error) -> CliError {
        CliError::Io { path: None, source }
    }

    /// The exit code [`Cli::run`] returns: 1 when the catalog breaks its snapshot, 2
    /// otherwise.
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
            CliError::Gate {
                source: GateError::Incompatible { .. },
                ..
            } => 1,
            _ => 2,
        }
    }
}

impl core::fmt::Display for CliError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            CliError::Usage(message) | CliError::Gate { message, .. } => f.write_str(message),
            CliError::Import { file, source } => {
                for (i, fault) in source.faults().iter().enumerate() {
                    let separator = if i == 0 { "" } else { "\n" };
                    write!(f, "{separator}{}: {fault}", file.display())?;
                }
                Ok(())
            }
            CliError::Registry { file, source } => {
                write!(f, "{}: not a JSON registry: {source}", file.display())
            }
            CliError::Merge(source) => write!(f, "cannot merge: {source}"),
            CliError::Io {
                path: Some(path),
                source,
            } => write!(f, "{}: {source}", path.display()),
            CliError::Io { path: None, source } => source.fmt(f),
        }
    }
}

impl std::error::Error for CliError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CliError::Usage(_) => None,
            CliError::Gate { source, .. } => Some(source),
            CliError::Import { source, .. } => Some(source),
            CliError::Registry { source, .. } => Some(source),
            CliError::Merge(source) => Some(source),
            CliError::Io { source, .. } => Some(source),
        }
    }
}
