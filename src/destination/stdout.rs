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

/// Letters written one after another on stdout, for a batch: buffered, so
/// that a chunk of letters is a few large writes. A batch hands over its
/// letters a thread's share at a time: a share larger than the buffer
/// goes to stdout as it is, not copied into it first.
pub struct Stream {
    out: io::BufWriter<io::StdoutLock<'static>>,
}

/// What [`Stream`] gathers before a write: the size of a pipe's buffer.
const STREAM_BUFFER: usize = 64 * 1024;

impl Stream {
    pub fn new() -> Stream {
        Stream {
            out: io::BufWriter::with_capacity(STREAM_BUFFER, io::stdout().lock()),
        }
    }

    pub fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)
    }

    /// Hands what is buffered to stdout; an error here means letters were
    /// lost, and must not pass unseen.
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

impl Default for Stream {
    fn default() -> Self {
        Stream::new()
    }
}
