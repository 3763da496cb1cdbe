//! Writing files: atomically and never over a file that is there unless
//! asked (a temporary file beside the target, then a rename that refuses to
//! replace), devices and FIFOs as streams, folders readable by their owner
//! only, and `-` for stdout. Every command that writes a file writes it
//! here, and refuses an existing one with the one error [`Error::Exists`].
//! It sits low: it knows nothing of the project above errors and messages.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Where a command's output goes, told once from its argument: `-` is
/// stdout, anything else a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    Stdout,
    File(PathBuf),
}

/// For clap (`Option<Output>` arguments) and for paths: `-` is stdout.
impl From<OsString> for Output {
    fn from(arg: OsString) -> Output {
        if arg == "-" {
            Output::Stdout
        } else {
            Output::File(PathBuf::from(arg))
        }
    }
}

/// Writes a command's file (an action, a calendar, a manual page)
/// atomically; an existing one only with `force`. The refusal is
/// [`Error::Exists`], any other failure [`Error::Io`].
pub fn write_new(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    write_atomic(path, bytes, force).map_err(|e| {
        if e.kind() == io::ErrorKind::AlreadyExists {
            Error::Exists {
                path: path.to_path_buf(),
            }
        } else {
            Error::Io {
                doing: crate::ui::tr!("command-writing", path = path.display().to_string()),
                message: e.to_string(),
            }
        }
    })
}

/// Makes `dir` and its parents; the folders made are readable by their
/// owner only (which actions someone writes about is their own business).
/// An existing folder is left as it is.
pub fn make_private_dir(dir: &Path) -> io::Result<()> {
    private_dir_builder().recursive(true).create(dir)
}

/// Makes the folder `dir`, readable by its owner only, in a folder that is
/// there; `AlreadyExists` when something is at `dir`.
pub fn make_new_private_dir(dir: &Path) -> io::Result<()> {
    private_dir_builder().create(dir)
}

fn private_dir_builder() -> std::fs::DirBuilder {
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
}

/// Writes `bytes` to `path` through a temporary file in the same folder.
/// Without `overwrite`, an existing file is left alone and the error's kind
/// is `AlreadyExists`: the rename itself is the check (`RENAME_NOREPLACE`
/// or a hard link), so no other process can slip a file in between, and
/// the temporary file is removed when it fails.
/// The file is created readable and writable by its owner only, and is
/// flushed to disk before the rename.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> io::Result<()> {
    write_file(path, bytes, overwrite, true)
}

/// As [`write_atomic`]; `durable: false` skips the flush to disk, for batches
/// of many files where a crash can simply be followed by a rerun.
///
/// What is at `path` is respected. A device, FIFO or socket
/// (`/dev/stdout`, `/dev/null`, a named pipe) is written into as a stream,
/// never renamed over. Through a symbolic link to a file, `overwrite`
/// replaces the file the link points to and leaves the link.
pub fn write_file(path: &Path, bytes: &[u8], overwrite: bool, durable: bool) -> io::Result<()> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                crate::ui::tr!("delivery-is-folder"),
            ));
        }
        Ok(m) if !m.is_file() => return stream(path, bytes),
        Ok(_) if overwrite && path.is_symlink() => {
            return write_file(&std::fs::canonicalize(path)?, bytes, overwrite, durable);
        }
        _ => {}
    }
    replace(path, bytes, overwrite, durable)
}

/// Writes a letter into a folder appeal fills with letters (a batch's
/// `--out-dir`, a rescue folder), where whatever is at `path` may have been
/// planted there: it is never followed or opened. With `overwrite`, a link
/// there is replaced by the letter, and what it points to is left as it
/// was; so is a FIFO or a device, never opened (a FIFO would block).
/// Without, any of them is there like a file (`AlreadyExists`). The rename
/// that puts the letter in place acts on the folder's entry itself, so no
/// link swapped in meanwhile is followed either. Not flushed to disk, as a
/// batch of many files can simply be run again after a crash.
pub fn write_entry(path: &Path, bytes: &[u8], overwrite: bool) -> io::Result<()> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            crate::ui::tr!("delivery-is-folder"),
        ));
    }
    replace(path, bytes, overwrite, false)
}

