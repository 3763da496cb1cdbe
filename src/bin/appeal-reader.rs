//! `appeal-reader KIND`: the document reader `appeal import` starts, under
//! hard limits, for every format it doesn't parse itself (PDF, web pages,
//! Word, OpenDocument, e-mail). The document comes on stdin, its lines go
//! back on stdout as JSON; see `appeal::import::document::sandbox`. It is
//! not meant to be run by hand.

use std::process::ExitCode;

fn main() -> ExitCode {
    appeal::import::document::sandbox::serve_from_args()
}
