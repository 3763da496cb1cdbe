//! Writing to stdout, where a reader that went away (`| head`) is not an error.

use std::io::{self, Write};

/// Writes `bytes` to stdout. A closed pipe counts as success: the reader
/// has all it wanted.
pub fn write(bytes: &[u8]) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