/// A temporary file beside `path`, then a rename onto it: replacing what is
/// there only with `overwrite`.
fn replace(path: &Path, bytes: &[u8], overwrite: bool, durable: bool) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".appeal-")
        .suffix(".tmp")
        .tempfile_in(dir)
        // tempfile names its random file in the message; the folder is what
        // the writer needs to know about.
        .map_err(|e| {
            io::Error::new(
                e.kind(),
                crate::ui::tr!(
                    "delivery-cannot-write-in",
                    folder = dir.display().to_string(),
                    error = io::Error::from(e.kind()).to_string()
                ),
            )
        })?;
    temp.write_all(bytes)?;
    if durable {
        temp.as_file().sync_all()?;
    }
    let persisted = if overwrite {
        temp.persist(path)
    } else {
        temp.persist_noclobber(path)
    };
    persisted.map(|_| ()).map_err(|e| e.error)
}

/// Writes into something that is not a regular file, as a stream.
fn stream(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut out = std::fs::OpenOptions::new().write(true).open(path)?;
    out.write_all(bytes)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_rename_leaves_no_temporary_file_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("letter.txt");
        std::fs::write(&path, b"theirs").unwrap();
        let err = write_file(&path, b"ours", false, false).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"theirs");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            names,
            ["letter.txt"],
            "the temporary file was written, then removed"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_into_and_a_link_keeps_pointing_at_its_file() {
        use std::os::unix::fs::FileTypeExt;
        write_file(Path::new("/dev/null"), b"letter", true, true).unwrap();
        let null = std::fs::metadata("/dev/null").unwrap();
        assert!(
            null.file_type().is_char_device(),
            "/dev/null is still a device"
        );

        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        let link = dir.path().join("link.txt");
        std::fs::write(&real, b"old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let err = write_file(&link, b"new", false, false).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        write_file(&link, b"new", true, false).unwrap();
        assert!(link.is_symlink(), "the link is left a link");
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn a_letter_in_a_folder_replaces_a_planted_link_or_fifo_never_what_it_points_to() {
        use std::os::unix::fs::FileTypeExt;
        let outside = tempfile::tempdir().unwrap();
        let victim = outside.path().join("victim.txt");
        std::fs::write(&victim, b"theirs").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("1-ana.txt");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        let dangling = dir.path().join("2-ben.txt");
        std::os::unix::fs::symlink(outside.path().join("new.txt"), &dangling).unwrap();
        let fifo = dir.path().join("3-eve.txt");
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: mkfifo on a path of our own temporary folder.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        for path in [&link, &dangling, &fifo] {
            let err = write_entry(path, b"letter", false).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::AlreadyExists, "{path:?}");
        }
        assert!(
            std::fs::symlink_metadata(&fifo)
                .unwrap()
                .file_type()
                .is_fifo()
        );
        for path in [&link, &dangling, &fifo] {
            write_entry(path, b"letter", true).unwrap();
            let there = std::fs::symlink_metadata(path).unwrap();
            assert!(there.is_file(), "{path:?} is now the letter itself");
            assert_eq!(std::fs::read(path).unwrap(), b"letter");
        }
        assert_eq!(std::fs::read(&victim).unwrap(), b"theirs");
        assert!(!outside.path().join("new.txt").exists());
        let err = write_entry(dir.path(), b"letter", true).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::IsADirectory);
    }

    #[test]
    fn a_dash_is_stdout_and_anything_else_a_file() {
        assert_eq!(Output::from(OsString::from("-")), Output::Stdout);
        assert_eq!(
            Output::from(OsString::from("./-")),
            Output::File(PathBuf::from("./-"))
        );
        assert_eq!(
            Output::from(OsString::from("cal.ics")),
            Output::File(PathBuf::from("cal.ics"))
        );
    }

    #[test]
    fn an_existing_file_is_the_one_exists_error_with_the_delivery_code() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("river.yaml");
        std::fs::write(&path, b"theirs").unwrap();
        let err = write_new(&path, b"ours", false).unwrap_err();
        assert!(
            matches!(&err, Error::Exists { path: p } if *p == path),
            "{err:?}"
        );
        assert_eq!(err.exit_code(), crate::error::exit::DELIVERY);
        assert_eq!(std::fs::read(&path).unwrap(), b"theirs");
        write_new(&path, b"ours", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"ours");
    }

    #[cfg(unix)]
    #[test]
    fn private_folders_are_their_owners_alone() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b");
        make_private_dir(&deep).unwrap();
        make_private_dir(&deep).unwrap();
        for made in [dir.path().join("a"), deep.clone()] {
            let mode = std::fs::metadata(&made).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o700, "{made:?}");
        }
        let err = make_new_private_dir(&deep).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
    }

    #[test]
    fn refuses_to_overwrite_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("letter.txt");
        write_atomic(&path, b"one", false).unwrap();
        let err = write_atomic(&path, b"two", false).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write_atomic(&path, b"two", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp file left"
        );
    }
}
