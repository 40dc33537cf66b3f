//! Reading and writing the tooling's files: bounded reads of regular files only, and
//! writes that replace a file whole or not at all.

use std::io::{self, Read as _, Write as _};
use std::path::Path;

/// The largest file the tooling reads: a snapshot or a Markdown document of 100,000
/// codes is about 30 MB, so 64 MiB leaves room and bounds the memory a wrong path
/// (`/dev/zero`, a log file) can take.
///
/// ```
/// use problem_codes_contract::{MAX_FILE_BYTES, Registry};
/// use problem_codes_contract::compat::{gate, GateError, Settings};
///
/// assert_eq!(MAX_FILE_BYTES, 64 << 20);
/// // A snapshot path that is not a regular file is refused, not read forever.
/// # #[cfg(unix)] {
/// let live = Registry::new("Auth", Vec::new())?;
/// let err = gate(&live, "/dev/zero".as_ref(), &Settings::new()).unwrap_err();
/// assert!(matches!(err, GateError::Io { .. }));
/// assert_eq!(err.to_string(), "/dev/zero: not a regular file");
/// # }
/// # Ok::<(), problem_codes_contract::RegistryError>(())
/// ```
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The text of the regular file at `path`, refusing anything else: a FIFO would block
/// forever and a device (`/dev/zero`) never ends.
///
/// # Errors
///
/// An `InvalidInput` error when `path` is not a regular file or holds more than
/// `limit` bytes, `InvalidData` when it is not UTF-8, and the errors of opening and
/// reading it.
pub(crate) fn read_text(path: &Path, limit: u64) -> io::Result<String> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    let mut text = String::new();
    std::fs::File::open(path)?
        .take(limit.saturating_add(1))
        .read_to_string(&mut text)?;
    if u64::try_from(text.len()).unwrap_or(u64::MAX) > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("larger than {limit} bytes"),
        ));
    }
    Ok(text)
}

/// Replaces the file at `path` with `contents`, whole or not at all: the bytes go to a
/// temporary file in the same folder, which is synced and then renamed over `path`. A
/// process killed at any point leaves the old file or the new one, never a part.
/// Missing parent folders are created.
pub(crate) fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(contents)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|err| err.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("problem-codes-files-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn reads_are_bounded_and_refuse_what_is_not_a_file() {
        let dir = scratch("read");
        let path = dir.join("a.json");
        std::fs::write(&path, "0123456789").unwrap();
        assert_eq!(read_text(&path, 10).unwrap(), "0123456789");
        let err = read_text(&path, 9).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        assert_eq!(err.to_string(), "larger than 9 bytes");
        let err = read_text(&dir, 10).unwrap_err();
        assert_eq!(err.to_string(), "not a regular file");
        #[cfg(unix)]
        {
            let err = read_text(Path::new("/dev/zero"), 10).unwrap_err();
            assert_eq!(err.to_string(), "not a regular file");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_atomic_write_replaces_the_file_and_leaves_no_temporary() {
        let dir = scratch("write");
        let path = dir.join("nested/a.json");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
        let names: Vec<_> = std::fs::read_dir(dir.join("nested"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.json"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// Two versions of a 4 MB file, same length, different bytes.
    fn versions() -> [Vec<u8>; 2] {
        [vec![b'a'; 4 << 20], vec![b'b'; 4 << 20]]
    }

    #[test]
    fn a_killed_write_leaves_the_old_file_or_the_new_one() {
        let dir = scratch("killed");
        let path = dir.join("snapshot.json");
        let versions = versions();
        write_atomic(&path, &versions[0]).unwrap();
        for round in 0..8_u64 {
            let child = std::process::Command::new(std::env::current_exe().unwrap())
                .args(["--exact", "files::tests::writer", "--test-threads=1"])
                .env("PROBLEM_CODES_WRITER_PATH", &path)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap();
            let mut child = KillOnDrop(child);
            // Every read while the writer runs sees one version whole, and so does the
            // read after it is killed, at a moment that differs from round to round.
            let until =
                std::time::Instant::now() + std::time::Duration::from_millis(60 + round * 23);
            let mut reads = 0;
            while std::time::Instant::now() < until {
                let bytes = std::fs::read(&path).unwrap();
                assert!(
                    versions.contains(&bytes),
                    "round {round}, read {reads}: {} bytes, not a version",
                    bytes.len()
                );
                reads += 1;
            }
            child.0.kill().unwrap();
            let _ = child.0.wait();
            let bytes = std::fs::read(&path).unwrap();
            assert!(
                versions.contains(&bytes),
                "round {round}: after the kill, {} bytes, not a version",
                bytes.len()
            );
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// The writer, killed even when an assertion fails first.
    struct KillOnDrop(std::process::Child);

    impl Drop for KillOnDrop {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }

    /// Run by `a_killed_write_leaves_the_old_file_or_the_new_one` in a child process,
    /// which it kills: writes the two versions in turn, forever. Alone, it does nothing.
    #[test]
    fn writer() {
        let Some(path) = std::env::var_os("PROBLEM_CODES_WRITER_PATH") else {
            return;
        };
        for version in versions().iter().cycle() {
            write_atomic(Path::new(&path), version).unwrap();
        }
    }
}
