//! Writing a file atomically: a temporary file beside the target, then a
//! rename, so that a reader never sees half a letter and a failure leaves
//! nothing behind.

use std::io::{self, Write};
use std::path::Path;

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
